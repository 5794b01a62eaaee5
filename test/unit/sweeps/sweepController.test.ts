import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { floatDistribution } from '../../../src/sweeps/distributions';
import { StudyDirection, TrialState } from '../../../src/sweeps/frozenTrial';
import { JournalStorage } from '../../../src/sweeps/journal/journalStorage';
import { ATTR, SweepController, type SweepPorts } from '../../../src/sweeps/sweepController';
import { type SweepDefinition, readSweepDefinition } from '../../../src/sweeps/sweepDefinition';
import type { SweepEvent } from '../../../src/sweeps/sweepEvents';
import { readStudy } from '../../../src/sweeps/studyTable';
import type { TrialRecorder } from '../../../src/sweeps/trialRecording';
import type { TrialRunner } from '../../../src/sweeps/trialPool';
import { FakePool, tick } from '../host/sweepFakes';

/** The sweep service's fake pool (test/unit/host/sweepFakes.ts) with this file's shorthand: a NaN learning rate, trials expected to overlap. */
const fakeRunner = (size: number, nanAtLr: number | null = null, expected: number | null = null): FakePool => new FakePool(size, { nanAtLr, expected });

const base = { seed: 1, model: { input_shape: [2], layers: [{ class_name: 'Dense', units: 4, activation: 'tanh' }, { class_name: 'Dense', units: 1, activation: 'sigmoid' }] }, compile: { optimizer: { class_name: 'Adam', learning_rate: 0.01 }, loss: 'binary_crossentropy' }, fit: { epochs: 6 }, data: { dataset: 'circle' } };

function definition(extra: Record<string, unknown> = {}): SweepDefinition {
  return readSweepDefinition({ experiment: base, method: 'random', max_trials: 8, seed: 3, parameters: { learning_rate: { min: 1e-4, max: 1, distribution: 'log_uniform' } }, ...extra }, { fileName: 'fake.sweep.json', readExperiment: () => base });
}

