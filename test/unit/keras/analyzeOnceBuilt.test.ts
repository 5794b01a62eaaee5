/**
 * Numbers the code fixes although Keras 3 has not built the model: a Sequential without an input shape prints
 * "0 (unbuilt)" until its first call, but its Embedding(20000, 64) has 1,280,000 parameters and the Dense(2)
 * after GlobalMaxPooling1D 130 whatever the data (Keras 3.15 after model.build((None, 7)): 1,280,130). The
 * analysis shows them as "once built" — in the JSON, the summary table, the lenses and the hover — and keeps
 * "?" for what depends on the data.
 */
import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../../src/keras/analyzeDocument';
import { summaryJson, summaryText } from '../../../src/cli/summaryCommand';
import { lensData } from '../../../src/host/language/kerasCodeLenses';
import { layerHover } from '../../../src/keras/hover/layerHover';
import { fillPlaceholders } from '../../../src/keras/message';
import { english, layerParams } from './analysisFixtures';

const t = (text: string, ...args: (string | number)[]): string => fillPlaceholders(text, args);
const PY = 'import keras\nfrom keras import layers\n';

describe('keras analysis: numbers once built', () => {
  const a = analyzeDocument(`${PY}model = keras.Sequential([layers.Embedding(20000, 64), layers.GlobalMaxPooling1D(), layers.Dense(2)])\n`, 'python');
  const m = a.models[0]!;

  it('counts the Embedding and the Dense of an unbuilt Sequential: 1,280,000 and 130, 1,280,130 in all', () => {
    assert.equal(m.onceBuilt, true);
    assert.deepEqual(layerParams(m), [1_280_000, 0, 130]);
    assert.deepEqual(m.totals, { trainable: 1_280_130, nonTrainable: 0 });
    assert.deepEqual(m.layers[2]!.outcome.outputShape, [null, 2]);
    assert.ok(m.diagnostics.some((d) => d.code === 'unbuilt-model'), 'the unbuilt warning stays');
  });

  it('says which numbers are once built in the JSON', () => {
    const json = summaryJson('f.py', a).models[0]!;
    assert.equal(json.once_built, true);
    assert.deepEqual(json.layers.map((l) => [l.params, l.once_built]), [[1_280_000, true], [0, true], [130, true]]);
    assert.equal(summaryJson('f.py', analyzeDocument(`${PY}m = keras.Sequential([keras.Input((3,)), layers.Dense(2)])\n`, 'python')).models[0]!.once_built, false);
  });

  it('marks them in the summary table, the lenses and the hover, which explains that Keras 3 builds on the first call', () => {
    const text = summaryText(a, 120).join('\n');
    assert.match(text, /│ 1,280,000 \(once │\n.*│ +built\) │/);
    assert.match(text, /Total params: 1,280,130 \(4\.88 MB\) once built/);
    const lenses = lensData(a, t);
    assert.equal(lenses.find((l) => l.kind === 'model')!.title, '1,280,130 params once built (4.88 MB)');
    assert.match(lenses.find((l) => l.kind === 'model')!.tooltip, /builds model on its first call/);
    assert.equal(lenses.filter((l) => l.kind === 'layer').at(-1)!.title, '(None, 2) · 130 params once built');
    const hover = layerHover({ model: m, layer: m.layers[2]!, args: [], focus: null }, t);
    assert.match(hover, /Once built: .*Keras 3 builds it .* on its first call/);
  });

  it('keeps ? for what depends on the data: the first Dense of a Sequential without an input shape', () => {
    const b = analyzeDocument(`${PY}model = keras.Sequential([layers.Dense(64), layers.Dense(10)])\n`, 'python').models[0]!;
    assert.deepEqual(layerParams(b), [null, 650]);
    assert.equal(b.totals, null);
    assert.match(english(b.layers[0]!.outcome.unknownReason), /set by the data the model is first called on/);
  });

  it('finds the rank the layers need: Conv2D after a Dense of an unbuilt model sees channels 8 (3·3·8·4 + 4 = 292)', () => {
    const c = analyzeDocument(`${PY}model = keras.Sequential([layers.Dense(8), layers.Conv2D(4, 3), layers.Flatten(), layers.Dense(1)])\n`, 'python').models[0]!;
    assert.deepEqual(layerParams(c), [null, 292, 0, null]);
  });

  it('leaves TensorFlow.js models without an input shape unknown: TF.js refuses them', () => {
    const js = analyzeDocument("const tf = require('@tensorflow/tfjs');\nconst m = tf.sequential({layers: [tf.layers.embedding({inputDim: 100, outputDim: 4})]});\n", 'javascript').models[0]!;
    assert.equal(js.onceBuilt, false);
    assert.deepEqual(layerParams(js), [null]);
  });
});
