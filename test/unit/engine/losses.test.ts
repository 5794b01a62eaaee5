/**
 * Tests for the engine's losses: values against hand-computed numbers and the docstring examples of
 * keras/src/losses/losses.py, Keras' clipping (keras/src/backend/jax/nn.py, epsilon 1e-7 from
 * keras/src/backend/config.py), finite-difference gradient checks for every loss and variant, and the
 * registry's names, class-form configs and errors.
 */
import * as assert from 'node:assert/strict';
import { ConfigError } from '../../../src/engine/configError';
import type { Loss } from '../../../src/engine/losses/loss';
import { getLoss, LOSS_NAMES, type LossIdentifier } from '../../../src/engine/losses/lossRegistry';
import { Rng } from '../../../src/engine/rng';
import { assertClose, assertGradientMatches } from './gradCheck';

const f32 = (xs: number[]): Float32Array => Float32Array.from(xs);

function value(id: LossIdentifier, pred: number[], target: number[], batch: number): number {
  const loss = getLoss(id, 'loss');
  return loss.compute(f32(pred), f32(target), batch, pred.length / batch, null);
}

function gradient(loss: Loss, pred: Float32Array, target: Float32Array, batch: number): Float32Array {
  const d = new Float32Array(pred.length);
  loss.compute(pred, target, batch, pred.length / batch, d);
  return d;
}

function checkGradient(id: LossIdentifier, pred: Float32Array, target: Float32Array, batch: number): void {
  const loss = getLoss(id, 'loss'), width = pred.length / batch;
  const analytic = gradient(loss, pred, target, batch);
  assertGradientMatches(`${JSON.stringify(id)} gradient`, () => loss.compute(pred, target, batch, width, null), pred, analytic, { eps: 1e-3 });
}

/** Uniform values in [lo, hi) from a seeded Rng. */
function uniform(n: number, lo: number, hi: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  return Float32Array.from({ length: n }, () => lo + (hi - lo) * rng.uniform());
}

/** One-hot rows for the given class indices. */
function oneHot(classes: number[], width: number): Float32Array {
  const t = new Float32Array(classes.length * width);
  classes.forEach((k, r) => (t[r * width + k] = 1));
  return t;
}

const B = 4, K = 3;
const PROBS = uniform(B * K, 0.05, 0.95, 1); // inside the clip range, rows not normalised
const LOGITS = uniform(B * K, -3, 3, 2);
const LABELS = [2, 0, 1, 2];
const BINARY_TARGETS = f32([1, 0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 0]);