describe('sweeps: the sweep controller (fake pool, real journal)', () => {
  let dir: string, storage: string, created: string[];
  const recorder: TrialRecorder = { create: (init) => { created.push(`${init.study}#${init.trialNumber}`); return Promise.resolve({ runId: `run-${init.trialNumber}`, record: { dir, header: {} } }); }, crashed: () => undefined };
  const ports = (runner: TrialRunner, alive: (pid: number) => boolean = () => false): SweepPorts => ({ runner: () => runner, recorder, defaultWorkers: () => 2, randomSeed: () => 99, processAlive: alive });
  const collect = (c: SweepController) => { const events: SweepEvent[] = []; c.onEvent((e) => events.push(e)); return events; };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-sweep-'));
    storage = path.join(dir, 'fake.optuna.log');
    created = [];
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs max_trials trials, never more at once than the pool has workers, each recorded as a run', async () => {
    const runner = fakeRunner(3, null, 8);
    const c = new SweepController({ definition: definition(), storage, baseDir: dir, sweepFile: null }, ports(runner));
    const events = collect(c);
    const end = await c.run();
    assert.equal(end.state, 'finished');
    assert.equal(end.trials, 8);
    assert.equal(runner.maxRunning, 3);
    assert.equal(events.filter((e) => e.type === 'trialEnded' && e.state === 'complete').length, 8);
    assert.equal(events.filter((e) => e.type === 'trialEpoch').length, 8 * 6);
    assert.deepEqual(created, Array.from({ length: 8 }, (_, i) => `fake#${i}`));
    const s = await JournalStorage.open(storage);
    const trials = s.trials(s.study('fake')!.studyId);
    assert.ok(trials.every((t) => t.state === TrialState.COMPLETE && t.intermediateValues.size === 6 && t.userAttrs[ATTR.run] === `run-${t.number}`));
    // The value is the metric of the last epoch: val_loss at epoch 6.
    assert.ok(trials.every((t) => Math.abs(t.values![0]! - (t.intermediateValues.get(5)!)) === 0));
    assert.equal(end.best!.value, Math.min(...trials.map((t) => t.values![0]!)));
    assert.deepEqual(s.study('fake')!.userAttrs[ATTR.seed], 3);
  });

  it('asks a random sweep\'s next trial while every worker trains (hiding the journal\'s writes); TPE asks only after the last trial is told, as Optuna does', async () => {
    // The journal's order: when is trial n+1 created (op 4) against trial n's end (op 6)?
    const createdBeforePreviousEnded = (file: string): boolean[] => {
      const ops = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { op_code: number; trial_id?: number; state?: number });
      const at = (pred: (o: { op_code: number; trial_id?: number; state?: number }) => boolean) => ops.findIndex(pred);
      const creates = ops.flatMap((o, i) => (o.op_code === 4 ? [i] : []));
      return creates.slice(1).map((c, n) => c < at((o) => o.op_code === 6 && o.trial_id === n && o.state !== 0));
    };
    const random = new SweepController({ definition: definition({ max_trials: 5 }), storage, baseDir: dir, sweepFile: null, workers: 1 }, ports(fakeRunner(1)));
    assert.equal((await random.run()).trials, 5);
    assert.deepEqual(createdBeforePreviousEnded(storage), [true, true, true, true]);
    const tpeFile = path.join(dir, 'tpe.optuna.log');
    const tpe = new SweepController({ definition: definition({ max_trials: 5, method: 'tpe' }), storage: tpeFile, baseDir: dir, sweepFile: null, workers: 1 }, ports(fakeRunner(1)));
    assert.equal((await tpe.run()).trials, 5);
    assert.deepEqual(createdBeforePreviousEnded(tpeFile), [false, false, false, false]);
    // Each trial was created with its worker tag (one line: a killed host leaves no untagged trial).
    assert.ok(fs.readFileSync(tpeFile, 'utf8').split('\n').filter((l) => l.includes('"op_code": 4')).every((l) => l.includes('hyperlab_worker')));
  });

  it('reports every epoch to the pruner and stops a pruned trial at the epoch it was pruned', async () => {
    const runner = fakeRunner(1);
    const def = definition({ max_trials: 12, early_terminate: { type: 'median', n_startup_trials: 2 } });
    const end = await new SweepController({ definition: def, storage, baseDir: dir, sweepFile: null }, ports(runner)).run();
    assert.equal(end.state, 'finished');
    const s = await JournalStorage.open(storage);
    const trials = s.trials(s.study('fake')!.studyId);
    const pruned = trials.filter((t) => t.state === TrialState.PRUNED);
    assert.ok(pruned.length > 0, 'some trials are pruned');
    assert.ok(pruned.some((t) => t.intermediateValues.size < 6), 'pruned before the last epoch');
    for (const t of pruned) {
      assert.equal(t.values![0], t.intermediateValues.get(t.intermediateValues.size - 1), 'a pruned trial keeps its last intermediate value');
    }
    assert.ok(runner.jobs.every((j) => j.waitForVerdict));
  });

  it('records a failing trial with its reason and goes on', async () => {
    // A grid of four where learning rate 0.5 makes the loss NaN (the fake pool's rule).
    const def = readSweepDefinition({ experiment: base, method: 'grid', seed: 1, parameters: { learning_rate: { values: [0.01, 0.5] }, optimizer: { values: ['Adam', 'SGD'] } } }, { fileName: 'fake.sweep.json', readExperiment: () => base });
    const runner = fakeRunner(2, 0.5);
    const events: SweepEvent[] = [];
    const c = new SweepController({ definition: def, storage, baseDir: dir, sweepFile: null }, ports(runner));
    c.onEvent((e) => events.push(e));
    const end = await c.run();
    assert.equal(end.state, 'finished');
    assert.equal(end.trials, 4, 'the grid of 4 is done');
    const failed = events.filter((e) => e.type === 'trialEnded' && e.state === 'fail');
    assert.equal(failed.length, 2);
    assert.ok(failed.every((e) => e.type === 'trialEnded' && /NaN/.test(e.reason!)));
    const s = await JournalStorage.open(storage);
    assert.ok(s.trials(0).filter((t) => t.state === TrialState.FAIL).every((t) => /NaN/.test(String(t.userAttrs[ATTR.reason]))));
  });

  it('fails a trial whose run does not log the sweep metric, naming the metric and what the run logs', async () => {
    const def = definition({ metric: { name: 'val_loss' }, max_trials: 2 });
    const runner = fakeRunner(1);
    const patched: TrialRunner = { size: 1, dispose: () => runner.dispose(), run: (job, l) => runner.run(job, { ...l, epoch: (e, logs) => l.epoch(e, { loss: logs.loss! }) }) };
    const events: SweepEvent[] = [];
    const c = new SweepController({ definition: def, storage, baseDir: dir, sweepFile: null }, ports(patched));
    c.onEvent((e) => events.push(e));
    await c.run();
    const ended = events.filter((e) => e.type === 'trialEnded');
    assert.equal(ended.length, 2);
    assert.ok(ended.every((e) => e.type === 'trialEnded' && e.state === 'fail' && /val_loss is not in the run's logs \(loss\)/.test(e.reason!)));
  });

  it('pauses (running trials wait, none starts) and resumes', async () => {
    const runner = fakeRunner(2);
    const c = new SweepController({ definition: definition({ max_trials: 4 }), storage, baseDir: dir, sweepFile: null }, ports(runner));
    let startedWhilePaused = 0;
    c.onEvent((e) => {
      if (e.type === 'trialEpoch' && e.number === 0 && e.epoch === 2) c.pause();
      if (e.type === 'trialStarted' && c.state === 'paused') startedWhilePaused++;
    });
    const done = c.run();
    while (c.state !== 'paused' || runner.paused.size < runner.running) await tick();
    for (let i = 0; i < 50; i++) await tick();
    assert.equal(runner.paused.size, runner.running, 'every running trial waits');
    assert.equal(startedWhilePaused, 0);
    c.resume();
    const end = await done;
    assert.equal(end.state, 'finished');
    assert.equal(end.trials, 4);
  });

  it('cancels: running trials end as failed "cancelled", no new one starts', async () => {
    const runner = fakeRunner(2, null, 20);
    const c = new SweepController({ definition: definition({ max_trials: 20 }), storage, baseDir: dir, sweepFile: null }, ports(runner));
    c.onEvent((e) => { if (e.type === 'trialEpoch' && e.number === 2) c.cancel(); });
    const end = await c.run();
    assert.equal(end.state, 'cancelled');
    const s = await JournalStorage.open(storage);
    const trials = s.trials(0);
    assert.ok(trials.length < 20);
    assert.ok(trials.every((t) => t.state !== TrialState.RUNNING));
    assert.ok(trials.some((t) => t.state === TrialState.FAIL && /cancelled/.test(String(t.userAttrs[ATTR.reason]))));
  });

  it('resumes after a crash: its dead trials fail as interrupted, trials of any writer count toward max_trials', async () => {
    // A journal a killed HyperLab left: 2 complete trials, 1 RUNNING of a dead process; and one RUNNING of another machine.
    const s = await JournalStorage.open(storage);
    const { study } = await s.createOrLoadStudy('fake', StudyDirection.MINIMIZE);
    const b = s.studyBackend(study.studyId);
    const x = floatDistribution(1e-4, 1, true);
    for (const tag of [null, null, { host: os.hostname(), pid: 999_999, session: 'old' }, { host: 'elsewhere', pid: 1, session: 'x' }]) {
      const t = await b.createTrial();
      await b.setTrialParam(t.trialId, 'learning_rate', 0.01, x);
      if (tag) await b.setTrialUserAttr(t.trialId, ATTR.worker, tag);
      else await b.setTrialStateValues(t.trialId, TrialState.COMPLETE, [0.5]);
    }
    const runner = fakeRunner(2);
    const events: SweepEvent[] = [];
    const c = new SweepController({ definition: definition({ max_trials: 6 }), storage, baseDir: dir, sweepFile: null }, ports(runner, (pid) => pid !== 999_999));
    c.onEvent((e) => events.push(e));
    const end = await c.run();
    const started = events.find((e) => e.type === 'started');
    assert.deepEqual(started && started.type === 'started' ? [started.resumed, started.existingTrials, started.interrupted] : null, [true, 3, 1]);
    assert.equal(runner.jobs.length, 3, '6 − 3 counted trials');
    const after = await JournalStorage.open(storage);
    const trials = after.trials(0);
    assert.equal(trials[2]!.state, TrialState.FAIL);
    assert.equal(trials[2]!.userAttrs[ATTR.interrupted], true);
    assert.equal(trials[3]!.state, TrialState.RUNNING, "another machine's trial is left alone");
    assert.equal(end.trials, 7);
  });
});

