/**
 * Rules for Conv1D/Conv2D/Conv3D (keras/src/layers/convolutional/base_conv.py) and their Transpose forms
 * (base_conv_transpose.py). Output lengths follow keras/src/ops/operation_utils.py compute_conv_output_shape
 * (valid: ⌊(n − d·(k − 1) − 1)/s⌋ + 1, same/causal: ⌊(n − 1)/s⌋ + 1) and
 * keras/src/backend/common/backend_utils.py compute_conv_transpose_output_shape. Kernels are
 * kernel_size + (channels/groups, filters) for convolutions and kernel_size + (filters, channels) for the
 * transposed ones, plus a (filters,) bias.
 */
import type { Dim, Shape } from '../kerasModel';
import type { BoundArgs } from './boundArgs';
import { formatShape, product } from './formatting';
import { type DataFormat, type LayerRule, type RuleContext, Unknowable, dataFormat, isSize, knownDim, layoutAxes, problem, requireRank } from './layerRule';
import { type Message, msg } from '../message';

interface ConvOptions {
  readonly filters: number;
  readonly kernel: number[];
  readonly strides: number[];
  readonly dilation: number[];
  readonly padding: string;
  readonly format: DataFormat;
  readonly groups: number;
  readonly outputPadding: number[] | null;
  readonly useBias: boolean;
}

function convOptions(args: BoundArgs, rank: number, transpose: boolean): ConvOptions {
  const filters = args.positiveInt('filters');
  args.required('kernel_size');
  const kernel = args.intTuple('kernel_size', rank, 1);
  const strides = args.intTuple('strides', rank, 1);
  const dilation = args.intTuple('dilation_rate', rank, 1);
  const padding = args.string('padding', 'valid').toLowerCase();
  const allowed = rank === 1 && !transpose ? ['valid', 'same', 'causal'] : ['valid', 'same'];
  if (!allowed.includes(padding)) {
    throw problem('invalid-argument', allowed.includes('causal')
      ? msg('{0} padding must be "valid", "same" or "causal", got "{1}"', args.className, padding)
      : msg('{0} padding must be "valid" or "same", got "{1}"', args.className, padding));
  }
  const format = dataFormat(args);
  const groups = transpose ? 1 : args.positiveInt('groups', 1);
  if (filters % groups !== 0) throw problem('invalid-argument', msg('{0} filters ({1}) must be divisible by groups ({2})', args.className, filters, groups));
  if (Math.max(...strides) > 1 && Math.max(...dilation) > 1) {
    throw problem('invalid-argument', msg('{0} cannot combine strides > 1 with dilation_rate > 1; keep one of them at 1', args.className));
  }
  let outputPadding: number[] | null = null;
  if (transpose && !args.isNone('output_padding')) {
    outputPadding = args.intTuple('output_padding', rank, 0, true);
    outputPadding.forEach((p, i) => {
      if (p >= strides[i]!) throw problem('invalid-argument', msg('{0} output_padding must be smaller than strides, got output_padding={1} with strides={2}', args.className, p, strides[i]!));
    });
  }
  return { filters, kernel, strides, dilation, padding, format, groups, outputPadding, useBias: args.bool('use_bias', true) };
}

export function axesText(rank: number, format: DataFormat): string {
  const spatial = rank === 1 ? ['steps'] : rank === 2 ? ['height', 'width'] : ['depth', 'height', 'width'];
  const axes = format === 'channels_last' ? ['batch', ...spatial, 'channels'] : ['batch', 'channels', ...spatial];
  return `(${axes.join(', ')})`;
}

/** A Reshape that would give a rank-2 or rank-3 input the rank a channels_last convolution needs. */
function reshapeHint(rank: number, input: Shape, format: DataFormat): Message | null {
  if (format !== 'channels_last') return null;
  const dims = input.slice(1);
  if (!dims.every(isSize)) return null;
  const reshape = (target: string) => msg('add {0} before it', `Reshape((${target}))`);
  if (rank === 1 && dims.length === 1) return reshape(`${dims[0]}, 1`);
  if (rank === 2 && dims.length === 2) return reshape(`${dims[0]}, ${dims[1]}, 1`);
  if (rank === 2 && dims.length === 1) {
    const side = Math.round(Math.sqrt(dims[0]!));
    if (side * side === dims[0]) return reshape(`${side}, ${side}, 1`);
  }
  return null;
}

function checkedInput(className: string, rank: number, input: Shape, format: DataFormat): Shape {
  requireRank(className, input, rank + 2, axesText(rank, format), reshapeHint(rank, input, format));
  return input;
}

