/**
 * Tests for the engine's metrics: the accuracies and errors against hand-computed values and the
 * docstring examples of keras/src/metrics/accuracy_metrics.py, epoch averaging over samples as Keras'
 * Mean does (keras/src/metrics/reduction_metrics.py), and the registry's 'accuracy' resolution and
 * history keys (keras/src/trainers/compile_utils.py `get_metric`).
 */
import * as assert from 'node:assert/strict';
import { ConfigError } from '../../../src/engine/configError';
import { getLoss } from '../../../src/engine/losses/lossRegistry';
import { argmax, BinaryAccuracy, CategoricalAccuracy, SparseCategoricalAccuracy } from '../../../src/engine/metrics/accuracyMetrics';
import { Mean } from '../../../src/engine/metrics/mean';
import type { Metric } from '../../../src/engine/metrics/metric';
import { METRIC_NAMES, resolveMetric } from '../../../src/engine/metrics/metricRegistry';
import { MeanAbsoluteErrorMetric, MeanSquaredErrorMetric } from '../../../src/engine/metrics/regressionMetrics';
import { assertClose } from './gradCheck';

const f32 = (xs: number[]): Float32Array => Float32Array.from(xs);

function evaluate(metric: Metric, pred: number[], target: number[], batch: number): number {
  metric.reset();
  metric.update(f32(pred), f32(target), batch, pred.length / batch);
  return metric.result();
}

