/**
 * Runs a loaded experiment to the end (or to its early stop, a NaN loss, or the caller's abort) and
 * reports what happened in the terms of the CLI's JSON contract: 1-based epochs, the epoch EarlyStopping
 * stopped at and the best epoch it saw (null when it did not), and the final weights in Keras layout.
 */
import type { LayerWeights } from '../model/sequential';
import { type EpochEvent, type FitResult, type StepEvent, fit } from '../training/fit';
import type { Experiment } from './experiment';

export interface RunEvents {
  readonly onStep?: (event: StepEvent) => void;
  readonly onEpoch?: (event: EpochEvent) => void;
  readonly shouldAbort?: () => boolean;
}

export interface RunResult extends FitResult {
  /** 1-based epoch at which EarlyStopping stopped training, or null. */
  readonly stoppedEpoch: number | null;
  /** 1-based best epoch EarlyStopping saw, or null without EarlyStopping or when its monitor never appeared. */
  readonly bestEpoch: number | null;
  /** Whether EarlyStopping restored the best weights at the end. */
  readonly restoredBestWeights: boolean;
}

export function runExperiment(exp: Experiment, events: RunEvents = {}): RunResult {
  const result = fit(exp.compiled, exp.train, {
    epochs: exp.epochs,
    batchSize: exp.batchSize,
    shuffle: exp.shuffle,
    validation: exp.validation,
    callbacks: exp.callbacks,
    rng: exp.rng,
    buffers: exp.buffers,
    ...events,
  });
  const es = exp.earlyStopping;
  return {
    ...result,
    stoppedEpoch: es && es.stoppedEpoch > 0 ? es.stoppedEpoch + 1 : null,
    bestEpoch: es ? es.bestEpochNumber : null,
    restoredBestWeights: es?.restored ?? false,
  };
}

/** The trained weights in the experiment file's `initial_weights` layout. */
export function finalWeights(exp: Experiment): LayerWeights[] {
  return exp.compiled.model.getWeights();
}
