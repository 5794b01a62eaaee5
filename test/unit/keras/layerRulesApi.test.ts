/**
 * Unit tests for the public helpers next to applyLayer: declaredInputShape in all its spellings,
 * kerasAutoName against Keras' to_snake_case, the registry (isKnownLayer, KNOWN_LAYERS), the number and
 * shape formatting, and a robustness sweep: arbitrary argument values never make applyLayer throw.
 */
import * as assert from 'node:assert/strict';
import type { PyValue } from '../../../src/keras/kerasModel';
import { KNOWN_LAYERS, applyLayer, declaredInputShape, isKnownLayer, kerasAutoName } from '../../../src/keras/layers/applyLayer';
import { formatCount, formatShape } from '../../../src/keras/layers/formatting';
import { N } from './publishedModelCatalog';
import { inline, layer, unknownValue } from './layerCallBuilders';
import { msg } from '../../../src/keras/message';

describe('declaredInputShape', () => {
  it('reads Input/InputLayer shape= and batch_shape=, with batch_size for the batch axis', () => {
    assert.deepEqual(declaredInputShape(layer('Input', [], { shape: [784] })), [N, 784]);
    assert.deepEqual(declaredInputShape(layer('Input', [[28, 28, 1]])), [N, 28, 28, 1]);
    assert.deepEqual(declaredInputShape(layer('Input', [], { shape: [N, 5], batch_size: 16 })), [16, N, 5]);
    assert.deepEqual(declaredInputShape(layer('InputLayer', [], { batch_shape: [4, 10] })), [4, 10]);
    assert.deepEqual(declaredInputShape(layer('InputLayer', [], { input_shape: [3] })), [N, 3]);
  });

  it('reads input_shape=, input_dim= and batch_input_shape= on any layer, custom ones included', () => {
    assert.deepEqual(declaredInputShape(layer('Dense', [512], { input_shape: [784] })), [N, 784]);
    assert.deepEqual(declaredInputShape(layer('Dense', [64], { input_dim: 100 })), [N, 100]);
    assert.deepEqual(declaredInputShape(layer('LSTM', [4], { batch_input_shape: [32, 10, 8] })), [32, 10, 8]);
    assert.deepEqual(declaredInputShape(layer('Dense', [4], { input_shape: [3], batch_size: 8 })), [8, 3]);
    assert.deepEqual(declaredInputShape(layer('MyLayer', [], { input_shape: [7] })), [N, 7]);
    assert.deepEqual(declaredInputShape(layer('Bidirectional', [inline('LSTM', [64])], { input_shape: [5, 10] })), [N, 5, 10]);
  });

  it('treats Embedding input_dim as the vocabulary and reads input_length', () => {
    assert.equal(declaredInputShape(layer('Embedding', [], { input_dim: 1000, output_dim: 64 })), undefined);
    assert.deepEqual(declaredInputShape(layer('Embedding', [1000, 64], { input_length: 200 })), [N, 200]);
    assert.deepEqual(declaredInputShape(layer('Embedding', [1000, 64], { input_shape: [N] })), [N, N]);
  });

  it('is undefined when nothing is declared and null when the declaration cannot be read', () => {
    assert.equal(declaredInputShape(layer('Dense', [10])), undefined);
    assert.equal(declaredInputShape(layer('Dense', [10], { input_shape: 784 })), null);
    assert.equal(declaredInputShape(layer('Dense', [10], { input_shape: unknownValue('x.shape[1:]') })), null);
    assert.equal(declaredInputShape(layer('Input', [], { tensor: unknownValue('a tensor') })), null);
  });

  it('keeps a size known only at run time as an unknown size in its axis, the other axes as written', () => {
    const nFeatures = unknownValue('n_features');
    assert.deepEqual(declaredInputShape(layer('Dense', [10], { input_shape: [nFeatures] })), [N, { unknown: msg('n_features') }]);
    assert.deepEqual(declaredInputShape(layer('Input', [], { shape: [3], batch_size: unknownValue('bs') })), [{ unknown: msg('bs') }, 3]);
  });
});

describe('kerasAutoName', () => {
  it('matches Keras 3 to_snake_case, aliases resolved to their class', () => {
    const cases: [string, string][] = [
      ['Dense', 'dense'], ['Conv2D', 'conv2d'], ['BatchNormalization', 'batch_normalization'], ['LSTM', 'lstm'],
      ['GlobalAveragePooling2D', 'global_average_pooling2d'], ['SimpleRNN', 'simple_rnn'], ['LeakyReLU', 'leaky_re_lu'],
      ['ReLU', 're_lu'], ['Conv2DTranspose', 'conv2d_transpose'], ['Conv1DTranspose', 'conv1d_transpose'], ['UpSampling2D', 'up_sampling2d'],
      ['ZeroPadding2D', 'zero_padding2d'], ['RepeatVector', 'repeat_vector'], ['MaxPool2D', 'max_pooling2d'], ['GlobalAvgPool1D', 'global_average_pooling1d'],
      ['Input', 'input_layer'], ['InputLayer', 'input_layer'], ['concatenate', 'concatenate'], ['GRU', 'gru'], ['MyCoolLayer', 'my_cool_layer'],
    ];
    assert.deepEqual(cases.map(([cls]) => kerasAutoName(cls)), cases.map(([, name]) => name));
  });
});

