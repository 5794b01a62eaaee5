import * as assert from 'node:assert/strict';
import { parseLayers } from '../../../src/engine/layers/layerRegistry';
import { HeapArena } from '../../../src/engine/kernels/arena';
import { TS_KERNELS } from '../../../src/engine/kernels/kernels';
import { Sequential } from '../../../src/engine/model/sequential';
import { Rng } from '../../../src/engine/rng';
import { assertGradientMatches } from './gradCheck';

function buildModel(layers: unknown[], inputShape: number[], maxBatch = 4, seed = 1): Sequential {
  const parsed = parseLayers(layers, 'model.layers');
  const model = new Sequential(parsed.layers, parsed.inputShape ?? inputShape);
  model.build(maxBatch, TS_KERNELS, new HeapArena(), new Rng(seed));
  return model;
}

/** L = Σ c ⊙ model(x): a fixed linear read-out, so dL/dout = c. */
function readoutLoss(model: Sequential, x: Float32Array, batch: number, c: Float32Array): number {
  const out = model.forward(x, batch, false);
  let s = 0;
  for (let i = 0; i < c.length; i++) s += out[i]! * c[i]!;
  return s;
}

function randomArray(n: number, rng: Rng, scale = 1): Float32Array {
  return Float32Array.from({ length: n }, () => rng.uniformRange(-scale, scale));
}

