/**
 * Rules for the attention layers under keras/src/layers/attention/. MultiHeadAttention (multi_head_attention.py
 * build): four EinsumDense projections — query (q, H, K), key (k, H, K), value (v, H, V) and output (H, V, out),
 * each with a bias over its output axes when use_bias, plus a gate (q, H, V) with use_gate — where q, k, v are
 * the last axes of query, key (default: value) and value, V defaults to K and out is output_shape or q; the
 * output is the query's shape with out as its last axes. GroupedQueryAttention (grouped_query_attention.py) is
 * the same with Hq query heads and Hkv key/value heads of size head_dim, and an output back to q. Attention has a
 * scalar `scale` with use_scale and one more with score_mode="concat"; AdditiveAttention a `scale` of the query's
 * last axis (use_scale defaults to True); both output the query's shape with the value's last axis.
 * return_attention_scores=True adds the scores as a second output.
 */
import type { Dim, Shape } from '../kerasModel';
import type { BoundArgs } from './boundArgs';
import { formatCount, product } from './formatting';
import { type LayerRule, type RuleContext, type Weights, NO_WEIGHTS, Unknowable, knownDim, problem, requireMinRank } from './layerRule';
import { msg } from '../message';

const PROJECTION_KWARGS = ['kernel_initializer', 'bias_initializer', 'kernel_regularizer', 'bias_regularizer', 'activity_regularizer', 'kernel_constraint', 'bias_constraint'];

/** The shape of a call argument holding one tensor (`value`, `key`), undefined when not given. */
function oneTensor(ctx: RuleContext, name: string): Shape | undefined {
  const shapes = ctx.call.tensors.get(name);
  if (shapes === undefined) return undefined;
  const shape = shapes.length === 1 ? shapes[0] : undefined;
  if (shape === undefined || shape === null) throw new Unknowable(msg('the {0} tensor\'s shape is not known', name));
  return shape;
}

/** return_attention_scores as written in the call (False by default). */
function returnsScores(ctx: RuleContext): boolean {
  const v = ctx.call.values.get('return_attention_scores');
  if (v === undefined || v.kind === 'none') return false;
  if (v.kind === 'bool') return v.value;
  throw new Unknowable(msg('return_attention_scores is only known when the code runs, and it decides how many tensors the layer returns'));
}

function query(ctx: RuleContext, className: string): Shape {
  const q = ctx.inputs.one();
  requireMinRank(className, q, 3, '(batch, ..., features)');
  return q;
}

function value(ctx: RuleContext, className: string): Shape {
  const v = oneTensor(ctx, 'value');
  if (v === undefined) throw problem('invalid-argument', msg('{0} needs a value tensor: call it as {0}(...)(query, value)', className));
  return v;
}

/** Kernel (inDim, heads, size) plus its bias (heads, size): one EinsumDense projection. */
function projection(inDim: number, heads: number, size: number, bias: boolean): { count: number; expr: string } {
  const count = inDim * heads * size + (bias ? heads * size : 0);
  return { count, expr: `${product([inDim, heads, size])}${bias ? ` + ${product([heads, size])}` : ''}` };
}

function outputAxes(args: BoundArgs): number[] | null {
  if (args.isNone('output_shape')) return null;
  const value = args.known('output_shape')!;
  return value.kind === 'tuple' ? args.intTuple('output_shape', value.items.length, 1) : [args.positiveInt('output_shape')];
}

/** Scores of a rank-3 attention: (batch, [heads,] Tq, Tv). */
function scores(q: Shape, v: Shape, heads: Dim | undefined): Shape {
  if (q.length !== 3) throw new Unknowable(msg('the attention scores of inputs of rank {0} depend on attention_axes, which HyperLab models for rank 3 only', q.length));
  return heads === undefined ? [q[0] ?? null, q[1] ?? null, v[1] ?? null] : [q[0] ?? null, heads, q[1] ?? null, v[1] ?? null];
}

