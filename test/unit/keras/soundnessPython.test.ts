/**
 * The soundness rule of the analysis (src/keras/analyzeDocument.ts) for the Python reader: every statement
 * and expression form of the grammar, put between two layers of a model, either is followed exactly or makes
 * the numbers it may change unknown, with a reason; never a wrong number. Each case states what Python and
 * Keras 3 would really do (the parameters of the last layer and of the model, worked out by hand from
 * Dense's d·u + u), and the cases HyperLab follows exactly must give those numbers, not "?".
 */
import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../../src/keras/analyzeDocument';
import type { ModelSummary, ParamCount } from '../../../src/keras/kerasModel';
import { PYTHON_CASES, caseProgram } from './soundnessCases';
import { english } from './analysisFixtures';

function lastAndTotal(m: ModelSummary): { last: ParamCount | null; total: ParamCount | null; reason: string } {
  const last = m.layers.at(-1)!;
  return { last: last.outcome.params, total: m.totals, reason: english(last.outcome.unknownReason) || english(m.graph.unknownReason) };
}

describe('soundness: the Python reader never gives a wrong number', () => {
  for (const c of PYTHON_CASES) {
    it(`${c.title}: ${c.exact ? 'the exact numbers' : 'the exact numbers or "?" with a reason'}`, () => {
      const text = caseProgram(c.code);
      const a = analyzeDocument(text, 'python');
      // The model the last line adds Dense(2) to (`global` may have rebound the name to a new model).
      const lastLine = text.split('\n').length - 1;
      const models = a.models.filter((m) => m.graph.name === 'model' && m.layers.some((l) => l.node.call.span.line === lastLine));
      assert.ok(models.length >= 1, 'the model is found');
      for (const m of models) {
        const got = lastAndTotal(m);
        if (c.exact) {
          assert.deepEqual([got.last, got.total], [c.last, c.total], `${c.title}: ${got.reason}`);
          continue;
        }
        if (got.last !== null) assert.deepEqual(got.last, c.last, `${c.title}: last layer`);
        else assert.notEqual(english(m.layers.at(-1)!.outcome.unknownReason), '', 'an unknown count has a reason');
        if (got.total !== null) assert.deepEqual(got.total, c.total, `${c.title}: total`);
        else assert.ok(got.reason !== '' || m.layers.some((l) => l.outcome.unknownReason), 'an unknown total has a reason');
      }
    });
  }

  it('a model built only on ;-joined lines is found, with its numbers', () => {
    const a = analyzeDocument('import keras; from keras import layers\nnet = keras.Sequential(); net.add(keras.Input(shape=(4,))); net.add(layers.Dense(100)); net.add(layers.Dense(7))\n', 'python');
    assert.deepEqual(a.models.map((m) => [m.graph.name, m.totals]), [['net', { trainable: 500 + 707, nonTrainable: 0 }]]);
  });

  it('a function that applies a layer, called in a loop, makes the functional model unknown rather than one layer short', () => {
    const a = analyzeDocument('import keras\nfrom keras import layers\nx = keras.Input((4,))\ndef f(t):\n    return layers.Dense(4)(t)\ny = x\nfor _ in range(2):\n    y = f(y)\nm2 = keras.Model(x, y)\n', 'python');
    const m = a.models.find((x) => x.graph.name === 'm2')!;
    assert.equal(m.totals, null);
    assert.match(english(m.graph.unknownReason), /loop/);
  });

  it('a syntax error inside a statement marks what it names instead of skipping it silently', () => {
    const a = analyzeDocument('import keras\nfrom keras import layers\nmodel = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(8)])\nmodel.add(layers.Dense(16) +* )\nmodel.add(layers.Dense(2))\n', 'python');
    const m = a.models[0]!;
    assert.ok(m.totals === null || m.totals.trainable === 40 + 144 + 34, 'no count that ignores the broken line');
  });
});
