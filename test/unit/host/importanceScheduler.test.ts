import * as assert from 'node:assert/strict';
import { type FrozenTrial, TrialState } from '../../../src/sweeps/frozenTrial';
import { ImportanceScheduler } from '../../../src/host/sweeps/importanceScheduler';
import type { ImportanceResult } from '../../../src/host/sweeps/importanceWorkerClient';

const trial = (number: number, value: number, state: TrialState = TrialState.COMPLETE): FrozenTrial => ({
  trialId: number, number, state, values: [value], params: {}, distributions: {}, intermediateValues: new Map(), userAttrs: {}, systemAttrs: {}, datetimeStart: null, datetimeComplete: null,
});

describe('sweeps in the extension: when importance is recomputed', () => {
  it('computes one at a time from the newest trials, waits between computations, and skips unchanged complete trials', async () => {
    const computing: { count: number; resolve: (r: ImportanceResult) => void }[] = [];
    const delivered: number[] = [];
    const waits: (() => void)[] = [];
    const scheduler = new ImportanceScheduler({
      compute: (trials) => new Promise((resolve) => computing.push({ count: trials.length, resolve })),
      deliver: (_r, count) => delivered.push(count),
      wait: () => new Promise((resolve) => waits.push(resolve)),
    }, 2000);
    const turn = () => new Promise<void>((r) => setImmediate(r));
    void scheduler.request([trial(0, 1), trial(1, 2)]);
    await turn();
    assert.equal(computing.length, 1);
    // Three requests while it computes: only the newest is computed next, after the pause.
    void scheduler.request([trial(0, 1), trial(1, 2), trial(2, 3)]);
    void scheduler.request([trial(0, 1), trial(1, 2), trial(2, 3), trial(3, 4, TrialState.RUNNING)]);
    void scheduler.request([trial(0, 1), trial(1, 2), trial(2, 3), trial(3, 4)]);
    computing[0]!.resolve({ ok: true, importances: [] });
    await turn();
    assert.deepEqual(delivered, [2]);
    assert.equal(computing.length, 1, 'no second computation during the pause');
    waits.shift()!();
    await turn();
    assert.equal(computing.length, 2);
    assert.equal(computing[1]!.count, 4, 'the newest request');
    computing[1]!.resolve({ ok: true, importances: [] });
    await turn();
    waits.shift()!();
    await turn();
    assert.deepEqual(delivered, [2, 4]);
    // The same complete trials again (a running one added): nothing to compute.
    await scheduler.request([trial(0, 1), trial(1, 2), trial(2, 3), trial(3, 4), trial(4, 0, TrialState.RUNNING)]);
    assert.equal(computing.length, 2);
    scheduler.dispose();
  });
});
