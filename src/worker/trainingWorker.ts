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
import type { Experiment } from '../engine/experiment/experiment';
import { runExperiment } from '../engine/experiment/runExperiment';
import { playgroundGrid, PLAYGROUND_FEATURES } from '../engine/datasets/playground';
import type { Point2D } from '../engine/datasets/playgroundGenerators';
import { confusionMatrix, kernelNorms } from '../engine/training/diagnostics';
import { predictRows } from '../engine/training/predict';
import { EngineRunLog } from '../runs/engineRunLog';
import { isRunHeader } from '../runs/runRecord';
import { networkView } from './networkView';
import { createBackend } from '../engine/kernels/engineBackend';
import {
  CONTROL_LR_VERSION, CONTROL_PACE, CONTROL_PAUSE, CONTROL_STEPS, CONTROL_STOP, PAUSE_ONE_EPOCH, PAUSE_RUNNING, controlViews, PAUSE_PAUSED, type EpochRecord, type LayerNorms, type PlanePoints, type StartTraining, type StepPoint, type WorkerToHost, finiteOrNull, isHostToWorker,
} from '../shared/protocol/workerProtocol';

const FLUSH_MS = 100;
/** At a set pace the boundary follows every epoch, up to about 30 frames a second. */
const PACED_BOUNDARY_MS = 33;
/** Decision-boundary updates: Playground's 100×100 grid, at most every BOUNDARY_MS (and after the last epoch). */
const BOUNDARY_DENSITY = 100;
const BOUNDARY_MS = 200;

function post(message: WorkerToHost): void {
  parentPort!.postMessage(message);
}

/** Collects steps and epochs and posts them together, at most every FLUSH_MS. */
class MetricsBatcher {
  constructor(private readonly bestEpoch: () => number | null, private readonly log: EngineRunLog | null) {}
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
    this.log?.flush();
    post({ type: 'didReceiveMetrics', steps: this.steps, epochs: this.epochs, bestEpoch: this.bestEpoch() });
    this.steps = [];
    this.epochs = [];
    this.last = Date.now();
  }
}

const flatten = (points: readonly Point2D[]): number[] => points.flatMap((p) => [p.x, p.y, p.label]);

/** For a Playground dataset whose features all derive from (x1, x2): the grid to evaluate the model on. */
function boundaryGrid(exp: Experiment): { grid: Float32Array; points: PlanePoints } | null {
  const points = exp.data.points;
  const features = exp.data.train.featureNames;
  if (!points || !features.every((f) => PLAYGROUND_FEATURES.has(f))) return null;
  return { grid: playgroundGrid(features, BOUNDARY_DENSITY), points: { train: flatten(points.train), validation: flatten(points.validation) } };
}

/** Posts the model's first output over the grid (inference mode). */
function postBoundary(exp: Experiment, grid: Float32Array, epoch: number): void {
  const model = exp.compiled.model, n = BOUNDARY_DENSITY * BOUNDARY_DENSITY;
  const out = predictRows(model, grid, n, exp.buffers);
  const values = new Array<number>(n);
  for (let i = 0; i < n; i++) values[i] = Math.round(out[i * model.outputSize]! * 1000) / 1000;
  if (values.every(Number.isFinite)) post({ type: 'didUpdateBoundary', boundary: { epoch, density: BOUNDARY_DENSITY, values, network: networkView(exp) } });
}

/** Gradient norms sampled on about NORM_SAMPLES steps per epoch (computing them is a pass over every weight). */
const NORM_SAMPLES = 20;

class NormTracker {
  private sums = new Map<string, { sum: number; count: number }>();
  constructor(private readonly exp: Experiment, private readonly every: number) {}

  onStep(step: number): void {
    if (step % this.every !== 0) return;
    for (const n of kernelNorms(this.exp.compiled.model)) {
      const s = this.sums.get(n.layer) ?? { sum: 0, count: 0 };
      s.sum += n.gradient;
      s.count += 1;
      this.sums.set(n.layer, s);
    }
  }

