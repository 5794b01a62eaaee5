/**
 * Huber loss (keras/src/losses/losses.py `huber`, default delta = 1.0): with e = p − y per element
 *   l = 0.5·e²              if |e| <= δ
 *   l = δ·|e| − 0.5·δ²      otherwise
 * mean over the last axis, then over the batch. ∂l/∂p = e inside, δ·sign(e) outside (continuous at |e| = δ).
 */
import type { Loss } from './loss';

export interface HuberOptions {
  delta?: number;
}

export class Huber implements Loss {
  readonly name = 'huber';
  readonly delta: number;

  constructor(options: HuberOptions = {}) {
    this.delta = options.delta ?? 1.0;
  }

  targetWidth(predWidth: number): number {
    return predWidth;
  }

  compute(pred: Float32Array, target: Float32Array, batch: number, width: number, dPred: Float32Array | null): number {
    const n = batch * width, scale = 1 / n, d = this.delta;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const e = pred[i]! - target[i]!, a = Math.abs(e);
      if (a <= d) {
        total += 0.5 * e * e;
        if (dPred) dPred[i] = e * scale;
      } else {
        total += d * a - 0.5 * d * d;
        if (dPred) dPred[i] = d * Math.sign(e) * scale;
      }
    }
    return total * scale;
  }
}
