/**
 * The echo cap (src/shared/echo.ts) where the run store and the sweeps repeat what a file says: a run's or
 * a trial's failure reason read back from disk, a sweep file that is not JSON, a journal's parameter values
 * and op codes. A file can hold megabytes on one line; the message that quotes it stays short.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { syncSink } from '../../src/runs/engineRunLog';
import { listRuns } from '../../src/runs/runList';
import { RunRecorder } from '../../src/runs/runRecorder';
import { categoricalDistribution, toInternal } from '../../src/sweeps/distributions';
import { StudyDirection, TrialState } from '../../src/sweeps/frozenTrial';
import { JournalReplay } from '../../src/sweeps/journal/journalReplay';
import { trialRows } from '../../src/sweeps/studyTable';
import { loadSweepFile } from '../../src/sweeps/sweepFile';

const HUGE = 'z'.repeat(1_000_000);

describe('file content in run store and sweep messages is capped', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-echo-files-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a run\'s failure reason read from the store', async () => {
    const r = RunRecorder.createSync(dir, { experiment: { data: { dataset: 'circle' } }, baseDir: dir, source: { kind: 'cli' } }, syncSink);
    r.end({ status: 'failed', reason: `data.csv: ${HUGE}`, epochs_run: 0, seconds: 0, best_epoch: null, stopped_epoch: null, restored_best_weights: false, weights: null });
    const [run] = await listRuns(dir);
    assert.ok(run?.reason);
    assert.ok(run.reason.length < 600, `${run.reason.length} characters`);
    assert.match(run.reason, /^data\.csv: z+… \(1,000,010 characters\)$/);
    // A reason of ours is whole.
    const short = RunRecorder.createSync(dir, { experiment: { data: { dataset: 'circle' } }, baseDir: dir, source: { kind: 'cli' } }, syncSink);
    short.end({ status: 'failed', reason: 'fit.epochs: got 0; expected an integer >= 1', epochs_run: 0, seconds: 0, best_epoch: null, stopped_epoch: null, restored_best_weights: false, weights: null });
    assert.ok((await listRuns(dir)).some((x) => x.reason === 'fit.epochs: got 0; expected an integer >= 1'));
  });

  it('a trial\'s failure reason from any writer of the journal', () => {
    const trial = {
      trialId: 0, number: 0, state: TrialState.FAIL, values: null, params: {}, distributions: {}, intermediateValues: new Map<number, number>(),
      userAttrs: { hyperlab_fail_reason: HUGE }, systemAttrs: {}, datetimeStart: null, datetimeComplete: null,
    };
    const [row] = trialRows([trial], StudyDirection.MINIMIZE);
    assert.ok(row?.reason && row.reason.length < 600 && row.reason.endsWith('(1,000,000 characters)'));
  });

  it('a sweep file that is not JSON', () => {
    const file = path.join(dir, 'bad.sweep.json');
    fs.writeFileSync(file, `{"method": "grid", "x": ${HUGE}}`);
    assert.throws(() => loadSweepFile(file), (e: Error) => e.message.length < 400 && /bad\.sweep\.json is not valid JSON/.test(e.message));
  });

  it('values and op codes a journal line holds', () => {
    assert.throws(() => toInternal(categoricalDistribution(['relu', HUGE]), 'tanh'), (e: Error) => e.message.length < 300 && /not in/.test(e.message));
    assert.throws(() => toInternal(categoricalDistribution(['relu']), HUGE), (e: Error) => e.message.length < 300);
    const replay = new JournalReplay(() => true);
    const [rejected] = replay.apply([{ op_code: HUGE, worker_id: 'w' } as never]);
    assert.ok(rejected && rejected.error.message.length < 300, rejected?.error.message.slice(0, 100));
    assert.match(rejected.error.message, /^unknown journal op_code z+… \(1,000,000 characters\)$/);
  });
});