  /** This epoch's norms; resets the gradient averages. */
  takeEpoch(): LayerNorms[] {
    const out = kernelNorms(this.exp.compiled.model).map((n) => {
      const s = this.sums.get(n.layer);
      return { layer: n.layer, weight: finiteOrNull(n.weight), gradient: s && s.count > 0 ? finiteOrNull(s.sum / s.count) : null };
    });
    this.sums = new Map();
    return out;
  }
}

/** The confusion matrix of a classifier, on the validation data when there is some. */
function postConfusion(exp: Experiment): void {
  const train = exp.data.train;
  if (train.task === 'regression') return;
  const data = exp.validation && exp.validation.n > 0 ? exp.validation : exp.train;
  const targetWidth = data.y.length / data.n;
  const matrix = confusionMatrix(exp.compiled.model, data, targetWidth, exp.buffers);
  const classes = matrix.length === (train.classNames?.length ?? -1) ? [...train.classNames!] : matrix.map((_, i) => String(i));
  post({ type: 'didComputeConfusion', confusion: { classes, matrix, on: data === exp.validation ? 'validation' : 'training' } });
}

/** The run store entry the host created for this run, or null (not recorded, or a malformed header). */
function runLog(msg: StartTraining): EngineRunLog | null {
  return msg.record && isRunHeader(msg.record.header) ? EngineRunLog.attach(msg.record.dir, msg.record.header) : null;
}