describe('Sequential model', () => {
  it('lays every weight out in one flat buffer with Keras parameter counts', () => {
    // The lecture's MNIST MLP: 784·512 + 512 + 512·10 + 10 = 407,050 (Keras model.summary()).
    const model = buildModel([{ class_name: 'Dense', units: 512, activation: 'relu', input_shape: [784] }, { class_name: 'Dense', units: 10, activation: 'softmax' }], [784], 1);
    assert.equal(model.countParams(), 407_050);
    assert.deepEqual(model.variables.map((v) => [v.layer.name, v.spec.name, v.size]), [
      ['dense', 'kernel', 401_408], ['dense', 'bias', 512], ['dense_1', 'kernel', 5_120], ['dense_1', 'bias', 10],
    ]);
    assert.deepEqual(model.outputShape, [10]);
  });

  it('backward matches finite differences for a tanh-sigmoid-softmax stack with dropout off', () => {
    const rng = new Rng(7);
    const model = buildModel([
      { class_name: 'Dense', units: 5, activation: 'tanh' },
      { class_name: 'Dropout', rate: 0.5 },
      { class_name: 'Dense', units: 4, activation: 'sigmoid', use_bias: false },
      { class_name: 'Activation', activation: 'relu' },
      { class_name: 'Dense', units: 3, activation: 'softmax' },
    ], [3], 4);
    const batch = 4, x = randomArray(batch * 3, rng), c = randomArray(batch * 3, rng);
    readoutLoss(model, x, batch, c);
    model.grads.fill(0);
    model.forward(x, batch, false);
    model.backward(c.slice(), batch);
    assertGradientMatches('params', () => readoutLoss(model, x, batch, c), model.params, model.grads.slice(), { eps: 1e-2 });
  });

  it('Dense on a rank-3 input acts on the last axis (Keras: (None, 10, 16) -> Dense(8) = 136 params)', () => {
    const model = buildModel([{ class_name: 'Dense', units: 8, input_shape: [10, 16] }], [10, 16], 2);
    assert.equal(model.countParams(), 136);
    assert.deepEqual(model.outputShape, [10, 8]);
    const rng = new Rng(3), batch = 2, x = randomArray(batch * 160, rng), c = randomArray(batch * 80, rng);
    model.grads.fill(0);
    model.forward(x, batch, false);
    model.backward(c.slice(), batch);
    assertGradientMatches('rank-3 dense', () => readoutLoss(model, x, batch, c), model.params, model.grads.slice(), { indices: [0, 5, 17, 64, 100, 127, 128, 135] });
  });

  it('Flatten feeds Dense with the product of the axes', () => {
    const model = buildModel([{ class_name: 'Flatten', input_shape: [28, 28] }, { class_name: 'Dense', units: 128, activation: 'relu' }, { class_name: 'Dropout', rate: 0.5 }, { class_name: 'Dense', units: 10, activation: 'softmax' }], [28, 28], 1);
    // The lecture's dropout model: 784·128 + 128 + 128·10 + 10 = 101,770.
    assert.equal(model.countParams(), 101_770);
  });

  it('inverted dropout keeps about 1 - rate of the units, scaled by 1/(1 - rate), only in training', () => {
    const model = buildModel([{ class_name: 'Dropout', rate: 0.25 }], [1000], 4);
    const x = new Float32Array(4000).fill(1);
    const y = model.forward(x, 4, true);
    const kept = y.filter((v) => v !== 0);
    assert.ok(Math.abs(kept.length / 4000 - 0.75) < 0.03, `kept ${kept.length}`);
    for (const v of kept) assert.ok(Math.abs(v - 1 / 0.75) < 1e-6);
    assert.deepEqual(Array.from(model.forward(x, 4, false).slice(0, 10)), new Array(10).fill(1));
  });

  it('builds the same weights from the same seed and different ones from another', () => {
    const cfg = [{ class_name: 'Dense', units: 8, activation: 'tanh', input_shape: [2] }, { class_name: 'Dense', units: 1, activation: 'sigmoid' }];
    assert.deepEqual(buildModel(cfg, [2], 4, 5).params, buildModel(cfg, [2], 4, 5).params);
    assert.notDeepEqual(buildModel(cfg, [2], 4, 5).params, buildModel(cfg, [2], 4, 6).params);
  });

  it('round-trips weights in Keras layout and refuses a wrong shape', () => {
    const model = buildModel([{ class_name: 'Dense', units: 3, input_shape: [2] }, { class_name: 'Dense', units: 1, use_bias: false }], [2]);
    const w = [{ kernel: [[1, 2, 3], [4, 5, 6]], bias: [0.5, 0, -0.5] }, { kernel: [[1], [0], [-1]], bias: null }];
    model.setWeights(w);
    assert.deepEqual(model.getWeights(), w);
    const y = model.forward(Float32Array.from([1, 1]), 1, false);
    assert.equal(y[0], (1 + 4 + 0.5) - (3 + 6 - 0.5));
    assert.throws(() => model.setWeights([{ kernel: [[1, 2]], bias: null }, w[1]!]), /^ConfigError: initial_weights\[0\]\.kernel: got shape \[1\]\[2\]; expected shape \[2\]\[3\] for dense$/);
    assert.throws(() => model.setWeights([{ kernel: w[0]!.kernel, bias: null }, w[1]!]), /^ConfigError: initial_weights\[0\]\.bias: got null; expected a list of 3 numbers for dense$/);
    assert.throws(() => model.setWeights([w[0]!]), /^ConfigError: initial_weights: got 1 entry; expected one entry per layer with weights: the model has 2$/);
  });

  it('refuses unknown layers and arguments with the key and what is allowed', () => {
    assert.throws(() => parseLayers([{ class_name: 'Conv2D', filters: 3 }], 'model.layers'), /model\.layers\[0\]\.class_name: got "Conv2D"; expected one of Dense, Dropout/);
    assert.throws(() => parseLayers([{ class_name: 'Dense', units: 4, activaton: 'relu' }], 'model.layers'), /model\.layers\[0\]\.activaton: .*allowed keys are/);
    assert.throws(() => parseLayers([{ class_name: 'Dense', units: 0 }], 'L'), /L\[0\]\.units: got 0; expected an integer >= 1/);
    assert.throws(() => parseLayers([{ class_name: 'Dropout', rate: 1 }], 'L'), /L\[0\]\.rate: got 1; expected a number >= 0 < 1/);
    assert.throws(() => parseLayers([{ class_name: 'Dense', units: 2, activation: 'relux' }], 'L'), /L\[0\]\.activation/);
  });

  it('names layers as Keras does', () => {
    const parsed = parseLayers([{ class_name: 'Dense', units: 2 }, { class_name: 'Dense', units: 2 }, { class_name: 'Dropout', rate: 0.1 }, { class_name: 'Dense', units: 1, name: 'out' }], 'L');
    assert.deepEqual(parsed.layers.map((l) => l.name), ['dense', 'dense_1', 'dropout', 'out']);
  });
});

