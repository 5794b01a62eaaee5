/**
 * ConvLSTM1D/2D/3D (keras/src/layers/rnn/conv_lstm.py and conv_lstm1d/2d/3d.py): an LSTM whose gates are
 * convolutions. The input is (batch, timesteps, *spatial, channels); each step convolves it like a
 * Conv{n}D with `filters`, so the output's spatial axes follow the convolution's lengths (convLength), and
 * the output is (batch, *spatial', filters), or every step's with return_sequences=True. Weights: a kernel
 * kernel_size + (channels, 4·filters), a recurrent kernel kernel_size + (filters, 4·filters) and a 4·filters
 * bias. return_state=True adds the final h and c, each shaped like one step's output.
 */
import type { Dim, Shape } from '../kerasModel';
import { convLength } from './convolutionRules';
import { product } from './formatting';
import { type LayerRule, type RuleContext, type Weights, dataFormat, knownDim, layoutAxes, problem, requireRank } from './layerRule';
import { msg } from '../message';

const SIGNATURE = ['filters', 'kernel_size', 'strides', 'padding', 'data_format', 'dilation_rate', 'activation', 'recurrent_activation', 'use_bias',
  'kernel_initializer', 'recurrent_initializer', 'bias_initializer', 'unit_forget_bias', 'kernel_regularizer', 'recurrent_regularizer', 'bias_regularizer',
  'activity_regularizer', 'kernel_constraint', 'recurrent_constraint', 'bias_constraint', 'dropout', 'recurrent_dropout', 'seed', 'return_sequences',
  'return_state', 'go_backwards', 'stateful'];

function rule(className: string, rank: number): LayerRule {
  /** One step's output (batch, *spatial', filters) and the input's time axis. */
  const step = ({ args, inputs }: RuleContext): { out: Shape; time: Dim } => {
    const input = inputs.one();
    const format = dataFormat(args);
    requireRank(className, input, rank + 3, `(batch, timesteps, ${rank === 1 ? 'steps' : rank === 2 ? 'height, width' : 'depth, height, width'}, channels)`);
    const padding = args.string('padding', 'valid').toLowerCase();
    if (padding !== 'valid' && padding !== 'same') throw problem('invalid-argument', msg('{0} padding must be "valid" or "same", got "{1}"', className, padding));
    args.required('kernel_size');
    const kernel = args.intTuple('kernel_size', rank, 1), strides = args.intTuple('strides', rank, 1), dilation = args.intTuple('dilation_rate', rank, 1);
    const frame: Shape = [input[0] ?? null, ...input.slice(2)];
    const axes = layoutAxes(format, rank + 2);
    const out: Dim[] = [...frame];
    axes.spatial.forEach((axis, i) => {
      out[axis] = convLength(className, frame[axis] ?? null, kernel[i]!, strides[i]!, dilation[i]!, padding, input);
    });
    out[axes.channel] = args.positiveInt('filters');
    return { out, time: input[1] ?? null };
  };
  const output = (ctx: RuleContext): Shape => {
    const { out, time } = step(ctx);
    return ctx.args.bool('return_sequences', false) ? [out[0] ?? null, time, ...out.slice(1)] : out;
  };
  return {
    className, source: `rnn/conv_lstm${rank}d.py`, signature: SIGNATURE, inputs: 'one',
    check: ({ args }) => void args.positiveInt('filters'),
    outputShape: output,
    outputs: (ctx) => (ctx.args.bool('return_state', false) ? [output(ctx), step(ctx).out, step(ctx).out] : null),
    weights: (ctx): Weights => {
      const { args, inputs } = ctx;
      const input = inputs.one();
      step(ctx);
      const f = args.positiveInt('filters');
      const kernel = args.intTuple('kernel_size', rank, 1);
      const channelAxis = dataFormat(args) === 'channels_last' ? input.length - 1 : 2;
      const c = knownDim(className, input[channelAxis], msg('channel axis'));
      const k = kernel.reduce((a, b) => a * b, 1);
      const bias = args.bool('use_bias', true) ? 4 * f : 0;
      const expr = `${product([...kernel, c, 4 * f])} + ${product([...kernel, f, 4 * f])}${bias ? ` + ${product([4 * f])}` : ''}`;
      return { trainable: k * c * 4 * f + k * f * 4 * f + bias, nonTrainable: 0, expr };
    },
  };
}

export const CONV_LSTM_RULES: readonly LayerRule[] = [rule('ConvLSTM1D', 1), rule('ConvLSTM2D', 2), rule('ConvLSTM3D', 3)];
