/**
 * Partial shapes: a size the code fixes but HyperLab cannot read statically (`series.shape[1]`, a unit count
 * from a function argument) is unknown in its own axis only; the rest of the shape propagates, and the layers
 * whose weights do not depend on it keep exact counts. The summary writes that axis as "?", the JSON as null.
 */
import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../../src/keras/analyzeDocument';
import { summaryJson } from '../../../src/cli/summaryCommand';
import { summaryTable } from '../../../src/keras/summaryTable';
import { english, layerParams } from './analysisFixtures';

const PY = 'import keras\nfrom keras import layers\n';

describe('keras analysis: partial shapes', () => {
  const a = analyzeDocument(`${PY}series = load_series()\ninputs = keras.Input(shape=(series.shape[1], 4))\nh = layers.GRU(16)(inputs)\nmodel = keras.Model(inputs, layers.Dense(2)(h))\n`, 'python');
  const m = a.models[0]!;

  it('keeps a run-time length unknown in its axis: GRU(16) still outputs (None, 16) and has 3·(4·16 + 16·16) + 6·16 = 1,056 parameters', () => {
    assert.deepEqual(m.layers.map((l) => l.outcome.outputShape?.length), [3, 2, 2]);
    assert.deepEqual(m.layers[1]!.outcome.outputShape, [null, 16]);
    assert.deepEqual(layerParams(m), [0, 1_056, 34]);
    assert.deepEqual(m.totals, { trainable: 1_090, nonTrainable: 0 });
  });

  it('says where the unknown size comes from', () => {
    const dim = m.layers[0]!.outcome.outputShape![1];
    assert.ok(typeof dim === 'object' && dim !== null);
    assert.equal(english(dim.unknown), 'is only known when the code runs (`series.shape[1]`)');
  });

  it('prints the unknown axis as ? in the summary and as null in the JSON', () => {
    assert.match(summaryTable(m, { terminalColumns: 120 }), /\(None, \?, 4\)/);
    assert.deepEqual(summaryJson('f.py', a).models[0]!.layers[0]!.output_shape, [null, null, 4]);
  });

  it('counts what follows a unit count HyperLab cannot read, once the axis it feeds is known again', () => {
    const b = analyzeDocument(`${PY}model = keras.Sequential([keras.Input((4,)), layers.Dense(n_classes), layers.Dense(2), layers.Dense(3)])\n`, 'python');
    assert.deepEqual(layerParams(b.models[0]!), [0, null, null, 9]);
    assert.match(english(b.models[0]!.layers[2]!.outcome.unknownReason), /the input's last axis \(features\) comes from units, which is not defined in this file \(`n_classes`\)/);
  });

  it('follows an unknown size through Flatten, Reshape, pooling and merges without inventing one', () => {
    const c = analyzeDocument(`${PY}x = keras.Input(shape=(steps, 8))\ny = layers.MaxPooling1D(2)(x)\nz = layers.Reshape((-1, 4))(y)\nw = layers.Flatten()(z)\nmodel = keras.Model(x, [w, layers.Concatenate(axis=1)([y, y])])\n`, 'python');
    const shapes = c.models[0]!.layers.map((l) => l.outcome.outputShape?.map((d) => (typeof d === 'object' && d !== null ? '?' : d)));
    assert.deepEqual(shapes, [[null, '?', 8], [null, '?', 8], [null, '?', 4], [null, '?'], [null, '?', 8]]);
  });
});
