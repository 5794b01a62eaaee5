/**
 * Sparse categorical crossentropy with Keras 3 semantics (keras/src/losses/losses.py
 * `sparse_categorical_crossentropy`, keras/src/backend/jax/nn.py): the target row has width 1 and holds
 * the class index k (a trailing dimension of 1 is squeezed; the value is cast to int32, i.e. truncated);
 * the loss is categorical crossentropy against one_hot(k) with the same renormalise-and-clip:
 *   probabilities: q = p/Σp, l = −log clip(q_k);   ∂l/∂p_j = g·(δ_jk − q_k)/Σp, g = −1/q_k inside the clip, else 0
 *   from_logits:   l = logsumexp(x) − x_k;         ∂l/∂x_j = softmax(x)_j − δ_jk
 * then the mean over the batch. Keras 3 has no label smoothing here. An index outside [0, K) is an
 * error (as in the TensorFlow backend; JAX would silently count it as zero loss).
 */
import { clipProbability, insideClip } from './epsilon';
import { logSumExp, rowSum } from './categoricalCrossentropy';
import type { Loss } from './loss';

export interface SparseCrossentropyOptions {
  from_logits?: boolean;
}

export class SparseCategoricalCrossentropy implements Loss {
  readonly name = 'sparse_categorical_crossentropy';
  readonly fromLogits: boolean;

  constructor(options: SparseCrossentropyOptions = {}) {
    this.fromLogits = options.from_logits ?? false;
  }

  targetWidth(_predWidth: number): number {
    return 1;
  }

  compute(pred: Float32Array, target: Float32Array, batch: number, width: number, dPred: Float32Array | null): number {
    const scale = 1 / batch;
    let total = 0;
    for (let r = 0; r < batch; r++) {
      const o = r * width, k = classIndex(target[r]!, r, width);
      if (this.fromLogits) {
        const lse = logSumExp(pred, o, width);
        total += lse - pred[o + k]!;
        if (dPred) {
          for (let j = 0; j < width; j++) dPred[o + j] = (Math.exp(pred[o + j]! - lse) - (j === k ? 1 : 0)) * scale;
        }
      } else {
        const s = rowSum(pred, o, width), qk = pred[o + k]! / s;
        total -= Math.log(clipProbability(qk));
        if (dPred) {
          const g = insideClip(qk) ? -1 / qk : 0;
          for (let j = 0; j < width; j++) dPred[o + j] = ((g * ((j === k ? 1 : 0) - qk)) / s) * scale;
        }
      }
    }
    return total * scale;
  }
}

/** The int32 cast Keras applies to sparse labels, with a range check. */
function classIndex(label: number, row: number, width: number): number {
  const k = Math.trunc(label);
  if (!(k >= 0 && k < width)) {
    throw new RangeError(
      `sparse_categorical_crossentropy: target row ${row} holds ${label}, which is not a class index in [0, ${width}); ` +
        `sparse labels are integers 0..${width - 1} (for one-hot targets use categorical_crossentropy)`,
    );
  }
  return k;
}
