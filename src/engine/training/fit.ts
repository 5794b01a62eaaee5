/**
 * Model.fit for a built Sequential model, with Keras 3 semantics (keras/src/trainers/trainer.py and
 * keras/src/backend/jax/trainer.py):
 * - each epoch reshuffles the training samples (when shuffle) and walks them in batches, the last one
 *   partial; every batch is one optimizer step;
 * - a batch's loss is the data loss (mean over the batch) plus every regularization penalty, computed
 *   at the weights before the update; the epoch's `loss` is the mean of the batch losses weighted by
 *   batch size (the loss tracker's update_state(loss, sample_weight=batch_size)), and metrics likewise;
 * - validation runs in inference mode (no dropout) at the end of the epoch, and val_loss includes the
 *   penalties too;
 * - callbacks see 0-based epochs; events and history speak 1-based epochs, as Keras prints them.
 * A loss that becomes NaN or infinite stops the run and is reported (Keras would go on silently).
 */
import type { Callback, EpochLogs, TrainingControl } from '../callbacks/callback';
import type { FeatureArray } from '../datasets/dataset';
import type { Arena } from '../kernels/arena';
import type { Loss } from '../losses/loss';
import type { Metric } from '../metrics/metric';
import type { Sequential } from '../model/sequential';
import type { Optimizer } from '../optimizers/optimizer';
import type { Rng } from '../rng';

export interface Samples {
  readonly x: FeatureArray; // (n, inputSize); the values are x · xScale
  readonly xScale: number;
  readonly y: Float32Array; // (n, targetWidth)
  readonly n: number;
}

/** dst (count, w) = src rows [from, from + count) · scale (bytes become floats here). */
export function copyRows(src: FeatureArray, scale: number, from: number, count: number, w: number, dst: Float32Array): void {
  if (scale === 1 && src instanceof Float32Array) {
    dst.set(src.subarray(from * w, (from + count) * w));
    return;
  }
  const base = from * w, n = count * w;
  for (let i = 0; i < n; i++) dst[i] = src[base + i]! * scale;
}

export interface CompiledModel {
  readonly model: Sequential;
  readonly loss: Loss;
  readonly optimizer: Optimizer;
  /** Metrics by Keras history key ('accuracy', 'mae', ...). */
  readonly metrics: readonly { readonly key: string; readonly metric: Metric }[];
}

export interface StepEvent { readonly epoch: number; readonly step: number; readonly loss: number }
export interface EpochEvent { readonly epoch: number; readonly logs: Readonly<EpochLogs> }

export interface FitOptions {
  readonly epochs: number;
  readonly batchSize: number;
  readonly shuffle: boolean;
  readonly validation: Samples | null;
  readonly callbacks: readonly Callback[];
  readonly rng: Rng;
  /** Batch buffers from the model's arena (allocateBatchBuffers), sized for batchSize. */
  readonly buffers: BatchBuffers;
  readonly onStep?: (event: StepEvent) => void;
  readonly onEpoch?: (event: EpochEvent) => void;
  /** Polled before every step: true ends the run there (a user's Stop); it may also block (a pause). */
  readonly shouldAbort?: () => boolean;
}

export interface FitResult {
  /** One entry per finished epoch (1-based epoch numbers). */
  readonly history: EpochEvent[];
  readonly epochsRun: number;
  /** 'nan' when the loss stopped being finite; 'aborted' when shouldAbort() said so. */
  readonly stoppedBy: 'completed' | 'callback' | 'nan' | 'aborted';
  readonly nanAt: StepEvent | null;
}

/** Batch buffers, allocated once for the largest batch (kernels read only arena memory). */
export interface BatchBuffers { readonly x: Float32Array; readonly y: Float32Array; readonly dPred: Float32Array }

/** Floats allocateBatchBuffers takes, rounded as arenas round (so a model can reserve them up front). */
export function batchBufferFloats(model: Sequential, loss: Loss, maxBatch: number): number {
  const pad = (n: number) => Math.ceil(n / 4) * 4;
  return pad(maxBatch * model.inputSize) + pad(maxBatch * loss.targetWidth(model.outputSize)) + pad(maxBatch * model.outputSize);
}

export function allocateBatchBuffers(model: Sequential, loss: Loss, arena: Arena, maxBatch: number): BatchBuffers {
  return {
    x: arena.alloc(maxBatch * model.inputSize),
    y: arena.alloc(maxBatch * loss.targetWidth(model.outputSize)),
    dPred: arena.alloc(maxBatch * model.outputSize),
  };
}

/** Copies the rows `order[from..from+batch)` of `src` (width w), times `scale`, into `dst`. */
function gather(src: FeatureArray, scale: number, w: number, order: Uint32Array, from: number, batch: number, dst: Float32Array): void {
  if (scale !== 1 || !(src instanceof Float32Array)) {
    for (let b = 0; b < batch; b++) {
      const s = order[from + b]! * w, d = b * w;
      for (let j = 0; j < w; j++) dst[d + j] = src[s + j]! * scale;
    }
    return;
  }
  if (w >= 32) {
    for (let b = 0; b < batch; b++) {
      const r = order[from + b]!;
      dst.set(src.subarray(r * w, (r + 1) * w), b * w);
    }
    return;
  }
  // Narrow rows (Playground's 2 to 7 features): a plain loop beats making a subarray per row.
  for (let b = 0; b < batch; b++) {
    const s = order[from + b]! * w, d = b * w;
    for (let j = 0; j < w; j++) dst[d + j] = src[s + j]!;
  }
}

