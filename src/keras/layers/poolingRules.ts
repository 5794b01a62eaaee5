/**
 * Rules for MaxPooling1D/2D and AveragePooling1D/2D (keras/src/layers/pooling/base_pooling.py, lengths from
 * keras/src/ops/operation_utils.py compute_pooling_output_shape: valid ⌊(n − p)/s⌋ + 1, same ⌊(n − 1)/s⌋ + 1,
 * strides default to pool_size) and the global poolings (base_global_pooling.py: keep the channel axis,
 * keepdims=True leaves size-1 spatial axes). None of them has weights.
 */
import type { Dim, Shape } from '../kerasModel';
import { formatShape } from './formatting';
import { type LayerRule, NO_WEIGHTS, dataFormat, isSize, layoutAxes, problem, requireRank } from './layerRule';
import { msg } from '../message';

function axesText(dims: number, channelsLast: boolean): string {
  const spatial = dims === 1 ? ['steps'] : dims === 2 ? ['height', 'width'] : ['depth', 'height', 'width'];
  return `(${(channelsLast ? ['batch', ...spatial, 'channels'] : ['batch', 'channels', ...spatial]).join(', ')})`;
}

function poolLength(className: string, n: Dim, pool: number, stride: number, padding: string, input: Shape): Dim {
  if (!isSize(n)) return n;
  if (padding === 'same') return Math.floor((n - 1) / stride) + 1;
  const out = Math.floor((n - pool) / stride) + 1;
  if (out <= 0) {
    throw problem('impossible-shape', msg('{0} pool of size {1} is larger than the input {2}, whose axis has {3}: with padding="valid" the output would have size {4}; use a smaller pool_size or padding="same"', className, pool, formatShape(input), n, out));
  }
  return out;
}

function poolingRule(className: string, dims: number, source: string): LayerRule {
  const defaultPool = 2;
  return {
    className, source, inputs: 'one',
    signature: ['pool_size', 'strides', 'padding', 'data_format', 'name'],
    outputShape: ({ args, inputs }) => {
      const input = inputs.one();
      const format = dataFormat(args);
      requireRank(className, input, dims + 2, axesText(dims, format === 'channels_last'));
      const pool = args.intTuple('pool_size', dims, defaultPool);
      const strides = args.isNone('strides') ? pool : args.intTuple('strides', dims, pool);
      const padding = args.string('padding', 'valid').toLowerCase();
      if (padding !== 'valid' && padding !== 'same') throw problem('invalid-argument', msg('{0} padding must be "valid" or "same", got "{1}"', className, padding));
      const out: Dim[] = [...input];
      layoutAxes(format, dims + 2).spatial.forEach((axis, i) => {
        out[axis] = poolLength(className, input[axis] ?? null, pool[i]!, strides[i]!, padding, input);
      });
      return out;
    },
    weights: () => NO_WEIGHTS,
  };
}

function globalPoolingRule(className: string, dims: number, source: string): LayerRule {
  return {
    className, source, inputs: 'one',
    signature: ['data_format', 'keepdims'],
    outputShape: ({ args, inputs }) => {
      const input = inputs.one();
      const format = dataFormat(args);
      requireRank(className, input, dims + 2, axesText(dims, format === 'channels_last'));
      const channels = input[layoutAxes(format, dims + 2).channel] ?? null;
      const batch = input[0] ?? null;
      if (!args.bool('keepdims', false)) return [batch, channels];
      const ones = Array<Dim>(dims).fill(1);
      return format === 'channels_last' ? [batch, ...ones, channels] : [batch, channels, ...ones];
    },
    weights: () => NO_WEIGHTS,
  };
}

/** pooling/adaptive_*_pooling{n}d.py: the spatial axes become output_size (an int for each, or one per axis). */
function adaptiveRule(className: string, dims: number): LayerRule {
  return {
    className, source: `pooling/${className.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase()}.py`, inputs: 'one', signature: ['output_size', 'data_format'],
    check: ({ args }) => void args.intTuple('output_size', dims, 1),
    outputShape: ({ args, inputs }) => {
      const input = inputs.one();
      const format = dataFormat(args);
      requireRank(className, input, dims + 2, axesText(dims, format === 'channels_last'));
      const size = args.intTuple('output_size', dims, 1);
      const out: Dim[] = [...input];
      layoutAxes(format, dims + 2).spatial.forEach((axis, i) => { out[axis] = size[i]!; });
      return out;
    },
    weights: () => NO_WEIGHTS,
  };
}

export const POOLING_RULES: readonly LayerRule[] = [
  ...[1, 2, 3].flatMap((d) => [adaptiveRule(`AdaptiveAveragePooling${d}D`, d), adaptiveRule(`AdaptiveMaxPooling${d}D`, d)]),
  poolingRule('MaxPooling1D', 1, 'pooling/max_pooling1d.py'),
  poolingRule('MaxPooling2D', 2, 'pooling/max_pooling2d.py'),
  poolingRule('AveragePooling1D', 1, 'pooling/average_pooling1d.py'),
  poolingRule('AveragePooling2D', 2, 'pooling/average_pooling2d.py'),
  poolingRule('MaxPooling3D', 3, 'pooling/max_pooling3d.py'),
  poolingRule('AveragePooling3D', 3, 'pooling/average_pooling3d.py'),
  globalPoolingRule('GlobalMaxPooling3D', 3, 'pooling/global_max_pooling3d.py'),
  globalPoolingRule('GlobalAveragePooling3D', 3, 'pooling/global_average_pooling3d.py'),
  globalPoolingRule('GlobalMaxPooling1D', 1, 'pooling/global_max_pooling1d.py'),
  globalPoolingRule('GlobalMaxPooling2D', 2, 'pooling/global_max_pooling2d.py'),
  globalPoolingRule('GlobalAveragePooling1D', 1, 'pooling/global_average_pooling1d.py'),
  globalPoolingRule('GlobalAveragePooling2D', 2, 'pooling/global_average_pooling2d.py'),
];
