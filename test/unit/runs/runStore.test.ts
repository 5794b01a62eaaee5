import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EngineRunLog, syncSink } from '../../../src/runs/engineRunLog';
import { deleteRun, editRun } from '../../../src/runs/runEdits';
import { runPaths } from '../../../src/runs/runFiles';
import { listRuns } from '../../../src/runs/runList';
import { readRun } from '../../../src/runs/runReader';
import { RECORDED_STEP_BUDGET, RunRecorder } from '../../../src/runs/runRecorder';
import { RUN_SCHEMA_VERSION } from '../../../src/runs/runRecord';
import { StepTrace } from '../../../src/runs/stepTrace';

const experiment = {
  model: { input_shape: [2], layers: [{ class_name: 'Dense', units: 3, activation: 'tanh' }, { class_name: 'Dense', units: 1, activation: 'sigmoid' }] },
  compile: { optimizer: { class_name: 'SGD', learning_rate: 0.03 }, loss: 'binary_crossentropy', metrics: ['accuracy'] },
  fit: { epochs: 3, batch_size: 10 },
  data: { dataset: 'circle' },
};

function record(dir: string, epochs: number, end = true): RunRecorder {
  const r = RunRecorder.createSync(dir, { experiment, baseDir: dir, source: { kind: 'cli' } }, syncSink);
  r.started({ params: 13, epochs, steps_per_epoch: 25, description: 'circle', task: 'binary', notes: [] });
  for (let e = 1; e <= epochs; e++) {
    r.metrics([{ epoch: e, logs: { loss: 1 / e, accuracy: 0.5 + e / 100, val_loss: 1.1 / e, val_accuracy: 0.4 + e / 100 }, learning_rate: 0.03, norms: [['dense', 1, 0.1], ['dense_1', 2, 0.2]] }],
      Array.from({ length: 25 }, (_, s) => ({ epoch: e, step: s + 1, loss: 1 / e })));
  }
  if (end) r.end({ status: 'finished', reason: null, epochs_run: epochs, seconds: 1, best_epoch: null, stopped_epoch: null, restored_best_weights: false, weights: null });
  return r;
}