/** Output length of a (non-transposed) convolution along one axis, or a problem when it would be ≤ 0. */
export function convLength(className: string, n: Dim, k: number, s: number, d: number, padding: string, input: Shape): Dim {
  if (!isSize(n)) return n;
  if (padding !== 'valid') return Math.floor((n - 1) / s) + 1;
  const out = Math.floor((n - d * (k - 1) - 1) / s) + 1;
  if (out <= 0) {
    const span = d * (k - 1) + 1;
    const kernel = d > 1 ? msg('{0} kernel of size {1} (dilated to {2})', className, k, span) : msg('{0} kernel of size {1}', className, k);
    throw problem('impossible-shape', msg('{0} does not fit the input {1}, whose axis has {2}: with padding="valid" the output would have size {3}; use padding="same", a smaller kernel_size or a larger input', kernel, formatShape(input), n, out));
  }
  return out;
}

/** compute_conv_transpose_output_shape for one axis (TensorFlow's padding convention). */
function transposeLength(n: Dim, k: number, s: number, d: number, padding: string, outputPadding: number | null): Dim {
  if (!isSize(n)) return n;
  const span = (k - 1) * d + 1;
  if (padding === 'valid') return (n - 1) * s + span + (outputPadding ?? Math.max(span, s) - span);
  return outputPadding === null ? n * s : (n - 1) * s + (span % 2) + outputPadding;
}

function convRule(className: string, rank: number, transpose: boolean, source: string, signature: readonly string[], extraKwargs: readonly string[]): LayerRule {
  const outputShape = ({ args, inputs }: RuleContext): Shape => {
    const input = inputs.one();
    const format = dataFormat(args);
    checkedInput(className, rank, input, format);
    const o = convOptions(args, rank, transpose);
    const axes = layoutAxes(o.format, rank + 2);
    const channels = input[axes.channel] ?? null;
    if (isSize(channels) && channels % o.groups !== 0) {
      throw problem('impossible-shape', msg('{0} groups ({1}) must divide the input\'s {2} channels', className, o.groups, channels));
    }
    const out: Dim[] = [...input];
    axes.spatial.forEach((axis, i) => {
      const n = input[axis] ?? null;
      out[axis] = transpose
        ? transposeLength(n, o.kernel[i]!, o.strides[i]!, o.dilation[i]!, o.padding, o.outputPadding?.[i] ?? null)
        : convLength(className, n, o.kernel[i]!, o.strides[i]!, o.dilation[i]!, o.padding, input);
    });
    out[axes.channel] = o.filters;
    return out;
  };
  return {
    className, source, signature, extraKwargs, inputs: 'one',
    check: ({ args }) => void convOptions(args, rank, transpose),
    outputShape,
    weights: ({ args, inputs }) => {
      const o = convOptions(args, rank, transpose);
      const input = checkedInput(className, rank, inputs.one(), o.format);
      if (!args.isNone('lora_rank') || !args.isNone('dora_rank')) {
        throw new Unknowable(msg('lora_rank/dora_rank change which weights {0} creates; HyperLab does not model them', className));
      }
      const c = knownDim(className, input[layoutAxes(o.format, rank + 2).channel], msg('channel axis'));
      const perGroup = transpose ? c : c / o.groups;
      const kernel = o.kernel.reduce((a, b) => a * b, 1) * perGroup * o.filters;
      const bias = o.useBias ? o.filters : 0;
      const expr = `${product([...o.kernel, perGroup, o.filters])}${o.useBias ? ` + ${product([o.filters])}` : ''}`;
      return { trainable: kernel + bias, nonTrainable: 0, expr };
    },
  };
}

const CONV_TAIL = ['activation', 'use_bias', 'kernel_initializer', 'bias_initializer', 'kernel_regularizer', 'bias_regularizer', 'activity_regularizer', 'kernel_constraint', 'bias_constraint'];
const CONV_SIGNATURE = ['filters', 'kernel_size', 'strides', 'padding', 'data_format', 'dilation_rate', 'groups', ...CONV_TAIL];
const CONV_EXTRA = ['lora_rank', 'lora_alpha', 'dora_rank', 'dora_alpha'];

export const CONVOLUTION_RULES: readonly LayerRule[] = [
  convRule('Conv1D', 1, false, 'convolutional/conv1d.py', CONV_SIGNATURE, CONV_EXTRA),
  convRule('Conv2D', 2, false, 'convolutional/conv2d.py', CONV_SIGNATURE, CONV_EXTRA),
  convRule('Conv3D', 3, false, 'convolutional/conv3d.py', CONV_SIGNATURE, CONV_EXTRA),
  convRule('Conv1DTranspose', 1, true, 'convolutional/conv1d_transpose.py', ['filters', 'kernel_size', 'strides', 'padding', 'output_padding', 'data_format', 'dilation_rate', ...CONV_TAIL], []),
  convRule('Conv2DTranspose', 2, true, 'convolutional/conv2d_transpose.py', ['filters', 'kernel_size', 'strides', 'padding', 'output_padding', 'data_format', 'dilation_rate', ...CONV_TAIL], []),
  // Conv3DTranspose puts output_padding after data_format (Keras 3.15's signature).
  convRule('Conv3DTranspose', 3, true, 'convolutional/conv3d_transpose.py', ['filters', 'kernel_size', 'strides', 'padding', 'data_format', 'output_padding', 'dilation_rate', ...CONV_TAIL], []),
];