describe('layer registry', () => {
  it('knows every layer the issue lists, their aliases and the functional merge forms', () => {
    const required = [
      'Dense', 'Dropout', 'Flatten', 'Activation', 'Reshape', 'Conv1D', 'Conv2D', 'Conv1DTranspose', 'Conv2DTranspose', 'MaxPooling1D', 'MaxPooling2D',
      'AveragePooling1D', 'AveragePooling2D', 'GlobalMaxPooling1D', 'GlobalMaxPooling2D', 'GlobalAveragePooling1D', 'GlobalAveragePooling2D',
      'BatchNormalization', 'Embedding', 'SimpleRNN', 'LSTM', 'GRU', 'Bidirectional', 'LeakyReLU', 'ReLU', 'Softmax', 'UpSampling2D', 'Normalization',
      'Concatenate', 'Add', 'Subtract', 'Multiply', 'Average', 'Maximum', 'Minimum', 'InputLayer', 'Input', 'MaxPool2D', 'concatenate', 'add',
    ];
    for (const name of required) assert.ok(isKnownLayer(name) && KNOWN_LAYERS.includes(name), name);
    assert.equal(isKnownLayer('MyLayer'), false);
    assert.deepEqual([...KNOWN_LAYERS].sort(), [...KNOWN_LAYERS]);
  });
});

describe('formatting', () => {
  it('writes counts with en-US thousands separators and shapes as Python tuples', () => {
    assert.deepEqual([0, 999, 1000, 401_920, 2_757_761].map(formatCount), ['0', '999', '1,000', '401,920', '2,757,761']);
    assert.deepEqual([formatShape([N, 784]), formatShape([N]), formatShape([1, 28, 28, 1])], ['(None, 784)', '(None,)', '(1, 28, 28, 1)']);
  });
});

describe('robustness', () => {
  /** Deterministic pseudo-random values (no Math.random in this codebase). */
  function* values(seed: number): Generator<PyValue> {
    const pool: PyValue[] = [
      { kind: 'number', value: 0 }, { kind: 'number', value: -1 }, { kind: 'number', value: 3 }, { kind: 'number', value: 2.5 },
      { kind: 'number', value: 1e9 }, { kind: 'string', value: 'same' }, { kind: 'string', value: 'relu' }, { kind: 'bool', value: true },
      { kind: 'none' }, { kind: 'unknown', reason: msg('x') }, { kind: 'tuple', items: [] }, { kind: 'tuple', items: [{ kind: 'number', value: 2 }, { kind: 'none' }] },
      inline('LSTM', [4]), inline('Dense', ['a']),
    ];
    let state = seed;
    for (;;) {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      yield pool[state % pool.length]!;
    }
  }

  it('never throws, whatever the arguments and input shapes', () => {
    const shapes = [null, [N], [N, 4], [N, 0], [N, 3, 3], [N, 8, 8, 3], [N, N, N, N], [2, 5, 5, 5, 5]];
    const names = [...KNOWN_LAYERS, 'Custom'];
    const next = values(42);
    for (let i = 0; i < 3000; i++) {
      const name = names[i % names.length]!;
      const args = Array.from({ length: i % 4 }, () => next.next().value as PyValue);
      const kwargs: Record<string, PyValue> = {};
      for (const key of ['units', 'padding', 'axis', 'trainable', 'strides', 'shape', 'input_shape', 'rate']) {
        if ((i + key.length) % 3 === 0) kwargs[key] = next.next().value as PyValue;
      }
      const inputs = Array.from({ length: 1 + (i % 3 === 0 ? 1 : 0) }, (_, j) => shapes[(i + j) % shapes.length]!);
      const call = { className: name, args, kwargs };
      const outcome = applyLayer(call, inputs);
      if (outcome.params !== null) {
        assert.ok(Number.isFinite(outcome.params.trainable) && outcome.params.trainable >= 0, JSON.stringify(call));
        assert.ok(Number.isFinite(outcome.params.nonTrainable) && outcome.params.nonTrainable >= 0, JSON.stringify(call));
      }
      if (outcome.outputShape !== null) assert.ok(outcome.outputShape.every((d) => d === null || typeof d === 'object' || (Number.isInteger(d) && d >= 0)), JSON.stringify(call));
      assert.doesNotThrow(() => declaredInputShape(call));
    }
  });
});