const MULTI_HEAD_ATTENTION: LayerRule = {
  className: 'MultiHeadAttention', source: 'attention/multi_head_attention.py', inputs: 'one',
  signature: ['num_heads', 'key_dim', 'value_dim', 'dropout', 'use_bias', 'output_shape', 'attention_axes', 'sliding_window', 'flash_attention', ...PROJECTION_KWARGS, 'use_gate', 'seed'],
  check: ({ args }) => {
    args.positiveInt('num_heads');
    args.positiveInt('key_dim');
    if (!args.isNone('attention_axes')) throw new Unknowable(msg('attention_axes changes which axes attend to each other; HyperLab models the default (the axes between batch and features)'));
  },
  outputShape: (ctx) => {
    const q = query(ctx, 'MultiHeadAttention');
    value(ctx, 'MultiHeadAttention');
    const out = outputAxes(ctx.args);
    return out ? [...q.slice(0, -1), ...out] : q;
  },
  outputs: (ctx) => {
    if (!returnsScores(ctx)) return null;
    const q = query(ctx, 'MultiHeadAttention');
    const out = outputAxes(ctx.args);
    return [out ? [...q.slice(0, -1), ...out] : q, scores(q, value(ctx, 'MultiHeadAttention'), ctx.args.positiveInt('num_heads'))];
  },
  weights: (ctx): Weights => {
    const { args } = ctx;
    const h = args.positiveInt('num_heads');
    const k = args.positiveInt('key_dim');
    const v = args.isNone('value_dim') ? k : args.positiveInt('value_dim');
    const bias = args.bool('use_bias', true);
    const qDim = knownDim('MultiHeadAttention', query(ctx, 'MultiHeadAttention').at(-1), msg('query\'s last axis'));
    const valueShape = value(ctx, 'MultiHeadAttention');
    const keyShape = oneTensor(ctx, 'key') ?? valueShape;
    const vDim = knownDim('MultiHeadAttention', valueShape.at(-1), msg('value\'s last axis'));
    const kDim = knownDim('MultiHeadAttention', keyShape.at(-1), msg('key\'s last axis'));
    const out = outputAxes(args) ?? [qDim];
    const outSize = out.reduce((a, b) => a * b, 1);
    const parts = [projection(qDim, h, k, bias), projection(kDim, h, k, bias), projection(vDim, h, v, bias)];
    if (args.bool('use_gate', false)) parts.push(projection(qDim, h, v, bias));
    parts.push({ count: h * v * outSize + (bias ? outSize : 0), expr: `${product([h, v, ...out])}${bias ? ` + ${product(out)}` : ''}` });
    return { trainable: parts.reduce((a, p) => a + p.count, 0), nonTrainable: 0, expr: parts.map((p) => `(${p.expr})`).join(' + ') };
  },
};

