import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { ParamValue } from '../../../src/sweeps/applyParameters';
import { type Distribution, categoricalDistribution, floatDistribution, intDistribution } from '../../../src/sweeps/distributions';
import { StudyDirection, TRIAL_STATE_NAMES } from '../../../src/sweeps/frozenTrial';
import { HyperbandPruner } from '../../../src/sweeps/pruners/hyperbandPruner';
import { MedianPruner } from '../../../src/sweeps/pruners/medianPruner';
import type { Pruner } from '../../../src/sweeps/pruners/pruner';
import { SuccessiveHalvingPruner } from '../../../src/sweeps/pruners/successiveHalvingPruner';
import { GridSampler } from '../../../src/sweeps/samplers/gridSampler';
import { RandomSampler } from '../../../src/sweeps/samplers/randomSampler';
import type { Sampler } from '../../../src/sweeps/samplers/sampler';
import { TPESampler } from '../../../src/sweeps/samplers/tpe/tpeSampler';
import { Study } from '../../../src/sweeps/study';
import { MemoryBackend } from './memoryBackend';

// What Debian's Optuna 3.1 did on these studies: test/optuna/samplerScenarios.py wrote this file, and
// the Python tier (npm run test:optuna) runs it again and checks the file still says the same.
interface Spec { type: 'float' | 'int' | 'categorical'; low?: number; high?: number; log?: boolean; step?: number | null; choices?: ParamValue[] }
interface Scenario {
  name: string; sampler: 'random' | 'tpe' | 'grid'; seed: number; direction: 'minimize' | 'maximize';
  space: [string, Spec][]; trials: number; steps: number; pruner?: Record<string, number | string>;
  result: { number: number; state: string; params: Record<string, ParamValue>; values: number[] | null; intermediate: Record<string, number>; system_attrs: Record<string, number> }[];
  /** TPE decisions where several candidates tied with the best score (trial number → param → values). */
  near_ties: Record<string, Record<string, ParamValue[]>>;
}
const fixture = JSON.parse(fs.readFileSync('test/fixtures/optuna/scenarios.json', 'utf8')) as { optuna: string; scenarios: Scenario[] };

function distributionOf(s: Spec): Distribution {
  if (s.type === 'categorical') return categoricalDistribution(s.choices!);
  if (s.type === 'int') return intDistribution(s.low!, s.high!, s.log ?? false, s.step ?? 1);
  return floatDistribution(s.low!, s.high!, s.log ?? false, s.step ?? null);
}

const CAT_COST: Record<string, number> = { a: 0, b: 1, c: 0.5 };
/** The same objective as samplerScenarios.py, operation for operation. */
function cost(p: Record<string, ParamValue>): number {
  let total = 0;
  const n = (k: string) => p[k] as number;
  if ('x' in p) total += (n('x') - 1) * (n('x') - 1);
  if ('y' in p) total += (n('y') - 0.1) * (n('y') - 0.1) * 10;
  if ('z' in p) total += ((n('z') - 3) * (n('z') - 3)) / 10;
  if ('w' in p) total += Math.abs(n('w') - 8) / 5;
  if ('c' in p) total += CAT_COST[p.c as string]!;
  if ('u' in p) total += (n('u') - 0.75) * (n('u') - 0.75);
  if ('k' in p) total += Math.abs(n('k') - 20) / 50;
  return total;
}

function samplerFor(s: Scenario): Sampler {
  if (s.sampler === 'random') return new RandomSampler(s.seed);
  if (s.sampler === 'tpe') return new TPESampler(s.seed);
  return new GridSampler(Object.fromEntries(s.space.map(([n, spec]) => [n, spec.choices!])), s.seed);
}

