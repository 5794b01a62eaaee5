/**
 * Keras' ReduceLROnPlateau (keras/src/callbacks/reduce_lr_on_plateau.py): multiply the learning rate by
 * `factor` when the monitored value has not improved by min_delta for `patience` epochs, then wait
 * `cooldown` epochs; never below min_lr. Like Keras it records `learning_rate` in the epoch's logs.
 */
import type { Callback, EpochLogs, TrainingControl } from './callback';

export interface ReduceLROnPlateauConfig {
  readonly monitor: string;
  readonly factor: number;
  readonly patience: number;
  readonly mode: 'auto' | 'min' | 'max';
  readonly min_delta: number;
  readonly cooldown: number;
  readonly min_lr: number;
}

export const REDUCE_LR_DEFAULTS: ReduceLROnPlateauConfig = {
  monitor: 'val_loss', factor: 0.1, patience: 10, mode: 'auto', min_delta: 1e-4, cooldown: 0, min_lr: 0,
};

export class ReduceLROnPlateau implements Callback {
  readonly className = 'ReduceLROnPlateau';
  private minimize = true;
  private best = Infinity;
  private wait = 0;
  private cooldownCounter = 0;

  constructor(readonly config: ReduceLROnPlateauConfig) {
    if (!(config.factor < 1)) throw new Error(`ReduceLROnPlateau: factor must be < 1.0, got ${config.factor}`);
  }

  onTrainBegin(): void {
    // Keras: mode "auto" maximizes only when the monitor's name contains "acc".
    this.minimize = this.config.mode === 'min' || (this.config.mode === 'auto' && !this.config.monitor.includes('acc'));
    this.best = this.minimize ? Infinity : -Infinity;
    this.cooldownCounter = 0;
    this.wait = 0;
  }

  onEpochEnd(_epoch: number, logs: EpochLogs, control: TrainingControl): void {
    logs.learning_rate = control.learningRate;
    const current = logs[this.config.monitor];
    if (current === undefined) return;
    if (this.cooldownCounter > 0) {
      this.cooldownCounter -= 1;
      this.wait = 0;
    }
    const better = this.minimize ? current < this.best - this.config.min_delta : current > this.best + this.config.min_delta;
    if (better) {
      this.best = current;
      this.wait = 0;
    } else if (this.cooldownCounter <= 0) {
      this.wait += 1;
      if (this.wait >= this.config.patience) {
        const old = control.learningRate;
        if (old > Math.fround(this.config.min_lr)) {
          control.learningRate = Math.max(old * this.config.factor, this.config.min_lr);
          this.cooldownCounter = this.config.cooldown;
          this.wait = 0;
        }
      }
    }
  }
}
