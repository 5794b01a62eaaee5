/**
 * The facts HyperLab teaches in two places agree: the sidebar's tooltips (src/shared/hyperparams.ts) and
 * the hovers over Keras code (src/keras/hover) say the same thing about batch size, dropout, L1/L2,
 * learning rates, momentum, ReLU, epochs and the validation split, in English and in Spanish, with the
 * typical values of src/shared/typicalValues.ts. Where a fact is a number, the number is checked too: the
 * variance of a mini-batch gradient falling as 1 / batch size, and Dropout(1.0) leaving only the biases
 * after it to learn.
 */
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import { parseLayers } from '../../src/engine/layers/layerRegistry';
import { Dropout } from '../../src/engine/layers/dropout';
import { HeapArena } from '../../src/engine/kernels/arena';
import { TS_KERNELS } from '../../src/engine/kernels/kernels';
import { Sequential } from '../../src/engine/model/sequential';
import { Rng } from '../../src/engine/rng';
import { analyzeDocument } from '../../src/keras/analyzeDocument';
import { kerasHover } from '../../src/keras/hover/kerasHover';
import { KERAS_OPTIMIZERS } from '../../src/keras/hover/optimizerFacts';
import { FIELDS, LAYER_FIELDS } from '../../src/shared/hyperparams';
import { type Translate, fillPlaceholders } from '../../src/shared/message';
import { TYPICAL, rangeText } from '../../src/shared/typicalValues';
import { spanishBundle, spanishTranslate } from '../support/spanishTranslate';

const english: Translate = (text, ...args) => fillPlaceholders(text, args);

const SOURCE = `from tensorflow import keras
from tensorflow.keras import layers, regularizers
from tensorflow.keras.optimizers import SGD, Adam, Adafactor
model = keras.Sequential([keras.Input((20,)), layers.Dense(16, activation="relu", kernel_regularizer=regularizers.l2(0.001)), layers.Dropout(0.3), layers.Dropout(1.0), layers.Dense(1)])
sgd = SGD(learning_rate=0.05, momentum=0.9)
adam = Adam()
other = Adafactor()
model.compile(optimizer=adam, loss="mse")
model.fit(x, y, epochs=10, batch_size=64)
`;

