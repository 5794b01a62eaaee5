/**
 * Keras' L2 weight regularizer (keras/src/regularizers/regularizers.py): penalty l2·Σw² with
 * l2 = 0.01 by default and no ½ in front, so the gradient is 2·l2·w. (TensorFlow Playground and many
 * textbooks use ½·λ·w²; Keras does not.) Also the two kernels L1L2 reuses.
 */
import type { Regularizer } from './regularizer';

/** Σw², accumulated in float64. */
export function sumSquares(w: Float32Array): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i]! * w[i]!;
  return s;
}

/** grad += factor·w. */
export function addScaled(w: Float32Array, grad: Float32Array, factor: number): void {
  for (let i = 0; i < w.length; i++) grad[i]! += factor * w[i]!;
}

export class L2 implements Regularizer {
  readonly className = 'L2';

  constructor(readonly l2 = 0.01) {}

  penalty(w: Float32Array): number {
    return this.l2 * sumSquares(w);
  }

  /** d(l2·Σw²)/dw = 2·l2·w. */
  addGradient(w: Float32Array, grad: Float32Array): void {
    addScaled(w, grad, 2 * this.l2);
  }

  getConfig(): Record<string, number> {
    return { l2: this.l2 };
  }
}
