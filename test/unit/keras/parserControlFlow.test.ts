/**
 * What HyperLab cannot know statically stays unknown, with the reason: layers added in a loop (it does
 * not unroll loops), in an `if` on a run-time condition, values that change per iteration, function
 * arguments, and whatever depends on them; an `if` on a constant runs only its branch. Counts that do
 * not depend on the unknown part stay exact.
 */
import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../../src/keras/analyzeDocument';
import { english, kerasFixture as fixture, layerParams as params, modelNamed as model } from './analysisFixtures';

describe('keras parser: loops and conditions', () => {
  const a = analyzeDocument(fixture('control_flow.py'), 'python');

  it('marks a model with .add in a for loop: the reason, unknown counts after the loop, exact ones before', () => {
    const m = model(a, 'looped');
    assert.equal(english(m.graph.unknownReason), 'Layers are added in a loop; HyperLab cannot unroll it.');
    assert.deepEqual(params(m), [8 * 32 + 32, null, null]);
    assert.match(english(m.layers[1]!.outcome.unknownReason), /added in a loop/);
    assert.equal(m.totals, null);
  });

  it('treats a while loop the same way', () => {
    const m = model(a, 'counted');
    assert.match(english(m.graph.unknownReason), /loop/);
    assert.deepEqual(params(m), [80, null]);
  });

  it('runs only the taken branch of an if on a constant (USE_DROPOUT = True)', () => {
    const m = model(a, 'conditional');
    assert.equal(m.graph.unknownReason, null);
    assert.deepEqual(m.layers.map((l) => l.node.call.className), ['Dense', 'Dropout', 'Dense']);
    assert.equal(m.totals?.trainable, 60 + 22);
  });

  it('marks a layer added under a run-time condition as uncertain', () => {
    const m = model(a, 'maybe');
    assert.match(english(m.graph.unknownReason), /inside an `if`/);
    assert.deepEqual(params(m), [60, null, null]);
  });

  it('marks functional layers applied in a loop and what follows them', () => {
    const m = model(a, 'deep');
    assert.match(english(m.graph.unknownReason), /applied in a loop/);
    assert.deepEqual(params(m), [0, null, null]);
  });

  it('explains a value that changes at each iteration (a model built inside a loop)', () => {
    const m = model(a, 'per_width');
    assert.match(english(m.layers[0]!.outcome.unknownReason), /units: takes a new value at each loop iteration \(`width`\)/);
  });

  it('writes automatic names Keras numbers inside or after a loop with "?"', () => {
    assert.deepEqual(model(a, 'looped').layers.map((l) => l.node.name), ['dense', 'dense_?', 'dense_?']);
  });
});

describe('keras parser: unknown values', () => {
  const first = (src: string) => analyzeDocument(`from keras import layers, Sequential\n${src}`, 'python').models[0]!.layers[0]!.outcome;

  it('says a unit count comes from a function argument', () => {
    const o = first('def build(n):\n    return Sequential([layers.Dense(n, input_shape=(4,))])');
    assert.match(english(o.unknownReason), /units: comes from the function argument `n`/);
  });

  it('uses the argument of the call that builds the model', () => {
    const o = first('def build(n):\n    return Sequential([layers.Dense(n, input_shape=(4,))])\nm = build(3)');
    assert.deepEqual(o.params, { trainable: 15, nonTrainable: 0 });
  });

  it('does not trust a module constant reassigned after the function that reads it', () => {
    const o = first('N = 2\ndef build():\n    return Sequential([layers.Dense(N, input_shape=(4,))])\nN = 3\nm = build()');
    assert.match(english(o.unknownReason), /changes at module level after `build` is defined/);
  });

  it('explains an input size only known at run time, and still knows the output shape', () => {
    const o = first('model = Sequential([layers.Dense(3, input_shape=(x_train.shape[1],))])');
    assert.deepEqual(o.outputShape, [null, 3]);
    assert.equal(o.params, null);
    assert.match(english(o.unknownReason), /the input's last axis \(features\) is only known when the code runs \(`x_train\.shape\[1\]`\)/);
  });

  it('keeps a value assigned in a loop unknown after it', () => {
    const o = first('n = 4\nfor i in range(2):\n    n = n * 2\nmodel = Sequential([layers.Dense(n, input_shape=(1,))])');
    assert.match(english(o.unknownReason), /inside a loop|loop iteration/);
  });

  it('marks a model that is not followed through a comprehension', () => {
    const m = analyzeDocument('from keras import layers, Sequential\nmodel = Sequential([layers.Dense(u) for u in (4, 2)])', 'python').models[0]!;
    assert.match(english(m.graph.unknownReason), /comprehension/);
  });
});
