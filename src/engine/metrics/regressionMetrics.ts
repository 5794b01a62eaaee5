/**
 * Mean squared and mean absolute error as metrics (keras/src/metrics/regression_metrics.py wraps the
 * loss functions of keras/src/losses/losses.py in MeanMetricWrapper): per sample the mean over the row of
 * (y − p)² or |y − p|, averaged over every sample since reset. Their direction is 'down'.
 */
import { MeanMetricWrapper } from './meanMetricWrapper';

export class MeanSquaredErrorMetric extends MeanMetricWrapper {
  readonly name = 'mean_squared_error';
  readonly direction = 'down';

  protected sampleValue(pred: Float32Array, target: Float32Array, row: number, width: number): number {
    const o = row * width;
    let s = 0;
    for (let j = 0; j < width; j++) {
      const e = target[o + j]! - pred[o + j]!;
      s += e * e;
    }
    return s / width;
  }
}

export class MeanAbsoluteErrorMetric extends MeanMetricWrapper {
  readonly name = 'mean_absolute_error';
  readonly direction = 'down';

  protected sampleValue(pred: Float32Array, target: Float32Array, row: number, width: number): number {
    const o = row * width;
    let s = 0;
    for (let j = 0; j < width; j++) s += Math.abs(target[o + j]! - pred[o + j]!);
    return s / width;
  }
}
