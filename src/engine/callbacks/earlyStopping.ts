/**
 * Keras' EarlyStopping, step for step (keras/src/callbacks/early_stopping.py): stop when the monitored
 * value has not improved by more than min_delta for `patience` epochs; `baseline` must also be beaten
 * to reset the wait; `start_from_epoch` delays counting; restore_best_weights restores the best epoch's
 * weights at the end of training even if it never stopped early.
 */
import type { Callback, EpochLogs, TrainingControl } from './callback';
import { metricDirection } from '../../shared/metricDirection';

export interface EarlyStoppingConfig {
  readonly monitor: string;
  readonly min_delta: number;
  readonly patience: number;
  readonly mode: 'auto' | 'min' | 'max';
  readonly baseline: number | null;
  readonly restore_best_weights: boolean;
  readonly start_from_epoch: number;
}

export const EARLY_STOPPING_DEFAULTS: EarlyStoppingConfig = {
  monitor: 'val_loss', min_delta: 0, patience: 0, mode: 'auto', baseline: null, restore_best_weights: false, start_from_epoch: 0,
};

export class EarlyStopping implements Callback {
  readonly className = 'EarlyStopping';
  private minimize = true;
  private minDelta: number;
  private best = Infinity;
  private wait = 0;
  private bestWeights: Float32Array | null = null;
  /** 0-based epoch at which training was stopped, or 0 (Keras' convention) when it was not. */
  stoppedEpoch = 0;
  /** 0-based best epoch. */
  bestEpoch = 0;
  /** Whether the best weights were restored at the end. */
  restored = false;
  /** Whether the monitored value appeared in the logs of a counted epoch; without it there is no best epoch. */
  monitored = false;

  constructor(readonly config: EarlyStoppingConfig) {
    this.minDelta = Math.abs(config.min_delta);
    const direction = config.mode === 'min' ? 'down' : config.mode === 'max' ? 'up' : metricDirection(config.monitor);
    if (direction === null) {
      throw new Error(`EarlyStopping: cannot tell whether monitor=${JSON.stringify(config.monitor)} should go up or down; set mode to "min" or "max"`);
    }
    this.minimize = direction === 'down';
    if (this.minimize) this.minDelta = -this.minDelta;
    this.best = this.minimize ? Infinity : -Infinity;
  }

  onTrainBegin(): void {
    this.wait = 0;
    this.stoppedEpoch = 0;
    this.bestWeights = null;
    this.bestEpoch = 0;
    this.restored = false;
    this.monitored = false;
  }

  /** The 1-based best epoch so far, or null while the monitored value has not been seen. */
  get bestEpochNumber(): number | null {
    return this.monitored ? this.bestEpoch + 1 : null;
  }

  private isImprovement(value: number, reference: number): boolean {
    return this.minimize ? value - this.minDelta < reference : value - this.minDelta > reference;
  }

  onEpochEnd(epoch: number, logs: EpochLogs, control: TrainingControl): void {
    const current = logs[this.config.monitor];
    // A monitor missing from the logs (val_loss without validation data): Keras warns and skips the epoch;
    // the warning is given once, when the experiment is loaded (callbackSpecs.ts unavailableMonitors).
    if (current === undefined || epoch < this.config.start_from_epoch) return;
    this.monitored = true;
    if (this.config.restore_best_weights && this.bestWeights === null) {
      this.bestWeights = control.getWeights();
      this.bestEpoch = epoch;
    }
    this.wait += 1;
    if (this.isImprovement(current, this.best)) {
      this.best = current;
      this.bestEpoch = epoch;
      if (this.config.restore_best_weights) this.bestWeights = control.getWeights();
      if (this.config.baseline === null || this.isImprovement(current, this.config.baseline)) this.wait = 0;
      return;
    }
    if (this.wait >= this.config.patience && epoch > 0) {
      this.stoppedEpoch = epoch;
      control.stopTraining = true;
    }
  }

  onTrainEnd(control: TrainingControl): void {
    if (this.config.restore_best_weights && this.bestWeights !== null) {
      control.setWeights(this.bestWeights);
      this.restored = true;
    }
  }
}
