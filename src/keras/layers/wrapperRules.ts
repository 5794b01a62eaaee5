/**
 * TimeDistributed (keras/src/layers/rnn/time_distributed.py): applies the wrapped layer to every timestep of
 * a (batch, timesteps, ...) input. The wrapped layer sees (batch, ...) — the input without its time axis —
 * and keeps its own parameters, once; the output is (batch, timesteps) followed by the wrapped layer's
 * output axes. The wrapped layer must be written inline (TimeDistributed(Dense(8))) and be one HyperLab models.
 */
import type { LayerCall } from '../kerasModel';
import { type LayerRule, type RuleContext, Unknowable, problem, requireMinRank } from './layerRule';
import { msg } from '../message';

type CallLike = Pick<LayerCall, 'className' | 'args' | 'kwargs'>;

function wrapped(ctx: RuleContext): CallLike {
  const value = ctx.args.required('layer');
  if (value.kind !== 'call') {
    throw new Unknowable(msg('{0} is not written inline (e.g. TimeDistributed(Dense(8))), so HyperLab cannot see its configuration', 'layer'));
  }
  return { className: value.callee, args: value.args, kwargs: value.kwargs };
}

/** The wrapped layer's outcome on one timestep; its errors are TimeDistributed's. */
function inner(ctx: RuleContext) {
  const input = ctx.inputs.one();
  requireMinRank('TimeDistributed', input, 3, '(batch, timesteps, ...)');
  const outcome = ctx.nested(wrapped(ctx), [input[0] ?? null, ...input.slice(2)]);
  const error = outcome.problems.find((p) => p.severity === 'error');
  if (error) throw problem(error.code, msg('TimeDistributed\'s wrapped layer: {0}', error.text));
  return { input, outcome };
}

const TIME_DISTRIBUTED: LayerRule = {
  className: 'TimeDistributed', source: 'rnn/time_distributed.py', inputs: 'one', signature: ['layer'],
  outputShape: (ctx) => {
    const { input, outcome } = inner(ctx);
    if (outcome.outputShape === null) throw new Unknowable(outcome.unknownReason ?? msg('the wrapped layer\'s output shape is not known'));
    if (outcome.outputShapes) throw new Unknowable(msg('TimeDistributed around a layer that returns several tensors: HyperLab shows one shape per layer'));
    return [outcome.outputShape[0] ?? null, input[1] ?? null, ...outcome.outputShape.slice(1)];
  },
  weights: (ctx) => {
    const { outcome } = inner(ctx);
    if (outcome.params === null) throw new Unknowable(outcome.unknownReason ?? msg('the wrapped layer\'s parameters are not known'));
    return { trainable: outcome.params.trainable, nonTrainable: outcome.params.nonTrainable, expr: outcome.formula?.replace(/ = [\d,]+$/, '') ?? null };
  },
};

export const WRAPPER_RULES: readonly LayerRule[] = [TIME_DISTRIBUTED];
