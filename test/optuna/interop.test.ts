import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ParamValue } from '../../src/sweeps/applyParameters';
import { categoricalDistribution, distributionToJson, floatDistribution, intDistribution } from '../../src/sweeps/distributions';
import { StudyDirection, TRIAL_STATE_NAMES, TrialState } from '../../src/sweeps/frozenTrial';
import { fanovaImportances } from '../../src/sweeps/importance/fanova';
import { JournalStorage } from '../../src/sweeps/journal/journalStorage';
import { MedianPruner } from '../../src/sweeps/pruners/medianPruner';
import { TPESampler } from '../../src/sweeps/samplers/tpe/tpeSampler';
import { Study } from '../../src/sweeps/study';
import { collect, pythonWithOptuna, runPython, spawnPython } from './python';

interface PyTrial { number: number; state: string; params: Record<string, ParamValue>; distributions: Record<string, unknown>; values: number[] | null; intermediate: Record<string, number>; user_attrs: Record<string, unknown> }
interface PyStudy { direction: string; trials: PyTrial[]; importances: [string, number][] | string }

const SPACE = [
  { name: 'compile.optimizer.learning_rate', distribution: floatDistribution(1e-4, 0.1, true) },
  { name: 'units', distribution: categoricalDistribution([2, 4, 8]) },
  { name: 'activation', distribution: categoricalDistribution(['relu', 'tanh']) },
  { name: 'fit.batch_size', distribution: intDistribution(8, 64, true) },
  { name: 'dropout', distribution: floatDistribution(0, 0.5, false, 0.1) },
];

describe('Python Optuna and HyperLab share a study (Debian python3-optuna)', function () {
  this.timeout(180_000);
  let dir: string;
  before(() => { pythonWithOptuna(); });
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-optuna-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reproduces the sampler and importance fixtures the unit tier checks HyperLab against', async () => {
    const scenarios = await runPython('samplerScenarios.py');
    assert.deepEqual(JSON.parse(scenarios), JSON.parse(fs.readFileSync('test/fixtures/optuna/scenarios.json', 'utf8')), 'test/fixtures/optuna/scenarios.json is what this Optuna does');
    const file = path.join(dir, 'scenarios.json');
    fs.writeFileSync(file, scenarios);
    const importances = await runPython('importanceScenarios.py', [file]);
    assert.deepEqual(JSON.parse(importances), JSON.parse(fs.readFileSync('test/fixtures/optuna/importances.json', 'utf8')));
  });

  it('loads a study HyperLab wrote with the same trials, params, values, states, intermediate values and user attributes', async () => {
    const file = path.join(dir, 'sweep.optuna.log');
    const storage = await JournalStorage.open(file);
    const { study: record } = await storage.createOrLoadStudy('interop', StudyDirection.MINIMIZE);
    const study = new Study(storage.studyBackend(record.studyId), new TPESampler(3), new MedianPruner({ n_startup_trials: 3, n_warmup_steps: 0, interval_steps: 1, n_min_trials: 1 }));
    for (let i = 0; i < 24; i++) {
      // The worker tag goes into the CREATE_TRIAL line (Optuna's template user_attrs), the run id comes later.
      const { trial, params } = await study.ask(SPACE, { hyperlab_worker: { host: 'h', pid: 1, session: `s-${i}` } });
      await study.backend.setTrialUserAttr(trial.trialId, 'hyperlab_run', `run-${i}`);
      const level = Math.log10(params['compile.optimizer.learning_rate'] as number) + (params.units as number) / 8 + (params.activation === 'relu' ? 0 : 0.3);
      if (i === 5) { await study.tell(trial.trialId, 'fail'); continue; } // e.g. a NaN loss
      let pruned = false, v = level;
      for (let step = 0; step < 6 && !pruned; step++) {
        v = level + 1 / (step + 1);
        pruned = await study.reportAndPrune(trial.trialId, step, v);
      }
      await study.tell(trial.trialId, pruned ? 'pruned' : 'complete', v);
    }
    const ours = storage.trials(record.studyId);
    const py = JSON.parse(await runPython('loadStudy.py', [file, 'interop'])) as PyStudy;
    assert.equal(py.direction, 'minimize');
    assert.equal(py.trials.length, ours.length);
    assert.ok(ours.some((t) => t.state === TrialState.PRUNED) && ours.some((t) => t.state === TrialState.FAIL), 'the study has pruned and failed trials');
    py.trials.forEach((p, i) => {
      const t = ours[i]!, where = `trial ${i}`;
      assert.equal(p.number, t.number, where);
      assert.equal(p.state, TRIAL_STATE_NAMES[t.state], where);
      assert.deepEqual(p.params, t.params, where);
      for (const [k, d] of Object.entries(t.distributions)) assert.deepEqual(p.distributions[k], JSON.parse(distributionToJson(d)), `${where} ${k}`);
      assert.deepEqual(p.values, t.values, where);
      assert.deepEqual(p.intermediate, Object.fromEntries([...t.intermediateValues].map(([k, v]) => [String(k), v])), where);
      assert.deepEqual(p.user_attrs, t.userAttrs, where);
    });
    // Optuna computes importances on it too, and HyperLab's fANOVA agrees.
    assert.ok(Array.isArray(py.importances), String(py.importances));
    const mine = new Map(fanovaImportances(ours).map((e) => [e.param, e.importance]));
    for (const [param, v] of py.importances) assert.ok(Math.abs(mine.get(param)! - v) < 0.05, `${param}: ${mine.get(param)} vs ${v}`);
  });

  it('keeps every trial with unique numbers when a Python worker adds trials while HyperLab writes', async () => {
    const file = path.join(dir, 'shared.optuna.log');
    const storage = await JournalStorage.open(file);
    const { study: record } = await storage.createOrLoadStudy('shared', StudyDirection.MINIMIZE);
    const python = collect(spawnPython('addTrials.py', [file, 'shared', '25']));
    const study = new Study(storage.studyBackend(record.studyId), new TPESampler(11), null);
    const space = [{ name: 'x', distribution: floatDistribution(0, 1) }, { name: 'units', distribution: categoricalDistribution([2, 4, 8]) }];
    // Two HyperLab trials at a time, as a pool of two workers would run them.
    const worker = async (w: number) => {
      for (let i = 0; i < 12; i++) {
        const { trial, params } = await study.ask(space);
        await study.backend.setTrialUserAttr(trial.trialId, 'writer', `hyperlab-${w}`);
        for (let step = 0; step < 3; step++) await study.reportAndPrune(trial.trialId, step, (params.x as number) + step);
        await study.tell(trial.trialId, 'complete', (params.x as number) * (params.units as number));
      }
    };
    await Promise.all([worker(0), worker(1)]);
    assert.equal(Number((await python).trim()) >= 25, true);
    await storage.sync();
    const ours = storage.trials(record.studyId);
    const py = JSON.parse(await runPython('loadStudy.py', [file, 'shared'])) as PyStudy;
    for (const view of [ours.map((t) => ({ number: t.number, state: TRIAL_STATE_NAMES[t.state], writer: t.userAttrs.writer })), py.trials.map((t) => ({ number: t.number, state: t.state, writer: t.user_attrs.writer }))]) {
      assert.equal(view.length, 49);
      assert.deepEqual(view.map((t) => t.number), [...Array(49).keys()], 'unique, consecutive numbers');
      assert.ok(view.every((t) => t.state === 'complete'));
      assert.equal(view.filter((t) => t.writer === 'python').length, 25, 'HyperLab shows the trials Python added');
      assert.equal(view.filter((t) => String(t.writer).startsWith('hyperlab')).length, 24);
    }
  });
});
