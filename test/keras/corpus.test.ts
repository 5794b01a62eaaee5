/**
 * The test corpus against the real Keras 3: every published model of the unit tier, written by the spelling
 * generator in spellings Keras runs, must get from HyperLab exactly what Keras builds (names, shapes,
 * parameters); and every case of the Python soundness test runs in Keras to confirm the numbers the unit test
 * claims Keras gives, while HyperLab gives those numbers or "?" — never another number.
 */
import * as assert from 'node:assert/strict';
import { Rng } from '../../src/engine/rng';
import { analyzeDocument } from '../../src/keras/analyzeDocument';
import { isWritable } from '../support/keras/modelProgram';
import { spellPython } from '../support/keras/pythonSpelling';
import { programOf } from '../unit/keras/layerCallBuilders';
import { KERAS_EXAMPLE_MODELS } from '../unit/keras/publishedKerasExamples';
import { KERAS_GUIDE_MODELS } from '../unit/keras/publishedKerasGuides';
import { OTHER_MODELS } from '../unit/keras/publishedOtherModels';
import { PRELUDE, PYTHON_CASES, caseProgram } from '../unit/keras/soundnessCases';
import { differences } from './compareWithKeras';
import { runInKeras } from './kerasOracle';

const SPELLINGS = 3;

describe('differential: the published corpus in Keras 3', function () {
  const rng = new Rng(7);
  const programs = [...OTHER_MODELS, ...KERAS_GUIDE_MODELS, ...KERAS_EXAMPLE_MODELS].flatMap((m) => {
    const recorded = programOf(m.build());
    if (!recorded || !isWritable(recorded.program)) return [];
    return Array.from({ length: SPELLINGS }, () => ({ title: m.title, spelt: spellPython(recorded.program, rng, { kerasOnly: true }) }));
  });

  it(`builds every spelling in Keras and HyperLab agrees on every layer (${programs.length} programs)`, () => {
    const results = runInKeras(programs.map((p) => p.spelt.text));
    const wrong: string[] = [];
    results.forEach((r, i) => {
      const p = programs[i]!;
      if (!r.ok) wrong.push(`${p.title}: Keras raises ${r.error}\n${p.spelt.text}`);
      else {
        const diff = differences(analyzeDocument(p.spelt.text, 'python'), r.model);
        if (diff.length > 0) wrong.push(`${p.title} (${p.spelt.choices.join('; ')}):\n  ${diff.join('\n  ')}\n${p.spelt.text}`);
      }
    });
    assert.deepEqual(wrong.slice(0, 5), [], `${wrong.length} of ${programs.length} differ`);
  });
});

describe('differential: the soundness cases in Keras 3', function () {
  const cases = PYTHON_CASES.filter((c) => !c.python312);

  it(`confirms in Keras the numbers each case claims, and HyperLab gives them or "?" (${cases.length} cases)`, () => {
    const texts = cases.map((c) => caseProgram(c.code, PRELUDE));
    const results = runInKeras(texts);
    const wrong: string[] = [];
    results.forEach((r, i) => {
      const c = cases[i]!;
      if (!r.ok) {
        wrong.push(`${c.title}: Keras raises ${r.error}`);
        return;
      }
      const last = r.model.layers.at(-1)!;
      const truth = { last: { trainable: last.trainable, nonTrainable: last.non_trainable }, total: { trainable: r.model.trainable, nonTrainable: r.model.non_trainable } };
      if (JSON.stringify(truth) !== JSON.stringify({ last: c.last, total: c.total })) wrong.push(`${c.title}: the case claims ${JSON.stringify({ last: c.last, total: c.total })}, Keras gives ${JSON.stringify(truth)}`);
      const m = analyzeDocument(texts[i]!, 'python').models.filter((x) => x.graph.variable === 'model').at(-1)!;
      const got = m.layers.at(-1)!.outcome.params;
      if (got !== null && JSON.stringify(got) !== JSON.stringify(truth.last)) wrong.push(`${c.title}: HyperLab counts the last layer ${JSON.stringify(got)}, Keras ${JSON.stringify(truth.last)}`);
      if (m.totals !== null && JSON.stringify(m.totals) !== JSON.stringify(truth.total)) wrong.push(`${c.title}: HyperLab totals ${JSON.stringify(m.totals)}, Keras ${JSON.stringify(truth.total)}`);
    });
    assert.deepEqual(wrong, []);
  });
});
