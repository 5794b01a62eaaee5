/**
 * The contract every loss implements, with Keras 3 semantics: per-sample loss reduced over the last
 * axis as Keras does for that loss, then "sum_over_batch_size" (the mean over the samples of the batch,
 * a partial last batch included). keras/src/losses/losses.py.
 */

export interface Loss {
  /** Keras name: 'binary_crossentropy', ... */
  readonly name: string;
  /**
   * Width of one target row for a prediction row of width `predWidth` (1 for sparse categorical
   * crossentropy: the class index; predWidth otherwise).
   */
  targetWidth(predWidth: number): number;
  /**
   * Mean loss over the batch. pred: (batch, width); target: (batch, targetWidth(width)).
   * When dPred is given it receives dLoss/dPred for the *mean* (already divided by batch).
   */
  compute(pred: Float32Array, target: Float32Array, batch: number, width: number, dPred: Float32Array | null): number;
}
