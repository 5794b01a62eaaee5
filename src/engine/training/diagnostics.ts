/**
 * Training diagnostics the panel draws: per-layer weight and gradient norms (to see vanishing and
 * exploding gradients, a section of the lecture) and the confusion matrix of a classifier on its
 * validation data. Both read the model's flat buffers; neither changes anything.
 */
import type { Sequential } from '../model/sequential';
import type { BatchBuffers, Samples } from './fit';
import { predictRows } from './predict';

function l2(v: Float32Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}

/** L2 norms of each layer's kernel and of its current gradient, keyed by layer name. */
export function kernelNorms(model: Sequential): { layer: string; weight: number; gradient: number }[] {
  return model.variables.filter((v) => v.spec.name === 'kernel').map((v) => ({ layer: v.layer.name, weight: l2(v.value), gradient: l2(v.grad) }));
}

/**
 * Rows: true class, columns: predicted class. Binary models (one sigmoid unit) threshold at 0.5, as
 * Keras' binary_accuracy does; otherwise the arg-max. Targets are 0/1, class indices or one-hot.
 */
export function confusionMatrix(model: Sequential, data: Samples, targetWidth: number, buffers: BatchBuffers): number[][] {
  const outW = model.outputSize;
  const classes = outW === 1 ? 2 : outW;
  const matrix = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  const pred = predictRows(model, data.x, data.n, buffers, data.xScale);
  const argmax = (a: Float32Array, o: number, w: number) => {
    let best = 0;
    for (let j = 1; j < w; j++) if (a[o + j]! > a[o + best]!) best = j;
    return best;
  };
  for (let r = 0; r < data.n; r++) {
    const truth = targetWidth === 1 ? Math.round(data.y[r]!) : argmax(data.y, r * targetWidth, targetWidth);
    const guess = outW === 1 ? (pred[r]! > 0.5 ? 1 : 0) : argmax(pred, r * outW, outW);
    if (truth >= 0 && truth < classes) matrix[truth]![guess]! += 1;
  }
  return matrix;
}