describe('sweeps: the study as the views read it', () => {
  it('gives one row per trial with its state, value, best epoch value, curve, run and failure reason', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-rows-'));
    try {
      const file = path.join(dir, 's.optuna.log');
      const s = await JournalStorage.open(file);
      const { study } = await s.createOrLoadStudy('s', StudyDirection.MINIMIZE);
      const b = s.studyBackend(study.studyId);
      const a = await b.createTrial();
      await b.setTrialParam(a.trialId, 'x', 0.5, floatDistribution(0, 1));
      for (const [step, v] of [[0, 0.9], [1, 0.4], [2, 0.6]] as const) await b.setTrialIntermediateValue(a.trialId, step, v);
      await b.setTrialUserAttr(a.trialId, ATTR.run, 'run-a');
      await b.setTrialUserAttr(a.trialId, ATTR.worker, { host: 'h', pid: 1, session: 's' });
      await b.setTrialStateValues(a.trialId, TrialState.COMPLETE, [0.6]);
      const f = await b.createTrial();
      await b.setTrialUserAttr(f.trialId, ATTR.reason, 'the loss became NaN');
      await b.setTrialStateValues(f.trialId, TrialState.FAIL, null);
      const snap = (await readStudy(file))!;
      assert.equal(snap.name, 's');
      assert.deepEqual(snap.rows.map((r) => [r.number, r.state, r.value, r.best, r.epochs, r.runId, r.writer, r.reason]), [
        [0, 'complete', 0.6, 0.4, 3, 'run-a', 'hyperlab', null],
        [1, 'fail', null, null, 0, null, 'other', 'the loss became NaN'],
      ]);
      assert.deepEqual(snap.rows[0]!.curve, [[0, 0.9], [1, 0.4], [2, 0.6]]);
      assert.equal(await readStudy(file, 'none'), null);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