/** Loss (with penalties) and metrics of the model on `data` in inference mode, by Keras key. */
export function evaluate(compiled: CompiledModel, data: Samples, batchSize: number, buffers: BatchBuffers): EpochLogs {
  const { model, loss, metrics } = compiled;
  const inW = model.inputSize, outW = model.outputSize, tW = loss.targetWidth(outW);
  for (const m of metrics) m.metric.reset();
  let sum = 0;
  for (let from = 0; from < data.n; from += batchSize) {
    const batch = Math.min(batchSize, data.n - from);
    copyRows(data.x, data.xScale, from, batch, inW, buffers.x);
    const y = data.y.subarray(from * tW, (from + batch) * tW);
    const pred = model.forward(buffers.x, batch, false);
    sum += loss.compute(pred, y, batch, outW, null) * batch;
    for (const m of metrics) m.metric.update(pred, y, batch, outW);
  }
  const logs: EpochLogs = { loss: sum / data.n + model.penalty() };
  for (const m of metrics) logs[m.key] = m.metric.result();
  return logs;
}

export function fit(compiled: CompiledModel, train: Samples, opts: FitOptions): FitResult {
  const { model, loss, optimizer, metrics } = compiled;
  const inW = model.inputSize, outW = model.outputSize, tW = loss.targetWidth(outW);
  // An empty training set would "train" to a NaN loss and exit cleanly; the experiment loader refuses it
  // with the key to fix, so reaching this is a bug in the caller.
  if (train.n === 0) throw new Error('fit: there are no training samples');
  const bs = Math.min(opts.batchSize, train.n);
  const buffers = opts.buffers;
  if (buffers.x.length < bs * inW) throw new Error(`fit: batch buffers hold ${buffers.x.length / inW} samples, batch_size needs ${bs}`);
  const control: TrainingControl = {
    stopTraining: false,
    get learningRate() { return optimizer.learningRate; },
    set learningRate(v: number) { optimizer.learningRate = v; },
    getWeights: () => model.params.slice(),
    setWeights: (values) => model.params.set(values),
  };
  const order = new Uint32Array(train.n).map((_, i) => i);
  const history: EpochEvent[] = [];
  let stoppedBy: FitResult['stoppedBy'] = 'completed';
  let nanAt: StepEvent | null = null;
  for (const cb of opts.callbacks) cb.onTrainBegin?.(control);

  for (let epoch = 0; epoch < opts.epochs && stoppedBy === 'completed'; epoch++) {
    if (opts.shuffle) opts.rng.shuffle(order);
    for (const m of metrics) m.metric.reset();
    let lossSum = 0, seen = 0, step = 0;
    for (let from = 0; from < train.n; from += bs) {
      // Checked before each step, so a pause or a stop takes effect at a step (and an epoch) boundary.
      if (opts.shouldAbort?.()) { stoppedBy = 'aborted'; break; }
      const batch = Math.min(bs, train.n - from);
      gather(train.x, train.xScale, inW, order, from, batch, buffers.x);
      gather(train.y, 1, tW, order, from, batch, buffers.y);
      const pred = model.forward(buffers.x, batch, true);
      const stepLoss = loss.compute(pred, buffers.y, batch, outW, buffers.dPred) + model.penalty();
      step += 1;
      if (!Number.isFinite(stepLoss)) {
        nanAt = { epoch: epoch + 1, step, loss: stepLoss };
        stoppedBy = 'nan';
        break;
      }
      for (const m of metrics) m.metric.update(pred, buffers.y, batch, outW);
      model.grads.fill(0);
      model.backward(buffers.dPred, batch);
      model.addPenaltyGradients();
      optimizer.step(model.params, model.grads);
      lossSum += stepLoss * batch;
      seen += batch;
      opts.onStep?.({ epoch: epoch + 1, step, loss: stepLoss });
    }
    if (stoppedBy !== 'completed') break;
    const logs: EpochLogs = { loss: lossSum / seen };
    for (const m of metrics) logs[m.key] = m.metric.result();
    if (opts.validation && opts.validation.n > 0) {
      const val = evaluate(compiled, opts.validation, bs, buffers);
      for (const [k, v] of Object.entries(val)) logs[`val_${k}`] = v;
    }
    for (const cb of opts.callbacks) cb.onEpochEnd?.(epoch, logs, control);
    const event = { epoch: epoch + 1, logs };
    history.push(event);
    opts.onEpoch?.(event);
    if (control.stopTraining) stoppedBy = 'callback';
  }
  for (const cb of opts.callbacks) cb.onTrainEnd?.(control);
  return { history, epochsRun: history.length, stoppedBy, nanAt };
}
