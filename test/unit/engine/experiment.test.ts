import * as assert from 'node:assert/strict';
import path from 'node:path';
import { type Experiment, loadExperiment } from '../../../src/engine/experiment/experiment';
import { nodeDataIo } from '../../../src/engine/experiment/nodeDataIo';
import { finalWeights, runExperiment } from '../../../src/engine/experiment/runExperiment';
import { type KernelChoice, createBackend } from '../../../src/engine/kernels/engineBackend';

const ROOT = process.cwd();
let KERNELS: KernelChoice = 'typescript';
const load = (spec: unknown): Promise<Experiment> =>
  loadExperiment(spec, { io: nodeDataIo(path.join(ROOT, 'test/fixtures/datasets'), ROOT), backend: createBackend(KERNELS) });

const playground = (dataset: string, layers: unknown[], extra: Record<string, unknown> = {}) => ({
  seed: 1,
  model: { input_shape: [2], layers },
  compile: { optimizer: { class_name: 'Adam', learning_rate: 0.03 }, loss: 'binary_crossentropy', metrics: ['accuracy'] },
  fit: { epochs: 40, batch_size: 10 },
  data: { dataset, noise: 0 },
  ...extra,
});

for (const kernels of ['typescript', 'wasm'] as const) describe(`experiments (${kernels} kernels)`, function () {
  this.timeout(60_000);
  before(() => { KERNELS = kernels; });

  it('learns the circle dataset with one hidden tanh layer (val accuracy > 0.95)', async () => {
    const exp = await load(playground('circle', [{ class_name: 'Dense', units: 8, activation: 'tanh' }, { class_name: 'Dense', units: 1, activation: 'sigmoid' }]));
    const result = runExperiment(exp);
    const last = result.history[result.history.length - 1]!.logs;
    assert.ok(last.val_accuracy! > 0.95, `val_accuracy ${last.val_accuracy}`);
    assert.ok(last.loss! < result.history[0]!.logs.loss!, 'loss did not fall');
  });

  it('learns xor with two hidden layers (val accuracy > 0.9)', async () => {
    const exp = await load(playground('xor', [{ class_name: 'Dense', units: 8, activation: 'tanh' }, { class_name: 'Dense', units: 8, activation: 'tanh' }, { class_name: 'Dense', units: 1, activation: 'sigmoid' }]));
    const last = runExperiment(exp).history.at(-1)!.logs;
    assert.ok(last.val_accuracy! > 0.9, `val_accuracy ${last.val_accuracy}`);
  });

  it('learns the spiral with feature transforms (val accuracy > 0.8 in 150 epochs)', async () => {
    const spec = playground('spiral', [{ class_name: 'Dense', units: 8, activation: 'tanh' }, { class_name: 'Dense', units: 8, activation: 'tanh' }, { class_name: 'Dense', units: 1, activation: 'sigmoid' }], { fit: { epochs: 150, batch_size: 10 } });
    const features = ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)'];
    const exp = await load({ ...spec, model: { input_shape: [7], layers: spec.model.layers }, data: { dataset: 'spiral', noise: 0, features } });
    const last = runExperiment(exp).history.at(-1)!.logs;
    assert.ok(last.val_accuracy! > 0.8, `val_accuracy ${last.val_accuracy}`);
  });

  it('gives bit-identical runs for the same seed', async () => {
    const spec = playground('gauss', [{ class_name: 'Dense', units: 4, activation: 'relu' }, { class_name: 'Dropout', rate: 0.3 }, { class_name: 'Dense', units: 1, activation: 'sigmoid' }], { fit: { epochs: 3, batch_size: 7 } });
    const a = await load(spec), b = await load(spec);
    assert.deepEqual(runExperiment(a).history, runExperiment(b).history);
    assert.deepEqual(finalWeights(a), finalWeights(b));
    const c = await load({ ...spec, seed: 2 });
    assert.notDeepEqual(runExperiment(c).history, runExperiment(await load(spec)).history);
  });

  it('takes one SGD step exactly as computed by hand (MSE, full batch)', async () => {
    // y = w·x + b on x = [1, 2], t = [3, 5]; w = 0.5, b = 0.
    // pred = [0.5, 1]; MSE = ((2.5)² + 4²)/2 = 11.125; dL/dw = mean(2(p − t)·x) = (−5·1 − 8·2)/2 = −10.5;
    // dL/db = (−5 − 8)/2 = −6.5. SGD (keras/src/optimizers/sgd.py, momentum 0): w ← w − 0.1·g.
    const exp = await load({
      model: { input_shape: [1], layers: [{ class_name: 'Dense', units: 1 }] },
      compile: { optimizer: { class_name: 'SGD', learning_rate: 0.1 }, loss: 'mse' },
      fit: { epochs: 1, batch_size: 2, shuffle: false },
      data: { x: [[1], [2]], y: [[3], [5]] },
      initial_weights: [{ kernel: [[0.5]], bias: [0] }],
    });
    const steps: number[] = [];
    const result = runExperiment(exp, { onStep: (e) => steps.push(e.loss) });
    assert.deepEqual(steps, [11.125]);
    assert.equal(result.history[0]!.logs.loss, 11.125);
    const [w] = finalWeights(exp);
    assert.ok(Math.abs(w!.kernel[0]![0]! - 1.55) < 1e-6, `kernel ${w!.kernel[0]![0]}`);
    assert.ok(Math.abs(w!.bias![0]! - 0.65) < 1e-6, `bias ${w!.bias![0]}`);
  });

  it('adds L2 penalties to loss and val_loss (l2·Σw², no ½)', async () => {
    const exp = await load({
      model: { input_shape: [1], layers: [{ class_name: 'Dense', units: 1, kernel_regularizer: { class_name: 'L2', config: { l2: 0.5 } } }] },
      compile: { optimizer: { class_name: 'SGD', learning_rate: 0 }, loss: 'mse' },
      fit: { epochs: 1, batch_size: 2, shuffle: false },
      data: { x: [[1], [2]], y: [[0], [0]], validation_data: { x: [[1]], y: [[0]] } },
      initial_weights: [{ kernel: [[2]], bias: [0] }],
    });
    const logs = runExperiment(exp).history[0]!.logs;
    assert.equal(logs.loss, (4 + 16) / 2 + 0.5 * 4);
    assert.equal(logs.val_loss, 4 + 0.5 * 4);
  });

  it('weights the epoch loss by batch size, as the Keras loss tracker does', async () => {
    // Three samples, batch 2: batches of 2 and 1. lr 0 keeps the weights, so each batch loss is known.
    const exp = await load({
      model: { input_shape: [1], layers: [{ class_name: 'Dense', units: 1 }] },
      compile: { optimizer: { class_name: 'SGD', learning_rate: 0 }, loss: 'mse' },
      fit: { epochs: 1, batch_size: 2, shuffle: false },
      data: { x: [[1], [1], [1]], y: [[1], [3], [5]] },
      initial_weights: [{ kernel: [[0]], bias: [0] }],
    });
    const steps: number[] = [];
    const logs = runExperiment(exp, { onStep: (e) => steps.push(e.loss) }).history[0]!.logs;
    assert.deepEqual(steps, [5, 25]);
    assert.equal(logs.loss, (5 * 2 + 25 * 1) / 3);
  });

  it('takes validation_split from the last samples before shuffling', async () => {
    const x = Array.from({ length: 10 }, (_, i) => [i]);
    const exp = await load({
      model: { layers: [{ class_name: 'Dense', units: 1 }] },
      compile: { loss: 'mse' },
      fit: { epochs: 1, validation_split: 0.3 },
      data: { x, y: x },
    });
    assert.equal(exp.train.n, 7);
    assert.deepEqual(Array.from(exp.validation!.x), [7, 8, 9]);
  });

  it('stops early and restores the best weights, reporting 1-based epochs', async () => {
    // A learning rate that makes the loss climb after the first epoch.
    const exp = await load({
      model: { input_shape: [1], layers: [{ class_name: 'Dense', units: 1 }] },
      compile: { optimizer: { class_name: 'SGD', learning_rate: 1.2 }, loss: 'mse' },
      fit: { epochs: 20, batch_size: 4, shuffle: false, callbacks: [{ class_name: 'EarlyStopping', monitor: 'loss', patience: 2, restore_best_weights: true }] },
      data: { x: [[1], [2], [3], [4]], y: [[2], [4], [6], [8]] },
      initial_weights: [{ kernel: [[0]], bias: [0] }],
    });
    const snapshots: number[][] = [];
    const result = runExperiment(exp, { onEpoch: () => snapshots.push(Array.from(exp.compiled.model.params)) });
    const losses = result.history.map((e) => e.logs.loss!);
    const best = losses.indexOf(Math.min(...losses));
    assert.equal(result.bestEpoch, best + 1);
    assert.equal(result.stoppedEpoch, result.epochsRun);
    assert.equal(result.epochsRun, best + 1 + 2);
    assert.ok(result.restoredBestWeights);
    assert.deepEqual(Array.from(exp.compiled.model.params), snapshots[best]);
  });

  it('stops a run whose loss becomes NaN and says where', async () => {
    const exp = await load({
      model: { input_shape: [1], layers: [{ class_name: 'Dense', units: 1 }] },
      compile: { optimizer: { class_name: 'SGD', learning_rate: 1e6 }, loss: 'mse' },
      fit: { epochs: 50, batch_size: 1, shuffle: false },
      data: { x: [[100], [200]], y: [[1], [2]] },
    });
    const result = runExperiment(exp);
    assert.equal(result.stoppedBy, 'nan');
    assert.ok(result.nanAt && result.nanAt.epoch >= 1);
  });

  it('explains a model that does not fit its data', async () => {
    await assert.rejects(load({ model: { input_shape: [784], layers: [{ class_name: 'Dense', units: 1 }] }, compile: { loss: 'mse' }, data: { dataset: 'circle' } }),
      /model\.input_shape: .*takes 784 inputs per sample but Playground "circle".* has 2 feature columns.*set input_shape=\[2\]/);
    await assert.rejects(load({ model: { layers: [{ class_name: 'Dense', units: 3, activation: 'softmax' }] }, compile: { loss: 'categorical_crossentropy' }, data: { dataset: 'circle' } }),
      /output shape \(None, 3\).*targets \(None, 1\).*Dense\(1, activation='sigmoid'\)/);
    await assert.rejects(load({ model: { layers: [{ class_name: 'Dense', units: 1 }] }, compile: { loss: 'mse' }, data: { dataset: 'circle' }, fitt: {} }), /fitt: .*allowed keys are seed, model, compile, fit, data, initial_weights/);
    await assert.rejects(load({ model: { layers: [{ class_name: 'Dense', units: 1 }] }, compile: { loss: 'mse' }, data: { dataset: 'circles' } }), /data\.dataset: got "circles"; expected one of circle/);
    await assert.rejects(load({ model: { layers: [{ class_name: 'Dense', units: 1 }] }, compile: { loss: 'mse' }, fit: { batch_size: 0 }, data: { dataset: 'circle' } }), /fit\.batch_size: got 0; expected an integer >= 1/);
    await assert.rejects(load({ model: { layers: [{ class_name: 'Dense', units: 1 }] }, compile: { loss: 'mse' }, data: { x: [[1, Number.NaN]], y: [[1]] } }), /data\.x\[0\]\[1\]: got NaN/);
  });

  it('refuses an absurd model before allocating it, with its size', async () => {
    await assert.rejects(load({ model: { input_shape: [2], layers: [{ class_name: 'Dense', units: 100_000 }, { class_name: 'Dense', units: 10_000 }, { class_name: 'Dense', units: 1 }] }, compile: { loss: 'mse' }, data: { dataset: 'plane' } }),
      /1,000,320,001 parameters.*about 18\.6 GB/);
  });

  it('converts one-hot targets for sparse_categorical_crossentropy', async () => {
    const exp = await load({
      model: { layers: [{ class_name: 'Dense', units: 3, activation: 'softmax' }] },
      compile: { loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] },
      data: { x: [[1, 0], [0, 1], [1, 1]], y: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] },
    });
    assert.deepEqual(Array.from(exp.train.y), [0, 1, 2]);
    assert.match(exp.notes.join(' '), /class indices/);
    assert.ok(Number.isFinite(runExperiment(exp).history[0]!.logs.accuracy));
  });

  it('reads a CSV file relative to the experiment and trains on it', async () => {
    const exp = await load({ model: { layers: [{ class_name: 'Dense', units: 4, activation: 'relu' }, { class_name: 'Dense', units: 1 }] }, compile: { loss: 'mse' }, fit: { epochs: 2, validation_split: 0.25 }, data: { csv: 'houses.csv', target: 'price', standardize: true } });
    assert.ok(exp.train.n > 0 && exp.validation && exp.validation.n > 0);
    assert.equal(runExperiment(exp).epochsRun, 2);
  });
});