/** Exported as keras.layers.GroupQueryAttention; the class (and its automatic name) is GroupedQueryAttention. */
const GROUPED_QUERY_ATTENTION: LayerRule = {
  className: 'GroupQueryAttention', source: 'attention/grouped_query_attention.py', inputs: 'one',
  signature: ['head_dim', 'num_query_heads', 'num_key_value_heads', 'dropout', 'use_bias', 'sliding_window', 'flash_attention', ...PROJECTION_KWARGS, 'use_gate', 'seed'],
  check: ({ args }) => {
    const hq = args.positiveInt('num_query_heads');
    const hkv = args.positiveInt('num_key_value_heads');
    args.positiveInt('head_dim');
    if (hq % hkv !== 0) throw problem('invalid-argument', msg('GroupedQueryAttention num_query_heads ({0}) must be a multiple of num_key_value_heads ({1})', hq, hkv));
  },
  outputShape: (ctx) => {
    const q = ctx.inputs.one();
    if (q.length !== 3) throw problem('impossible-shape', msg('{0} expects a 3-D input {1} but gets rank {2}', 'GroupedQueryAttention', '(batch, sequence, features)', q.length));
    value(ctx, 'GroupedQueryAttention');
    return q;
  },
  outputs: (ctx) => {
    if (!returnsScores(ctx)) return null;
    const q = ctx.inputs.one();
    const v = value(ctx, 'GroupedQueryAttention');
    return [q, [q[0] ?? null, ctx.args.positiveInt('num_query_heads'), q[1] ?? null, v[1] ?? null]];
  },
  weights: (ctx): Weights => {
    const { args } = ctx;
    const d = args.positiveInt('head_dim');
    const hq = args.positiveInt('num_query_heads');
    const hkv = args.positiveInt('num_key_value_heads');
    const bias = args.bool('use_bias', true);
    const qDim = knownDim('GroupedQueryAttention', ctx.inputs.one().at(-1), msg('query\'s last axis'));
    const valueShape = value(ctx, 'GroupedQueryAttention');
    const vDim = knownDim('GroupedQueryAttention', valueShape.at(-1), msg('value\'s last axis'));
    const kDim = knownDim('GroupedQueryAttention', (oneTensor(ctx, 'key') ?? valueShape).at(-1), msg('key\'s last axis'));
    const parts = [projection(qDim, hq, d, bias), projection(kDim, hkv, d, bias), projection(vDim, hkv, d, bias)];
    if (args.bool('use_gate', false)) parts.push(projection(qDim, hq, d, bias));
    parts.push({ count: hq * d * qDim + (bias ? qDim : 0), expr: `${product([hq, d, qDim])}${bias ? ` + ${formatCount(qDim)}` : ''}` });
    return { trainable: parts.reduce((a, p) => a + p.count, 0), nonTrainable: 0, expr: parts.map((p) => `(${p.expr})`).join(' + ') };
  },
};

/** Attention / AdditiveAttention: a list [query, value] or [query, value, key]. */
function queryValue(ctx: RuleContext, className: string): [Shape, Shape] {
  const shapes = ctx.inputs.all();
  if (shapes.length < 2 || shapes.length > 3) throw problem('invalid-argument', msg('{0} takes a list [query, value] or [query, value, key], e.g. {0}()([q, v])', className));
  return [shapes[0]!, shapes[1]!];
}

function dotAttentionRule(className: 'Attention' | 'AdditiveAttention', signature: readonly string[]): LayerRule {
  return {
    className, source: className === 'Attention' ? 'attention/attention.py' : 'attention/additive_attention.py', inputs: 'many', signature,
    outputShape: (ctx) => {
      const [q, v] = queryValue(ctx, className);
      return [...q.slice(0, -1), v.at(-1) ?? null];
    },
    outputs: (ctx) => {
      if (!returnsScores(ctx)) return null;
      const [q, v] = queryValue(ctx, className);
      return [[...q.slice(0, -1), v.at(-1) ?? null], scores(q, v, undefined)];
    },
    weights: (ctx): Weights => {
      const { args } = ctx;
      if (className === 'AdditiveAttention') {
        if (!args.bool('use_scale', true)) return NO_WEIGHTS;
        const dim = knownDim(className, queryValue(ctx, className)[0].at(-1), msg('query\'s last axis'));
        return { trainable: dim, nonTrainable: 0, expr: formatCount(dim) };
      }
      const mode = args.string('score_mode', 'dot');
      if (mode !== 'dot' && mode !== 'concat') throw problem('invalid-argument', msg('Attention score_mode must be "dot" or "concat", got "{0}"', mode));
      const count = (args.bool('use_scale', false) ? 1 : 0) + (mode === 'concat' ? 1 : 0);
      return count === 0 ? NO_WEIGHTS : { trainable: count, nonTrainable: 0, expr: String(count) };
    },
  };
}

export const ATTENTION_RULES: readonly LayerRule[] = [
  MULTI_HEAD_ATTENTION,
  GROUPED_QUERY_ATTENTION,
  dotAttentionRule('Attention', ['use_scale', 'score_mode', 'dropout', 'seed']),
  dotAttentionRule('AdditiveAttention', ['use_scale', 'dropout']),
];
