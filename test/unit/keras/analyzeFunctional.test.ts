/**
 * Functional models: chains, a layer object applied twice (shared weights, counted once), merges of
 * several inputs (Concatenate, layers.concatenate, Add), lists of inputs and outputs, models built by
 * functions at their call sites, compile/fit attached to the model variable, and Keras' automatic names
 * in creation order across all models of a file (keras/src/utils/naming.py uniquify).
 */
import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../../src/keras/analyzeDocument';
import { english, kerasFixture as fixture, layerParams as params, modelNamed as model } from './analysisFixtures';

describe('keras analysis: functional models', () => {
  const a = analyzeDocument(fixture('functional.py'), 'python');

  it('follows a chain from keras.Input to keras.Model(inputs=..., outputs=..., name=...): 50,240 + 4,160 + 650', () => {
    const m = model(a, 'mnist_model');
    assert.equal(m.graph.kind, 'functional');
    assert.deepEqual(m.layers.map((l) => [l.node.name, l.node.inputs]), [['input_layer', []], ['dense', [0]], ['dense_1', [1]], ['dense_2', [2]]]);
    assert.deepEqual(params(m), [0, 50_240, 4_160, 650]);
    assert.deepEqual(m.graph.outputs, [3]);
    assert.equal(m.totals?.trainable, 55_050);
  });

  it('gives a shared layer one node per call, links the second to the first and counts its weights once', () => {
    const m = model(a, 'siamese');
    const shared = m.layers.filter((l) => l.node.name === 'dense_3');
    assert.equal(shared.length, 2);
    assert.equal(shared[1]!.node.sharedWith, shared[0]!.node.id);
    assert.equal(shared[0]!.node.call, shared[1]!.node.call, 'both calls are the same layer object');
    // 2 × (32·16 + 16) would be 1,056; Keras counts the shared kernel once: 528 + 49 + 147.
    assert.equal(m.totals?.trainable, 528 + 49 + 147);
  });

  it('merges several inputs: layers.concatenate([a, b]) and Add()([a, b]) get both shapes', () => {
    const m = model(a, 'siamese');
    const byName = new Map(m.layers.map((l) => [l.node.name, l]));
    assert.deepEqual(byName.get('concatenate')!.outcome.outputShape, [null, 32]);
    assert.equal(byName.get('concatenate')!.node.call.className, 'Concatenate');
    assert.deepEqual(byName.get('add')!.outcome.outputShape, [null, 16]);
    assert.deepEqual(byName.get('concatenate_1')!.outcome.outputShape, [null, 48]);
  });

  it('reads positional keras.Model([inputs], [outputs]) with named Inputs and two outputs, and attaches compile', () => {
    const m = model(a, 'siamese');
    assert.deepEqual(m.layers.filter((l) => l.node.isInput).map((l) => l.node.name), ['left', 'right']);
    assert.deepEqual(m.graph.outputs.map((id) => m.layers[id]!.node.name), ['score', 'kind']);
    assert.equal(m.graph.compile?.className, 'compile');
    assert.equal(m.graph.compile?.span.line, 22);
  });
});

describe('keras analysis: models built by functions', () => {
  const a = analyzeDocument(fixture('functions.py'), 'python');

  it('reads build_model(HIDDEN) with the call argument and the default dropout, named after the module variable', () => {
    const m = model(a, 'small');
    assert.deepEqual(params(m), [784 * 128 + 128, 0, 1_290]);
    const rate = m.layers[1]!.node.call.args[0];
    assert.equal(rate?.kind === 'number' && rate.value, 0.2);
    assert.equal(m.graph.fit?.span.line, 22, 'fit on the variable that received the model');
    assert.equal(m.graph.compile?.span.line, 13, 'compile inside the function');
  });

  it('reads a block function twice: new layers and names per call, as Keras creates them', () => {
    const m = model(a, 'resnet');
    // input_layer went to the InputLayer Keras put under build_model's Sequential (from input_shape=).
    assert.deepEqual(m.layers.map((l) => l.node.name), ['input_layer_1', 'dense_2', 'dense_3', 'add', 'dense_4', 'dense_5', 'add_1', 'dense_6']);
    assert.equal(m.totals?.trainable, 4 * (128 * 128 + 128) + 129);
  });

  it('shows a function nobody calls with unknown arguments and the reason', () => {
    const m = a.models.at(-1)!;
    const units = m.layers[0]!.outcome;
    assert.equal(units.params, null);
    assert.match(english(units.unknownReason), /units: comes from the function argument `units`/);
  });
});

describe('keras analysis: names across models', () => {
  it('numbers automatic names per class in creation order across every model of the file', () => {
    const src = [
      'from keras import layers, Sequential, Input, Model',
      'a = Sequential([layers.Dense(2, input_shape=(1,)), layers.Dropout(0.1), layers.Dense(1)])',
      'x = Input(shape=(3,))',
      'b = Model(x, layers.Dense(4, name="head")(layers.Dense(5)(x)))',
    ].join('\n');
    const an = analyzeDocument(src, 'python');
    assert.deepEqual(an.models.map((m) => m.layers.map((l) => l.node.name)), [
      ['dense', 'dropout', 'dense_1'],
      ['input_layer_1', 'dense_2', 'head'],
    ], 'the Sequential made input_layer from input_shape=; name= consumes no number');
  });
});
