/**
 * Categorical crossentropy with Keras 3 semantics (keras/src/losses/losses.py
 * `categorical_crossentropy`, keras/src/backend/jax/nn.py `categorical_crossentropy`), per row of width K:
 *   probabilities: q = p / Σp (renormalised), c = clip(q, 1e-7, 1 − 1e-7), l = −Σ_j y_j·log c_j
 *   from_logits:   l = −Σ_j y_j·log_softmax(x)_j
 * summed over classes, then the mean over the batch. Label smoothing: y ← y·(1 − ls) + ls/K.
 * Gradients (before the 1/B of the batch mean), with g_j = −y_j/q_j where the clip passes, else 0:
 *   probabilities ∂l/∂p_k = (g_k − Σ_j g_j·q_j) / Σp   (the chain rule through q = p/Σp)
 *   logits        ∂l/∂x_k = softmax(x)_k·Σ_j y_j − y_k
 * The row kernels are exported for the sparse variant.
 */
import { clipProbability, insideClip } from './epsilon';
import type { CrossentropyOptions } from './binaryCrossentropy';
import type { Loss } from './loss';

/** log Σ_j e^(x_j) over row [o, o + width), shifted by the max for stability. */
export function logSumExp(x: Float32Array, o: number, width: number): number {
  let max = -Infinity;
  for (let j = 0; j < width; j++) max = Math.max(max, x[o + j]!);
  let sum = 0;
  for (let j = 0; j < width; j++) sum += Math.exp(x[o + j]! - max);
  return max + Math.log(sum);
}

/** Σ_j p_j over row [o, o + width). */
export function rowSum(p: Float32Array, o: number, width: number): number {
  let s = 0;
  for (let j = 0; j < width; j++) s += p[o + j]!;
  return s;
}

export class CategoricalCrossentropy implements Loss {
  readonly name = 'categorical_crossentropy';
  readonly fromLogits: boolean;
  readonly labelSmoothing: number;

  constructor(options: CrossentropyOptions = {}) {
    this.fromLogits = options.from_logits ?? false;
    this.labelSmoothing = options.label_smoothing ?? 0;
  }

  targetWidth(predWidth: number): number {
    return predWidth;
  }

  /** The (smoothed) label at flat index i of a row of `width` classes. */
  private label(target: Float32Array, i: number, width: number): number {
    const ls = this.labelSmoothing;
    return ls > 0 ? target[i]! * (1 - ls) + ls / width : target[i]!;
  }

  compute(pred: Float32Array, target: Float32Array, batch: number, width: number, dPred: Float32Array | null): number {
    const scale = 1 / batch;
    let total = 0;
    for (let r = 0; r < batch; r++) {
      const o = r * width;
      total += this.fromLogits
        ? this.rowFromLogits(pred, target, o, width, dPred, scale)
        : this.rowFromProbabilities(pred, target, o, width, dPred, scale);
    }
    return total * scale;
  }

  private rowFromLogits(x: Float32Array, target: Float32Array, o: number, width: number, dPred: Float32Array | null, scale: number): number {
    const lse = logSumExp(x, o, width);
    let loss = 0, sumY = 0;
    for (let j = 0; j < width; j++) {
      const y = this.label(target, o + j, width);
      loss -= y * (x[o + j]! - lse);
      sumY += y;
    }
    if (dPred) {
      for (let j = 0; j < width; j++) {
        dPred[o + j] = (Math.exp(x[o + j]! - lse) * sumY - this.label(target, o + j, width)) * scale;
      }
    }
    return loss;
  }

  private rowFromProbabilities(p: Float32Array, target: Float32Array, o: number, width: number, dPred: Float32Array | null, scale: number): number {
    const s = rowSum(p, o, width);
    let loss = 0, gq = 0; // gq = Σ_j g_j q_j
    for (let j = 0; j < width; j++) {
      const y = this.label(target, o + j, width), q = p[o + j]! / s;
      loss -= y * Math.log(clipProbability(q));
      if (y !== 0 && insideClip(q)) gq -= y; // g_j q_j = −y_j
    }
    if (dPred) {
      for (let j = 0; j < width; j++) {
        const y = this.label(target, o + j, width), q = p[o + j]! / s;
        const g = y !== 0 && insideClip(q) ? -y / q : 0;
        dPred[o + j] = ((g - gq) / s) * scale;
      }
    }
    return loss;
  }
}
