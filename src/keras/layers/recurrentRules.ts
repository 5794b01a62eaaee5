/**
 * Rules for SimpleRNN, LSTM and GRU (keras/src/layers/rnn/simple_rnn.py, lstm.py, gru.py, output shapes from
 * rnn.py RNN.compute_output_shape) and the Bidirectional wrapper (rnn/bidirectional.py). Weights per cell:
 * kernel (d, g·u), recurrent kernel (u, g·u), bias (g·u,) with g = 1, 4, 3 gates; GRU's default
 * reset_after=True keeps separate input and recurrent biases, shape (2, 3u). return_state=True gives several
 * output tensors: the output, then the final states (h, and c for an LSTM).
 */
import type { LayerCall, PyValue, Shape } from '../kerasModel';
import type { BoundArgs } from './boundArgs';
import { formatCount } from './formatting';
import { type LayerRule, type RuleContext, type Weights, Unknowable, combineDims, knownDim, problem, requireRank } from './layerRule';
import { msg } from '../message';

const RNN_TAIL = ['dropout', 'recurrent_dropout'];
const RNN_FLAGS = ['return_sequences', 'return_state', 'go_backwards', 'stateful', 'unroll'];
const REGULARIZERS = ['kernel_regularizer', 'recurrent_regularizer', 'bias_regularizer', 'activity_regularizer', 'kernel_constraint', 'recurrent_constraint', 'bias_constraint'];

interface CellMaths {
  /** Number of gate blocks g in the kernels. */
  readonly gates: (args: BoundArgs) => number;
  /** Bias length, and its formula, given the units. */
  readonly bias: (args: BoundArgs, u: number) => { size: number; expr: string };
  /** States returned with return_state=True: 2 for an LSTM (h and c), 1 otherwise. */
  readonly states: number;
}

function sequenceInput(className: string, input: Shape): Shape {
  requireRank(className, input, 3, '(batch, timesteps, features)', input.length === 2 ? msg('add Reshape((timesteps, features)) before it, e.g. Reshape((28, 28)) for 784 pixels read row by row') : null);
  return input;
}

function recurrentRule(className: string, source: string, signature: readonly string[], maths: CellMaths): LayerRule {
  const recurrent: LayerRule = {
    className, source, signature, inputs: 'one',
    extraKwargs: ['implementation', 'zero_output_for_mask', 'time_major'],
    check: ({ args }) => {
      args.positiveInt('units');
      if (args.has('time_major')) args.warn('unknown-argument', msg('{0} has no time_major argument in Keras 3 (it was removed); inputs are (batch, timesteps, features)', className));
    },
    outputShape: ({ args, inputs }) => {
      const input = sequenceInput(className, inputs.one());
      const units = args.size('units');
      return args.bool('return_sequences', false) ? [input[0] ?? null, input[1] ?? null, units] : [input[0] ?? null, units];
    },
    // return_state=True: the output, then the final states, each (batch, units): h (and c for an LSTM). rnn.py compute_output_shape.
    outputs: (ctx) => {
      if (!ctx.args.bool('return_state', false)) return null;
      const out = recurrent.outputShape(ctx);
      const state = [out[0] ?? null, ctx.args.size('units')];
      return [out, ...Array.from({ length: maths.states }, () => state)];
    },
    weights: ({ args, inputs }) => {
      const u = args.positiveInt('units');
      const d = knownDim(className, sequenceInput(className, inputs.one())[2], msg('features axis (last axis)'));
      const g = maths.gates(args);
      const useBias = args.bool('use_bias', true);
      const bias = useBias ? maths.bias(args, u) : { size: 0, expr: '' };
      const inner = `${formatCount(d)} × ${formatCount(u)} + ${formatCount(u)} × ${formatCount(u)}${useBias ? ` + ${bias.expr}` : ''}`;
      const total = g * (d * u + u * u) + bias.size;
      return { trainable: total, nonTrainable: 0, expr: g === 1 ? inner : `${g} × (${inner})` };
    },
  };
  return recurrent;
}

const SIMPLE_RNN = recurrentRule('SimpleRNN', 'rnn/simple_rnn.py', [
  'units', 'activation', 'use_bias', 'kernel_initializer', 'recurrent_initializer', 'bias_initializer', ...REGULARIZERS, ...RNN_TAIL, ...RNN_FLAGS, 'seed',
], { gates: () => 1, states: 1, bias: (_args, u) => ({ size: u, expr: formatCount(u) }) });

