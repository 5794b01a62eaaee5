/**
 * Unit tests for the core layer rules (Dense, Dropout, Embedding, Input/InputLayer, activations) and for
 * what applyLayer does around every rule: positional/keyword binding, trainable=False, unknown values passed
 * through as reasons, custom layers, misspelt keywords.
 */
import * as assert from 'node:assert/strict';
import { N } from './publishedModelCatalog';
import { apply, layer, paramTotal, unknownValue } from './layerCallBuilders';
import { english } from './analysisFixtures';
import { type Message, msg } from '../../../src/keras/message';

describe('Dense rule', () => {
  it('gives the lecture formula 784 × 512 + 512 = 401,920 and (None, 512)', () => {
    const out = apply(layer('Dense', [512], { activation: 'relu' }), [N, 784]);
    assert.deepEqual(out.outputShape, [N, 512]);
    assert.deepEqual(out.params, { trainable: 401_920, nonTrainable: 0 });
    assert.equal(out.formula, '784 × 512 + 512 = 401,920');
    assert.equal(out.unknownReason, null);
  });

  it('acts on the last axis of a rank-3 input: (None, 10, 16) → Dense(8) = 136, (None, 10, 8)', () => {
    const out = apply(layer('Dense', [8]), [N, 10, 16]);
    assert.deepEqual(out.outputShape, [N, 10, 8]);
    assert.equal(paramTotal(out), 136);
  });

  it('drops the bias term with use_bias=False', () => {
    const out = apply(layer('Dense', [10], { use_bias: false }), [N, 100]);
    assert.equal(out.formula, '100 × 10 = 1,000');
  });

  it('binds positional arguments in Keras order: Dense(64, "relu", False) is Dense(units=64, activation="relu", use_bias=False)', () => {
    const positional = apply(layer('Dense', [64, 'relu', false]), [N, 4]);
    const keyword = apply(layer('Dense', [], { units: 64, activation: 'relu', use_bias: false }), [N, 4]);
    assert.deepEqual(positional, keyword);
    assert.equal(paramTotal(positional), 256);
  });

  it('reports units <= 0 and a non-integer units as errors with no numbers', () => {
    for (const units of [0, -3, 64.5]) {
      const out = apply(layer('Dense', [units]), [N, 4]);
      assert.equal(out.params, null);
      assert.equal(out.outputShape, null);
      assert.equal(out.problems[0]?.code, 'invalid-argument');
      assert.match(out.problems[0].message, /units must be/);
    }
  });

  it('passes an unknown units value through as the reason: the parameters and that axis are unknown, the batch axis is not', () => {
    const out = apply(layer('Dense', [unknownValue('n_units is a function argument')]), [N, 4]);
    assert.equal(out.outputShape?.length, 2);
    assert.equal(out.outputShape?.[0], N);
    assert.match(english((out.outputShape?.[1] as { unknown: Message }).unknown), /comes from units, which n_units is a function argument/);
    assert.equal(out.params, null);
    assert.match(english(out.unknownReason), /units: n_units is a function argument/);
    assert.deepEqual(out.problems, []);
  });

  it('counts a Dense after an axis of unknown size when its own input axis is known (class 5: partial shapes)', () => {
    const out = apply(layer('Dense', [2]), [N, { unknown: msg('is only known when the code runs') }, 16]);
    assert.deepEqual([out.outputShape?.[2], out.params], [2, { trainable: 34, nonTrainable: 0 }]);
    const last = apply(layer('Dense', [2]), [N, { unknown: msg('is only known when the code runs') }]);
    assert.deepEqual([last.outputShape?.[1], last.params, last.problems], [2, null, []]);
    assert.match(english(last.unknownReason), /the input's last axis \(features\) is only known when the code runs/);
  });

  it('keeps the shape and the parameters unknown when the input shape is unknown', () => {
    const out = apply(layer('Dense', [10]), null);
    assert.deepEqual([out.outputShape, out.params], [null, null]);
    assert.match(english(out.unknownReason), /input shape is not known/);
  });

  it('explains that a layer without any input needs input_shape or keras.Input', () => {
    const out = apply(layer('Dense', [10]));
    assert.match(english(out.unknownReason), /input_shape=.*keras\.Input/);
  });

  it('rejects a rank-1 input and an input whose last axis is None', () => {
    assert.equal(apply(layer('Dense', [4]), [N]).problems[0]?.code, 'impossible-shape');
    const out = apply(layer('Dense', [4]), [N, N]);
    assert.equal(out.params, null);
    assert.match(out.problems[0]!.message, /last axis \(features\)/);
  });

  it('refuses two input tensors', () => {
    const out = apply(layer('Dense', [4]), [N, 3], [N, 3]);
    assert.match(out.problems[0]!.message, /takes one input tensor but gets 2/);
  });

  it('does not model LoRA: lora_rank makes the parameters unknown but keeps the shape', () => {
    const out = apply(layer('Dense', [8], { lora_rank: 4 }), [N, 16]);
    assert.deepEqual(out.outputShape, [N, 8]);
    assert.equal(out.params, null);
    assert.match(english(out.unknownReason), /lora_rank/);
  });
});

describe('trainable=False and argument checks shared by every rule', () => {
  it('moves every parameter to non-trainable', () => {
    const out = apply(layer('Dense', [512], { trainable: false }), [N, 784]);
    assert.deepEqual(out.params, { trainable: 0, nonTrainable: 401_920 });
    assert.equal(out.formula, '784 × 512 + 512 = 401,920');
  });

  it('moves BatchNormalization gamma and beta to non-trainable too', () => {
    assert.deepEqual(apply(layer('BatchNormalization', [], { trainable: false }), [N, 64]).params, { trainable: 0, nonTrainable: 256 });
  });

  it('cannot split trainable from non-trainable when trainable is unknown', () => {
    const out = apply(layer('Dense', [2], { trainable: unknownValue('freeze is a parameter') }), [N, 3]);
    assert.deepEqual(out.outputShape, [N, 2]);
    assert.equal(out.params, null);
    assert.match(english(out.unknownReason), /trainable: freeze is a parameter/);
  });

  it('rejects a non-boolean trainable as Keras 3 does', () => {
    assert.equal(apply(layer('Dense', [2], { trainable: 'no' }), [N, 3]).problems[0]?.code, 'invalid-argument');
  });

  it('warns about a misspelt keyword and suggests the real one, keeping the numbers', () => {
    const out = apply(layer('Dense', [2], { activaton: 'relu' }), [N, 3]);
    assert.equal(paramTotal(out), 8);
    assert.equal(out.problems[0]?.code, 'unknown-argument');
    assert.match(out.problems[0].message, /no argument activaton; did you mean activation\?/);
  });

  it('rejects more positional arguments than the signature has, and a value given twice', () => {
    assert.match(apply(layer('Dropout', [0.5, null, 1, 2]), [N, 3]).problems[0]!.message, /at most 3 positional arguments/);
    assert.match(apply(layer('Dense', [4], { units: 4 }), [N, 3]).problems[0]!.message, /two values for units/);
  });

  it('reports input_shape written as a number, the usual missing comma', () => {
    const out = apply(layer('Dense', [4], { input_shape: 784 }), [N, 784]);
    assert.match(out.problems[0]!.message, /input_shape=\(784,\)/);
  });

  it('says a custom layer cannot be known, and names Keras layers that are not modelled yet', () => {
    const custom = apply(layer('MyAttention', [8]), [N, 4]);
    assert.equal(english(custom.unknownReason), 'custom layer MyAttention: HyperLab cannot know its shape or parameters statically');
    assert.deepEqual([custom.outputShape, custom.params, custom.formula], [null, null, null]);
    assert.match(english(apply(layer('EinsumDense', ['ab,bc->ac', 4]), [N, 4]).unknownReason), /does not model Keras' EinsumDense/);
  });
});

describe('Dropout rule', () => {
  it('keeps the shape and has no parameters', () => {
    const out = apply(layer('Dropout', [0.5]), [N, 128]);
    assert.deepEqual([out.outputShape, out.params, out.formula, out.problems], [[N, 128], { trainable: 0, nonTrainable: 0 }, null, []]);
  });

  it('flags a rate outside [0, 1] as dropout-rate with the fraction hint', () => {
    const out = apply(layer('Dropout', [50]), [N, 128]);
    assert.equal(out.problems[0]?.code, 'dropout-rate');
    assert.equal(out.problems[0]?.severity, 'error');
    assert.match(out.problems[0].message, /write Dropout\(0\.5\)/);
    assert.equal(apply(layer('Dropout', [], { rate: -0.1 }), [N, 4]).problems[0]?.code, 'dropout-rate');
  });

  it('warns that rate 1 zeroes every unit but still builds', () => {
    const out = apply(layer('Dropout', [1]), [N, 4]);
    assert.deepEqual(out.outputShape, [N, 4]);
    assert.deepEqual(out.problems.map((p) => [p.code, p.severity]), [['dropout-rate', 'warning']]);
  });

  it('accepts rate 0 and an unknown rate without a problem', () => {
    assert.deepEqual(apply(layer('Dropout', [0]), [N, 4]).problems, []);
    assert.deepEqual(apply(layer('Dropout', [unknownValue('p is a parameter')]), [N, 4]).outputShape, [N, 4]);
  });

  it('keeps zero parameters even when the input shape is unknown', () => {
    assert.deepEqual(apply(layer('Dropout', [0.2]), null).params, { trainable: 0, nonTrainable: 0 });
  });
});

describe('activation layer rules', () => {
  it('keep the shape and have no parameters', () => {
    for (const call of [layer('Activation', ['relu']), layer('ReLU'), layer('LeakyReLU', [0.2]), layer('Softmax'), layer('ELU')]) {
      const out = apply(call, [N, 7, 7, 128]);
      assert.deepEqual([out.outputShape, paramTotal(out)], [[N, 7, 7, 128], 0], call.className);
    }
  });

  it('LeakyReLU takes the deprecated alpha with an info note and rejects a negative slope', () => {
    const out = apply(layer('LeakyReLU', [], { alpha: 0.2 }), [N, 4]);
    assert.deepEqual(out.problems.map((p) => [p.code, p.severity]), [['deprecated-argument', 'info']]);
    assert.equal(apply(layer('LeakyReLU', [-1]), [N, 4]).problems[0]?.code, 'invalid-argument');
  });

  it('Activation needs its activation argument', () => {
    assert.match(apply(layer('Activation'), [N, 4]).problems[0]!.message, /needs activation/);
  });
});

describe('Embedding rule', () => {
  it('counts V × D and appends D to the input shape', () => {
    const out = apply(layer('Embedding', [10_000, 128]), [N, 200]);
    assert.deepEqual(out.outputShape, [N, 200, 128]);
    assert.equal(out.formula, '10,000 × 128 = 1,280,000');
  });

  it('knows its parameters without an input shape', () => {
    const out = apply(layer('Embedding', [], { input_dim: 1000, output_dim: 64 }), null);
    assert.equal(out.outputShape, null);
    assert.deepEqual(out.params, { trainable: 64_000, nonTrainable: 0 });
  });

  it('notes that Keras 3 ignores input_length', () => {
    const out = apply(layer('Embedding', [1000, 8], { input_length: 10 }), [N, 10]);
    assert.deepEqual(out.problems.map((p) => p.code), ['deprecated-argument']);
  });

  it('rejects a non-positive vocabulary or dimension', () => {
    assert.equal(apply(layer('Embedding', [0, 8]), [N, 3]).problems[0]?.code, 'invalid-argument');
  });
});

describe('Input and InputLayer rules', () => {
  it('Input(shape=(784,)) gives (None, 784) with no parameters', () => {
    assert.deepEqual(apply(layer('Input', [], { shape: [784] })).outputShape, [N, 784]);
    assert.deepEqual(apply(layer('Input', [[28, 28, 1]])).params, { trainable: 0, nonTrainable: 0 });
  });

  it('uses batch_size for the batch axis and batch_shape as given', () => {
    assert.deepEqual(apply(layer('Input', [], { shape: [3], batch_size: 32 })).outputShape, [32, 3]);
    assert.deepEqual(apply(layer('InputLayer', [], { batch_shape: [8, N, 4] })).outputShape, [8, N, 4]);
    assert.deepEqual(apply(layer('InputLayer', [], { input_shape: [5] })).outputShape, [N, 5]);
  });

  it('reports a shape written as a number, a missing shape, and shape with batch_shape', () => {
    assert.match(apply(layer('Input', [], { shape: 784 })).problems[0]!.message, /shape=\(784,\)/);
    assert.match(apply(layer('Input')).problems[0]!.message, /needs a shape/);
    assert.match(apply(layer('Input', [], { shape: [3], batch_shape: [1, 3] })).problems[0]!.message, /both shape= and batch_shape=/);
  });

  it('keeps an unknown size inside the shape as an unknown size in that axis', () => {
    const out = apply(layer('Input', [], { shape: [unknownValue('n_features comes from the data'), 3] }));
    assert.deepEqual(out.outputShape, [N, { unknown: msg('n_features comes from the data') }, 3]);
  });
});