describe('losses', () => {
  describe('gradients match finite differences', () => {
    // [title, loss, pred, target, batch]
    const cases: [string, LossIdentifier, Float32Array, Float32Array, number][] = [
      ['binary_crossentropy on probabilities', 'binary_crossentropy', PROBS, BINARY_TARGETS, B],
      ['binary_crossentropy from_logits', { class_name: 'BinaryCrossentropy', config: { from_logits: true } }, LOGITS, BINARY_TARGETS, B],
      ['binary_crossentropy with label_smoothing', { class_name: 'BinaryCrossentropy', config: { label_smoothing: 0.2 } }, PROBS, BINARY_TARGETS, B],
      ['categorical_crossentropy on unnormalised probabilities', 'categorical_crossentropy', PROBS, oneHot(LABELS, K), B],
      ['categorical_crossentropy on soft targets', 'categorical_crossentropy', PROBS, uniform(B * K, 0, 1, 9), B],
      ['categorical_crossentropy from_logits', { class_name: 'CategoricalCrossentropy', config: { from_logits: true } }, LOGITS, oneHot(LABELS, K), B],
      ['categorical_crossentropy with label_smoothing', { class_name: 'CategoricalCrossentropy', config: { label_smoothing: 0.1 } }, PROBS, oneHot(LABELS, K), B],
      ['categorical_crossentropy from_logits with label_smoothing', { class_name: 'CategoricalCrossentropy', config: { from_logits: true, label_smoothing: 0.3 } }, LOGITS, oneHot(LABELS, K), B],
      ['sparse_categorical_crossentropy on probabilities', 'sparse_categorical_crossentropy', PROBS, f32(LABELS), B],
      ['sparse_categorical_crossentropy from_logits', { class_name: 'SparseCategoricalCrossentropy', config: { from_logits: true } }, LOGITS, f32(LABELS), B],
      ['mean_squared_error', 'mse', LOGITS, uniform(B * K, -1, 1, 3), B],
      ['mean_absolute_error', 'mae', f32([0.5, -1, 2, 0.3, 1.5, -0.7]), f32([0, 0, 0, 1, 1, 1]), 2],
      ['huber, both branches', 'huber', f32([0.5, -1.8, 2.4, 0.3, 1.5, -0.7]), f32([0, 0, 0, 1, -1, 1]), 2],
      ['huber with delta 2', { class_name: 'Huber', config: { delta: 2 } }, f32([0.5, -3.1, 2.4, 0.3]), f32([0, 0, 0, 1]), 2],
    ];
    for (const [title, id, pred, target, batch] of cases) {
      it(`${title} gradient matches finite differences`, () => {
        checkGradient(id, Float32Array.from(pred), target, batch);
      });
    }
  });

  describe('binary_crossentropy', () => {
    it('gives −log p for a label of 1 (p = 0.8 → 0.22314355)', () => {
      assertClose('bce', [value('binary_crossentropy', [0.8], [1], 1)], [0.2231435513142097]);
    });

    it('averages over the last axis, then the batch (keras/src/losses/losses.py docstring: [0.916, 0.714])', () => {
      const perSample = [0.916290731874155, 0.7135581778200728];
      assertClose('bce', [value('binary_crossentropy', [0.6, 0.4, 0.4, 0.6], [0, 1, 0, 0], 2)], [(perSample[0]! + perSample[1]!) / 2]);
    });

    it('clips p = 0 and p = 1 to [1e-7, 1 − 1e-7] in float32: finite loss, zero gradient', () => {
      // float32(1 − 1e-7) = 1 − 2^-23, so a fully wrong 1 costs −log(2^-23) = 15.942385 as in Keras.
      assertClose('p=1,y=0', [value('bce', [1], [0], 1)], [15.942385152878742], 1e-9);
      assertClose('p=0,y=1', [value('bce', [0], [1], 1)], [16.118095639272223], 1e-6);
      const d = gradient(getLoss('bce', 'loss'), f32([0, 1]), f32([1, 0]), 1);
      assertClose('clipped gradient', d, [0, 0], 0, 0);
    });

    it('smooths labels towards 0.5 with label_smoothing (y = 1, ls = 0.2 → 0.9)', () => {
      const v = value({ class_name: 'BinaryCrossentropy', config: { label_smoothing: 0.2 } }, [0.8], [1], 1);
      assertClose('bce ls', [v], [0.3617729874261988]);
    });

    it('from_logits equals the probability form at moderate logits and does not clip at large ones', () => {
      const x = [-2, 0.5, 3], y = [1, 0, 1], p = x.map((v) => 1 / (1 + Math.exp(-v)));
      const fromLogits = { class_name: 'BinaryCrossentropy', config: { from_logits: true } };
      assertClose('logits vs probs', [value(fromLogits, x, y, 1)], [value('binary_crossentropy', p, y, 1)], 1e-6);
      assertClose('logit 100, label 0', [value(fromLogits, [100], [0], 1)], [100], 1e-9);
    });
  });

  describe('categorical_crossentropy', () => {
    it('matches the Keras docstring example (keras/src/losses/losses.py: [0.0513, 2.303], mean 1.177)', () => {
      const v = value('categorical_crossentropy', [0.05, 0.95, 0, 0.1, 0.8, 0.1], [0, 1, 0, 0, 0, 1], 2);
      assertClose('cce', [v], [(-Math.log(0.95) - Math.log(0.1)) / 2], 1e-6);
      assert.ok(Math.abs(v - 1.177) < 5e-4);
    });

    it('renormalises each row to sum to 1 before the log ([2, 6, 2] → −log 0.6)', () => {
      assertClose('cce renorm', [value('categorical_crossentropy', [2, 6, 2], [0, 1, 0], 1)], [-Math.log(0.6)]);
    });

    it('clips a zero probability of the true class to 1e-7 instead of returning Infinity', () => {
      assertClose('cce clip', [value('categorical_crossentropy', [0, 1], [1, 0], 1)], [-Math.log(Math.fround(1e-7))], 1e-6);
    });

    it('smooths labels to ls/K off target and 1 − ls + ls/K on target', () => {
      // ls = 0.3, K = 3: y = [0.1, 0.8, 0.1]
      const v = value({ class_name: 'CategoricalCrossentropy', config: { label_smoothing: 0.3 } }, [0.2, 0.5, 0.3], [0, 1, 0], 1);
      assertClose('cce ls', [v], [-(0.1 * Math.log(0.2) + 0.8 * Math.log(0.5) + 0.1 * Math.log(0.3))]);
    });

    it('from_logits equals the loss on softmax probabilities and stays finite at logit 1000', () => {
      const x = [1, 2, 3], e = x.map(Math.exp), s = e.reduce((a, b) => a + b), p = e.map((v) => v / s);
      const fromLogits = { class_name: 'CategoricalCrossentropy', config: { from_logits: true } };
      assertClose('cce logits', [value(fromLogits, x, [0, 0, 1], 1)], [value('categorical_crossentropy', p, [0, 0, 1], 1)], 1e-6);
      assertClose('cce big logits', [value(fromLogits, [1000, 0, 0], [0, 1, 0], 1)], [1000], 1e-9);
    });
  });

  describe('sparse_categorical_crossentropy', () => {
    it('takes one class index per row and matches the categorical docstring example (mean 1.177)', () => {
      const loss = getLoss('sparse_categorical_crossentropy', 'loss');
      assert.equal(loss.targetWidth(3), 1);
      const v = value('sparse_categorical_crossentropy', [0.05, 0.95, 0, 0.1, 0.8, 0.1], [1, 2], 2);
      assertClose('scce', [v], [(-Math.log(0.95) - Math.log(0.1)) / 2], 1e-6);
    });

    it('equals categorical_crossentropy on the one-hot labels, value and gradient', () => {
      const sparse = getLoss('sparse_categorical_crossentropy', 'loss'), dense = getLoss('categorical_crossentropy', 'loss');
      const oh = oneHot(LABELS, K);
      assertClose('value', [sparse.compute(PROBS, f32(LABELS), B, K, null)], [dense.compute(PROBS, oh, B, K, null)], 1e-7);
      assertClose('gradient', gradient(sparse, PROBS, f32(LABELS), B), gradient(dense, PROBS, oh, B), 1e-6);
    });

    it('rejects a label outside [0, K) with a RangeError that names the row and the range', () => {
      assert.throws(() => value('sparse_categorical_crossentropy', [0.2, 0.8, 0.5, 0.5], [1, 2], 2), /row 1 holds 2.*\[0, 2\)/);
      assert.throws(() => value('sparse_categorical_crossentropy', [0.2, 0.8], [-1], 1), RangeError);
    });
  });

  describe('regression losses', () => {
    it('mse and mae average over the last axis and the batch', () => {
      assertClose('mse', [value('mse', [1, 2, 3, 4], [0, 0, 0, 0], 2)], [7.5]);
      assertClose('mae', [value('mae', [1, -2, 3, 4], [0, 0, 0, 0], 2)], [2.5]);
    });

    it('huber is quadratic inside delta and linear outside (Keras docstring example 0.155)', () => {
      assertClose('huber docstring', [value('huber', [0.6, 0.4, 0.4, 0.6], [0, 1, 0, 0], 2)], [0.155]);
      // e = 3, δ = 1: 1·3 − 0.5 = 2.5; e = 0.5: 0.125
      assertClose('huber branches', [value('huber', [3, 0.5], [0, 0], 1)], [(2.5 + 0.125) / 2]);
      // δ = 2, e = −3: 2·3 − 2 = 4
      assertClose('huber delta', [value({ class_name: 'Huber', config: { delta: 2 } }, [-3], [0], 1)], [4]);
    });
  });

  describe('registry', () => {
    it('accepts Keras function names, class names and aliases', () => {
      const expected: Record<string, string> = {
        mse: 'mean_squared_error', MSE: 'mean_squared_error', MeanSquaredError: 'mean_squared_error',
        mae: 'mean_absolute_error', MAE: 'mean_absolute_error', mean_absolute_error: 'mean_absolute_error',
        bce: 'binary_crossentropy', BinaryCrossentropy: 'binary_crossentropy',
        CategoricalCrossentropy: 'categorical_crossentropy', SparseCategoricalCrossentropy: 'sparse_categorical_crossentropy',
        huber: 'huber', Huber: 'huber',
      };
      for (const [name, lossName] of Object.entries(expected)) assert.equal(getLoss(name, 'loss').name, lossName, name);
      for (const name of LOSS_NAMES) assert.ok(getLoss(name, 'loss'));
    });

    it('builds the class form with from_logits and the Keras reduction', () => {
      const loss = getLoss({ class_name: 'BinaryCrossentropy', config: { from_logits: true, reduction: 'sum_over_batch_size', name: 'bce', axis: -1 } }, 'loss');
      assert.equal(loss.name, 'binary_crossentropy');
      assert.equal((loss as unknown as { fromLogits: boolean }).fromLogits, true);
    });

    it('rejects an unknown name with a ConfigError listing the allowed names', () => {
      assert.throws(
        () => getLoss('mean_squared_eror', 'compile.loss'),
        (e: unknown) => e instanceof ConfigError && e.key === 'compile.loss' && LOSS_NAMES.every((n) => e.message.includes(n)),
      );
    });

    it('rejects unknown classes, unknown arguments and settings HyperLab cannot honour', () => {
      const bad: [LossIdentifier, string][] = [
        [{ class_name: 'Poisson' }, 'compile.loss.class_name'],
        [{ class_name: 'Huber', config: { from_logits: true } }, 'compile.loss.config.from_logits'],
        [{ class_name: 'BinaryCrossentropy', config: { reduction: 'sum' } }, 'compile.loss.config.reduction'],
        [{ class_name: 'BinaryCrossentropy', config: { label_smoothing: 1.5 } }, 'compile.loss.config.label_smoothing'],
        [{ class_name: 'CategoricalCrossentropy', config: { from_logits: 'yes' } }, 'compile.loss.config.from_logits'],
        [{ class_name: 'SparseCategoricalCrossentropy', config: { ignore_class: 255 } }, 'compile.loss.config.ignore_class'],
        [{ class_name: 'SparseCategoricalCrossentropy', config: { label_smoothing: 0.1 } }, 'compile.loss.config.label_smoothing'],
      ];
      for (const [id, key] of bad) {
        assert.throws(() => getLoss(id, 'compile.loss'), (e: unknown) => e instanceof ConfigError && e.key === key, JSON.stringify(id));
      }
    });
  });
});
