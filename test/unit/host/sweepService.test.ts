import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { floatDistribution } from '../../../src/sweeps/distributions';
import { TrialState } from '../../../src/sweeps/frozenTrial';
import { JournalStorage } from '../../../src/sweeps/journal/journalStorage';
import { loadSweepFile } from '../../../src/sweeps/sweepFile';
import { readStudy } from '../../../src/sweeps/studyTable';
import type { ImportanceComputer } from '../../../src/host/sweeps/importanceWorkerClient';
import { REMEMBER_KEY, type SweepServicePorts, SweepService } from '../../../src/host/sweeps/sweepService';
import { importanceView } from '../../../src/host/sweeps/sweepViews';
import { startSweepRun } from '../../../src/host/sweeps/sweepRun';
import type { SweepSession } from '../../../src/host/sweeps/sweepSession';
import { t } from './fakes';
import { FakePool, MemoryMemento, gate } from './sweepFakes';

const base = { seed: 1, model: { input_shape: [2], layers: [{ class_name: 'Dense', units: 4, activation: 'tanh' }, { class_name: 'Dense', units: 1, activation: 'sigmoid' }] }, compile: { optimizer: { class_name: 'Adam', learning_rate: 0.01 }, loss: 'binary_crossentropy' }, fit: { epochs: 4 }, data: { dataset: 'circle' } };

/** Resolves once the session satisfies `ready` (checked on each of its changes). */
function until(session: SweepSession, ready: (s: SweepSession) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (ready(session)) return resolve();
    const sub = session.onDidChange(() => {
      if (!ready(session)) return;
      sub.dispose();
      resolve();
    });
  });
}

