/**
 * Every tensor of a layer call is an input of the functional graph, as in Keras 3 (node.input_tensors
 * flattens the positional and keyword arguments): a decoder called with `initial_state=` keeps its encoder
 * in the model, `inputs=` is the main input, `mask=` and lists or dicts of tensors are followed, the several
 * outputs of an RNN with return_state=True are told apart, and the summary's Connected to column names
 * them as Keras does. Expected tables are Keras 3.15's own output for the same code.
 */
import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../../src/keras/analyzeDocument';
import type { ModelSummary } from '../../../src/keras/kerasModel';
import { summaryRows } from '../../../src/keras/summaryRows';
import { summaryTable } from '../../../src/keras/summaryTable';
import { english, layerParams } from './analysisFixtures';

const model = (code: string, language: 'python' | 'javascript' = 'python'): ModelSummary => {
  const a = analyzeDocument(code, language);
  const m = a.models.at(-1);
  assert.ok(m, 'a model is found');
  return m;
};

const PY = 'import keras\nfrom keras import layers\n';

describe('keras analysis: tensors passed in any argument', () => {
  it('keeps the encoder of a GRU decoder called with initial_state= (Keras 3.15: 2,050 parameters)', () => {
    const m = model(`${PY}enc_in = keras.Input(shape=(10, 3))\nstate = layers.GRU(16)(enc_in)\ndec_in = keras.Input(shape=(5, 3))\ny = layers.GRU(16)(dec_in, initial_state=state)\nm = keras.Model([enc_in, dec_in], layers.Dense(2)(y))\n`);
    assert.deepEqual(m.totals, { trainable: 2_050, nonTrainable: 0 });
    assert.equal(m.graph.unknownReason, null);
    assert.deepEqual(summaryRows(m).rows.map((r) => [r.label, r.connectedTo]), [
      ['input_layer', '-'], ['input_layer_1', '-'], ['gru', 'input_layer[0][0]'], ['gru_1', 'input_layer_1[0][0], gru[0][0]'], ['dense', 'gru_1[0][0]'],
    ]);
  });

  it('follows the states of an LSTM with return_state=True into a decoder, with their output indices (Keras 3.15: 832)', () => {
    const m = model(`${PY}e = keras.Input(shape=(7, 4))\nout, h, c = layers.LSTM(8, return_state=True)(e)\nd = keras.Input(shape=(6, 4))\nz = layers.LSTM(8)(d, initial_state=[h, c])\nm = keras.Model([e, d], z)\n`);
    assert.deepEqual(m.totals, { trainable: 832, nonTrainable: 0 });
    const rows = summaryRows(m).rows;
    assert.deepEqual(rows.map((r) => r.connectedTo), ['-', '-', 'input_layer[0][0]', 'input_layer_1[0][0], lstm[0][1], lstm[0][2]']);
    assert.deepEqual(rows[2]!.outputShapes, [[null, 8], [null, 8], [null, 8]]);
    assert.match(summaryTable(m, { lineLength: 160 }), /│ \[\(None, 8\), \(None, 8\), \(None, 8\)\] +│/);
  });

  it('reads inputs= as the main input (Keras 3.15: 15)', () => {
    const m = model(`${PY}x = keras.Input(shape=(4,))\nm = keras.Model(x, layers.Dense(3)(inputs=x))\n`);
    assert.deepEqual(layerParams(m), [0, 15]);
  });

  it('follows a mask= tensor and a dict of tensors to the layers that make them', () => {
    const m = model(`${PY}x = keras.Input(shape=(5, 3))\nmask = layers.Dense(1)(x)\nextra = {"a": layers.Dense(2)(x)}\ny = layers.GRU(4)(x, mask=mask, constants=extra)\nm = keras.Model(x, y)\n`);
    assert.deepEqual(m.layers.map((l) => l.node.call.className), ['Input', 'Dense', 'Dense', 'GRU']);
  });

  it('makes the total unknown when a tensor argument cannot be followed, naming the argument', () => {
    const m = model(`${PY}x = keras.Input(shape=(5, 3))\ny = layers.GRU(4)(x, initial_state=load_state())\nm = keras.Model(x, y)\n`);
    assert.equal(m.totals, null);
    assert.match(english(m.graph.unknownReason), /The `initial_state=` argument of layer gru .*layers that feed it may be missing/);
    assert.equal(layerParams(m).at(-1), 3 * (3 * 4 + 4 * 4) + 6 * 4, 'the GRU itself is still counted');
  });

  it('does not take training=flag for a tensor', () => {
    const m = model(`${PY}x = keras.Input(shape=(4,))\ny = layers.Dropout(0.5)(x, training=is_training)\nm = keras.Model(x, layers.Dense(2)(y))\n`);
    assert.deepEqual(m.totals, { trainable: 10, nonTrainable: 0 });
  });

  it('follows TF.js apply(x, {initialState}) the same way', () => {
    const js = `const tf = require('@tensorflow/tfjs');\nconst e = tf.input({shape: [10, 3]});\nconst state = tf.layers.gru({units: 16}).apply(e);\nconst d = tf.input({shape: [5, 3]});\nconst y = tf.layers.gru({units: 16}).apply(d, {initialState: state});\nconst m = tf.model({inputs: [e, d], outputs: y});\n`;
    const m = model(js, 'javascript');
    assert.deepEqual(m.layers.map((l) => l.node.call.className), ['Input', 'GRU', 'Input', 'GRU']);
    assert.equal(m.graph.unknownReason, null);
  });
});
