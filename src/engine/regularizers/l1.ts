/**
 * Keras' L1 weight regularizer (keras/src/regularizers/regularizers.py): penalty l1·Σ|w| with
 * l1 = 0.01 by default. Also the two kernels L1L2 reuses. The gradient at w = 0 is 0, because
 * TensorFlow differentiates |x| as sign(x) with sign(0) = 0 (tensorflow/python/ops/math_grad.py
 * _AbsGrad: grad * sign(x)); JAX would give +1 there, PyTorch 0.
 */
import type { Regularizer } from './regularizer';

/** Σ|w|, accumulated in float64. */
export function sumAbs(w: Float32Array): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += Math.abs(w[i]!);
  return s;
}

/** grad += factor·sign(w), with sign(0) = 0. */
export function addSignScaled(w: Float32Array, grad: Float32Array, factor: number): void {
  for (let i = 0; i < w.length; i++) {
    const x = w[i]!;
    if (x > 0) grad[i]! += factor;
    else if (x < 0) grad[i]! -= factor;
  }
}

export class L1 implements Regularizer {
  readonly className = 'L1';

  constructor(readonly l1 = 0.01) {}

  penalty(w: Float32Array): number {
    return this.l1 * sumAbs(w);
  }

  /** d(l1·Σ|w|)/dw = l1·sign(w). */
  addGradient(w: Float32Array, grad: Float32Array): void {
    addSignScaled(w, grad, this.l1);
  }

  getConfig(): Record<string, number> {
    return { l1: this.l1 };
  }
}
