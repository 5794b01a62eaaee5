/**
 * The layer rules against the real Keras 3: hundreds of seeded random models (randomPrograms.ts), each written
 * as Python by the spelling generator (only spellings Keras without TensorFlow runs), built by Keras
 * (kerasOracle.py) and analysed by HyperLab. Every layer must have Keras' automatic name, output shape and
 * trainable / non-trainable parameter counts, and the model Keras' totals. A program Keras refuses must not
 * get a complete count from HyperLab either.
 */
import * as assert from 'node:assert/strict';
import { Rng } from '../../src/engine/rng';
import { analyzeDocument } from '../../src/keras/analyzeDocument';
import { spellPython } from '../support/keras/pythonSpelling';
import { differences } from './compareWithKeras';
import { runInKeras } from './kerasOracle';
import { randomProgram } from './randomPrograms';

const PROGRAMS = 300;

describe('differential: layer rules against Keras 3', function () {
  const rng = new Rng(20_260_512);
  const programs = Array.from({ length: PROGRAMS }, (_, i) => spellPython(randomProgram(rng, 2 + (i % 6)), rng, { kerasOnly: true }));
  let results: ReturnType<typeof runInKeras> = [];

  before(function () {
    results = runInKeras(programs.map((p) => p.text));
  });

  it(`Keras builds nearly every generated model (${PROGRAMS})`, () => {
    const failed = results.flatMap((r, i) => (r.ok ? [] : [`${r.error}\n${programs[i]!.text}`]));
    assert.ok(failed.length <= PROGRAMS / 20, `${failed.length} programs failed in Keras; the first:\n${failed.slice(0, 3).join('\n---\n')}`);
  });

  it('gives every layer Keras\' name, output shape and parameters, and every model Keras\' totals', () => {
    const wrong: string[] = [];
    results.forEach((r, i) => {
      if (!r.ok) return;
      const diff = differences(analyzeDocument(programs[i]!.text, 'python'), r.model);
      if (diff.length > 0) wrong.push(`program ${i} (${programs[i]!.choices.join('; ')}):\n  ${diff.join('\n  ')}\n${programs[i]!.text}`);
    });
    assert.deepEqual(wrong.slice(0, 5), [], `${wrong.length} of ${results.filter((r) => r.ok).length} models differ`);
  });

  it('never gives a complete count for a model Keras refuses', () => {
    const claimed: string[] = [];
    results.forEach((r, i) => {
      if (r.ok) return;
      const m = analyzeDocument(programs[i]!.text, 'python').models.find((x) => x.graph.variable === 'model');
      if (m?.totals) claimed.push(`program ${i}: HyperLab counts ${JSON.stringify(m.totals)}, Keras raises ${r.error}\n${programs[i]!.text}`);
    });
    assert.deepEqual(claimed.slice(0, 3), []);
  });
});
