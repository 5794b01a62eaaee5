/**
 * The training engine against the real Keras 3, step by step: seeded random Dense models (activations,
 * biases, L1/L2 kernel regularizers), optimizers (SGD with and without momentum and Nesterov, RMSprop, Adam,
 * AdamW, Adagrad, Nadam), losses and batch sizes, with fixed initial weights and inline data, trained by
 * HyperLab's engine (float32) and by Keras in float64 (kerasTrainer.py, train_on_batch per batch, no shuffling).
 * Every step's loss and the final weights must agree to float32 precision.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Rng } from '../../src/engine/rng';
import { loadExperiment } from '../../src/engine/experiment/experiment';
import { nodeDataIo } from '../../src/engine/experiment/nodeDataIo';
import { finalWeights, runExperiment } from '../../src/engine/experiment/runExperiment';
import { createBackend } from '../../src/engine/kernels/engineBackend';
import { kerasPython } from './kerasOracle';

const EXPERIMENTS = 40;
/** float32 against float64 over a few dozen steps. */
const RELATIVE = 2e-4;

type Json = Record<string, unknown>;

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(xs.length)]!;
const uniform = (rng: Rng, scale: number): number => Math.round((rng.uniform() * 2 - 1) * scale * 1e6) / 1e6;

function optimizer(rng: Rng): Json {
  const lr = pick(rng, [0.01, 0.05, 0.1]);
  switch (rng.int(7)) {
    case 0: return { class_name: 'SGD', learning_rate: lr };
    case 1: return { class_name: 'SGD', learning_rate: lr, momentum: 0.9, nesterov: rng.int(2) === 0 };
    case 2: return { class_name: 'RMSprop', learning_rate: lr / 10, rho: 0.9 };
    case 3: return { class_name: 'Adam', learning_rate: lr / 10 };
    case 4: return { class_name: 'AdamW', learning_rate: lr / 10, weight_decay: 0.01 };
    case 5: return { class_name: 'Adagrad', learning_rate: lr };
    default: return { class_name: 'Nadam', learning_rate: lr / 10 };
  }
}

/** One random experiment: a Dense model, its loss and data, initial weights. */
function experiment(rng: Rng, seed: number): Json {
  const inputs = 2 + rng.int(4);
  const task = pick(rng, ['regression', 'binary', 'classes'] as const);
  const outputs = task === 'classes' ? 3 : 1;
  const hidden = Array.from({ length: rng.int(3) }, () => 2 + rng.int(5));
  const widths = [inputs, ...hidden, outputs];
  const layers: Json[] = hidden.map((units) => ({
    class_name: 'Dense', units, activation: pick(rng, ['relu', 'tanh', 'sigmoid', 'elu', 'softplus', 'linear']),
    ...(rng.int(3) === 0 ? { use_bias: false } : {}),
    ...(rng.int(4) === 0 ? { kernel_regularizer: { class_name: 'L1L2', l1: 0.001, l2: 0.01 } } : {}),
  }));
  layers.push({ class_name: 'Dense', units: outputs, activation: task === 'regression' ? 'linear' : task === 'binary' ? 'sigmoid' : 'softmax' });
  const loss = task === 'regression' ? pick(rng, ['mse', 'mae', 'huber']) : task === 'binary' ? 'binary_crossentropy' : 'categorical_crossentropy';
  const n = 8 + rng.int(25);
  const x = Array.from({ length: n }, () => Array.from({ length: inputs }, () => uniform(rng, 2)));
  const y = x.map((row) => {
    const s = row.reduce((a, v, i) => a + v * (i % 2 === 0 ? 1 : -0.5), 0);
    if (task === 'regression') return [s];
    if (task === 'binary') return [s > 0 ? 1 : 0];
    const k = s < -0.5 ? 0 : s < 0.5 ? 1 : 2;
    return [0, 1, 2].map((c) => (c === k ? 1 : 0));
  });
  const weights = layers.map((l, i) => ({
    kernel: Array.from({ length: widths[i]! }, () => Array.from({ length: widths[i + 1]! }, () => uniform(rng, 0.7))),
    bias: l['use_bias'] === false ? null : Array.from({ length: widths[i + 1]! }, () => uniform(rng, 0.1)),
  }));
  return {
    seed, model: { input_shape: [inputs], layers }, compile: { optimizer: optimizer(rng), loss },
    fit: { epochs: 1 + rng.int(3), batch_size: pick(rng, [1, 4, 8, 32]), shuffle: false }, data: { x, y }, initial_weights: weights,
  };
}

interface KerasTraining { readonly ok: boolean; readonly error?: string; readonly losses: number[]; readonly weights: { kernel: number[][]; bias: number[] | null }[] }

function trainInKeras(specs: readonly Json[]): KerasTraining[] {
  const r = spawnSync(kerasPython(), [path.resolve('test/keras/kerasTrainer.py')], { input: JSON.stringify(specs), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`the Keras trainer failed: ${r.stderr.slice(-2000)}`);
  return r.stdout.trim().split('\n').slice(1).map((l) => JSON.parse(l) as KerasTraining);
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= RELATIVE * Math.max(1, Math.abs(b));

describe('differential: the training engine against Keras 3 (float64), step by step', function () {
  it(`matches every step's loss and the final weights (${EXPERIMENTS} runs)`, async () => {
    const rng = new Rng(4242);
    const specs = Array.from({ length: EXPERIMENTS }, (_, i) => experiment(rng, i + 1));
    const keras = trainInKeras(specs);
    const wrong: string[] = [];
    for (const [i, spec] of specs.entries()) {
      const k = keras[i]!;
      if (!k.ok) {
        wrong.push(`run ${i}: Keras raises ${k.error}`);
        continue;
      }
      const exp = await loadExperiment(spec, { io: nodeDataIo('.', '.'), backend: createBackend('typescript') });
      const losses: number[] = [];
      runExperiment(exp, { onStep: (e) => losses.push(e.loss) });
      const step = losses.findIndex((l, s) => !close(l, k.losses[s]!));
      if (losses.length !== k.losses.length || step >= 0) {
        wrong.push(`run ${i} (${JSON.stringify((spec['compile'] as Json)['optimizer'])}, ${String((spec['compile'] as Json)['loss'])}): step ${step + 1} loss ${losses[step]} vs Keras ${k.losses[step]} (${losses.length} vs ${k.losses.length} steps)`);
        continue;
      }
      finalWeights(exp).forEach((w, l) => {
        const kw = k.weights[l]!;
        const bad = w.kernel.flat().findIndex((v, j) => !close(v, kw.kernel.flat()[j]!));
        if (bad >= 0) wrong.push(`run ${i}: layer ${l} kernel[${bad}] ${w.kernel.flat()[bad]} vs Keras ${kw.kernel.flat()[bad]}`);
      });
    }
    assert.deepEqual(wrong, []);
  });
});
