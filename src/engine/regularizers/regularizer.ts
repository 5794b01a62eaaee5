/**
 * The contract every weight regularizer implements (keras/src/regularizers/regularizers.py): a penalty
 * added, unscaled, to the loss, and its gradient added to the weight's gradient.
 */

export interface Regularizer {
  readonly className: string;
  /** Penalty for the weights w (e.g. l2 * sum(w^2), no 1/2). */
  penalty(w: Float32Array): number;
  /** grad += d penalty / d w. */
  addGradient(w: Float32Array, grad: Float32Array): void;
  getConfig(): Record<string, number>;
}
