/**
 * Binary crossentropy with Keras 3 semantics (keras/src/losses/losses.py `binary_crossentropy`,
 * keras/src/backend/jax/nn.py `binary_crossentropy`): per element
 *   probabilities: c = clip(p, 1e-7, 1 − 1e-7),  l = −[y·log c + (1 − y)·log(1 − c)]
 *   from_logits:   l = −y·log σ(x) − (1 − y)·log σ(−x) = max(x, 0) − x·y + log(1 + e^(−|x|))
 * then the mean over the last axis and over the batch ("sum_over_batch_size"), so L = Σ l / (B·W).
 * Label smoothing squeezes targets towards 0.5 first: y ← y·(1 − ls) + 0.5·ls.
 * Gradients: probabilities ∂l/∂p = (c − y)/(c(1 − c)) inside the clip range, 0 outside;
 * logits ∂l/∂x = σ(x) − y.
 */
import { stableSigmoid, stableSoftplus } from '../activations/sigmoid';
import { clipProbability, insideClip } from './epsilon';
import type { Loss } from './loss';

export interface CrossentropyOptions {
  from_logits?: boolean;
  label_smoothing?: number;
}

export class BinaryCrossentropy implements Loss {
  readonly name = 'binary_crossentropy';
  readonly fromLogits: boolean;
  readonly labelSmoothing: number;

  constructor(options: CrossentropyOptions = {}) {
    this.fromLogits = options.from_logits ?? false;
    this.labelSmoothing = options.label_smoothing ?? 0;
  }

  targetWidth(predWidth: number): number {
    return predWidth;
  }

  compute(pred: Float32Array, target: Float32Array, batch: number, width: number, dPred: Float32Array | null): number {
    const n = batch * width, scale = 1 / n, ls = this.labelSmoothing;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const y = ls > 0 ? target[i]! * (1 - ls) + 0.5 * ls : target[i]!;
      const p = pred[i]!;
      if (this.fromLogits) {
        total += stableSoftplus(p) - p * y; // = max(x,0) − x·y + log1p(e^(−|x|))
        if (dPred) dPred[i] = (stableSigmoid(p) - y) * scale;
      } else {
        const c = clipProbability(p);
        total -= y * Math.log(c) + (1 - y) * Math.log(1 - c);
        if (dPred) dPred[i] = insideClip(p) ? ((c - y) / (c * (1 - c))) * scale : 0;
      }
    }
    return total * scale;
  }
}