const LSTM = recurrentRule('LSTM', 'rnn/lstm.py', [
  'units', 'activation', 'recurrent_activation', 'use_bias', 'kernel_initializer', 'recurrent_initializer', 'bias_initializer', 'unit_forget_bias', ...REGULARIZERS, ...RNN_TAIL, 'seed', ...RNN_FLAGS, 'use_cudnn',
], { gates: () => 4, states: 2, bias: (_args, u) => ({ size: 4 * u, expr: formatCount(u) }) });

// GRU bias: (2, 3u) with reset_after=True (default since TF 2 / Keras 3), (3u,) otherwise.
const GRU = recurrentRule('GRU', 'rnn/gru.py', [
  'units', 'activation', 'recurrent_activation', 'use_bias', 'kernel_initializer', 'recurrent_initializer', 'bias_initializer', ...REGULARIZERS, ...RNN_TAIL, 'seed', ...RNN_FLAGS, 'reset_after', 'use_cudnn',
], {
  gates: () => 3,
  states: 1,
  bias: (args, u) => (args.bool('reset_after', true) ? { size: 6 * u, expr: `2 × ${formatCount(u)}` } : { size: 3 * u, expr: formatCount(u) }),
});

const MERGE_MODES = ['concat', 'sum', 'mul', 'ave'];
const WRAPPABLE = ['SimpleRNN', 'LSTM', 'GRU'];

type CallLike = Pick<LayerCall, 'className' | 'args' | 'kwargs'>;

/** Bidirectional(LSTM(64)): the wrapped call must be written inline and be one of the recurrent layers. */
function inlineCall(args: BoundArgs, name: 'layer' | 'backward_layer'): CallLike {
  const value = name === 'layer' ? args.required(name) : args.known(name);
  if (value === undefined || value.kind !== 'call') {
    throw new Unknowable(msg('{0} is not written inline (e.g. Bidirectional(LSTM(64))), so HyperLab cannot see its configuration', name));
  }
  const className = value.callee;
  if (!WRAPPABLE.includes(className)) {
    throw new Unknowable(msg('HyperLab models Bidirectional around {0}; {1} is not one of them', WRAPPABLE.join(', '), value.callee));
  }
  return { className, args: value.args, kwargs: value.kwargs };
}

function mergeMode(args: BoundArgs): string | null {
  const mode = args.has('merge_mode') ? args.optionalString('merge_mode') : 'concat';
  if (mode !== null && !MERGE_MODES.includes(mode)) {
    throw problem('invalid-argument', msg('Bidirectional merge_mode must be "concat", "sum", "mul", "ave" or None, got "{0}"', mode));
  }
  return mode;
}

/** The wrapped layer's outcome; the backward copy has the same configuration unless backward_layer is given. */
function innerOutcome({ args, inputs, nested }: RuleContext, which: 'layer' | 'backward_layer') {
  const input = inputs.one();
  const call = inlineCall(args, which);
  const outcome = nested(call, input);
  const error = outcome.problems.find((p) => p.severity === 'error');
  if (error) throw problem(error.code, msg('Bidirectional\'s wrapped layer: {0}', error.text));
  return outcome;
}

