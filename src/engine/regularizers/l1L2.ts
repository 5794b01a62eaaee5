/**
 * Keras' L1L2 regularizer (keras/src/regularizers/regularizers.py): penalty l1·Σ|w| + l2·Σw², with
 * defaults l1 = 0.0 and l2 = 0.0 ("for backward compatibility", so L1L2(l2=0.1) has no L1 part).
 * Like Keras' __call__, a term whose factor is 0 is skipped altogether.
 */
import { addSignScaled, sumAbs } from './l1';
import { addScaled, sumSquares } from './l2';
import type { Regularizer } from './regularizer';

export class L1L2 implements Regularizer {
  readonly className = 'L1L2';

  constructor(
    readonly l1 = 0.0,
    readonly l2 = 0.0,
  ) {}

  penalty(w: Float32Array): number {
    let p = 0;
    if (this.l1 !== 0) p += this.l1 * sumAbs(w);
    if (this.l2 !== 0) p += this.l2 * sumSquares(w);
    return p;
  }

  /** l1·sign(w) + 2·l2·w, with sign(0) = 0 as in TensorFlow. */
  addGradient(w: Float32Array, grad: Float32Array): void {
    if (this.l1 !== 0) addSignScaled(w, grad, this.l1);
    if (this.l2 !== 0) addScaled(w, grad, 2 * this.l2);
  }

  getConfig(): Record<string, number> {
    return { l1: this.l1, l2: this.l2 };
  }
}