function prunerFor(s: Scenario): Pruner | null {
  const p = s.pruner;
  if (!p) return null;
  const { type, ...args } = p;
  if (type === 'median') return new MedianPruner({ n_startup_trials: 5, n_warmup_steps: 0, interval_steps: 1, n_min_trials: 1, ...args });
  if (type === 'asha') return new SuccessiveHalvingPruner({ min_resource: 'auto', reduction_factor: 4, min_early_stopping_rate: 0, bootstrap_count: 0, ...args });
  return new HyperbandPruner({ min_resource: 1, max_resource: 'auto', reduction_factor: 3, bootstrap_count: 0, ...args });
}

/**
 * Checks every sampling decision against Optuna's and then goes on with Optuna's value, so each
 * decision is judged on the same history (the random streams stay in step either way: every decision
 * draws the same amount). A TPE tie (near_ties) may be broken either way.
 */
function following(s: Scenario, inner: Sampler): Sampler {
  return {
    name: inner.name,
    learnsFromResults: inner.learnsFromResults,
    beforeTrial: (study, trial) => inner.beforeTrial(study, trial),
    sampleIndependent: (study, trial, name, d) => {
      const ours = inner.sampleIndependent(study, trial, name, d);
      const theirs = s.result[trial.number]!.params[name]!;
      const tied = s.near_ties[String(trial.number)]?.[name];
      if (tied) assert.ok(tied.includes(ours), `${s.name} trial ${trial.number} ${name}: ${String(ours)} is not among Optuna's tied best ${JSON.stringify(tied)}`);
      else close(ours, theirs, `${s.name} trial ${trial.number} param ${name}`);
      return theirs;
    },
  };
}

async function replay(s: Scenario): Promise<MemoryBackend> {
  const backend = new MemoryBackend(s.name, s.direction === 'minimize' ? StudyDirection.MINIMIZE : StudyDirection.MAXIMIZE);
  const study = new Study(backend, following(s, samplerFor(s)), prunerFor(s));
  const sign = s.direction === 'minimize' ? 1 : -1;
  const space = s.space.map(([name, spec]) => ({ name, distribution: distributionOf(spec) }));
  for (let i = 0; i < s.trials; i++) {
    const { trial, params } = await study.ask(space);
    const base = sign * cost(params);
    if (s.steps === 0) {
      await study.tell(trial.trialId, 'complete', base);
      continue;
    }
    let v = base, pruned = false;
    for (let step = 0; step < s.steps && !pruned; step++) {
      v = base + sign * (1 / (step + 1));
      pruned = await study.reportAndPrune(trial.trialId, step, v);
    }
    await study.tell(trial.trialId, pruned ? 'pruned' : 'complete', v);
  }
  return backend;
}

/** Equal, or for floats within 1e-12 relative (erf/exp/log may differ in a last bit between C and V8). */
function close(actual: unknown, expected: unknown, where: string): void {
  if (typeof expected === 'number' && typeof actual === 'number' && !Number.isInteger(expected)) {
    assert.ok(Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected)), `${where}: ${actual} vs Optuna's ${expected}`);
  } else assert.deepEqual(actual, expected, where);
}

describe(`sweeps: samplers and pruners do what Optuna ${fixture.optuna} did on the same studies`, () => {
  for (const s of fixture.scenarios) {
    const what = `${s.sampler}${s.pruner ? ` + ${String(s.pruner.type)}` : ''}`;
    it(`${s.name}: ${what}, seed ${s.seed}, ${s.direction}: the same params, states, values and intermediate values`, async () => {
      const got = await replay(s);
      assert.equal(got.list.length, s.result.length);
      s.result.forEach((want, i) => {
        const t = got.list[i]!, where = `${s.name} trial ${want.number}`;
        for (const [k, v] of Object.entries(want.params)) close(t.params[k], v, `${where} param ${k}`);
        assert.equal(TRIAL_STATE_NAMES[t.state], want.state, `${where} state`);
        if (want.values) close(t.values?.[0], want.values[0], `${where} value`);
        assert.deepEqual([...t.intermediateValues.keys()], Object.keys(want.intermediate).map(Number), `${where} steps`);
        for (const [k, v] of Object.entries(want.system_attrs)) close(t.systemAttrs[k], v, `${where} ${k}`);
      });
    });
  }
});
