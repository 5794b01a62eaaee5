/**
 * The TensorFlow.js reader (JavaScript and TypeScript, the TypeScript compiler's parser): tf.sequential with a layer
 * array and with model.add, tf.input + layer.apply + tf.model, named imports, require(), camelCase
 * configs read as Keras kwargs, TF.js' GRU without reset_after, and TF.js' automatic layer names.
 */
import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../../src/keras/analyzeDocument';
import { english, kerasFixture as fixture, layerParams as params, modelNamed as model } from './analysisFixtures';

describe('keras parser: TensorFlow.js', () => {
  const js = analyzeDocument(fixture('tfjs_mnist.js'), 'javascript');

  it('reads tf.sequential({layers: [...]}) with inputShape from a constant: 407,050 parameters', () => {
    const m = model(js, 'model');
    assert.deepEqual(params(m), [401_920, 5_130]);
    assert.deepEqual(m.layers.map((l) => l.node.name), ['dense_Dense1', 'dense_Dense2']);
    assert.equal(m.layers[0]!.node.call.kwargs['input_shape']?.kind, 'tuple');
  });

  it('reads model.add(...) and converts the compile config to Keras spelling', () => {
    const m = model(js, 'added');
    assert.deepEqual(params(m), [401_920, 0, 5_130]);
    const loss = model(js, 'model').graph.compile?.kwargs['loss'];
    assert.equal(loss?.kind === 'string' && loss.value, 'categorical_crossentropy');
    assert.ok(js.kerasCalls.some((c) => c.className === 'SGD'), 'tf.train.sgd is kept for hovers as SGD');
  });

  it('reads tf.input, layer.apply and tf.model({inputs, outputs})', () => {
    const m = model(js, 'functional');
    assert.equal(m.graph.kind, 'functional');
    assert.deepEqual(params(m), [0, 528, 17]);
    assert.equal(m.layers[0]!.node.name, 'input1');
  });

  const ts = analyzeDocument(fixture('tfjs_models.ts'), 'typescript');

  it('reads TypeScript with named imports, a builder function, casts and exports', () => {
    const m = model(ts, 'rnn');
    // Embedding 1000·8; TF.js GRU has no reset_after: 3·(8·16 + 16·16 + 16) = 1,200 (Keras 3's default would give 1,248).
    assert.deepEqual(params(m), [8_000, 1_200, 17]);
    assert.deepEqual(m.layers[0]!.outcome.outputShape, [null, 20, 8]);
    assert.ok(!m.diagnostics.some((d) => d.code === 'deprecated-argument'), 'inputLength is fine in TF.js');
  });

  it('merges two inputs with tf.layers.concatenate().apply([a, b])', () => {
    const m = model(ts, 'twoInputs');
    assert.deepEqual(m.layers.map((l) => l.node.call.className), ['Input', 'Input', 'Concatenate', 'Dense']);
    assert.deepEqual(m.layers[2]!.outcome.outputShape, [null, 16]);
    assert.equal(m.totals?.trainable, 16 * 3 + 3);
  });

  it('marks layers added in a JavaScript loop as unknown', () => {
    const src = "import * as tf from '@tensorflow/tfjs';\nconst m = tf.sequential();\nm.add(tf.layers.dense({units: 4, inputShape: [2]}));\nfor (const u of [8, 4]) { m.add(tf.layers.dense({units: u})); }\n";
    const m = analyzeDocument(src, 'javascript').models[0]!;
    assert.match(english(m.graph.unknownReason), /loop/);
    assert.deepEqual(params(m), [12, null]);
  });

  it('never guesses an array with a hole: in inputShape: [3, , 2] that axis is unknown, the last one still counts', () => {
    const src = "const tf = require('@tensorflow/tfjs');\nconst m = tf.sequential({layers: [tf.layers.dense({units: 4, inputShape: [3, , 2]})]});\n";
    const a = analyzeDocument(src, 'javascript');
    assert.deepEqual(a.diagnostics.filter((d) => d.code === 'syntax'), []);
    assert.deepEqual(params(a.models[0]!), [2 * 4 + 4]);
    assert.equal(typeof a.models[0]!.layers[0]!.outcome.outputShape?.[2], 'object');
  });

  it('reports syntax errors in JavaScript and never throws', () => {
    const a = analyzeDocument("const tf = require('@tensorflow/tfjs');\nconst m = tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [2]}),\n", 'javascript');
    assert.ok(a.diagnostics.some((d) => d.code === 'syntax'));
    assert.deepEqual(params(a.models[0]!), [9]);
  });
});
