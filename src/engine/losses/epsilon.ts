/**
 * Keras' fuzz factor and the probability clip range the crossentropy losses use.
 * keras/src/backend/config.py: `_EPSILON = 1e-7`; the backends clip predictions with
 * `clip(output, epsilon(), 1.0 - epsilon())` (keras/src/backend/jax/nn.py `binary_crossentropy`,
 * `categorical_crossentropy`). Keras does this in float32, so the bounds are the float32 roundings of
 * 1e-7 and 1 − 1e-7: the upper bound is 1 − 2^-23 ≈ 0.99999988, which is why a fully wrong
 * prediction of 1 for a 0 label costs −log(2^-23) ≈ 15.942385 in Keras, not −log(1e-7) ≈ 16.118.
 */

export const EPSILON = 1e-7;
/** Lower clip bound: float32(1e-7). */
export const CLIP_MIN = Math.fround(EPSILON);
/** Upper clip bound: float32(1 − 1e-7) = 1 − 2^-23. */
export const CLIP_MAX = Math.fround(1 - EPSILON);

/** clip(p) to [CLIP_MIN, CLIP_MAX]. */
export function clipProbability(p: number): number {
  return p < CLIP_MIN ? CLIP_MIN : p > CLIP_MAX ? CLIP_MAX : p;
}

/**
 * Whether the clip lets the gradient through (clip_by_value semantics: d clip(p)/dp = 1 inside the
 * closed range, 0 outside).
 */
export function insideClip(p: number): boolean {
  return p >= CLIP_MIN && p <= CLIP_MAX;
}