describe('run store', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-runs-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('records a run and reads it back: header, start, every epoch, sampled steps, end with its summary', async () => {
    const r = record(dir, 5);
    const run = await readRun(dir, r.id);
    assert.ok(run);
    assert.equal(run.header.schema, RUN_SCHEMA_VERSION);
    assert.equal(run.header.name, 'circle · 2→[3 tanh]→1 · SGD 0.03');
    assert.deepEqual((run.header.experiment as { seed: number }).seed, 42, 'the default seed is made explicit, so the run reruns exactly');
    assert.deepEqual(run.epochs.map((e) => e.epoch), [1, 2, 3, 4, 5]);
    assert.equal(run.steps.length, 125);
    assert.equal(run.status, 'finished');
    assert.deepEqual(run.summary.loss, { final: 0.2, best: 0.2, best_epoch: 5 });
    assert.deepEqual(run.summary.val_accuracy, { final: 0.45, best: 0.45, best_epoch: 5 });
  });

  it('lists runs newest first from their first and last lines, with best metrics', async () => {
    const a = record(dir, 3), b = record(dir, 4);
    const list = await listRuns(dir);
    assert.deepEqual(new Set(list.map((r) => r.id)), new Set([a.id, b.id]));
    const bSummary = list.find((r) => r.id === b.id)!;
    assert.equal(bSummary.epochs, 4);
    assert.equal(bSummary.summary.val_loss?.best, 1.1 / 4);
    assert.deepEqual(list.map((r) => r.id), [...list.map((r) => r.id)].sort().reverse());
  });

  it('shows a run whose writer died as interrupted, with the epochs it recorded', async () => {
    const r = record(dir, 2, false);
    // Rewrite the header as if a process that has exited wrote it.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const file = runPaths(dir, r.id).run;
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines[0] = JSON.stringify({ ...JSON.parse(lines[0]!), pid: dead });
    fs.writeFileSync(file, lines.join('\n'));
    const [listed] = await listRuns(dir);
    assert.equal(listed?.status, 'interrupted');
    assert.equal(listed?.epochs, 2);
    assert.equal(listed?.summary.loss?.best, 0.5);
    // This process is alive: its own unfinished run is running (unless the caller says it is not live).
    const mine = record(dir, 1, false);
    assert.equal((await readRun(dir, mine.id))?.status, 'running');
    assert.equal((await readRun(dir, mine.id, () => false))?.status, 'interrupted');
  });

  it('skips a torn last line and a garbage line, never failing the read', async () => {
    const r = record(dir, 3, false);
    fs.appendFileSync(runPaths(dir, r.id).run, '{"type":"epoch","epoch":4,"logs":{"loss":0.');
    const run = await readRun(dir, r.id);
    assert.equal(run?.epochs.length, 3);
    assert.equal(run?.skipped, 1);
    fs.writeFileSync(path.join(dir, '20260101-000000-abcdef.jsonl'), 'not json at all\n');
    const list = await listRuns(dir);
    assert.deepEqual(list.map((x) => x.id), [r.id], 'a file without a header is not a run');
  });

  it('renames, stars and notes a run in its meta file; deletes all of its files', async () => {
    const r = record(dir, 1);
    await editRun(dir, r.id, { name: 'two neurons' });
    await editRun(dir, r.id, { starred: true, note: 'best so far' });
    await editRun(dir, r.id, { starred: false });
    let [listed] = await listRuns(dir);
    assert.deepEqual([listed?.name, listed?.autoName, listed?.starred, listed?.note], ['two neurons', 'circle · 2→[3 tanh]→1 · SGD 0.03', false, 'best so far']);
    await editRun(dir, r.id, { name: '' });
    [listed] = await listRuns(dir);
    assert.equal(listed?.name, listed?.autoName, 'an empty name goes back to the made one');
    await assert.rejects(editRun(dir, '../escape', { name: 'x' }), /not a run id/);
    await deleteRun(dir, r.id);
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('keeps the per-batch trace bounded however long the run (logarithmic in the steps)', () => {
    const trace = new StepTrace(1000);
    let kept = 0;
    for (let i = 0; i < 1000; i++) if (trace.keep()) kept++;
    assert.equal(kept, 1000, 'short runs keep every step');
    for (let i = 1000; i < 10_000_000; i++) if (trace.keep()) kept++;
    assert.ok(kept <= 1000 * (1 + Math.log2(10_000)), `kept ${kept}`);
    assert.ok(kept > 10_000, `kept ${kept}`);
  });

  it('keeps a 10,000-epoch run of a Playground network under 4 MB', () => {
    const r = RunRecorder.createSync(dir, { experiment, baseDir: dir, source: { kind: 'cli' } }, syncSink);
    const log = new EngineRunLog(r);
    for (let e = 1; e <= 10_000; e++) {
      for (let s = 1; s <= 25; s++) log.step(e, s, 0.693 - e * 1e-5 + s * 1e-7);
      log.epoch(e, { loss: 0.6931471805599453 / e, accuracy: 0.8123, val_loss: 0.7012345678901234 / e, val_accuracy: 0.79 }, 0.03,
        [['dense', 1.234567, 0.0123456], ['dense_1', 2.345678, 0.0234567], ['dense_2', 3.456789, 0.0345678]]);
      log.flush();
    }
    const size = fs.statSync(runPaths(dir, r.id).run).size;
    assert.ok(size < 4 * 1024 * 1024, `${(size / 1024 / 1024).toFixed(2)} MB`);
    const steps = fs.readFileSync(runPaths(dir, r.id).run, 'utf8').split('\n').filter((l) => l.startsWith('{"type":"steps"')).reduce((n, l) => n + (JSON.parse(l) as { points: unknown[] }).points.length, 0);
    assert.ok(steps <= RECORDED_STEP_BUDGET * (1 + Math.log2(250_000 / RECORDED_STEP_BUDGET)), `${steps} steps recorded`);
  });

  it('gives every run of the same second its own file', () => {
    const ids = new Set(Array.from({ length: 200 }, () => record(dir, 0).id));
    assert.equal(ids.size, 200);
  });
});