describe('sweeps in the extension: the sweep service (fake pool, real controller and journal)', () => {
  let dir: string, storage: string, memento: MemoryMemento, pools: FakePool[], failAt: Set<number>, hold: { wait: Promise<void>; open(): void } | null;
  const importance: ImportanceComputer = {
    compute: (trials) => {
      const done = trials.filter((x) => x.state === TrialState.COMPLETE).length;
      return Promise.resolve(done < 2 ? { ok: false, reason: 'Cannot evaluate parameter importances with only a single trial.' } : { ok: true, importances: [{ param: 'learning_rate', importance: 1 }] });
    },
    dispose: () => undefined,
  };
  const logs: string[] = [];
  const ports = (): SweepServicePorts => ({
    startRun: (options) => startSweepRun(options, { extensionRoot: '/ext', runsDir: null, runner: (n) => { const p = new FakePool(n, { failAt, gate: () => hold?.wait ?? null }); pools.push(p); return p; } }),
    importance, memento, t, log: { info: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(m) },
    wait: () => Promise.resolve(), every: () => ({ dispose: () => undefined }),
  });
  const sweepFile = (extra: Record<string, unknown> = {}) => {
    const file = path.join(dir, 'lr.sweep.json');
    fs.writeFileSync(file, JSON.stringify({ experiment: base, method: 'random', max_trials: 4, seed: 3, workers: 2, parameters: { learning_rate: { min: 1e-4, max: 1, distribution: 'log_uniform' } }, ...extra }));
    return loadSweepFile(file);
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-sweep-service-'));
    storage = path.join(dir, 'sweeps', 'lr.optuna.log');
    memento = new MemoryMemento();
    pools = [];
    failAt = new Set();
    hold = null;
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs a sweep to its end: a row per trial with its value and epochs, the best trial, importance, and the remembered sweep forgotten', async () => {
    const service = new SweepService(ports());
    const started = service.start({ sweep: sweepFile(), storage, maxTrials: 4 });
    await until(service.session!, (s) => s.trials().length > 0);
    assert.deepEqual(memento.get(REMEMBER_KEY), { file: path.join(dir, 'lr.sweep.json'), storage, study: 'lr', maxTrials: 4, workers: null, state: 'running' });
    const outcome = await started;
    assert.equal(outcome.type === 'ended' && outcome.state, 'finished');
    assert.equal(memento.get(REMEMBER_KEY), undefined, 'forgotten once it ended');
    const session = service.session!;
    const rows = session.trials();
    assert.deepEqual(rows.map((r) => [r.number, r.state, r.epochs]), [[0, 'complete', 4], [1, 'complete', 4], [2, 'complete', 4], [3, 'complete', 4]]);
    const study = await readStudy(storage, 'lr');
    for (const r of rows) assert.equal(r.value, study!.rows[r.number]!.value, `trial ${r.number}'s value is the journal's`);
    assert.equal(session.info().best, session.best()!.number);
    assert.match(session.info().statusText, /^Finished · 4 of 4 trials done: 4 complete, 0 pruned, 0 failed, 0 running · best val_loss /);
    await until(session, (s) => s.importance?.items.length === 1);
    assert.equal(session.importance!.trials, 4);
    assert.ok(!service.running);
  });

  it('remembers a paused sweep as paused, and as running again after Resume', async () => {
    const service = new SweepService(ports());
    hold = gate();
    const started = service.start({ sweep: sweepFile(), storage, maxTrials: 4 });
    await until(service.session!, (s) => s.trials().some((r) => r.state === 'running'));
    service.pause();
    assert.equal((memento.get(REMEMBER_KEY) as { state: string }).state, 'paused');
    assert.ok(service.paused);
    service.resume();
    assert.equal((memento.get(REMEMBER_KEY) as { state: string }).state, 'running');
    const h = hold;
    hold = null;
    h.open();
    await started;
  });

  it('cancels: the running trials end failed ("cancelled") and the sweep ends cancelled', async () => {
    const service = new SweepService(ports());
    hold = gate();
    const started = service.start({ sweep: sweepFile(), storage, maxTrials: 4 });
    await until(service.session!, (s) => s.trials().filter((r) => r.state === 'running').length === 2);
    service.cancel();
    assert.equal(service.session!.state, 'stopping');
    hold.open();
    const outcome = await started;
    assert.equal(outcome.type === 'ended' && outcome.state, 'cancelled');
    assert.deepEqual(service.session!.trials().map((r) => [r.state, r.reason]), [['fail', 'cancelled: the sweep was stopped'], ['fail', 'cancelled: the sweep was stopped']]);
    assert.equal(memento.get(REMEMBER_KEY), undefined);
  });

  it('after a killed host (abandon) the sweep stays remembered; resuming fails its running trials as interrupted and runs max_trials more', async () => {
    const service = new SweepService(ports());
    hold = gate();
    const started = service.start({ sweep: sweepFile(), storage, maxTrials: 4 });
    await until(service.session!, (s) => s.trials().filter((r) => r.state === 'running').length === 2);
    hold = null; // the gate of the abandoned pool never opens; the next pool has none
    await service.abandon();
    assert.deepEqual(await started, { type: 'abandoned' });
    assert.ok(pools[0]!.disposed, 'the workers ended');
    // The study was told nothing more: the two trials in training and maybe one asked ahead (random) are RUNNING.
    const left = (await readStudy(storage, 'lr'))!.rows.map((r) => r.state);
    assert.ok(left.length === 2 || left.length === 3, `${left.length} trials`);
    assert.ok(left.every((state) => state === 'running'), left.join());
    const r = service.remembered();
    assert.equal(r?.state, 'running');
    // The next activation (a new service, as after a reload) resumes it from the journal.
    const next = new SweepService(ports());
    const outcome = await next.resumeRemembered(r);
    assert.deepEqual(outcome.type === 'ended' && [outcome.state, outcome.error], ['finished', null]);
    const rows = next.session!.trials();
    assert.equal(rows.length, left.length + 4);
    assert.ok(rows.slice(0, left.length).every((x) => x.state === 'fail' && x.reason?.startsWith('interrupted')));
    assert.deepEqual(rows.slice(left.length).map((x) => x.state), ['complete', 'complete', 'complete', 'complete']);
    assert.match(next.session!.info().statusText, new RegExp(`4 of 4 trials done: 4 complete, 0 pruned, ${left.length} failed`));
    assert.equal(memento.get(REMEMBER_KEY), undefined);
  });

  it('shows a failing trial as failed with its reason, and the sweep goes on', async () => {
    const service = new SweepService(ports());
    const sf = sweepFile({ method: 'grid', parameters: { learning_rate: { values: [0.01, 0.5, 0.1] } }, max_trials: 3, workers: 1 });
    failAt.add(0.5);
    await service.start({ sweep: sf, storage, maxTrials: 3 });
    const rows = service.session!.trials();
    const failed = rows.filter((r) => r.state === 'fail');
    assert.equal(failed.length, 1);
    assert.equal(failed[0]!.params.learning_rate, 0.5);
    assert.equal(failed[0]!.reason, 'internal error: a fake failure');
    assert.equal(rows.filter((r) => r.state === 'complete').length, 2);
  });

  it('shows a study from its journal and picks up the trials another writer (Python Optuna) adds', async () => {
    const service = new SweepService(ports());
    const sf = sweepFile();
    await service.start({ sweep: sf, storage, maxTrials: 2 });
    const session = await service.showStudy(sf, storage, true);
    assert.equal(session.state, 'idle');
    assert.equal(session.trials().length, 2);
    const python = await JournalStorage.open(storage);
    const backend = python.studyBackend(python.study('lr')!.studyId);
    const trial = await backend.createTrial();
    await backend.setTrialParam(trial.trialId, 'learning_rate', 0.02, floatDistribution(1e-4, 1, true));
    await backend.setTrialIntermediateValue(trial.trialId, 0, 0.7);
    await backend.setTrialStateValues(trial.trialId, TrialState.COMPLETE, [0.5]);
    await service.refresh();
    const added = session.trials()[2]!;
    assert.deepEqual([added.number, added.state, added.value, added.writer, added.runId, added.params.learning_rate], [2, 'complete', 0.5, 'other', null, 0.02]);
    assert.match(session.info().statusText, /^Study lr \(from its journal\) · 3 trials: 3 complete/);
  });

  it('refuses a second sweep while one runs', async () => {
    const service = new SweepService(ports());
    const first = service.start({ sweep: sweepFile(), storage, maxTrials: 2 });
    await assert.rejects(service.start({ sweep: sweepFile(), storage, maxTrials: 2 }), /still running/);
    await first;
  });

  it('puts Optuna\'s refusals to compute importance into words', () => {
    assert.equal(importanceView({ ok: false, reason: 'Cannot evaluate parameter importances with only a single trial.' }, 1, 'val_loss', t).note, 'Importance needs at least two complete trials (1 so far).');
    assert.equal(importanceView({ ok: false, reason: 'Encountered zero total variance in all trees.' }, 5, 'val_loss', t).note, 'Every complete trial has the same val_loss: no parameter explains any of it.');
    assert.deepEqual(importanceView({ ok: true, importances: [{ param: 'units', importance: 0.75 }, { param: 'lr', importance: 0.25 }] }, 9, 'val_loss', t), { items: [{ param: 'units', importance: 0.75 }, { param: 'lr', importance: 0.25 }], note: null, trials: 9 });
  });
});
