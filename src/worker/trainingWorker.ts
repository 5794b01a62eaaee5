/**
 * The training worker's entry (bundled as dist/worker.js, run in a worker_threads Worker): it owns one
 * run. It loads the experiment, trains it with the engine off the extension host's thread, and streams
 * metrics back in batches of at most about ten messages a second. Stop and pause arrive through the
 * shared control buffer, read between optimizer steps.
 */
import { parentPort } from 'node:worker_threads';
import { ConfigError } from '../engine/configError';
import { DataError } from '../engine/datasets/dataset';
import { loadExperiment } from '../engine/experiment/experiment';
import { nodeDataIo } from '../engine/experiment/nodeDataIo';
import { runExperiment } from '../engine/experiment/runExperiment';
import { createBackend } from '../engine/kernels/engineBackend';
import {
  CONTROL_PAUSE, CONTROL_STOP, type EpochRecord, type StartTraining, type StepPoint, type WorkerToHost, finiteOrNull, isHostToWorker,
} from '../shared/protocol/workerProtocol';

const FLUSH_MS = 100;

function post(message: WorkerToHost): void {
  parentPort!.postMessage(message);
}

/** Collects steps and epochs and posts them together, at most every FLUSH_MS. */
class MetricsBatcher {
  private steps: StepPoint[] = [];
  private epochs: EpochRecord[] = [];
  private last = 0;

  addStep(s: StepPoint): void {
    this.steps.push(s);
    this.maybeFlush();
  }

  addEpoch(e: EpochRecord): void {
    this.epochs.push(e);
    this.maybeFlush();
  }

  private maybeFlush(): void {
    if (Date.now() - this.last >= FLUSH_MS) this.flush();
  }

  flush(): void {
    if (this.steps.length === 0 && this.epochs.length === 0) return;
    post({ type: 'didReceiveMetrics', steps: this.steps, epochs: this.epochs });
    this.steps = [];
    this.epochs = [];
    this.last = Date.now();
  }
}

async function train(msg: StartTraining): Promise<void> {
  const control = new Int32Array(msg.control);
  const backend = createBackend(msg.kernels);
  const exp = await loadExperiment(msg.experiment, { io: nodeDataIo(msg.baseDir, msg.extensionRoot), backend });
  post({
    type: 'didStart', description: exp.data.description, params: exp.compiled.model.countParams(), epochs: exp.epochs,
    stepsPerEpoch: Math.ceil(exp.train.n / Math.min(exp.batchSize, exp.train.n)), notes: exp.notes, kernels: backend.kernels.name,
  });
  const batcher = new MetricsBatcher();
  const started = Date.now();
  const result = runExperiment(exp, {
    onStep: (e) => batcher.addStep({ epoch: e.epoch, step: e.step, loss: finiteOrNull(e.loss) }),
    onEpoch: (e) => batcher.addEpoch({ epoch: e.epoch, logs: Object.fromEntries(Object.entries(e.logs).map(([k, v]) => [k, finiteOrNull(v)])) }),
    shouldAbort: () => {
      // Pause: block this thread (not the host's) until resumed or stopped.
      while (Atomics.load(control, CONTROL_PAUSE) === 1 && Atomics.load(control, CONTROL_STOP) === 0) {
        batcher.flush();
        Atomics.wait(control, CONTROL_PAUSE, 1, 250);
      }
      return Atomics.load(control, CONTROL_STOP) === 1;
    },
  });
  batcher.flush();
  post({
    type: 'didFinishTraining', stoppedBy: result.stoppedBy, epochsRun: result.epochsRun, stoppedEpoch: result.stoppedEpoch,
    bestEpoch: result.bestEpoch, restoredBestWeights: result.restoredBestWeights,
    nanAt: result.nanAt && { ...result.nanAt, loss: finiteOrNull(result.nanAt.loss) }, seconds: (Date.now() - started) / 1000,
  });
}

function failureKind(e: unknown): 'config' | 'data' | 'internal' {
  if (e instanceof ConfigError) return 'config';
  if (e instanceof DataError) return 'data';
  return 'internal';
}

parentPort?.once('message', (raw: unknown) => {
  if (!isHostToWorker(raw)) {
    post({ type: 'didFailTraining', kind: 'internal', message: 'the training worker received a malformed start message' });
    return;
  }
  train(raw).catch((e: unknown) => {
    post({ type: 'didFailTraining', kind: failureKind(e), message: e instanceof Error ? e.message : String(e) });
  });
});
