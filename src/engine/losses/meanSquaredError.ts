/**
 * Mean squared error (keras/src/losses/losses.py `mean_squared_error`): per sample the mean over the
 * last axis of (y − p)², then the mean over the batch, so L = Σ (p − y)² / (B·W) and ∂L/∂p = 2(p − y)/(B·W).
 */
import type { Loss } from './loss';

export class MeanSquaredError implements Loss {
  readonly name = 'mean_squared_error';

  targetWidth(predWidth: number): number {
    return predWidth;
  }

  compute(pred: Float32Array, target: Float32Array, batch: number, width: number, dPred: Float32Array | null): number {
    const n = batch * width, scale = 1 / n;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const e = pred[i]! - target[i]!;
      total += e * e;
      if (dPred) dPred[i] = 2 * e * scale;
    }
    return total * scale;
  }
}
