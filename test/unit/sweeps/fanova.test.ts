import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { ParamValue } from '../../../src/sweeps/applyParameters';
import { type Distribution, categoricalDistribution, floatDistribution, intDistribution } from '../../../src/sweeps/distributions';
import { type FrozenTrial, TrialState } from '../../../src/sweeps/frozenTrial';
import { fanovaImportances } from '../../../src/sweeps/importance/fanova';

// Optuna 3.1's get_param_importances(study, evaluator=FanovaImportanceEvaluator(seed=s)) on the
// completed trials of the sampler scenarios (test/optuna/importanceScenarios.py wrote the file).
interface Spec { type: 'float' | 'int' | 'categorical'; low?: number; high?: number; log?: boolean; step?: number | null; choices?: ParamValue[] }
const scenarios = (JSON.parse(fs.readFileSync('test/fixtures/optuna/scenarios.json', 'utf8')) as {
  scenarios: { name: string; space: [string, Spec][]; result: { state: string; params: Record<string, ParamValue>; values: number[] | null }[] }[];
}).scenarios;
const fixture = JSON.parse(fs.readFileSync('test/fixtures/optuna/importances.json', 'utf8')) as {
  optuna: string; cases: { scenario: string; seed: number; importances?: [string, number][]; error?: string }[];
};

function distributionOf(s: Spec): Distribution {
  if (s.type === 'categorical') return categoricalDistribution(s.choices!);
  if (s.type === 'int') return intDistribution(s.low!, s.high!, s.log ?? false, s.step ?? 1);
  return floatDistribution(s.low!, s.high!, s.log ?? false, s.step ?? null);
}

function trialsOf(name: string): FrozenTrial[] {
  const s = scenarios.find((x) => x.name === name)!;
  const dists = Object.fromEntries(s.space.map(([n, spec]) => [n, distributionOf(spec)]));
  return s.result.filter((t) => t.state === 'complete').map((t, i) => ({
    trialId: i, number: i, state: TrialState.COMPLETE, values: t.values, params: t.params,
    distributions: Object.fromEntries(Object.keys(t.params).map((k) => [k, dists[k]!])),
    intermediateValues: new Map(), userAttrs: {}, systemAttrs: {}, datetimeStart: null, datetimeComplete: null,
  }));
}

describe(`sweeps: fANOVA importance, as Optuna ${fixture.optuna} computes it`, () => {
  for (const c of fixture.cases) {
    it(`${c.scenario}, forest seed ${c.seed}: ${c.error ?? c.importances!.map(([p, v]) => `${p} ${v.toFixed(3)}`).join(', ')}`, () => {
      const trials = trialsOf(c.scenario);
      if (c.error) {
        assert.throws(() => fanovaImportances(trials, { seed: c.seed }), new RegExp(c.error));
        return;
      }
      const ours = fanovaImportances(trials, { seed: c.seed });
      const theirs = new Map(c.importances);
      assert.deepEqual(new Set(ours.map((e) => e.param)), new Set(theirs.keys()));
      assert.ok(Math.abs(ours.reduce((s, e) => s + e.importance, 0) - 1) < 1e-12, 'normalized');
      // The same forest gives the same numbers; with seven parameters and twelve to forty trials two
      // of 64 trees may break a tie between features that split a node's samples identically the other
      // way (the two proxies differ only in rounding), which moves an importance by up to 0.02.
      const seven = theirs.size > 2;
      for (const e of ours) {
        const want = theirs.get(e.param)!;
        assert.ok(Math.abs(e.importance - want) <= (seven ? 0.02 : 1e-12), `${e.param}: ${e.importance} vs Optuna's ${want}`);
      }
      if (!seven) assert.deepEqual(ours.map((e) => e.param), c.importances!.map(([p]) => p), 'the same order');
    });
  }

  it('names an irrelevant parameter unimportant and the one that decides the value important', () => {
    // value = 10·x + noise-free nothing from y: x takes (nearly) all the variance.
    const trials: FrozenTrial[] = Array.from({ length: 30 }, (_, i) => {
      const x = (i * 7919) % 30 / 30, y = (i * 104729) % 31 / 31;
      return {
        trialId: i, number: i, state: TrialState.COMPLETE, values: [10 * x], params: { x, y },
        distributions: { x: floatDistribution(0, 1), y: floatDistribution(0, 1) },
        intermediateValues: new Map(), userAttrs: {}, systemAttrs: {}, datetimeStart: null, datetimeComplete: null,
      };
    });
    const imp = fanovaImportances(trials);
    assert.equal(imp[0]!.param, 'x');
    assert.ok(imp[0]!.importance > 0.95, String(imp[0]!.importance));
    assert.throws(() => fanovaImportances(trials.slice(0, 1)), /only a single trial/);
  });
});