describe('metrics', () => {
  describe('values', () => {
    it('binary_accuracy thresholds at 0.5 (keras accuracy_metrics.py docstring: 0.75)', () => {
      assertClose('binary', [evaluate(new BinaryAccuracy(), [0.98, 1, 0, 0.6], [1, 1, 0, 0], 4)], [0.75]);
    });

    it('binary_accuracy counts p = 0.5 as class 0 (strictly greater than the threshold)', () => {
      assertClose('binary at 0.5', [evaluate(new BinaryAccuracy(), [0.5, 0.5], [0, 1], 2)], [0.5]);
    });

    it('binary_accuracy averages over the units of a multi-label row, then over samples', () => {
      // row 1: [1, 0] vs [1, 1] → 0.5; row 2: [0, 0] vs [0, 0] → 1
      assertClose('multi-label', [evaluate(new BinaryAccuracy(), [0.7, 0.2, 0.1, 0.4], [1, 1, 0, 0], 2)], [0.75]);
    });

    it('categorical_accuracy compares argmaxes (keras accuracy_metrics.py docstring: 0.5)', () => {
      assertClose('categorical', [evaluate(new CategoricalAccuracy(), [0.1, 0.9, 0.8, 0.05, 0.95, 0], [0, 0, 1, 0, 1, 0], 2)], [0.5]);
    });

    it('sparse_categorical_accuracy compares the label with the argmax (keras accuracy_metrics.py docstring: 0.5)', () => {
      const m = new SparseCategoricalAccuracy();
      assert.equal(m.targetWidth(3), 1);
      assertClose('sparse', [evaluate(m, [0.1, 0.6, 0.3, 0.05, 0.95, 0], [2, 1], 2)], [0.5]);
    });

    it('argmax takes the first of tied maxima', () => {
      assert.equal(argmax(f32([0.2, 0.4, 0.4]), 0, 3), 1);
      assert.equal(argmax(f32([9, 1, 3, 3]), 1, 3), 1);
    });

    it('mae and mse average per-row means over samples', () => {
      assertClose('mae', [evaluate(new MeanAbsoluteErrorMetric(), [1, -2, 3, 4], [0, 0, 0, 0], 2)], [2.5]);
      assertClose('mse', [evaluate(new MeanSquaredErrorMetric(), [1, 2, 3, 4], [0, 0, 0, 0], 2)], [7.5]);
    });
  });

  describe('epoch averaging', () => {
    it('weighs every sample equally across batches of different sizes, not every batch', () => {
      const m = new SparseCategoricalAccuracy();
      m.update(f32([1, 0, 0, 1, 1, 0]), f32([0, 1, 0]), 3, 2); // 3 of 3 right
      m.update(f32([0, 1]), f32([0]), 1, 2); // 0 of 1 right
      assertClose('epoch', [m.result()], [0.75]);
    });

    it('starts over at reset and reports 0 before any update (divide_no_nan)', () => {
      const m = new BinaryAccuracy();
      assert.equal(m.result(), 0);
      m.update(f32([0.9]), f32([1]), 1, 1);
      assert.equal(m.result(), 1);
      m.reset();
      assert.equal(m.result(), 0);
    });

    it('Mean weighs values by their weight, as the loss tracker weighs batch losses by batch size', () => {
      const m = new Mean();
      m.update(2, 3);
      m.update(4, 1);
      assertClose('mean', [m.result()], [2.5]);
    });
  });

  describe('registry', () => {
    it("resolves 'accuracy' from the shapes as compile_utils.get_metric does", () => {
      const cases: [string, number, string][] = [
        ['binary_crossentropy', 1, 'binary_accuracy'],
        ['categorical_crossentropy', 3, 'categorical_accuracy'],
        ['sparse_categorical_crossentropy', 3, 'sparse_categorical_accuracy'],
        ['mse', 1, 'binary_accuracy'], // width 1 is binary whatever the loss
        ['binary_crossentropy', 4, 'categorical_accuracy'], // multi-label sigmoid: Keras picks categorical
      ];
      for (const [loss, width, expected] of cases) {
        const r = resolveMetric('accuracy', loss, width, 'metrics[0]');
        assert.equal(r.metric.name, expected, `${loss} × ${width}`);
        assert.equal(r.key, 'accuracy');
      }
    });

    it("keeps the identifier as the history key: 'acc' → 'acc', 'Accuracy' → 'Accuracy', 'mae' → 'mae'", () => {
      assert.equal(resolveMetric('acc', 'binary_crossentropy', 1, 'm').key, 'acc');
      assert.equal(resolveMetric('Accuracy', 'categorical_crossentropy', 3, 'm').metric.name, 'categorical_accuracy');
      assert.equal(resolveMetric('Accuracy', 'categorical_crossentropy', 3, 'm').key, 'Accuracy');
      const mae = resolveMetric('mae', 'mse', 2, 'm');
      assert.deepEqual([mae.key, mae.metric.name, mae.metric.direction], ['mae', 'mean_absolute_error', 'down']);
      const mse = resolveMetric('MeanSquaredError', 'mse', 2, 'm');
      assert.deepEqual([mse.key, mse.metric.name], ['MeanSquaredError', 'mean_squared_error']);
    });

    it('accepts a built Loss and a class-form loss as well as a loss name', () => {
      const built = getLoss('sparse_categorical_crossentropy', 'loss');
      assert.equal(resolveMetric('accuracy', built, 10, 'm').metric.name, 'sparse_categorical_accuracy');
      const classForm = { class_name: 'SparseCategoricalCrossentropy', config: { from_logits: true } };
      assert.equal(resolveMetric('accuracy', classForm, 10, 'm').metric.name, 'sparse_categorical_accuracy');
    });

    it('computes the resolved accuracy on the loss-shaped targets', () => {
      const { metric } = resolveMetric('accuracy', 'sparse_categorical_crossentropy', 3, 'm');
      assertClose('resolved sparse', [evaluate(metric, [0.1, 0.6, 0.3, 0.05, 0.95, 0], [1, 1], 2)], [1]);
    });

    it('rejects an unknown metric with a ConfigError listing the allowed names', () => {
      assert.throws(
        () => resolveMetric('f1', 'mse', 1, 'compile.metrics[1]'),
        (e: unknown) => e instanceof ConfigError && e.key === 'compile.metrics[1]' && METRIC_NAMES.every((n) => e.message.includes(n)),
      );
    });

    it("rejects a metric whose targets don't fit the loss, with a hint", () => {
      assert.throws(
        () => resolveMetric('sparse_categorical_accuracy', 'categorical_crossentropy', 3, 'm'),
        (e: unknown) => e instanceof ConfigError && e.message.includes('categorical_accuracy'),
      );
      assert.throws(
        () => resolveMetric('categorical_accuracy', 'sparse_categorical_crossentropy', 3, 'm'),
        (e: unknown) => e instanceof ConfigError && e.message.includes('sparse_categorical_accuracy'),
      );
      assert.throws(() => resolveMetric('mae', 'sparse_categorical_crossentropy', 3, 'm'), ConfigError);
    });
  });
});
