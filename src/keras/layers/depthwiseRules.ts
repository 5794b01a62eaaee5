/**
 * Rules for the depthwise convolutions (keras/src/layers/convolutional/base_depthwise_conv.py: a kernel
 * kernel_size + (channels, depth_multiplier), a (channels·depth_multiplier,) bias, output channels
 * channels·depth_multiplier) and the separable ones (base_separable_conv.py: that depthwise kernel, then a
 * pointwise kernel (1, ..., channels·depth_multiplier, filters) and a (filters,) bias). Output lengths are
 * those of a convolution (convLength).
 */
import type { Dim, Shape } from '../kerasModel';
import type { BoundArgs } from './boundArgs';
import { axesText, convLength } from './convolutionRules';
import { product } from './formatting';
import { type LayerRule, type RuleContext, type Weights, dataFormat, knownDim, layoutAxes, problem, requireRank } from './layerRule';
import { msg } from '../message';

interface Options {
  readonly kernel: number[];
  readonly strides: number[];
  readonly dilation: number[];
  readonly padding: string;
  readonly multiplier: number;
  readonly useBias: boolean;
}

function options(args: BoundArgs, rank: number): Options {
  args.required('kernel_size');
  const padding = args.string('padding', 'valid').toLowerCase();
  if (padding !== 'valid' && padding !== 'same') throw problem('invalid-argument', msg('{0} padding must be "valid" or "same", got "{1}"', args.className, padding));
  return {
    kernel: args.intTuple('kernel_size', rank, 1), strides: args.intTuple('strides', rank, 1), dilation: args.intTuple('dilation_rate', rank, 1),
    padding, multiplier: args.positiveInt('depth_multiplier', 1), useBias: args.bool('use_bias', true),
  };
}

function rule(className: string, rank: number, separable: boolean, source: string, signature: readonly string[]): LayerRule {
  const input = (ctx: RuleContext): Shape => {
    const shape = ctx.inputs.one();
    requireRank(className, shape, rank + 2, axesText(rank, dataFormat(ctx.args)));
    return shape;
  };
  return {
    className, source, signature, inputs: 'one',
    check: ({ args }) => {
      options(args, rank);
      if (separable) args.positiveInt('filters');
    },
    outputShape: (ctx) => {
      const shape = input(ctx);
      const o = options(ctx.args, rank);
      const axes = layoutAxes(dataFormat(ctx.args), rank + 2);
      const out: Dim[] = [...shape];
      axes.spatial.forEach((axis, i) => {
        out[axis] = convLength(className, shape[axis] ?? null, o.kernel[i]!, o.strides[i]!, o.dilation[i]!, o.padding, shape);
      });
      const c = shape[axes.channel] ?? null;
      out[axes.channel] = separable ? ctx.args.positiveInt('filters') : typeof c === 'number' ? c * o.multiplier : c;
      return out;
    },
    weights: (ctx): Weights => {
      const o = options(ctx.args, rank);
      const c = knownDim(className, input(ctx)[layoutAxes(dataFormat(ctx.args), rank + 2).channel], msg('channel axis'));
      const depthwise = o.kernel.reduce((a, b) => a * b, 1) * c * o.multiplier;
      if (!separable) {
        const bias = o.useBias ? c * o.multiplier : 0;
        return { trainable: depthwise + bias, nonTrainable: 0, expr: `${product([...o.kernel, c, o.multiplier])}${o.useBias ? ` + ${product([c, o.multiplier])}` : ''}` };
      }
      const filters = ctx.args.positiveInt('filters');
      const bias = o.useBias ? filters : 0;
      const expr = `${product([...o.kernel, c, o.multiplier])} + ${product([c * o.multiplier, filters])}${o.useBias ? ` + ${product([filters])}` : ''}`;
      return { trainable: depthwise + c * o.multiplier * filters + bias, nonTrainable: 0, expr };
    },
  };
}

const SEPARABLE_SIGNATURE = ['filters', 'kernel_size', 'strides', 'padding', 'data_format', 'dilation_rate', 'depth_multiplier', 'activation', 'use_bias',
  'depthwise_initializer', 'pointwise_initializer', 'bias_initializer', 'depthwise_regularizer', 'pointwise_regularizer', 'bias_regularizer',
  'activity_regularizer', 'depthwise_constraint', 'pointwise_constraint', 'bias_constraint'];
const DEPTHWISE_SIGNATURE = ['kernel_size', 'strides', 'padding', 'depth_multiplier', 'data_format', 'dilation_rate', 'activation', 'use_bias',
  'depthwise_initializer', 'bias_initializer', 'depthwise_regularizer', 'bias_regularizer', 'activity_regularizer', 'depthwise_constraint', 'bias_constraint'];

export const DEPTHWISE_RULES: readonly LayerRule[] = [
  rule('SeparableConv1D', 1, true, 'convolutional/separable_conv1d.py', SEPARABLE_SIGNATURE),
  rule('SeparableConv2D', 2, true, 'convolutional/separable_conv2d.py', SEPARABLE_SIGNATURE),
  rule('DepthwiseConv1D', 1, false, 'convolutional/depthwise_conv1d.py', DEPTHWISE_SIGNATURE),
  rule('DepthwiseConv2D', 2, false, 'convolutional/depthwise_conv2d.py', DEPTHWISE_SIGNATURE),
];