const BIDIRECTIONAL: LayerRule = {
  className: 'Bidirectional', source: 'rnn/bidirectional.py', inputs: 'one',
  signature: ['layer', 'merge_mode', 'weights', 'backward_layer'],
  check: ({ args }) => void mergeMode(args),
  outputShape: (ctx) => {
    const mode = mergeMode(ctx.args);
    const forward = innerOutcome(ctx, 'layer');
    if (forward.outputShape === null) throw new Unknowable(forward.unknownReason ?? msg('the wrapped layer\'s output shape is not known'));
    if (forward.outputShapes) throw new Unknowable(msg('Bidirectional with return_state=True returns several tensors (the output and both directions\' states); HyperLab shows one shape per layer'));
    if (mode === null) throw new Unknowable(msg('Bidirectional with merge_mode=None returns two tensors (forward and backward); HyperLab shows one shape per layer'));
    if (mode !== 'concat') return forward.outputShape;
    const last = forward.outputShape.at(-1) ?? null;
    return [...forward.outputShape.slice(0, -1), combineDims([last], ([n]) => 2 * n!)];
  },
  weights: (ctx): Weights => {
    const forward = innerOutcome(ctx, 'layer');
    const backward = ctx.args.isNone('backward_layer') ? forward : innerOutcome(ctx, 'backward_layer');
    if (forward.params === null || backward.params === null) {
      throw new Unknowable((forward.params === null ? forward.unknownReason : backward.unknownReason) ?? msg('the wrapped layer\'s parameters are not known'));
    }
    const trainable = forward.params.trainable + backward.params.trainable;
    const nonTrainable = forward.params.nonTrainable + backward.params.nonTrainable;
    const innerExpr = (forward.formula ?? formatCount(forward.params.trainable + forward.params.nonTrainable)).replace(/ = [\d,]+$/, '');
    const expr = backward === forward ? `2 × (${innerExpr})` : `${formatCount(forward.params.trainable + forward.params.nonTrainable)} + ${formatCount(backward.params.trainable + backward.params.nonTrainable)}`;
    return { trainable, nonTrainable, expr };
  },
};

/** The layer a built-in cell makes when wrapped in RNN (RNN(LSTMCell(8)) is LSTM(8): rnn/rnn.py with lstm.py's cell). */
const CELL_LAYERS: Readonly<Record<string, string>> = { SimpleRNNCell: 'SimpleRNN', LSTMCell: 'LSTM', GRUCell: 'GRU' };

/** RNN(cell): the layer its cell stands for, with the RNN's own flags (return_sequences, return_state, ...). */
function cellLayer({ args }: RuleContext): CallLike {
  const cell = args.required('cell');
  const layer = cell.kind === 'call' ? CELL_LAYERS[cell.callee] : undefined;
  if (cell.kind !== 'call' || layer === undefined) {
    throw new Unknowable(msg('HyperLab models RNN around an inline SimpleRNNCell, LSTMCell or GRUCell (e.g. RNN(LSTMCell(64))); this cell is not one of them'));
  }
  // The cells share the layers' first four parameters (units, activation, recurrent_activation / use_bias, ...).
  if (cell.args.length > 1) throw new Unknowable(msg('the cell\'s arguments after units are positional; write them by keyword so HyperLab can read them'));
  const flags: Record<string, PyValue> = {};
  for (const name of ['return_sequences', 'return_state', 'go_backwards', 'stateful', 'unroll']) {
    const v = args.raw(name);
    if (v !== undefined) flags[name] = v;
  }
  return { className: layer, args: cell.args, kwargs: { ...cell.kwargs, ...flags } };
}

const RNN: LayerRule = {
  className: 'RNN', source: 'rnn/rnn.py', inputs: 'one',
  signature: ['cell', 'return_sequences', 'return_state', 'go_backwards', 'stateful', 'unroll', 'zero_output_for_mask'],
  outputShape: (ctx) => {
    const out = ctx.nested(cellLayer(ctx), ctx.inputs.one());
    if (out.outputShape === null) throw new Unknowable(out.unknownReason ?? msg('the cell\'s output shape is not known'));
    return out.outputShape;
  },
  outputs: (ctx) => {
    const out = ctx.nested(cellLayer(ctx), ctx.inputs.one());
    return out.outputShapes ? out.outputShapes.map((s) => {
      if (s === null) throw new Unknowable(out.unknownReason ?? msg('the cell\'s output shape is not known'));
      return s;
    }) : null;
  },
  weights: (ctx): Weights => {
    const out = ctx.nested(cellLayer(ctx), ctx.inputs.one());
    const error = out.problems.find((p) => p.severity === 'error');
    if (error) throw problem(error.code, msg('RNN\'s cell: {0}', error.text));
    if (out.params === null) throw new Unknowable(out.unknownReason ?? msg('the cell\'s parameters are not known'));
    return { trainable: out.params.trainable, nonTrainable: out.params.nonTrainable, expr: out.formula?.replace(/ = [\d,]+$/, '') ?? null };
  },
};

export const RECURRENT_RULES: readonly LayerRule[] = [SIMPLE_RNN, LSTM, GRU, BIDIRECTIONAL, RNN];
