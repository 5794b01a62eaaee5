/**
 * Model.predict for many rows with the fit's small batch buffers: the rows go through the model in
 * inference mode (no dropout) in chunks of the buffers' size, and the outputs are gathered in one
 * array. Used for the decision-boundary heatmap (Playground's 100×100 grid) while training runs.
 */
import type { Sequential } from '../model/sequential';
import type { FeatureArray } from '../datasets/dataset';
import { type BatchBuffers, copyRows } from './fit';

/** Outputs (n, outputSize) for the rows x (n, inputSize) · xScale. */
export function predictRows(model: Sequential, x: FeatureArray, n: number, buffers: BatchBuffers, xScale = 1): Float32Array {
  const inW = model.inputSize, outW = model.outputSize;
  const chunk = Math.max(1, Math.floor(buffers.x.length / inW));
  const out = new Float32Array(n * outW);
  for (let from = 0; from < n; from += chunk) {
    const batch = Math.min(chunk, n - from);
    copyRows(x, xScale, from, batch, inW, buffers.x);
    out.set(model.forward(buffers.x, batch, false).subarray(0, batch * outW), from * outW);
  }
  return out;
}

/**
 * Every layer's output for the rows x (n, inputSize) · xScale, in inference mode: one (n, width) array
 * per layer, in layer order (for the network view's per-neuron thumbnails).
 */
export function predictLayers(model: Sequential, x: FeatureArray, n: number, buffers: BatchBuffers, xScale = 1): Float32Array[] {
  const inW = model.inputSize;
  const widths = model.layers.map((l) => l.outputShape.reduce((a, b) => a * b, 1));
  const outs = widths.map((w) => new Float32Array(n * w));
  const chunk = Math.max(1, Math.floor(buffers.x.length / inW));
  for (let from = 0; from < n; from += chunk) {
    const batch = Math.min(chunk, n - from);
    copyRows(x, xScale, from, batch, inW, buffers.x);
    let h: Float32Array = buffers.x;
    model.layers.forEach((layer, i) => {
      h = layer.forward(h, batch, false);
      outs[i]!.set(h.subarray(0, batch * widths[i]!), from * widths[i]!);
    });
  }
  return outs;
}
