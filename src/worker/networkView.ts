/**
 * Builds Playground's network view of a small model for the panel: the Dense layers' weights and each
 * node's output over a coarse 10×10 grid of the plane (Playground downsamples its 100×100 heatmap to
 * 10×10 for the node thumbnails). Larger models (more than NETWORK_MAX_UNITS units in a layer) get none:
 * a drawing of 512 neurons teaches nothing.
 */
import { playgroundGrid } from '../engine/datasets/playground';
import type { Experiment } from '../engine/experiment/experiment';
import { predictLayers } from '../engine/training/predict';
import type { NetworkView } from '../shared/protocol/workerProtocol';

export const NETWORK_MAX_UNITS = 16;
const THUMB_DENSITY = 10;
const round = (v: number) => Math.round(v * 1000) / 1000;

export function networkView(exp: Experiment): NetworkView | null {
  const model = exp.compiled.model;
  const features = exp.data.train.featureNames;
  const dense = model.layers.map((layer, i) => ({ layer, i })).filter(({ layer }) => layer.className === 'Dense');
  if (dense.some(({ layer }) => (layer.outputShape[layer.outputShape.length - 1] ?? 0) > NETWORK_MAX_UNITS) || features.length > NETWORK_MAX_UNITS) return null;
  const grid = playgroundGrid(features, THUMB_DENSITY);
  const n = THUMB_DENSITY * THUMB_DENSITY;
  const outputs = predictLayers(model, grid, n, exp.buffers);
  const column = (values: Float32Array, width: number, j: number) => Array.from({ length: n }, (_, r) => round(values[r * width + j]!));
  const layers = dense.map(({ layer }) => {
    const vars = model.variables.filter((v) => v.layer === layer);
    const kernel = vars.find((v) => v.spec.name === 'kernel')!;
    const bias = vars.find((v) => v.spec.name === 'bias');
    const config = layer.getConfig() as { activation?: string };
    return {
      name: layer.name,
      units: kernel.spec.shape[1]!,
      activation: config.activation ?? 'linear',
      kernel: Array.from(kernel.value, round),
      bias: bias ? Array.from(bias.value, round) : null,
    };
  });
  // Thumbnails are drawn on Playground's [−1, 1] colour scale: inputs scaled by their largest |value|,
  // probabilities (sigmoid, softmax) mapped as 2p − 1, other outputs as they are (clamped when drawn).
  const toScale = (values: number[], activation: string | null): number[] => {
    if (activation === null) {
      const max = Math.max(1e-12, ...values.map(Math.abs));
      return values.map((v) => round(v / max));
    }
    return activation === 'sigmoid' || activation === 'softmax' ? values.map((v) => round(2 * v - 1)) : values;
  };
  return {
    inputs: [...features],
    layers,
    thumbDensity: THUMB_DENSITY,
    inputThumbs: features.map((_, f) => toScale(column(grid, features.length, f), null)),
    unitThumbs: dense.map(({ i }, d) => Array.from({ length: layers[d]!.units }, (_, j) => toScale(column(outputs[i]!, layers[d]!.units, j), layers[d]!.activation))),
  };
}
