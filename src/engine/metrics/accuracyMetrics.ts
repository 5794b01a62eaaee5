/**
 * The three Keras accuracies (keras/src/metrics/accuracy_metrics.py), per sample:
 *   binary_accuracy:             mean over the row of [ (p > threshold ? 1 : 0) == y ], threshold 0.5
 *   categorical_accuracy:        [ argmax(y) == argmax(p) ]     (one-hot targets)
 *   sparse_categorical_accuracy: [ y == argmax(p) ]             (target width 1 holding the class index)
 * averaged over all samples by MeanMetricWrapper. Comparisons are exact float equality, as Keras casts
 * and compares (a label 0.9 never matches a thresholded 1). argmax takes the first maximum on ties.
 */
import { MeanMetricWrapper } from './meanMetricWrapper';

/** Index of the first maximum of row [o, o + width). */
export function argmax(x: Float32Array, o: number, width: number): number {
  let best = 0, max = x[o]!;
  for (let j = 1; j < width; j++) {
    if (x[o + j]! > max) {
      max = x[o + j]!;
      best = j;
    }
  }
  return best;
}

export class BinaryAccuracy extends MeanMetricWrapper {
  readonly name = 'binary_accuracy';
  readonly direction = 'up';

  constructor(readonly threshold = 0.5) {
    super();
  }

  protected sampleValue(pred: Float32Array, target: Float32Array, row: number, width: number): number {
    const o = row * width;
    let hits = 0;
    for (let j = 0; j < width; j++) {
      const predicted = pred[o + j]! > this.threshold ? 1 : 0;
      if (predicted === target[o + j]) hits++;
    }
    return hits / width;
  }
}

export class CategoricalAccuracy extends MeanMetricWrapper {
  readonly name = 'categorical_accuracy';
  readonly direction = 'up';

  protected sampleValue(pred: Float32Array, target: Float32Array, row: number, width: number): number {
    const o = row * width;
    return argmax(target, o, width) === argmax(pred, o, width) ? 1 : 0;
  }
}

export class SparseCategoricalAccuracy extends MeanMetricWrapper {
  readonly name = 'sparse_categorical_accuracy';
  readonly direction = 'up';

  override targetWidth(_predWidth: number): number {
    return 1;
  }

  protected sampleValue(pred: Float32Array, target: Float32Array, row: number, width: number): number {
    return target[row] === argmax(pred, row * width, width) ? 1 : 0;
  }
}
