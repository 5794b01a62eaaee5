/**
 * Rules for the weightless reshaping layers under keras/src/layers/reshaping/: Flatten, Reshape (one -1
 * inferred, sizes must match: operation_utils.compute_reshape_output_shape), RepeatVector, UpSampling1D/2D/3D
 * and Permute. Each states the rank it needs the way its InputSpec does. Padding and cropping: paddingRules.ts.
 */
import type { Dim } from '../kerasModel';
import { pyRepr, type BoundArgs } from './boundArgs';
import { formatCount, formatShape } from './formatting';
import { type LayerRule, NO_WEIGHTS, Unknowable, combineDims, dataFormat, isSize, layoutAxes, problem, requireRank } from './layerRule';
import { msg } from '../message';

/** flatten.py: (batch, ∏ rest), None when any axis is None; a rank-1 input becomes (batch, 1). */
const FLATTEN: LayerRule = {
  className: 'Flatten', source: 'reshaping/flatten.py', inputs: 'one', signature: ['data_format'],
  outputShape: ({ inputs }) => {
    const input = inputs.one();
    const rest = input.slice(1);
    const size = combineDims(rest, (sizes) => sizes.reduce((a, d) => a * d, 1));
    return [input[0] ?? null, size];
  },
  weights: () => NO_WEIGHTS,
};

function targetShape(args: BoundArgs): (number | null)[] {
  const value = args.required('target_shape');
  if (value.kind !== 'tuple') throw problem('invalid-argument', msg('Reshape target_shape must be a tuple such as (28, 28, 1), got {0}', pyRepr(value)));
  const dims = value.items.map((item): number | null => {
    if (item.kind === 'unknown') throw new Unknowable(msg('target_shape: {0}', item.reason));
    if (item.kind === 'none') return null;
    if (item.kind === 'number' && Number.isInteger(item.value) && item.value >= -1) return item.value;
    throw problem('invalid-argument', msg('Reshape target_shape must hold non-negative integers or a single -1, got {0}', pyRepr(value)));
  });
  if (dims.filter((d) => d === -1).length > 1) throw problem('invalid-argument', msg('Reshape target_shape can hold only one -1, got {0}', pyRepr(value)));
  return dims;
}

/** reshape.py: the batch axis is kept; -1 is inferred from the input's size per sample. */
const RESHAPE: LayerRule = {
  className: 'Reshape', source: 'reshaping/reshape.py', inputs: 'one', signature: ['target_shape'],
  check: ({ args }) => void targetShape(args),
  outputShape: ({ args, inputs }) => {
    const input = inputs.one();
    const target = targetShape(args);
    const rest = input.slice(1);
    if (rest.some((d) => d === null) || target.some((d) => d === null)) return [input[0] ?? null, ...target.map((d) => (d === -1 ? null : d))];
    const unknown = rest.find((d) => !isSize(d));
    // A size HyperLab cannot read: the -1 axis is unknown too, and the sizes cannot be checked.
    if (unknown !== undefined) return [input[0] ?? null, ...target.map((d): Dim => (d === -1 ? unknown : d))];
    const size = (rest as number[]).reduce((a, d) => a * d, 1);
    const known = target.filter((d) => d !== -1).reduce<number>((a, d) => a * d!, 1);
    const text = `Reshape(${pyRepr({ kind: 'tuple', items: target.map((d) => ({ kind: 'number', value: d! })) })})`;
    if (!target.includes(-1)) {
      if (known !== size) throw problem('impossible-shape', msg('{0} needs {1} values per sample but its input {2} has {3}', text, formatCount(known), formatShape(input), formatCount(size)));
      return [input[0] ?? null, ...target];
    }
    if (known === 0 || size % known !== 0) {
      throw problem('impossible-shape', msg('{0} cannot split the {1} values per sample of {2} into blocks of {3}', text, formatCount(size), formatShape(input), formatCount(known)));
    }
    return [input[0] ?? null, ...target.map((d) => (d === -1 ? size / known : d))];
  },
  weights: () => NO_WEIGHTS,
};

/** repeat_vector.py: (batch, features) → (batch, n, features). */
const REPEAT_VECTOR: LayerRule = {
  className: 'RepeatVector', source: 'reshaping/repeat_vector.py', inputs: 'one', signature: ['n'],
  check: ({ args }) => void args.int('n'),
  outputShape: ({ args, inputs }) => {
    const input = inputs.one();
    requireRank('RepeatVector', input, 2, '(batch, features)');
    return [input[0] ?? null, args.int('n'), input[1] ?? null];
  },
  weights: () => NO_WEIGHTS,
};

function upSamplingRule(className: string, dims: number, signature: readonly string[]): LayerRule {
  return {
    className, source: `reshaping/up_sampling${dims}d.py`, inputs: 'one', signature,
    outputShape: ({ args, inputs }) => {
      const input = inputs.one();
      const format = dims === 1 ? 'channels_last' : dataFormat(args);
      requireRank(className, input, dims + 2, dims === 1 ? '(batch, steps, features)' : '(batch, height, width, channels)');
      // UpSampling1D takes one positive int; UpSampling2D an int or a pair (standardize_tuple).
      const size = dims === 1 ? [args.positiveInt('size', 2)] : args.intTuple('size', dims, 2);
      const out: Dim[] = [...input];
      layoutAxes(format, dims + 2).spatial.forEach((axis, i) => {
        out[axis] = combineDims([input[axis] ?? null], ([n]) => n! * size[i]!);
      });
      return out;
    },
    weights: () => NO_WEIGHTS,
  };
}

/** permute.py: the axes after the batch axis in the order `dims` gives (1-based). */
const PERMUTE: LayerRule = {
  className: 'Permute', source: 'reshaping/permute.py', inputs: 'one', signature: ['dims'],
  check: ({ args }) => void permutation(args),
  outputShape: ({ args, inputs }) => {
    const input = inputs.one();
    const dims = permutation(args);
    requireRank('Permute', input, dims.length + 1, `(batch, ${dims.length} axes)`);
    return [input[0] ?? null, ...dims.map((d) => input[d] ?? null)];
  },
  weights: () => NO_WEIGHTS,
};

function permutation(args: BoundArgs): number[] {
  const value = args.required('dims');
  if (value.kind !== 'tuple') throw problem('invalid-argument', msg('Permute dims must be a tuple such as (2, 1), got {0}', pyRepr(value)));
  const dims = args.intTuple('dims', value.items.length, 1);
  const sorted = [...dims].sort((a, b) => a - b);
  if (sorted.some((d, i) => d !== i + 1)) throw problem('invalid-argument', msg('Permute dims must be a permutation of 1..{0} (the batch axis stays first), got {1}', dims.length, pyRepr(value)));
  return dims;
}

export const RESHAPING_RULES: readonly LayerRule[] = [
  FLATTEN,
  RESHAPE,
  REPEAT_VECTOR,
  upSamplingRule('UpSampling1D', 1, ['size']),
  upSamplingRule('UpSampling2D', 2, ['size', 'data_format', 'interpolation']),
  upSamplingRule('UpSampling3D', 3, ['size', 'data_format']),
  PERMUTE,
];

