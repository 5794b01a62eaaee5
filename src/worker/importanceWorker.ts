/**
 * The importance worker (bundled as dist/importanceWorker.js, run in a worker_threads Worker by
 * src/host/sweeps/importanceWorkerClient.ts): computes fANOVA hyperparameter importance, as Optuna
 * 3.x–4.x does by default (src/sweeps/importance/fanova.ts), away from the extension host's thread.
 * One job at a time, answered by id; a study fANOVA cannot rate (one trial, no variance) is answered
 * with Optuna's reason.
 */
import { parentPort } from 'node:worker_threads';
import { type FrozenTrial, TrialState } from '../sweeps/frozenTrial';
import { fanovaImportances } from '../sweeps/importance/fanova';
import { type ComputeImportance, type DidComputeImportance, isComputeImportance } from '../shared/protocol/importanceProtocol';

/** The complete trials as the fANOVA evaluator reads them (only params, distributions and the value matter). */
function frozen(job: ComputeImportance): FrozenTrial[] {
  return job.trials.map((t, i) => ({
    trialId: i, number: i, state: TrialState.COMPLETE, values: [t.value], params: t.params,
    distributions: t.distributions, intermediateValues: new Map(),
    userAttrs: {}, systemAttrs: {}, datetimeStart: null, datetimeComplete: null,
  }));
}

function compute(job: ComputeImportance): DidComputeImportance {
  try {
    return { type: 'didComputeImportance', id: job.id, importances: fanovaImportances(frozen(job), { seed: job.seed }) };
  } catch (e) {
    return { type: 'didFailImportance', id: job.id, reason: e instanceof Error ? e.message : String(e) };
  }
}

parentPort?.on('message', (raw: unknown) => {
  if (!isComputeImportance(raw)) return;
  parentPort!.postMessage(compute(raw));
});
