/**
 * Rules for the merge layers under keras/src/layers/merging/: Concatenate (concatenate.py: equal ranks, equal
 * sizes except on `axis`, which adds up) and the element-wise Add, Subtract, Multiply, Average, Maximum,
 * Minimum (base_merge.py: Keras' broadcasting of the non-batch axes, aligned from the right, where 1
 * stretches and None stays None), and Dot (dot.py: the two axes named by `axes` are contracted, sizes must
 * match). All take a list of inputs and have no weights.
 */
import type { Dim, Shape } from '../kerasModel';
import { pyRepr } from './boundArgs';
import { formatShape } from './formatting';
import { type LayerRule, type RuleContext, NO_WEIGHTS, combineDims, isSize, problem } from './layerRule';
import { msg } from '../message';

function mergedBatch(className: string, shapes: readonly Shape[]): Dim {
  const sizes = new Set(shapes.map((s) => s[0]).filter(isSize));
  if (sizes.size > 1) throw problem('impossible-shape', msg('{0} cannot merge tensors with different batch sizes: {1}', className, shapes.map(formatShape).join(' and ')));
  return sizes.size === 1 ? [...sizes][0]! : shapes.map((s) => s[0]).find((d) => d !== null && d !== undefined) ?? null;
}

/** base_merge.py _compute_elemwise_op_output_shape on the non-batch axes. */
function broadcast(className: string, a: readonly Dim[], b: readonly Dim[], shapes: readonly Shape[]): Dim[] {
  if (a.length < b.length) return broadcast(className, b, a, shapes);
  const out: Dim[] = a.slice(0, a.length - b.length);
  b.forEach((y, i) => {
    const x = a[a.length - b.length + i] ?? null;
    if (x === null || y === null) out.push(null);
    // A size HyperLab cannot read: the other one wins unless it is 1 (in a model that builds, they match or one is 1).
    else if (!isSize(x) || !isSize(y)) out.push(isSize(x) && x !== 1 ? x : isSize(y) && y !== 1 ? y : isSize(x) ? y : x);
    else if (x === 1) out.push(y);
    else if (y === 1 || x === y) out.push(x);
    else throw problem('impossible-shape', msg('{0} needs inputs of the same shape, but gets {1}', className, shapes.map(formatShape).join(' and ')));
  });
  return out;
}

function elementwiseShape(className: string, { args, inputs }: RuleContext): Shape {
  const shapes = inputs.all();
  if (className === 'Subtract' && shapes.length !== 2) throw problem('invalid-argument', msg('Subtract takes exactly 2 inputs, but gets {0}', shapes.length));
  if (shapes.length === 0) throw problem('invalid-argument', msg('{0} merges a list of tensors, e.g. {0}()([a, b])', className));
  if (shapes.length === 1) args.warn('invalid-argument', msg('{0} merges a list of tensors, e.g. {0}()([a, b]), but gets a single input', className));
  const rest = shapes.slice(1).reduce<Dim[]>((acc, s) => broadcast(className, acc, s.slice(1), shapes), shapes[0]!.slice(1));
  return [mergedBatch(className, shapes), ...rest];
}

function elementwiseRule(className: string, file: string): LayerRule {
  return {
    className, source: `merging/${file}.py`, inputs: 'many', signature: [],
    outputShape: (ctx) => elementwiseShape(className, ctx),
    weights: () => NO_WEIGHTS,
  };
}

const CONCATENATE: LayerRule = {
  className: 'Concatenate', source: 'merging/concatenate.py', inputs: 'many', signature: ['axis'],
  outputShape: ({ args, inputs }) => {
    const shapes = inputs.all();
    if (shapes.length === 0) throw problem('invalid-argument', msg('Concatenate needs a list of inputs, e.g. Concatenate()([a, b])'));
    const rank = shapes[0]!.length;
    const listed = shapes.map(formatShape).join(' and ');
    if (shapes.some((s) => s.length !== rank)) throw problem('impossible-shape', msg('Concatenate needs inputs of the same rank, but gets {0}', listed));
    const axis = args.int('axis', -1);
    const index = axis < 0 ? rank + axis : axis;
    if (index < 0 || index >= rank) throw problem('impossible-shape', msg('Concatenate axis={0} is outside inputs of rank {1} ({2})', axis, rank, listed));
    for (let j = 1; j < rank; j++) {
      if (j === index) continue;
      const sizes = new Set(shapes.map((s) => s[j]).filter(isSize));
      if (sizes.size > 1) {
        throw problem('impossible-shape', msg('Concatenate(axis={0}) needs the inputs to match on every other axis, but gets {1}', axis, listed));
      }
    }
    const out: Dim[] = [...shapes[0]!];
    const parts = shapes.map((s) => s[index] ?? null);
    out[index] = combineDims(parts, (sizes) => sizes.reduce((a, d) => a + d, 0));
    return out;
  },
  weights: () => NO_WEIGHTS,
};

/** dot.py compute_output_shape: both inputs lose their contracted axis, the second its batch axis too; rank 1 gets a 1. */
const DOT: LayerRule = {
  className: 'Dot', source: 'merging/dot.py', inputs: 'many', signature: ['axes', 'normalize'],
  check: ({ args }) => void args.required('axes'),
  outputShape: ({ args, inputs }) => {
    const shapes = inputs.all();
    if (shapes.length !== 2) throw problem('invalid-argument', msg('Dot takes a list of exactly 2 inputs, e.g. Dot(axes=1)([a, b]), but gets {0}', shapes.length));
    const [a, b] = [shapes[0]!, shapes[1]!];
    const value = args.known('axes')!;
    const given = value.kind === 'tuple' ? args.intTuple('axes', 2, 1, true) : [args.int('axes'), args.int('axes')];
    const axes = given.map((axis, i) => {
      const rank = [a, b][i]!.length;
      const index = axis < 0 ? rank + axis : axis;
      if (index < 0 || index >= rank) throw problem('impossible-shape', msg('Dot axes={0} is outside an input of rank {1}', pyRepr(value), rank));
      return index;
    });
    const [x, y] = [a[axes[0]!], b[axes[1]!]];
    if (isSize(x) && isSize(y) && x !== y) {
      throw problem('impossible-shape', msg('Dot needs the contracted axes to have the same size, but gets {0} and {1} ({2} and {3})', x, y, formatShape(a), formatShape(b)));
    }
    const out: Dim[] = [...a.filter((_, i) => i !== axes[0]), ...b.filter((_, i) => i !== axes[1]).slice(1)];
    return out.length === 1 ? [...out, 1] : out;
  },
  weights: () => NO_WEIGHTS,
};

export const MERGING_RULES: readonly LayerRule[] = [
  DOT,
  CONCATENATE,
  elementwiseRule('Add', 'add'),
  elementwiseRule('Subtract', 'subtract'),
  elementwiseRule('Multiply', 'multiply'),
  elementwiseRule('Average', 'average'),
  elementwiseRule('Maximum', 'maximum'),
  elementwiseRule('Minimum', 'minimum'),
];
