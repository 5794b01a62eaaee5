import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listRuns } from '../../src/runs/runList';
import { TrialState } from '../../src/sweeps/frozenTrial';
import { JournalStorage } from '../../src/sweeps/journal/journalStorage';

const CLI = path.resolve('dist/cli.js');
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
const lines = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

const experiment = {
  seed: 3,
  model: { input_shape: [2], layers: [{ class_name: 'Dense', units: 4, activation: 'tanh' }, { class_name: 'Dense', units: 1, activation: 'sigmoid' }] },
  compile: { optimizer: { class_name: 'Adam', learning_rate: 0.03 }, loss: 'binary_crossentropy', metrics: ['accuracy'] },
  fit: { epochs: 4, batch_size: 25 },
  data: { dataset: 'circle', samples: 100, noise: 0.1 },
};

describe('hyperlab sweep (built CLI, real worker threads)', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-cli-sweep-'));
    fs.writeFileSync(path.join(dir, 'circle.experiment.json'), JSON.stringify(experiment));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, sweep: unknown) => fs.writeFileSync(path.join(dir, name), JSON.stringify(sweep));

  it('prints JSON lines, stores an Optuna study and a run per trial, and resumes counting the trials there', async () => {
    write('lr.sweep.json', {
      experiment: 'circle.experiment.json', method: 'random', max_trials: 3, seed: 4,
      metric: { name: 'val_accuracy', goal: 'maximize' },
      parameters: { learning_rate: { min: 0.001, max: 0.3, distribution: 'log_uniform' }, units: { values: [2, 4] } },
    });
    const r = run(dir, 'sweep', 'lr.sweep.json', '--json', '--workers', '2');
    assert.equal(r.status, 0, r.stderr);
    const events = lines(r.stdout);
    assert.deepEqual(events.map((e) => e.event), ['start', 'trial', 'trial', 'trial', 'end']);
    assert.deepEqual(events[0], { event: 'start', study: 'lr', storage: path.join(fs.realpathSync(dir), '.hyperlab', 'sweeps', 'lr.optuna.log'), resumed: false, existing_trials: 0, interrupted: 0, max_trials: 3, workers: 2, seed: 4 });
    const trials = events.filter((e) => e.event === 'trial');
    assert.ok(trials.every((t) => typeof t.value === 'number' && t.epochs === 4 && typeof t.run === 'string'));
    const end = events[4] as { best: { value: number; number: number } };
    assert.equal(end.best.value, Math.max(...trials.map((t) => t.value as number)));
    // The trials are runs of the store, tagged with their study and trial number.
    const runs = await listRuns(path.join(dir, '.hyperlab', 'runs'));
    assert.equal(runs.length, 3);
    assert.deepEqual(runs.map((x) => x.source.kind), ['sweep', 'sweep', 'sweep']);
    // Again with a higher cap: the three trials there count, two more run.
    const again = run(dir, 'sweep', 'lr.sweep.json', '--json', '--max-trials', '5');
    assert.equal(again.status, 0, again.stderr);
    const second = lines(again.stdout);
    assert.equal(second[0]!.resumed, true);
    assert.equal(second[0]!.existing_trials, 3);
    assert.deepEqual(second.filter((e) => e.event === 'trial').map((e) => e.number).sort(), [3, 4]);
    const storage = await JournalStorage.open(path.join(dir, '.hyperlab', 'sweeps', 'lr.optuna.log'));
    const study = storage.study('lr')!;
    assert.equal(storage.trials(study.studyId).length, 5);
    assert.ok(storage.trials(study.studyId).every((t) => t.state === TrialState.COMPLETE && t.intermediateValues.size === 4));
  });

  it('prunes in real workers (the worker waits for each epoch\'s verdict) and records failed trials with their reason', () => {
    write('p.sweep.json', {
      experiment: {
        seed: 3, model: { input_shape: [2], layers: [{ class_name: 'Dense', units: 4, activation: 'relu' }, { class_name: 'Dense', units: 1 }] },
        compile: { optimizer: { class_name: 'SGD', learning_rate: 0.01 }, loss: 'mean_squared_error' }, fit: { epochs: 12, batch_size: 25 }, data: { dataset: 'plane', samples: 100 },
      },
      method: 'grid', seed: 1, metric: { name: 'val_loss', goal: 'minimize' }, early_terminate: { type: 'median', n_startup_trials: 1 },
      // A learning rate of 1e9 makes the loss explode (NaN); 0 units is no layer: those trials fail, the sweep goes on.
      parameters: { learning_rate: { values: [0.05, 0.0001, 1e9, 0.00001] }, units: { values: [4, 0] } },
    });
    const r = run(dir, 'sweep', 'p.sweep.json', '--json', '--workers', '1', '--storage', 'p.log', '--study', 'pruning');
    assert.equal(r.status, 0, r.stderr);
    const events = lines(r.stdout);
    const byKind = (k: string) => events.filter((e) => e.event === k);
    assert.equal(byKind('trial').length + byKind('pruned').length + byKind('failed').length, 8);
    assert.ok(byKind('pruned').length >= 1, r.stdout);
    assert.ok(byKind('pruned').every((e) => (e.epochs as number) < 12));
    const reasons = byKind('failed').map((e) => String(e.reason));
    assert.equal(reasons.filter((x) => /units: got 0; expected an integer >= 1/.test(x)).length, 4);
    assert.equal(reasons.filter((x) => /val_loss became NaN or infinite/.test(x)).length, 1);
    assert.ok(fs.existsSync(path.join(dir, 'p.log')));
  });

  it('exits 1 with the key, the value and what is allowed for a bad sweep file', () => {
    write('bad.sweep.json', { experiment: 'circle.experiment.json', method: 'bayes', parameters: { learning_rate: { values: [0.1] } } });
    const r = run(dir, 'sweep', 'bad.sweep.json');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /hyperlab sweep: method: got "bayes"; expected one of "grid", "random", "tpe"/);
    const w = run(dir, 'sweep', 'bad.sweep.json', '--workers', '0');
    assert.match(w.stderr, /--workers takes a whole number >= 1/);
  });
});
