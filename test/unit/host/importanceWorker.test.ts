import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { categoricalDistribution, floatDistribution } from '../../../src/sweeps/distributions';
import { type FrozenTrial, TrialState } from '../../../src/sweeps/frozenTrial';
import { fanovaImportances } from '../../../src/sweeps/importance/fanova';
import { FOREST_SEED, ImportanceWorkerClient, type WorkerPort } from '../../../src/host/sweeps/importanceWorkerClient';
import { DetachableRunner } from '../../../src/host/sweeps/sweepRun';
import type { TrialListener } from '../../../src/sweeps/trialPool';
import { Rng } from '../../../src/engine/rng';
import { FakePool, tick } from './sweepFakes';

const ROOT = process.cwd();

/** 40 trials of two parameters: the value depends mostly on lr, a little on the activation. */
function study(): FrozenTrial[] {
  const rng = new Rng(5);
  const lr = floatDistribution(0.0001, 1, true), act = categoricalDistribution(['relu', 'tanh', 'sigmoid']);
  return Array.from({ length: 40 }, (_, i) => {
    const x = 0.0001 * 10_000 ** rng.uniform();
    const a = (['relu', 'tanh', 'sigmoid'] as const)[i % 3]!;
    const value = Math.abs(Math.log10(x) + 2) + (a === 'sigmoid' ? 0.3 : 0) + 0.05 * rng.uniform();
    return {
      trialId: i, number: i, state: i % 7 === 6 ? TrialState.PRUNED : TrialState.COMPLETE, values: [value], params: { lr: x, act: a }, distributions: { lr, act },
      intermediateValues: new Map([[0, value]]), userAttrs: {}, systemAttrs: {}, datetimeStart: null, datetimeComplete: null,
    };
  });
}

describe('sweeps in the extension: importance off the host thread', () => {
  it('dist/importanceWorker.js gives exactly fanovaImportances\' numbers (seeded forest), and Optuna\'s refusal for one trial', async () => {
    const client = ImportanceWorkerClient.forScript(path.join(ROOT, 'dist', 'importanceWorker.js'));
    try {
      const trials = study();
      const result = await client.compute(trials);
      assert.ok(result.ok, JSON.stringify(result));
      assert.deepEqual(result.importances, fanovaImportances(trials, { seed: FOREST_SEED }));
      assert.equal(result.importances[0]!.param, 'lr');
      const one = await client.compute(trials.slice(0, 1));
      assert.deepEqual(one, { ok: false, reason: 'Cannot evaluate parameter importances with only a single trial.' });
    } finally {
      client.dispose();
    }
  });

  it('answers a request in flight when its worker dies, starts a new worker for the next, and ends an idle one', async () => {
    const workers: { listeners: Map<string, (v: never) => void>; posted: unknown[] }[] = [];
    let terminated!: () => void;
    const idleEnd = new Promise<void>((r) => (terminated = r));
    const client = new ImportanceWorkerClient(() => {
      const w = { listeners: new Map<string, (v: never) => void>(), posted: [] as unknown[] };
      workers.push(w);
      const port: WorkerPort = {
        postMessage: (m) => void w.posted.push(m),
        on: (event: string, listener: (v: never) => void) => w.listeners.set(event, listener),
        terminate: () => { terminated(); return Promise.resolve(0); },
      };
      return port;
    }, 1);
    const pending = client.compute(study());
    (workers[0]!.listeners.get('exit') as (code: number) => void)(134);
    assert.deepEqual(await pending, { ok: false, reason: 'the importance worker exited with code 134' });
    const next = client.compute(study());
    assert.equal(workers.length, 2);
    (workers[1]!.listeners.get('message') as (m: unknown) => void)({ type: 'didComputeImportance', id: 2, importances: [{ param: 'lr', importance: 1 }] });
    assert.deepEqual(await next, { ok: true, importances: [{ param: 'lr', importance: 1 }] });
    await idleEnd; // nothing more asked: the worker ends
    void client.compute(study());
    assert.equal(workers.length, 3, 'a new worker for the next request');
    client.dispose();
  });
});

describe('sweeps in the extension: a pool cut off from its controller (DetachableRunner)', () => {
  it('passes events through until detached, then none, ends its workers and starts no trial', async () => {
    const inner = new FakePool(1);
    const runner = new DetachableRunner(inner);
    const seen: string[] = [];
    const listener: TrialListener = { started: () => seen.push('started'), epoch: (e) => seen.push(`epoch ${e}`), ended: (end) => seen.push(end.outcome) };
    const job = { trialId: 0, experiment: { compile: { optimizer: { learning_rate: 0.01 } }, fit: { epochs: 50 } }, baseDir: '.', waitForVerdict: false, record: null };
    runner.run(job, listener);
    while (!seen.includes('epoch 2')) await tick();
    await runner.detach();
    const count = seen.length;
    for (let i = 0; i < 5; i++) await tick();
    assert.equal(seen.length, count, 'nothing after detach');
    assert.ok(inner.disposed);
    runner.run(job, listener);
    assert.equal(inner.jobs.length, 1, 'no trial starts after detach');
  });
});
