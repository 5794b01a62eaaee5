/**
 * A sweep's trial worker (bundled as dist/trialWorker.js, run in a worker_threads Worker by
 * src/sweeps/trialPool.ts): trains one trial after another with the engine, each an ordinary run with
 * its own run store entry, and reports every epoch's logs (the pruner's intermediate values). When the
 * pool asks it to, it waits after each epoch for the pruner's verdict in shared memory and ends a
 * pruned trial there. A trial that cannot train (a bad value, NaN) ends as such; the worker goes on.
 */
import { parentPort } from 'node:worker_threads';
import { ConfigError } from '../engine/configError';
import { renderMessage } from '../shared/message';
import { DataError } from '../engine/datasets/dataset';
import { loadExperiment } from '../engine/experiment/experiment';
import { nodeDataIo } from '../engine/experiment/nodeDataIo';
import { runExperiment } from '../engine/experiment/runExperiment';
import { createBackend } from '../engine/kernels/engineBackend';
import { EngineRunLog } from '../runs/engineRunLog';
import { isRunHeader } from '../runs/runRecord';
import {
  type RunTrial, type TrialToPool, TRIAL_PAUSE, TRIAL_STOP, TRIAL_VERDICT, TRIAL_VERDICT_EPOCH, VERDICT_PRUNE, isRunTrial,
} from '../shared/protocol/trialProtocol';

const post = (m: TrialToPool): void => parentPort!.postMessage(m);
const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

async function runTrial(msg: RunTrial): Promise<void> {
  const control = new Int32Array(msg.control);
  const log = msg.record && isRunHeader(msg.record.header) ? EngineRunLog.attach(msg.record.dir, msg.record.header) : null;
  try {
    const exp = await loadExperiment(msg.experiment, { io: nodeDataIo(msg.baseDir, msg.extensionRoot), backend: createBackend(msg.kernels) });
    log?.started(exp);
    post({ type: 'didStartTrial', trial: msg.trial, epochs: exp.epochs, params: exp.compiled.model.countParams(), description: renderMessage(exp.data.description) });
    let pruned = false;
    const result = runExperiment(exp, {
      onStep: (e) => log?.step(e.epoch, e.step, e.loss),
      onEpoch: (e) => {
        log?.epoch(e.epoch, e.logs, exp.compiled.optimizer.learningRate);
        log?.flush();
        post({ type: 'didFinishEpoch', trial: msg.trial, epoch: e.epoch, logs: Object.fromEntries(Object.entries(e.logs).map(([k, v]) => [k, finite(v)])) });
        if (!msg.waitForVerdict) return;
        // Trial.should_prune after each report: wait (on this thread) for the pool's answer to this epoch.
        while (Atomics.load(control, TRIAL_VERDICT_EPOCH) < e.epoch && Atomics.load(control, TRIAL_STOP) === 0) {
          Atomics.wait(control, TRIAL_VERDICT_EPOCH, Atomics.load(control, TRIAL_VERDICT_EPOCH), 250);
        }
        pruned = Atomics.load(control, TRIAL_VERDICT) === VERDICT_PRUNE;
      },
      shouldAbort: () => {
        while (Atomics.load(control, TRIAL_PAUSE) === 1 && Atomics.load(control, TRIAL_STOP) === 0) Atomics.wait(control, TRIAL_PAUSE, 1, 250);
        return pruned || Atomics.load(control, TRIAL_STOP) === 1;
      },
    });
    const outcome = result.stoppedBy === 'nan' ? 'nan' : pruned ? 'pruned' : result.stoppedBy === 'aborted' ? 'stopped' : result.stoppedBy === 'callback' ? 'early_stopped' : 'finished';
    log?.finished(result, exp, { stopped: pruned ? `pruned after epoch ${result.epochsRun}` : 'the sweep was stopped' });
    post({
      type: 'didEndTrial', trial: msg.trial, outcome, epochsRun: result.epochsRun, bestEpoch: result.bestEpoch, restoredBestWeights: result.restoredBestWeights,
      reason: outcome === 'nan' ? `the loss became ${result.nanAt?.loss} at epoch ${result.nanAt?.epoch}, step ${result.nanAt?.step}` : null,
    });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    try {
      log?.failed(reason);
    } catch {
      // an unwritable store loses the record, not the answer
    }
    post({ type: 'didEndTrial', trial: msg.trial, outcome: 'failed', epochsRun: 0, bestEpoch: null, restoredBestWeights: false, reason: e instanceof ConfigError || e instanceof DataError ? reason : `internal error: ${reason}` });
  }
}

// Trials arrive one at a time: the pool sends the next only after this one's didEndTrial.
parentPort?.on('message', (raw: unknown) => {
  if (!isRunTrial(raw)) return;
  void runTrial(raw);
});
