import * as assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { categoricalDistribution, floatDistribution, intDistribution } from '../../../src/sweeps/distributions';
import { StudyDirection, TrialState } from '../../../src/sweeps/frozenTrial';
import { JournalFile } from '../../../src/sweeps/journal/journalFile';
import { OpWriter } from '../../../src/sweeps/journal/journalOps';
import { JournalReplay } from '../../../src/sweeps/journal/journalReplay';
import { JournalStorage } from '../../../src/sweeps/journal/journalStorage';
import { RandomSampler } from '../../../src/sweeps/samplers/randomSampler';
import { Study } from '../../../src/sweeps/study';

// The child mode: this same bundle, run with HYPERLAB_JOURNAL_CHILD, appends trials to a journal
// until it is killed (the kill -9 test) or has written its count (the concurrency test).
async function child(file: string, count: number, tag: string): Promise<void> {
  const storage = await JournalStorage.open(file, { gracePeriodSeconds: 0.3 });
  const { study } = await storage.createOrLoadStudy('shared', StudyDirection.MINIMIZE);
  const s = new Study(storage.studyBackend(study.studyId), new RandomSampler(Number(process.pid)), null);
  for (let i = 0; i < count; i++) {
    const { trial } = await s.ask([{ name: 'x', distribution: floatDistribution(0, 1) }]);
    await s.backend.setTrialUserAttr(trial.trialId, 'writer', tag);
    await s.reportAndPrune(trial.trialId, 0, 0.5);
    await s.tell(trial.trialId, 'complete', i);
    process.stdout.write(`${trial.number}\n`);
  }
}

