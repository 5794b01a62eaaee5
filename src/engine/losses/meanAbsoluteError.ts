/**
 * Mean absolute error (keras/src/losses/losses.py `mean_absolute_error`): per sample the mean over the
 * last axis of |y − p|, then the mean over the batch. ∂L/∂p = sign(p − y)/(B·W), with sign(0) = 0 as
 * the derivative of abs in JAX.
 */
import type { Loss } from './loss';

export class MeanAbsoluteError implements Loss {
  readonly name = 'mean_absolute_error';

  targetWidth(predWidth: number): number {
    return predWidth;
  }

  compute(pred: Float32Array, target: Float32Array, batch: number, width: number, dPred: Float32Array | null): number {
    const n = batch * width, scale = 1 / n;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const e = pred[i]! - target[i]!;
      total += Math.abs(e);
      if (dPred) dPred[i] = Math.sign(e) * scale;
    }
    return total * scale;
  }
}
