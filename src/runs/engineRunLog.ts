/**
 * Records a run that trains in this thread with the engine (the CLI, the training worker, a sweep's
 * trial): engine events in, store records out. Steps are buffered and written with their epoch (or at
 * the caller's flush), synchronously: this thread is busy training anyway, and a synchronous append is
 * on disk when the next step starts, so a kill -9 loses at most the lines of the current batch.
 */
import * as path from 'node:path';
import type { Experiment } from '../engine/experiment/experiment';
import { renderMessage } from '../shared/message';
import type { RunResult } from '../engine/experiment/runExperiment';
import { JsonLinesSyncAppender } from '../storage/jsonLines';
import { type EpochInput, type RunOutcome, RunRecorder, type StepInput } from './runRecorder';
import type { NormEntry, RunHeader } from './runRecord';
import { runPaths } from './runFiles';
import { writeWeightsSync } from './runWeights';

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** The run's file, appended synchronously by its one writer (this thread). */
export const syncSink = (file: string): { append(records: readonly unknown[]): void } => new JsonLinesSyncAppender(file);

/** A sink that stops writing after its first failure (a full disk, a deleted folder): training goes on. */
function guarded(sink: { append(records: readonly unknown[]): unknown }, onProblem: (e: unknown) => void) {
  let broken = false;
  return {
    append(records: readonly unknown[]): void {
      if (broken) return;
      try {
        sink.append(records);
      } catch (e) {
        broken = true;
        onProblem(e);
      }
    },
  };
}

export class EngineRunLog {
  private steps: StepInput[] = [];
  private epochs: EpochInput[] = [];
  private readonly startedAt = Date.now();
  private epochsSeen = 0;

  constructor(readonly recorder: RunRecorder) {}

  /** Attaches to a run file the caller created (header written). */
  static attach(dir: string, header: RunHeader, onProblem: (e: unknown) => void = () => {}): EngineRunLog {
    return new EngineRunLog(RunRecorder.attach(dir, header, guarded(syncSink(runPaths(dir, header.id).run), onProblem)));
  }

  started(exp: Experiment): void {
    this.recorder.started({
      params: exp.compiled.model.countParams(), epochs: exp.epochs, steps_per_epoch: Math.ceil(exp.train.n / Math.min(exp.batchSize, exp.train.n)),
      description: renderMessage(exp.data.description), task: exp.data.train.task, notes: exp.notes,
    });
  }

  step(epoch: number, step: number, loss: number): void {
    this.steps.push({ epoch, step, loss: finite(loss) });
  }

  epoch(epoch: number, logs: Readonly<Record<string, number>>, learningRate: number, norms?: readonly NormEntry[]): void {
    this.epochsSeen = epoch;
    this.epochs.push({ epoch, logs: Object.fromEntries(Object.entries(logs).map(([k, v]) => [k, finite(v)])), learning_rate: finite(learningRate), ...(norms ? { norms } : {}) });
  }

  /** Writes what is buffered (one append). */
  flush(): void {
    if (this.steps.length === 0 && this.epochs.length === 0) return;
    this.recorder.metrics(this.epochs, this.steps);
    this.steps = [];
    this.epochs = [];
  }

  /** The run ended (any way the engine ends): weights (unless NaN), then the end record. */
  finished(result: RunResult, exp: Experiment, reasons: { nan?: string; early?: string; stopped?: string } = {}): void {
    this.flush();
    let weights: string | null = null;
    if (result.stoppedBy !== 'nan' && result.epochsRun > 0) {
      const file = this.recorder.weightsFile;
      const epoch = result.restoredBestWeights && result.bestEpoch !== null ? result.bestEpoch : result.epochsRun;
      if (this.writeWeights(file, { format: 'hyperlab.weights', schema: 1, run: this.recorder.id, epoch, restored_best_weights: result.restoredBestWeights, initial_weights: exp.compiled.model.getWeights() })) {
        weights = path.basename(file);
      }
    }
    const status: RunOutcome['status'] =
      result.stoppedBy === 'nan' ? 'failed' : result.stoppedBy === 'callback' ? 'early_stopped' : result.stoppedBy === 'aborted' ? 'stopped' : 'finished';
    const reason = status === 'failed' ? (reasons.nan ?? `the loss became ${result.nanAt?.loss} at epoch ${result.nanAt?.epoch}, step ${result.nanAt?.step}`)
      : status === 'early_stopped' ? (reasons.early ?? `EarlyStopping stopped training at epoch ${result.stoppedEpoch}`)
        : status === 'stopped' ? (reasons.stopped ?? 'stopped by the user') : null;
    this.recorder.end({
      status, reason, epochs_run: result.epochsRun, seconds: (Date.now() - this.startedAt) / 1000, best_epoch: result.bestEpoch, stopped_epoch: result.stoppedEpoch,
      restored_best_weights: result.restoredBestWeights, weights,
    });
  }

  private writeWeights(file: string, doc: Parameters<typeof writeWeightsSync>[1]): boolean {
    try {
      return writeWeightsSync(file, doc);
    } catch {
      return false; // an unwritable store loses the weights, not the run
    }
  }

  /** The run could not train (bad configuration, bad data, an internal error). */
  failed(reason: string): void {
    this.flush();
    this.recorder.end({ status: 'failed', reason, epochs_run: this.epochsSeen, seconds: (Date.now() - this.startedAt) / 1000, best_epoch: null, stopped_epoch: null, restored_best_weights: false, weights: null });
  }
}