async function train(msg: StartTraining, log: EngineRunLog | null): Promise<void> {
  const { ints: control, learningRate } = controlViews(msg.control);
  let lrVersion = 0;
  const backend = createBackend(msg.kernels);
  const io = nodeDataIo(msg.baseDir, msg.extensionRoot, { ...(msg.mnist ? { mnist: msg.mnist } : {}), ...(msg.readRoots ? { readRoots: msg.readRoots } : {}) });
  const exp = await loadExperiment(msg.experiment, { io, backend });
  log?.started(exp);
  const plane = boundaryGrid(exp);
  const es = exp.earlyStopping;
  post({
    type: 'didStart', description: exp.data.description, params: exp.compiled.model.countParams(), epochs: exp.epochs,
    stepsPerEpoch: Math.ceil(exp.train.n / Math.min(exp.batchSize, exp.train.n)), notes: [...exp.notes, ...exp.warnings], kernels: backend.kernels.name,
    task: exp.data.train.task, points: plane?.points ?? null,
    earlyStopping: es ? { monitor: es.config.monitor, patience: es.config.patience, restore_best_weights: es.config.restore_best_weights } : null,
  });
  if (plane) postBoundary(exp, plane.grid, 0);
  let lastBoundary = Date.now();
  // EarlyStopping's best epoch, 1-based, once it has seen its monitor in a counted epoch (start_from_epoch delays that).
  const batcher = new MetricsBatcher(() => (es ? es.bestEpochNumber : null), log);
  const started = Date.now();
  const stepsPerEpoch = Math.ceil(exp.train.n / Math.min(exp.batchSize, exp.train.n));
  const norms = new NormTracker(exp, Math.max(1, Math.floor(stepsPerEpoch / NORM_SAMPLES)));
  let epochDue = Date.now();
  const result = runExperiment(exp, {
    onStep: (e) => {
      Atomics.add(control, CONTROL_STEPS, 1);
      norms.onStep(e.step);
      log?.step(e.epoch, e.step, e.loss);
      batcher.addStep({ epoch: e.epoch, step: e.step, loss: finiteOrNull(e.loss) });
    },
    onEpoch: (e) => {
      // "Step one epoch": pause again at the end of the epoch the host let run.
      Atomics.compareExchange(control, CONTROL_PAUSE, PAUSE_ONE_EPOCH, PAUSE_PAUSED);
      const epochNorms = norms.takeEpoch();
      log?.epoch(e.epoch, e.logs, exp.compiled.optimizer.learningRate, epochNorms.map((n) => [n.layer, n.weight, n.gradient] as const));
      batcher.addEpoch({ epoch: e.epoch, logs: Object.fromEntries(Object.entries(e.logs).map(([k, v]) => [k, finiteOrNull(v)])), norms: epochNorms });
      const pace = Atomics.load(control, CONTROL_PACE);
      if (plane && Date.now() - lastBoundary >= (pace > 0 ? PACED_BOUNDARY_MS : BOUNDARY_MS)) {
        postBoundary(exp, plane.grid, e.epoch);
        lastBoundary = Date.now();
      }
      if (pace > 0) {
        // A watchable pace: each epoch is shown as it ends, then the thread waits for the epoch's slot,
        // waking at once for a pause, a stop or a new pace (the host notifies the pause slot).
        batcher.flush();
        epochDue = Math.max(epochDue, Date.now() - 1000 / pace) + 1000 / pace;
        for (let left = epochDue - Date.now(); left > 0 && Atomics.load(control, CONTROL_PAUSE) === PAUSE_RUNNING && Atomics.load(control, CONTROL_STOP) === 0 && Atomics.load(control, CONTROL_PACE) === pace; left = epochDue - Date.now()) {
          Atomics.wait(control, CONTROL_PAUSE, PAUSE_RUNNING, left);
        }
      } else {
        epochDue = Date.now();
      }
    },
    shouldAbort: () => {
      // Pause: block this thread (not the host's) until resumed or stopped.
      while (Atomics.load(control, CONTROL_PAUSE) === PAUSE_PAUSED && Atomics.load(control, CONTROL_STOP) === 0) {
        batcher.flush();
        Atomics.wait(control, CONTROL_PAUSE, PAUSE_PAUSED, 250);
      }
      // A learning rate the host wrote since the last step applies from this step on (Playground's live change).
      const version = Atomics.load(control, CONTROL_LR_VERSION);
      if (version !== lrVersion) {
        lrVersion = version;
        const lr = learningRate[0]!;
        if (Number.isFinite(lr) && lr > 0) exp.compiled.optimizer.learningRate = lr;
      }
      return Atomics.load(control, CONTROL_STOP) === 1;
    },
  });
  batcher.flush();
  log?.finished(result, exp);
  if (plane && result.epochsRun > 0) postBoundary(exp, plane.grid, result.epochsRun);
  if (result.epochsRun > 0 && result.stoppedBy !== 'nan') postConfusion(exp);
  post({
    type: 'didFinishTraining', stoppedBy: result.stoppedBy, epochsRun: result.epochsRun, stoppedEpoch: result.stoppedEpoch,
    bestEpoch: result.bestEpoch, restoredBestWeights: result.restoredBestWeights,
    nanAt: result.nanAt && { ...result.nanAt, loss: finiteOrNull(result.nanAt.loss) }, seconds: (Date.now() - started) / 1000,
  });
}

/** The failure as the host shows it: configuration and data errors carry a translatable text. */
function failure(e: unknown): Extract<WorkerToHost, { type: 'didFailTraining' }> {
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof ConfigError) return { type: 'didFailTraining', kind: 'config', message, text: e.text };
  if (e instanceof DataError) return { type: 'didFailTraining', kind: 'data', message, text: e.text };
  return { type: 'didFailTraining', kind: 'internal', message, text: null };
}

parentPort?.once('message', (raw: unknown) => {
  if (!isHostToWorker(raw)) {
    post({ type: 'didFailTraining', kind: 'internal', message: 'the training worker received a malformed start message', text: null });
    return;
  }
  const log = runLog(raw);
  train(raw, log).catch((e: unknown) => {
    const failed = failure(e);
    try {
      log?.failed(failed.message);
    } catch {
      // the store is unwritable: the run still reports its failure
    }
    post(failed);
  });
});
