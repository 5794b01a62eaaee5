/**
 * The Python reader recognises every common spelling of a Keras model: imports and aliases (keras,
 * tensorflow.keras, tf.keras, from-imports, `as`), Sequential in list and `.add` form, keras.Input /
 * input_shape= / input_dim=, module constants and arithmetic, and the lecture's snippets (fixtures under
 * test/fixtures/keras). Parameter counts are Keras' own (KERAS.md §1), checked by hand in each title.
 */
import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../../src/keras/analyzeDocument';
import type { DocumentAnalysis, ModelSummary } from '../../../src/keras/kerasModel';
import { english, kerasFixture as fixture, modelNamed as model } from './analysisFixtures';

const analyze = (text: string): DocumentAnalysis => analyzeDocument(text, 'python');

/** [name, class, output shape, total params] per layer, inputs included. */
function rows(m: ModelSummary): [string, string, string, number | null][] {
  return m.layers.map(({ node, outcome }) => [
    node.name, node.call.className, outcome.outputShape ? JSON.stringify(outcome.outputShape) : '?',
    outcome.params ? outcome.params.trainable + outcome.params.nonTrainable : null,
  ]);
}

const total = (m: ModelSummary): number | null => (m.totals ? m.totals.trainable + m.totals.nonTrainable : null);

describe('keras parser: the lecture snippets', () => {
  it('reads the MNIST MLP (model.add, input_shape=(28*28,)) as 401,920 + 5,130 = 407,050 parameters', () => {
    const a = analyze(fixture('mnist_mlp.py'));
    assert.equal(a.models.length, 1);
    const m = model(a, 'model');
    assert.equal(m.graph.kind, 'sequential');
    assert.deepEqual(rows(m), [['dense', 'Dense', '[null,512]', 401_920], ['dense_1', 'Dense', '[null,10]', 5_130]]);
    assert.equal(total(m), 407_050);
    assert.equal(m.graph.compile?.kwargs['loss']?.kind, 'string');
    assert.equal(m.graph.fit?.kwargs['epochs']?.kind, 'number', 'epochs=n_epochs resolves through the constant');
    assert.deepEqual(a.kerasCalls.map((c) => c.className), ['Sequential', 'SGD', 'compile', 'fit']);
  });

  it('reads the dropout model in list form with name=: Flatten 784, Dense 100,480, Dropout 0, Dense 1,290', () => {
    const m = model(analyze(fixture('dropout_list.py')), 'dropout_mlp');
    assert.deepEqual(rows(m), [
      ['flatten', 'Flatten', '[null,784]', 0], ['dense', 'Dense', '[null,128]', 100_480],
      ['dropout', 'Dropout', '[null,128]', 0], ['dense_1', 'Dense', '[null,10]', 1_290],
    ]);
    assert.equal(total(m), 101_770);
  });

  it('reads the L1/L2 model (input_dim=100, l1(0.01) / l2(0.01) from keras.regularizers): 6,464 + 2,080 + 33', () => {
    const a = analyze(fixture('l1_l2.py'));
    const m = model(a, 'model');
    assert.deepEqual(rows(m).map((r) => r[3]), [6_464, 2_080, 33]);
    const reg = m.layers[0]!.node.call.kwargs['kernel_regularizer'];
    assert.ok(reg?.kind === 'call' && reg.callee === 'l1' && reg.args[0]?.kind === 'number' && reg.args[0].value === 0.01);
    assert.deepEqual(a.kerasCalls.filter((c) => c.className === 'l1' || c.className === 'l2').map((c) => c.span.line), [7, 9]);
    assert.equal(m.diagnostics.length, 0, 'sigmoid(1) + binary_crossentropy is the right pairing');
  });

  it('keeps the initializer arguments of the lecture example as strings', () => {
    const m = model(analyze(fixture('initializers.py')), 'model');
    const kw = m.layers[1]!.node.call.kwargs;
    assert.deepEqual([kw['kernel_initializer']?.kind === 'string' && kw['kernel_initializer'].value, kw['bias_initializer']?.kind === 'string' && kw['bias_initializer'].value], ['glorot_uniform', 'zeros']);
    assert.deepEqual(rows(m).map((r) => r[3]), [1_344, 650]);
  });
});

