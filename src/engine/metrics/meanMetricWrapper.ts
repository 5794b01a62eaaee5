/**
 * A Metric from a per-sample function, as Keras' MeanMetricWrapper (keras/src/metrics/reduction_metrics.py):
 * each sample's value goes into a running Mean with weight 1, so result() is the mean over every sample
 * seen since reset(). Subclasses supply `sampleValue` and their Keras name.
 */
import { Mean } from './mean';
import type { Metric } from './metric';

export abstract class MeanMetricWrapper implements Metric {
  abstract readonly name: string;
  abstract readonly direction: 'up' | 'down';
  private readonly mean = new Mean();

  targetWidth(predWidth: number): number {
    return predWidth;
  }

  /** The metric's value for row `row`. pred row offset row·width, target row offset row·targetWidth(width). */
  protected abstract sampleValue(pred: Float32Array, target: Float32Array, row: number, width: number): number;

  reset(): void {
    this.mean.reset();
  }

  update(pred: Float32Array, target: Float32Array, batch: number, width: number): void {
    let sum = 0;
    for (let r = 0; r < batch; r++) sum += this.sampleValue(pred, target, r, width);
    // A batch of B samples with weight 1 each: total += sum, count += B.
    if (batch > 0) this.mean.update(sum / batch, batch);
  }

  result(): number {
    return this.mean.result();
  }
}
