/**
 * The contract every training metric implements: a running state that the training loop resets at the
 * start of an epoch, updates after each batch and reads at any time. Like Keras' MeanMetricWrapper
 * (keras/src/metrics/reduction_metrics.py) each metric computes one value per sample and reports the
 * mean over all samples seen since the last reset, so a partial last batch weighs by its size.
 */

export interface Metric {
  /** What it computes, in Keras spelling: 'binary_accuracy', 'mean_absolute_error', ... */
  readonly name: string;
  /** 'up' when larger is better (accuracies), 'down' for errors; Keras' Metric._direction. */
  readonly direction: 'up' | 'down';
  /** Width of one target row for a prediction row of width `predWidth` (1 for sparse labels). */
  targetWidth(predWidth: number): number;
  reset(): void;
  /** Adds a batch. pred: (batch, width); target: (batch, targetWidth(width)). */
  update(pred: Float32Array, target: Float32Array, batch: number, width: number): void;
  /** Mean per-sample value since the last reset; 0 before any update (Keras' divide_no_nan). */
  result(): number;
}