describe('keras parser: import spellings and constants', () => {
  const a = analyze(fixture('spellings.py'));

  it('finds one model per spelling, in creation order', () => {
    assert.deepEqual(a.models.map((m) => m.graph.name), ['m_keras', 'm_tf', 'm_tfk', 'm_models', 'm_alias', 'm_keras_model']);
  });

  it('follows keras.Input inside a Sequential list (no InputLayer row, 784·64 + 64 = 50,240)', () => {
    const m = model(a, 'm_keras');
    assert.equal(m.layers[0]!.node.isInput, true);
    assert.equal(total(m), 50_240);
  });

  it('resolves tf.keras.models / tf.keras.layers through `import tensorflow as tf` and HALF = PIXELS // 2', () => {
    assert.deepEqual(rows(model(a, 'm_tf')), [['dense_1', 'Dense', '[null,10]', 392 * 10 + 10]]);
  });

  it('resolves `from tensorflow import keras as tfk` and N_UNITS + 1 on a tuple constant input shape', () => {
    assert.deepEqual(rows(model(a, 'm_tfk')), [['flatten', 'Flatten', '[null,784]', 0], ['dense_2', 'Dense', '[null,65]', 784 * 65 + 65]]);
  });

  it('resolves `from keras import models, layers` with layers.Input added first and N_UNITS * 2 - 1', () => {
    assert.deepEqual(rows(model(a, 'm_models')).slice(1), [['dense_3', 'Dense', '[null,127]', 4 * 127 + 127], ['dropout', 'Dropout', '[null,127]', 0]]);
  });

  it('resolves aliases (`layers as L`, `Dense as D`), parentheses and a double negation', () => {
    assert.deepEqual(rows(model(a, 'm_alias')), [['dense_4', 'Dense', '[null,8]', 3 * 8 + 8], ['dense_5', 'Dense', '[null,2]', 18]]);
  });

  it('marks a keras.Model whose outputs are not tensors as unknown, with the reason', () => {
    const m = model(a, 'm_keras_model');
    assert.equal(m.totals, null);
    assert.match(english(m.graph.unknownReason), /output of the model is not a Keras tensor/);
  });

  it('flags layers read without an import as not resolved through Keras', () => {
    const m = model(analyze('model = Sequential([Dense(4, input_shape=(2,))])'), 'model');
    assert.equal(m.layers[0]!.node.call.isKeras, false);
    assert.equal(total(m), 12);
    assert.equal(model(a, 'm_tf').layers[0]!.node.call.isKeras, true);
  });

  it('reads InputLayer(input_shape=...) and InputLayer(shape=...) at the bottom of a Sequential', () => {
    for (const arg of ['input_shape=(4,)', 'shape=(4,)']) {
      const m = model(analyze(`from keras import layers, Sequential\nmodel = Sequential([layers.InputLayer(${arg}), layers.Dense(2)])`), 'model');
      assert.deepEqual(rows(m), [['input_layer', 'InputLayer', '[null,4]', 0], ['dense', 'Dense', '[null,2]', 10]], arg);
    }
  });

  it('reads `import tensorflow` without an alias and `from tensorflow.keras.layers import *`', () => {
    const a1 = analyze('import tensorflow\nm = tensorflow.keras.Sequential([tensorflow.keras.layers.Dense(3, input_dim=2)])');
    assert.equal(total(model(a1, 'm')), 9);
    const a2 = analyze('from tensorflow.keras.models import Sequential\nfrom tensorflow.keras.layers import *\nm = Sequential([Dense(3, input_dim=2), Dropout(0.1)])');
    assert.equal(total(model(a2, 'm')), 9);
    assert.equal(model(a2, 'm').layers[0]!.node.call.isKeras, true);
  });

  it('does not guess Keras names after a star import from another library', () => {
    assert.equal(analyze('from mylib import *\nmodel = Sequential([Dense(4, input_shape=(2,))])').models.length, 0);
  });
});

describe('keras parser: values', () => {
  const units = (src: string) => {
    const m = analyze(`from keras import layers, Sequential\n${src}`).models[0]!;
    return m.layers.find((l) => !l.node.isInput)!.node.call.args[0]!;
  };

  it('evaluates Python arithmetic: // and % round toward minus infinity, ** and unary minus', () => {
    const v = units('model = Sequential([layers.Dense(-7 // 2 + 2 ** 3 % 5 * 10, input_shape=(1,))])');
    assert.deepEqual(v.kind === 'number' && v.value, -4 + 30);
  });

  it('keeps where a value reached through a constant is written', () => {
    const v = units('N = 64\nmodel = Sequential([layers.Dense(N, input_shape=(1,))])');
    assert.deepEqual(v.span?.line, 2);
  });

  it('gives an unknown with a reason for values only known at run time', () => {
    const v = units('model = Sequential([layers.Dense(x_train.shape[1], input_shape=(1,))])');
    assert.ok(v.kind === 'unknown' && /only known when the code runs/.test(english(v.reason)));
    const w = units('import sys\nmodel = Sequential([layers.Dense(int(sys.argv[1]), input_shape=(1,))])');
    assert.equal(w.kind, 'unknown');
  });

  it('evaluates int(), round() (ties to even), max() and tuple slicing on known values', () => {
    const half = units('model = Sequential([layers.Dense(int(784 / 2), input_shape=(1,))])');
    assert.equal(half.kind === 'number' && half.value, 392);
    const r = units('model = Sequential([layers.Dense(round(2.5) + max(1, 3), input_shape=(1,))])');
    assert.equal(r.kind === 'number' && r.value, 5);
    const m = analyze('from keras import layers, Sequential\nS = (None, 28, 28)\nmodel = Sequential([layers.Flatten(input_shape=S[1:])])').models[0]!;
    assert.deepEqual(m.layers[0]!.outcome.outputShape, [null, 784]);
  });

  it('merges **config from a literal dict into the layer arguments', () => {
    const m = analyze('from keras import layers, Sequential\ncfg = {"units": 5}\nmodel = Sequential([layers.Dense(input_shape=(2,), **cfg)])').models[0]!;
    assert.equal(total(m), 15);
  });
});
