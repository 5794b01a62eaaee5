/**
 * Keras' three gradient clippings and its decoupled weight decay, on the flat gradient/parameter
 * buffers (keras/src/optimizers/base_optimizer.py: `_clip_gradients`, `_clip_by_norm`,
 * `clip_by_global_norm`, `_apply_weight_decay`). In-place, allocation-free loops; sums in float64.
 * Which one runs, and in which order, is BaseOptimizer's business, not this file's.
 */
import type { ParamSegment } from './optimizer';

/**
 * clipnorm, per Keras variable: g ← g · c / max(‖g‖₂, c) (`_clip_by_norm`; the TF backend's
 * tf.clip_by_norm is the same formula). A zero gradient stays zero.
 */
export function clipByNorm(grads: Float32Array, segments: readonly ParamSegment[], clipnorm: number): void {
  for (const { offset, size } of segments) {
    const end = offset + size;
    let sumSq = 0;
    for (let i = offset; i < end; i++) sumSq += grads[i]! * grads[i]!;
    const norm = Math.sqrt(sumSq);
    if (!(norm > clipnorm)) continue; // max(norm, c) = c: g·c/c = g
    const scale = clipnorm / norm;
    for (let i = offset; i < end; i++) grads[i]! *= scale;
  }
}

/**
 * global_clipnorm, over all variables together: g ← g · c · min(1/‖G‖₂, 1/c), where ‖G‖₂ is the norm
 * of every gradient concatenated (`clip_by_global_norm`). Like Keras, a non-finite norm turns every
 * gradient into NaN (scale + (norm − norm)), so a divergent step shows instead of being hidden.
 */
export function clipByGlobalNorm(grads: Float32Array, clipnorm: number): void {
  let sumSq = 0;
  for (let i = 0; i < grads.length; i++) sumSq += grads[i]! * grads[i]!;
  const norm = Math.sqrt(sumSq);
  const scale = clipnorm * Math.min(1 / norm, 1 / clipnorm) + (norm - norm);
  if (scale === 1) return;
  for (let i = 0; i < grads.length; i++) grads[i]! *= scale;
}

/** clipvalue: g ← clip(g, −v, v) element-wise (`ops.clip`). */
export function clipByValue(grads: Float32Array, clipvalue: number): void {
  for (let i = 0; i < grads.length; i++) {
    const g = grads[i]!;
    if (g > clipvalue) grads[i] = clipvalue;
    else if (g < -clipvalue) grads[i] = -clipvalue;
  }
}

/**
 * Decoupled weight decay, every variable (Keras decays biases too unless exclude_from_weight_decay
 * is called, which HyperLab does not offer): w ← w − w·wd·lr, with lr the rate of the step being
 * applied (`_apply_weight_decay`).
 */
export function applyWeightDecay(params: Float32Array, segments: readonly ParamSegment[], weightDecay: number, learningRate: number): void {
  const f = weightDecay * learningRate;
  if (f === 0) return;
  for (const { offset, size } of segments) {
    const end = offset + size;
    for (let i = offset; i < end; i++) params[i]! -= params[i]! * f;
  }
}
