/**
 * Model.predict for many rows with the fit's small batch buffers: the rows go through the model in
 * inference mode (no dropout) in chunks of the buffers' size, and the outputs are gathered in one
 * array. Used for the decision-boundary heatmap (Playground's 100×100 grid) while training runs.
 */
import type { Sequential } from '../model/sequential';
import type { BatchBuffers } from './fit';

/** Outputs (n, outputSize) for x (n, inputSize). */
export function predictRows(model: Sequential, x: Float32Array, n: number, buffers: BatchBuffers): Float32Array {
  const inW = model.inputSize, outW = model.outputSize;
  const chunk = Math.max(1, Math.floor(buffers.x.length / inW));
  const out = new Float32Array(n * outW);
  for (let from = 0; from < n; from += chunk) {
    const batch = Math.min(chunk, n - from);
    buffers.x.set(x.subarray(from * inW, (from + batch) * inW));
    out.set(model.forward(buffers.x, batch, false).subarray(0, batch * outW), from * outW);
  }
  return out;
}