describe('predictRows', () => {
  it('gives the same outputs in chunks as one forward pass per row', async () => {
    const { predictRows } = await import('../../../src/engine/training/predict');
    const model = buildModel([{ class_name: 'Dense', units: 3, activation: 'tanh', input_shape: [2] }, { class_name: 'Dense', units: 2, activation: 'softmax' }], [2], 4);
    const rng = new Rng(9), n = 11, x = randomArray(n * 2, rng);
    const buffers = { x: new Float32Array(4 * 2), y: new Float32Array(4), dPred: new Float32Array(8) };
    const out = predictRows(model, x, n, buffers);
    for (let r = 0; r < n; r++) {
      const one = model.forward(x.slice(r * 2, r * 2 + 2), 1, false);
      assert.deepEqual(Array.from(out.subarray(r * 2, r * 2 + 2)), Array.from(one.subarray(0, 2)));
    }
  });
});

describe('training diagnostics', () => {
  it('computes kernel weight and gradient norms per layer', async () => {
    const { kernelNorms } = await import('../../../src/engine/training/diagnostics');
    const model = buildModel([{ class_name: 'Dense', units: 2, input_shape: [2] }, { class_name: 'Dense', units: 1, use_bias: false }], [2]);
    model.setWeights([{ kernel: [[3, 0], [0, 4]], bias: [0, 0] }, { kernel: [[1], [0]], bias: null }]);
    model.grads.fill(0);
    model.variables[0]!.grad.set([0, 0, 0, 2]);
    assert.deepEqual(kernelNorms(model), [{ layer: 'dense', weight: 5, gradient: 2 }, { layer: 'dense_1', weight: 1, gradient: 0 }]);
  });

  it('counts a confusion matrix with 0.5 threshold for one sigmoid unit and arg-max otherwise', async () => {
    const { confusionMatrix } = await import('../../../src/engine/training/diagnostics');
    const model = buildModel([{ class_name: 'Dense', units: 1, input_shape: [1], use_bias: false }], [1], 4);
    model.setWeights([{ kernel: [[1]], bias: null }]);
    const buffers = { x: new Float32Array(4), y: new Float32Array(4), dPred: new Float32Array(4) };
    const data = { x: Float32Array.from([0.9, 0.2, 0.7, 0.1]), xScale: 1, y: Float32Array.from([1, 1, 0, 0]), n: 4 };
    assert.deepEqual(confusionMatrix(model, data, 1, buffers), [[1, 1], [1, 1]]);
    const soft = buildModel([{ class_name: 'Dense', units: 3, input_shape: [3], use_bias: false }], [3], 2);
    soft.setWeights([{ kernel: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], bias: null }]);
    const three = { x: Float32Array.from([0, 1, 0, 0, 0, 1]), xScale: 1, y: Float32Array.from([0, 1, 0, 1, 0, 0]), n: 2 };
    assert.deepEqual(confusionMatrix(soft, three, 3, { x: new Float32Array(6), y: new Float32Array(6), dPred: new Float32Array(6) }), [[0, 0, 1], [0, 1, 0], [0, 0, 0]]);
  });
});

describe('predictLayers', () => {
  it('returns each layer\'s output, the last equal to predictRows', async () => {
    const { predictLayers, predictRows } = await import('../../../src/engine/training/predict');
    const model = buildModel([{ class_name: 'Dense', units: 3, activation: 'tanh', input_shape: [2] }, { class_name: 'Dense', units: 1, activation: 'sigmoid' }], [2], 4);
    const x = randomArray(10 * 2, new Rng(4));
    const buffers = { x: new Float32Array(4 * 2), y: new Float32Array(4), dPred: new Float32Array(4) };
    const layers = predictLayers(model, x, 10, buffers);
    assert.deepEqual(layers.map((l) => l.length), [30, 10]);
    assert.deepEqual(Array.from(layers[1]!), Array.from(predictRows(model, x, 10, buffers)));
    assert.ok(layers[0]!.every((v) => v > -1 && v < 1), 'tanh outputs');
  });
});