const CHILD = process.env.HYPERLAB_JOURNAL_CHILD;
if (CHILD) {
  const [file, count, tag] = JSON.parse(CHILD) as [string, number, string];
  child(file, count, tag).then(() => process.exit(0), (e: unknown) => { process.stderr.write(String(e)); process.exit(1); });
} else {
  // The exit is listened for from the start: a child may finish before the test awaits it.
  const exits = new WeakMap<ChildProcess, Promise<number | null>>();
  const spawnChild = (file: string, count: number, tag: string): ChildProcess => {
    const c = spawn(process.execPath, [__filename], { env: { ...process.env, HYPERLAB_JOURNAL_CHILD: JSON.stringify([file, count, tag]) }, stdio: ['ignore', 'pipe', 'inherit'] });
    exits.set(c, new Promise((resolve) => c.once('exit', (code) => resolve(code))));
    return c;
  };
  const exited = (c: ChildProcess) => exits.get(c)!;
  /** Resolves once the child has printed `n` lines (finished trials). */
  const printed = (c: ChildProcess, n: number) => new Promise<void>((resolve, reject) => {
    let lines = 0;
    c.stdout!.on('data', (d: Buffer) => { lines += d.toString().split('\n').length - 1; if (lines >= n) resolve(); });
    c.once('exit', () => (lines >= n ? resolve() : reject(new Error(`child exited after ${lines} trials`))));
  });

  describe('sweeps: the Optuna journal file', () => {
    let dir: string, file: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-journal-'));
      file = path.join(dir, 'study.optuna.log');
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('writes the lines Optuna 3.1 writes for a trial, with a categorical stored as its index', () => {
      const w = new OpWriter('u');
      const lines = [
        w.createStudy('demo', StudyDirection.MINIMIZE),
        w.setTrialParam(0, 'compile.optimizer.learning_rate', 0.00143, floatDistribution(0.001, 1, true)),
        w.setTrialParam(0, 'model.layers[0].units', 0, categoricalDistribution([2, 4, 8])),
        w.setTrialParam(0, 'fit.batch_size', 29, intDistribution(8, 64)),
        w.setTrialIntermediateValue(0, 0, 1.00143),
        w.setTrialUserAttr(0, 'hyperlab_run', 'r-123'),
      ].map((l) => l.replace(`"u-${process.pid}"`, '"W"'));
      // The lines of /work/shared/reference/OPTUNA.md, as Debian's Optuna 3.1.0 wrote them.
      assert.deepEqual(lines, [
        '{"op_code": 0, "worker_id": "W", "study_name": "demo", "directions": [1]}',
        '{"op_code": 5, "worker_id": "W", "trial_id": 0, "param_name": "compile.optimizer.learning_rate", "param_value_internal": 0.00143, "distribution": "{\\"name\\": \\"FloatDistribution\\", \\"attributes\\": {\\"step\\": null, \\"low\\": 0.001, \\"high\\": 1.0, \\"log\\": true}}"}',
        '{"op_code": 5, "worker_id": "W", "trial_id": 0, "param_name": "model.layers[0].units", "param_value_internal": 0, "distribution": "{\\"name\\": \\"CategoricalDistribution\\", \\"attributes\\": {\\"choices\\": [2, 4, 8]}}"}',
        '{"op_code": 5, "worker_id": "W", "trial_id": 0, "param_name": "fit.batch_size", "param_value_internal": 29.0, "distribution": "{\\"name\\": \\"IntDistribution\\", \\"attributes\\": {\\"log\\": false, \\"step\\": 1, \\"low\\": 8, \\"high\\": 64}}"}',
        '{"op_code": 7, "worker_id": "W", "trial_id": 0, "step": 0, "intermediate_value": 1.00143}',
        '{"op_code": 8, "worker_id": "W", "trial_id": 0, "user_attr": {"hyperlab_run": "r-123"}}',
      ]);
      const state = w.setTrialStateValues(0, TrialState.COMPLETE, [0.00143], true);
      assert.match(state, /^\{"op_code": 6, "worker_id": "u-\d+", "trial_id": 0, "state": 1, "values": \[0\.00143\], "datetime_complete": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}"\}$/);
    });

    it('replays ids as Optuna does: study order, trial order across studies, numbers within a study', () => {
      const a = new OpWriter('a'), b = new OpWriter('b');
      const r = new JournalReplay((id) => a.owns(id));
      const parse = (l: string) => JSON.parse(l) as never;
      const errors = r.apply([
        a.createStudy('s1', StudyDirection.MINIMIZE), b.createStudy('s2', StudyDirection.MAXIMIZE), b.createStudy('s1', StudyDirection.MAXIMIZE),
        a.createTrial(0).line, b.createTrial(1).line, a.createTrial(0).line,
        b.setTrialParam(2, 'x', 0.5, floatDistribution(0, 1)),
        b.setTrialStateValues(0, TrialState.COMPLETE, [1], true),
        b.setTrialIntermediateValue(0, 3, 2), // after the trial finished: dropped
        b.setTrialParam(0, 'x', 1, intDistribution(0, 3)), // finished, and another kind: dropped
        a.setTrialParam(2, 'x', 1, intDistribution(0, 3)), // ours, another kind than trial 2's float: an error
        '{"op_code": 10, "worker_id": "z", "trial_ids": [0]}',
      ].map(parse));
      assert.deepEqual(r.allStudies().map((s) => [s.studyId, s.name, s.directions]), [[0, 's1', [1]], [1, 's2', [2]]]);
      assert.deepEqual(r.trialsOf(0).map((t) => [t.trialId, t.number, t.state, t.values]), [[0, 0, 1, [1]], [2, 1, 0, null]]);
      assert.deepEqual(r.trialsOf(1).map((t) => [t.trialId, t.number]), [[1, 0]]);
      assert.deepEqual(r.trial(2)!.params, { x: 0.5 });
      assert.equal(errors.length, 1);
      assert.match(errors[0]!.error.message, /different distribution kind/);
      assert.equal(r.skipped, 3, 'two dropped updates and an unknown op code');
    });

    it('reads the NaN Python writes, but writes none: a NaN value fails the trial', async () => {
      fs.writeFileSync(file, [
        '{"op_code": 0, "worker_id": "py-1", "study_name": "s", "directions": [1]}',
        '{"op_code": 4, "worker_id": "py-1", "study_id": 0, "datetime_start": "2026-12-07T21:47:38.667557"}',
        '{"op_code": 7, "worker_id": "py-1", "trial_id": 0, "step": 0, "intermediate_value": NaN}',
        '{"op_code": 6, "worker_id": "py-1", "trial_id": 0, "state": 2, "values": null, "datetime_complete": "2026-12-07T21:47:39.000001"}',
      ].join('\n') + '\n');
      const storage = await JournalStorage.open(file);
      const t0 = storage.trials(0)[0]!;
      assert.ok(Number.isNaN(t0.intermediateValues.get(0)!));
      assert.equal(t0.state, TrialState.PRUNED);
      const study = new Study(storage.studyBackend(0), new RandomSampler(1), null);
      const { trial } = await study.ask([{ name: 'x', distribution: floatDistribution(0, 1) }]);
      assert.equal(trial.number, 1);
      await assert.rejects(study.backend.setTrialIntermediateValue(trial.trialId, 0, Number.NaN), /not finite/);
      assert.equal(await study.tell(trial.trialId, 'complete', Number.NaN), TrialState.FAIL);
      assert.doesNotMatch(fs.readFileSync(file, 'utf8').split('\n').slice(4).join('\n'), /NaN|Infinity/);
    });

    it('cuts a torn tail off under the lock, but completes a tail that is a whole line', async () => {
      const w = new OpWriter('t');
      fs.writeFileSync(file, `${w.createStudy('s', StudyDirection.MINIMIZE)}\n{"op_code": 4, "worker_id": "t-1", "stu`);
      const storage = await JournalStorage.open(file);
      assert.equal(storage.studies().length, 1, 'a reader waits at the torn line');
      const { trial } = await new Study(storage.studyBackend(0), new RandomSampler(1), null).ask([]);
      assert.equal(trial.trialId, 0);
      const text = fs.readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /"stu$|"stu\n/, 'the torn bytes are gone');
      assert.equal(text.split('\n').filter(Boolean).every((l) => JSON.parse(l) !== null), true);
      // A whole JSON object without its newline (a writer died between the two) is kept.
      fs.appendFileSync(file, w.setTrialUserAttr(0, 'k', 'v'));
      await storage.studyBackend(0).setTrialUserAttr(0, 'k2', 'v2');
      assert.deepEqual(storage.trials(0)[0]!.userAttrs, { k: 'v', k2: 'v2' });
    });

    it('keeps every trial and unique numbers when processes append to one file at once', async function () {
      this.timeout(60_000);
      const kids = [spawnChild(file, 15, 'a'), spawnChild(file, 15, 'b'), spawnChild(file, 15, 'c')];
      const storage = await JournalStorage.open(file);
      const { study } = await storage.createOrLoadStudy('shared', StudyDirection.MINIMIZE);
      const ours = new Study(storage.studyBackend(study.studyId), new RandomSampler(7), null);
      for (let i = 0; i < 15; i++) {
        const { trial } = await ours.ask([{ name: 'x', distribution: floatDistribution(0, 1) }]);
        await ours.tell(trial.trialId, 'complete', i);
      }
      assert.deepEqual(await Promise.all(kids.map(exited)), [0, 0, 0]);
      const fresh = await JournalStorage.open(file);
      const trials = fresh.trials(fresh.study('shared')!.studyId);
      assert.equal(trials.length, 60);
      assert.deepEqual(trials.map((t) => t.number), [...Array(60).keys()]);
      assert.ok(trials.every((t) => t.state === TrialState.COMPLETE));
      assert.deepEqual(['a', 'b', 'c'].map((tag) => trials.filter((t) => t.userAttrs.writer === tag).length), [15, 15, 15]);
      assert.equal(fresh.skippedLines, 0);
      assert.ok(!fs.existsSync(`${file}.lock`), 'no lock left behind');
    });

    it('survives writers killed with SIGKILL mid-append: the file reads, a stale lock is broken, no trial is lost', async function () {
      this.timeout(90_000);
      let finished = 0;
      for (let round = 0; round < 6; round++) {
        const kid = spawnChild(file, 1_000_000, `k${round}`);
        await printed(kid, 3);
        kid.kill('SIGKILL');
        await exited(kid);
        finished += 3;
      }
      // Leave a lock behind as a killed writer would (the last one may already have), and a torn tail.
      fs.rmSync(`${file}.lock`, { force: true });
      fs.symlinkSync(file, `${file}.lock`);
      fs.appendFileSync(file, '{"op_code": 4, "worker_id": "dead", "st');
      const storage = await JournalStorage.open(file, { gracePeriodSeconds: 0.3 });
      const studyId = storage.study('shared')!.studyId;
      const before = storage.trials(studyId);
      assert.ok(before.filter((t) => t.state === TrialState.COMPLETE).length >= finished);
      const backend = storage.studyBackend(studyId);
      const running = before.filter((t) => t.state === TrialState.RUNNING).map((t) => t.trialId);
      assert.equal(await storage.failTrials(running, 'the writer was killed'), running.length);
      const t = await backend.createTrial();
      assert.equal(t.number, before.length);
      const again = await JournalStorage.open(file);
      assert.equal(again.trials(studyId).length, before.length + 1);
      assert.equal(again.skippedLines, 0);
      assert.ok(again.trials(studyId).every((x) => x.state !== TrialState.RUNNING || x.trialId === t.trialId));
    });

    it('waits for a lock another writer holds and breaks none within the grace period', async () => {
      const jf = new JournalFile(file, { gracePeriodSeconds: 30 });
      await jf.ensure();
      fs.symlinkSync(file, `${file}.lock`);
      let written = false;
      const append = jf.append('{"op_code": 0, "worker_id": "w", "study_name": "s", "directions": [1]}').then(() => { written = true; });
      for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
      assert.equal(written, false, 'still waiting on the lock');
      fs.unlinkSync(`${file}.lock`);
      await append;
      assert.equal((await jf.readNew()).length, 1);
    });

    it('writes a pruner-less trial\'s intermediate values together, in order, all before its end; a failed write fails the tell', async () => {
      const storage = await JournalStorage.open(file);
      const { study: record } = await storage.createOrLoadStudy('s', StudyDirection.MAXIMIZE);
      const study = new Study(storage.studyBackend(record.studyId), new RandomSampler(1), null);
      const { trial } = await study.ask([{ name: 'x', distribution: floatDistribution(0, 1) }]);
      const linesBefore = fs.readFileSync(file, 'utf8').split('\n').length;
      for (let step = 0; step < 300; step++) assert.equal(await study.reportAndPrune(trial.trialId, step, step / 300), false);
      assert.equal(fs.readFileSync(file, 'utf8').split('\n').length, linesBefore, 'nothing written per epoch');
      assert.equal(await study.tell(trial.trialId, 'complete', 0.5), TrialState.COMPLETE);
      const lines = fs.readFileSync(file, 'utf8').trim().split('\n').slice(linesBefore - 1).map((l) => JSON.parse(l) as { op_code: number; step?: number });
      assert.deepEqual(lines.filter((l) => l.op_code === 7).map((l) => l.step), Array.from({ length: 300 }, (_, i) => i));
      assert.equal(lines[lines.length - 1]!.op_code, 6, 'the end state comes after every value');
      const again = await JournalStorage.open(file);
      assert.equal(again.trials(record.studyId)[0]!.intermediateValues.size, 300);

      // A value the journal refuses (a trial that has already finished) surfaces at the tell, not silently.
      const second = await study.ask([{ name: 'x', distribution: floatDistribution(0, 1) }]);
      await study.tell(second.trial.trialId, 'complete', 0.1);
      await study.reportAndPrune(second.trial.trialId, 0, 0.2);
      await assert.rejects(study.tell(second.trial.trialId, 'complete', 0.2), /already finished/);
    });

    it('drops the values it has not written when its sweep is left as a killed host would leave it', async () => {
      const storage = await JournalStorage.open(file);
      const { study: record } = await storage.createOrLoadStudy('s', StudyDirection.MAXIMIZE);
      const study = new Study(storage.studyBackend(record.studyId), new RandomSampler(1), null);
      const { trial } = await study.ask([{ name: 'x', distribution: floatDistribution(0, 1) }]);
      for (let step = 0; step < 5; step++) await study.reportAndPrune(trial.trialId, step, step);
      study.dropBuffered();
      await study.tell(trial.trialId, 'fail');
      assert.equal(fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.includes('"op_code": 7')).length, 0);
    });
  });
}