function hover(needle: string, t: Translate = english, nth = 0): string {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = SOURCE.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} is not in the snippet`);
  const found = kerasHover({ analysis: analyzeDocument(SOURCE, 'python'), text: SOURCE, language: 'python', offset: at + 1 }, t);
  assert.ok(found, `no hover on ${needle}`);
  return found.markdown;
}

const spanish = (english: string): string => {
  assert.ok(spanishBundle[english], `no Spanish for: ${english}`);
  return spanishBundle[english];
};

type Size = 'smaller' | 'larger';
type Quality = 'noisy' | 'accurate';

/**
 * What a text claims about batch sizes: each clause (split at ; . and —) that names one size and one
 * quality pairs them ("a larger batch gives a more accurate estimate" → larger/accurate).
 */
function batchClaims(text: string, lang: 'en' | 'es'): Set<string> {
  const size: Record<Size, RegExp> = lang === 'en'
    ? { smaller: /\bsmaller\b/i, larger: /\blarger\b/i }
    : { smaller: /\b(más pequeños?|pequeños)\b/i, larger: /\b(más grandes?|grandes)\b/i };
  const quality: Record<Quality, RegExp> = lang === 'en'
    ? { noisy: /\bnois(y|ier)\b/i, accurate: /\b(more accurate|more precise|smoother)\b/i }
    : { noisy: /\bruidos[oa]s?\b/i, accurate: /\b(más precisa|más exacta|más suaves)\b/i };
  const claims = new Set<string>();
  for (const clause of text.split(/[;.—]/)) {
    const sizes = (Object.keys(size) as Size[]).filter((s) => size[s].test(clause));
    const qualities = (Object.keys(quality) as Quality[]).filter((q) => quality[q].test(clause));
    if (sizes.length === 1 && qualities.length === 1) claims.add(`${sizes[0]}:${qualities[0]}`);
  }
  return claims;
}

function assertBatchDirection(text: string, lang: 'en' | 'es', where: string): void {
  const claims = batchClaims(text, lang);
  assert.ok(claims.has('larger:accurate'), `${where} does not say a larger batch gives a more accurate estimate: ${text}`);
  assert.ok(claims.has('smaller:noisy'), `${where} does not say a smaller batch gives noisier updates: ${text}`);
  assert.ok(!claims.has('smaller:accurate') && !claims.has('larger:noisy'), `${where} has the batch direction backwards: ${text}`);
}

describe('teaching facts: the sidebar and the hovers agree', () => {
  it('batch size: a larger batch is the more accurate, a smaller the noisier, in both places and both languages', () => {
    const tooltip = FIELDS.batch_size.tooltip;
    const fitHover = hover('batch_size');
    assertBatchDirection(tooltip, 'en', 'the sidebar tooltip');
    assertBatchDirection(fitHover, 'en', 'the fit/batch_size hover');
    assertBatchDirection(spanish(tooltip), 'es', 'the Spanish sidebar tooltip');
    assertBatchDirection(hover('batch_size', spanishTranslate()), 'es', 'the Spanish fit/batch_size hover');
  });

  it('batch size: the checker catches the old, backwards sentence (the lecture slide’s)', () => {
    const old = 'A smaller batch gives a more precise gradient estimate but needs more computation; a larger batch means fewer computations per iteration, but can make the parameter updates noisier.';
    assert.throws(() => assertBatchDirection(old, 'en', 'old'), /backwards|does not say/);
    const lecture = 'Un lote más pequeño proporciona una estimación más precisa del gradiente. Un lote más grande puede resultar en actualizaciones de parámetros más ruidosas.';
    assert.throws(() => assertBatchDirection(lecture, 'es', 'lecture'), /backwards|does not say/);
  });

  it('batch size: the variance of the mini-batch gradient falls as 1 / B (exact, over every batch of a small set)', () => {
    // Per-example gradients of a least-squares fit, g_i = 2(w·x_i − y_i)x_i, on 10 points; every batch of B
    // distinct points is enumerated. Sampling without replacement gives Var = σ²/B · (N − B)/(N − 1).
    const rng = new Rng(5), n = 10, w = 0.7;
    const g = Array.from({ length: n }, () => {
      const x = rng.uniformRange(-2, 2), y = 1.3 * x + rng.uniformRange(-0.5, 0.5);
      return 2 * (w * x - y) * x;
    });
    const mean = g.reduce((a, b) => a + b, 0) / n;
    const sigma2 = g.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
    const variance = (b: number): number => {
      let sum = 0, sumSq = 0, count = 0;
      const visit = (start: number, chosen: number[]): void => {
        if (chosen.length === b) {
          const m = chosen.reduce((a, i) => a + g[i]!, 0) / b;
          sum += m; sumSq += m * m; count++;
          return;
        }
        for (let i = start; i < n; i++) visit(i + 1, [...chosen, i]);
      };
      visit(0, []);
      return sumSq / count - (sum / count) ** 2;
    };
    for (const b of [1, 2, 4, 5]) assert.ok(Math.abs(variance(b) - (sigma2 / b) * (n - b) / (n - 1)) < 1e-9 * sigma2, `B = ${b}`);
    assert.ok(variance(5) < variance(2) && variance(2) < variance(1), 'a larger batch has the smaller variance');
  });

  it('dropout: both give the inverted-dropout scale 1 / (1 − rate) and the typical rates', () => {
    const normalise = (s: string): string => s.replace(/\s+/g, '').replace(/−/g, '-');
    const tooltip = LAYER_FIELDS.rate.tooltip, dropout = hover('0.3)');
    for (const text of [tooltip, dropout]) assert.ok(normalise(text).includes('1/(1-rate)'), text);
    assert.ok(tooltip.includes(rangeText(TYPICAL.dropoutRate)), tooltip);
    assert.match(dropout, new RegExp(`from ${TYPICAL.dropoutRate.low} near the input to ${TYPICAL.dropoutRate.high}`));
  });

  it('Dropout(1.0): the hover and the diagnostic say the layers before get no gradient and only the biases after it learn', () => {
    assert.match(hover('1.0)'), /no gradient reaches the layers before it.*only their biases learn/);
    const diagnostic = analyzeDocument(SOURCE, 'python').models[0]!.diagnostics.map((d) => d.message).find((m) => m.startsWith('Dropout(1.0)'));
    assert.match(diagnostic ?? '', /layers before it get no gradient and the layers after it can learn only their biases/);
  });

  it('Dropout(1.0): with the engine, the kernels before and after it get zero gradient and the next bias does not', () => {
    const parsed = parseLayers([
      { class_name: 'Dense', units: 4, activation: 'tanh', input_shape: [3] },
      { class_name: 'Dropout', rate: 0.5 },
      { class_name: 'Dense', units: 2 },
    ], 'model.layers');
    // Keras refuses nothing here (0 <= rate <= 1); the engine's parser stops at rate < 1, so the layer is built directly.
    const model = new Sequential(parsed.layers.map((l) => (l.className === 'Dropout' ? new Dropout('dropout', 1) : l)), [3]);
    model.build(4, TS_KERNELS, new HeapArena(), new Rng(2));
    const rng = new Rng(9), batch = 4;
    const x = Float32Array.from({ length: batch * 3 }, () => rng.uniformRange(-1, 1));
    const out = model.forward(x, batch, true);
    const bias = model.variables.find((v) => v.layer.name === 'dense_1' && v.spec.name === 'bias')!;
    for (let r = 0; r < batch; r++) for (let j = 0; j < 2; j++) assert.equal(out[r * 2 + j], bias.value[j], 'the output is the last bias alone');
    model.grads.fill(0);
    model.backward(Float32Array.from({ length: batch * 2 }, () => 1), batch);
    const norm = (layer: string, name: string): number => model.variables.find((v) => v.layer.name === layer && v.spec.name === name)!.grad.reduce((a, b) => a + Math.abs(b), 0);
    assert.equal(norm('dense', 'kernel'), 0);
    assert.equal(norm('dense', 'bias'), 0);
    assert.equal(norm('dense_1', 'kernel'), 0);
    assert.equal(norm('dense_1', 'bias'), 2 * batch);
  });

  it('L1/L2: both give the same typical factors', () => {
    const typical = rangeText(TYPICAL.weightPenalty);
    assert.ok(FIELDS.regularization_rate.tooltip.includes(typical), FIELDS.regularization_rate.tooltip);
    assert.ok(hover('regularizers.l2').includes(typical));
  });

  it('learning rate and momentum: the tooltips and the SGD and Adam hovers give the same starting values', () => {
    const sgdRange = rangeText(TYPICAL.sgdLearningRate), adaptive = rangeText(TYPICAL.adaptiveLearningRate);
    assert.ok(FIELDS.learning_rate.tooltip.includes(`${sgdRange} for SGD`), FIELDS.learning_rate.tooltip);
    assert.ok(FIELDS.learning_rate.tooltip.includes(`${adaptive} for Adam`), FIELDS.learning_rate.tooltip);
    const sgd = hover('SGD('), adam = hover('Adam(');
    assert.match(sgd, new RegExp(`learning_rate ${sgdRange.replace('.', '\\.')} and momentum ${TYPICAL.momentum}`));
    assert.ok(adam.includes(adaptive));
    assert.ok(FIELDS.momentum.tooltip.includes(`${TYPICAL.momentum} the usual choice`), FIELDS.momentum.tooltip);
  });

  it('ReLU: neither says it never saturates; both say a negative input gets no gradient', () => {
    const tooltip = LAYER_FIELDS.activation.tooltip.split('. tanh:')[0]!, relu = hover('"relu"');
    for (const text of [tooltip, relu]) {
      assert.match(text, /does not saturate for positive inputs|For positive inputs it does not saturate/);
      assert.match(text, /negative/);
    }
    assert.match(spanish(LAYER_FIELDS.activation.tooltip), /no se satura para entradas positivas/);
  });

  it('epochs: both weigh underfitting against overfitting and name early stopping', () => {
    const tooltip = FIELDS.epochs.tooltip, epochs = hover('epochs');
    for (const text of [tooltip, epochs]) {
      assert.match(text, /underfit/);
      assert.match(text, /overfit/);
      assert.match(text, /early stopping/);
    }
  });

  it('defaults: the hover and the sidebar give Keras’ batch size 32 and epochs 1', () => {
    assert.equal(FIELDS.batch_size.kerasDefault, 32);
    assert.match(hover('batch_size'), /Keras uses 32 when it is not given/);
    assert.equal(FIELDS.epochs.kerasDefault, 1);
    assert.match(hover('model.fit'), /\| epochs \| `10` \| `1` \|/);
  });

  it('one name per split: the held-out data is the validation data, and Playground’s name for it is said', () => {
    assert.match(FIELDS.train_ratio.tooltip, /the rest is the validation data \(Playground's test data\)/);
    const panel = fs.readFileSync('src/host/webviewStrings.ts', 'utf8');
    assert.match(panel, /'Show validation data'/);
    assert.doesNotMatch(panel, /'Show test data'/);
    const walkthrough = (JSON.parse(fs.readFileSync('package.nls.json', 'utf8')) as Record<string, string>)['walkthrough.step1.description']!;
    assert.match(walkthrough, /training and validation loss \(Playground calls the latter test loss\)/);
  });

  it('the optimizer hover lists every optimizer Keras 3 exports', () => {
    for (const name of ['Adafactor', 'Lamb', 'Muon', 'ScheduleFreeAdamW', 'Ftrl', 'Lion']) assert.ok((KERAS_OPTIMIZERS as readonly string[]).includes(name), name);
    const other = hover('Adafactor(');
    assert.match(other, /factored \(row and column\)/);
    for (const name of KERAS_OPTIMIZERS) assert.ok(other.includes(name), `${name} is missing from the list`);
  });
});
