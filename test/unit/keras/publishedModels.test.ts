/**
 * The layer rules against real `model.summary()` output: every model below is rebuilt call by call from its
 * published source (cited in each fixture) and run through applyLayer, then every row's output shape and
 * parameter count and the trainable/non-trainable totals must equal what Keras printed. Fixtures live in
 * publishedKerasGuides.ts, publishedKerasExamples.ts and publishedOtherModels.ts.
 */
import * as assert from 'node:assert/strict';
import { Graph, layer, paramTotal, totals } from './layerCallBuilders';
import { KERAS_EXAMPLE_MODELS } from './publishedKerasExamples';
import { KERAS_GUIDE_MODELS } from './publishedKerasGuides';
import { N, type PublishedModel } from './publishedModelCatalog';
import { OTHER_MODELS } from './publishedOtherModels';
import { english } from './analysisFixtures';

const MODELS: readonly PublishedModel[] = [...OTHER_MODELS, ...KERAS_GUIDE_MODELS, ...KERAS_EXAMPLE_MODELS];

function assertMatchesSummary(model: PublishedModel): void {
  const rows = model.build();
  assert.equal(rows.length, model.rows.length, `${model.title}: ${rows.length} rows built, ${model.rows.length} printed`);
  rows.forEach((row, i) => {
    const [shape, params] = model.rows[i]!;
    const where = `${model.title}, row ${i + 1} (${row.call.className})`;
    const several = shape.length > 0 && Array.isArray(shape[0]);
    assert.deepEqual(several ? row.outcome.outputShapes : row.outcome.outputShape, shape, `${where}: output shape`);
    assert.equal(paramTotal(row.outcome), params, `${where}: params (${english(row.outcome.unknownReason) || (row.outcome.formula ?? '')})`);
    assert.deepEqual(row.outcome.problems.filter((p) => p.severity === 'error'), [], `${where}: no errors`);
  });
  const nonTrainable = model.nonTrainable ?? 0;
  assert.deepEqual(totals(rows), { trainable: model.total - nonTrainable, nonTrainable }, `${model.title}: totals`);
  if (model.names) assert.deepEqual(rows.map((r) => r.name), model.names, `${model.title}: automatic layer names`);
}

describe('published Keras models', () => {
  it('covers at least 30 models with printed summaries', () => {
    assert.ok(MODELS.length >= 30, `only ${MODELS.length} models`);
  });

  for (const model of MODELS) {
    it(`${model.title} matches ${model.source}`, () => assertMatchesSummary(model));
  }

  it('VAE encoder: every Keras layer matches and the custom Sampling layer stays unknown, so the total is unknown rather than wrong', () => {
    // keras-team/keras-io examples/generative/md/vae.md @ 216c5a2b6c4ef626f7acd8c69b29919ee7c5e758 prints 69,076.
    const g = new Graph();
    const input = g.input([28, 28, 1]);
    let x = g.add(layer('Conv2D', [32, 3], { activation: 'relu', strides: 2, padding: 'same' }), input);
    x = g.add(layer('Conv2D', [64, 3], { activation: 'relu', strides: 2, padding: 'same' }), x);
    x = g.add(layer('Flatten'), x);
    x = g.add(layer('Dense', [16], { activation: 'relu' }), x);
    const mean = g.add(layer('Dense', [2], { name: 'z_mean' }), x);
    const logVar = g.add(layer('Dense', [2], { name: 'z_log_var' }), x);
    g.add(layer('Sampling'), mean, logVar);
    const known = g.rows.slice(0, -1);
    assert.deepEqual(known.map((r) => [r.outcome.outputShape, paramTotal(r.outcome)]), [
      [[N, 28, 28, 1], 0], [[N, 14, 14, 32], 320], [[N, 7, 7, 64], 18_496], [[N, 3136], 0], [[N, 16], 50_192], [[N, 2], 34], [[N, 2], 34],
    ]);
    assert.equal(known.reduce((sum, r) => sum + paramTotal(r.outcome)!, 0), 69_076);
    const sampling = g.rows.at(-1)!.outcome;
    assert.equal(sampling.params, null);
    assert.match(english(sampling.unknownReason), /custom layer Sampling/);
    assert.equal(totals(g.rows), null);
  });

  it('the encoder LSTM with return_state=True returns its output and both states, as Keras prints them', () => {
    const encoder = KERAS_GUIDE_MODELS.find((m) => m.title.includes('encoder-decoder'))!.build()[4]!;
    assert.equal(encoder.name, 'encoder');
    assert.deepEqual(encoder.outcome.outputShapes, [[null, 64], [null, 64], [null, 64]]);
    assert.equal(paramTotal(encoder.outcome), 33_024);
  });
});
