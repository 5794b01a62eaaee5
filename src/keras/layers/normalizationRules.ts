/**
 * Rules for BatchNormalization (keras/src/layers/normalization/batch_normalization.py: gamma and beta
 * trainable, moving_mean and moving_variance non-trainable, each of size C = input[axis]) and the
 * Normalization preprocessing layer (keras/src/layers/preprocessing/normalization.py: without mean=/variance=
 * it creates non-trainable mean and variance over the kept axes plus a scalar count, 2·F + 1 values; with
 * them it creates no weights), LayerNormalization (layer_normalization.py: gamma and beta over the
 * normalized axes), RMSNormalization (rms_normalization.py: a scale over them), GroupNormalization
 * (group_normalization.py: gamma and beta of the channel axis, which groups must divide) and UnitNormalization
 * (no weights). All leave the shape unchanged.
 */
import type { Shape } from '../kerasModel';
import type { BoundArgs } from './boundArgs';
import { formatCount, formatShape } from './formatting';
import { type LayerRule, Unknowable, knownDim, problem, requireNotNone } from './layerRule';
import { msg } from '../message';

/** The input axis BatchNormalization normalizes (int(axis) in Keras 3), checked against the rank. */
function batchNormAxis(args: BoundArgs, input: Shape): number {
  const value = args.known('axis');
  if (value?.kind === 'tuple') throw new Unknowable(msg('BatchNormalization over several axes (an axis list, tf.keras 2 only) is not modelled'));
  const axis = args.int('axis', -1);
  const index = axis < 0 ? input.length + axis : axis;
  if (index < 0 || index >= input.length) {
    throw problem('impossible-shape', msg('BatchNormalization axis={0} is outside the input {1}, which has {2} axes', axis, formatShape(input), input.length));
  }
  if (index === 0) throw problem('invalid-argument', msg('BatchNormalization axis=0 is the batch axis; normalize the features axis instead (the default axis=-1)'));
  return index;
}

const BATCH_NORMALIZATION: LayerRule = {
  className: 'BatchNormalization', source: 'normalization/batch_normalization.py', inputs: 'one',
  signature: ['axis', 'momentum', 'epsilon', 'center', 'scale', 'beta_initializer', 'gamma_initializer', 'moving_mean_initializer', 'moving_variance_initializer', 'beta_regularizer', 'gamma_regularizer', 'beta_constraint', 'gamma_constraint', 'synchronized'],
  extraKwargs: ['renorm', 'renorm_clipping', 'renorm_momentum', 'fused', 'virtual_batch_size', 'adjustment'],
  check: ({ args }) => {
    for (const name of ['renorm', 'renorm_clipping', 'renorm_momentum', 'fused', 'virtual_batch_size', 'adjustment']) {
      if (args.has(name)) args.warn('unknown-argument', msg('Keras 3\'s BatchNormalization has no {0} argument (tf.keras 2 only); Keras 3 raises on it', name));
    }
    if (args.has('renorm') && args.bool('renorm', false)) throw new Unknowable(msg('renorm=True (tf.keras 2) adds renormalization weights HyperLab does not model'));
  },
  outputShape: ({ args, inputs }) => {
    const input = inputs.one();
    const axis = batchNormAxis(args, input);
    requireNotNone('BatchNormalization', input[axis], msg('axis {0} (the normalized axis)', axis));
    return input;
  },
  weights: ({ args, inputs }) => {
    const input = inputs.one();
    const c = knownDim('BatchNormalization', input[batchNormAxis(args, input)], msg('normalized axis'));
    const learned = (args.bool('scale', true) ? 1 : 0) + (args.bool('center', true) ? 1 : 0);
    return { trainable: learned * c, nonTrainable: 2 * c, expr: `${learned + 2} × ${formatCount(c)}` };
  },
};

/** The kept axes of Normalization: axis=None keeps none, an int or a tuple keeps those. */
function keptAxes(args: BoundArgs, input: Shape): number[] {
  const value = args.known('axis');
  let axes: number[];
  if (value === undefined) axes = [-1];
  else if (value.kind === 'none') axes = [];
  else if (value.kind === 'tuple') {
    axes = value.items.map((item) => {
      if (item.kind === 'unknown') throw new Unknowable(msg('axis: {0}', item.reason));
      return item.kind === 'number' ? item.value : NaN;
    });
  } else axes = [args.int('axis')];
  const ndim = input.length;
  return axes.map((a) => {
    if (!Number.isInteger(a) || a < -ndim || a >= ndim) {
      throw problem('impossible-shape', msg('Normalization axis {0} is outside the input {1}, which has {2} axes', a, formatShape(input), ndim));
    }
    return a < 0 ? a + ndim : a;
  });
}

function hasGivenStatistics(args: BoundArgs): boolean {
  const mean = !args.isNone('mean');
  const variance = !args.isNone('variance');
  if (mean !== variance) throw problem('invalid-argument', msg('Normalization needs both mean= and variance=, or neither (then call adapt())'));
  return mean;
}

const NORMALIZATION: LayerRule = {
  className: 'Normalization', source: 'preprocessing/normalization.py', inputs: 'one',
  signature: ['axis', 'mean', 'variance', 'invert'],
  check: ({ args }) => void hasGivenStatistics(args),
  outputShape: ({ args, inputs }) => {
    const input = inputs.one();
    if (!hasGivenStatistics(args)) for (const axis of keptAxes(args, input)) requireNotNone('Normalization', input[axis], msg('axis {0} (a kept axis)', axis));
    return input;
  },
  weights: ({ args, inputs }) => {
    if (hasGivenStatistics(args)) return { trainable: 0, nonTrainable: 0, expr: null };
    const f = keptSize(args, inputs.one());
    return { trainable: 0, nonTrainable: 2 * f + 1, expr: `2 × ${formatCount(f)} + 1` };
  },
};

/** F: the number of values in mean (and in variance), the product of the kept axes, which must be known. */
function keptSize(args: BoundArgs, input: Shape): number {
  return keptAxes(args, input).reduce((size, axis) => size * knownDim('Normalization', input[axis], msg('axis {0} (a kept axis)', axis)), 1);
}

/** The axes `axis` names (an int or a list; negative ones from the end), checked against the rank. */
function normalizedAxes(args: BoundArgs, input: Shape, fallback: number): number[] {
  const value = args.known('axis');
  const axes = value?.kind === 'tuple' ? args.intTuple('axis', value.items.length, fallback, true) : [args.int('axis', fallback)];
  return axes.map((axis) => {
    const index = axis < 0 ? input.length + axis : axis;
    if (index < 0 || index >= input.length) throw problem('impossible-shape', msg('{0} axis={1} is outside the input {2}, which has {3} axes', args.className, axis, formatShape(input), input.length));
    return index;
  }).sort((a, b) => a - b);
}

/** gamma (scale) and beta (center) over the normalized axes: LayerNormalization; RMSNormalization has one scale. */
function axesRule(className: 'LayerNormalization' | 'RMSNormalization', signature: readonly string[]): LayerRule {
  return {
    className, source: className === 'LayerNormalization' ? 'normalization/layer_normalization.py' : 'normalization/rms_normalization.py', inputs: 'one', signature,
    extraKwargs: className === 'LayerNormalization' ? ['rms_scaling'] : [],
    outputShape: ({ args, inputs }) => {
      const input = inputs.one();
      normalizedAxes(args, input, -1);
      return input;
    },
    weights: ({ args, inputs }) => {
      const input = inputs.one();
      const dims = normalizedAxes(args, input, -1).map((axis) => knownDim(className, input[axis], msg('axis {0} (the normalized axis)', axis)));
      const size = dims.reduce((a, b) => a * b, 1);
      const rms = className === 'RMSNormalization' || args.bool('rms_scaling', false);
      const vectors = rms ? 1 : (args.bool('scale', true) ? 1 : 0) + (args.bool('center', true) ? 1 : 0);
      return { trainable: vectors * size, nonTrainable: 0, expr: vectors === 0 ? null : `${vectors} × ${dims.map(formatCount).join(' × ')}` };
    },
  };
}

const GROUP_NORMALIZATION: LayerRule = {
  className: 'GroupNormalization', source: 'normalization/group_normalization.py', inputs: 'one',
  signature: ['groups', 'axis', 'epsilon', 'center', 'scale', 'beta_initializer', 'gamma_initializer', 'beta_regularizer', 'gamma_regularizer', 'beta_constraint', 'gamma_constraint'],
  outputShape: ({ args, inputs }) => {
    const input = inputs.one();
    groupChannels(args, input);
    return input;
  },
  weights: ({ args, inputs }) => {
    const c = groupChannels(args, inputs.one());
    const vectors = (args.bool('scale', true) ? 1 : 0) + (args.bool('center', true) ? 1 : 0);
    return { trainable: vectors * c, nonTrainable: 0, expr: vectors === 0 ? null : `${vectors} × ${formatCount(c)}` };
  },
};

/** The channel count GroupNormalization normalizes (groups=-1 means one group per channel), checked as Keras does. */
function groupChannels(args: BoundArgs, input: Shape): number {
  const [axis] = normalizedAxes(args, input, -1);
  const c = knownDim('GroupNormalization', input[axis!], msg('axis {0} (the channel axis)', axis!));
  const groups = args.int('groups', 32);
  if (groups !== -1 && (groups <= 0 || c < groups || c % groups !== 0)) {
    throw problem('impossible-shape', msg('GroupNormalization groups ({0}) must divide the {1} channels of its input', groups, c));
  }
  return c;
}

const UNIT_NORMALIZATION: LayerRule = {
  className: 'UnitNormalization', source: 'normalization/unit_normalization.py', inputs: 'one', signature: ['axis'],
  outputShape: ({ args, inputs }) => {
    const input = inputs.one();
    normalizedAxes(args, input, -1);
    return input;
  },
  weights: () => ({ trainable: 0, nonTrainable: 0, expr: null }),
};

export const NORMALIZATION_RULES: readonly LayerRule[] = [
  BATCH_NORMALIZATION, NORMALIZATION, GROUP_NORMALIZATION, UNIT_NORMALIZATION,
  axesRule('LayerNormalization', ['axis', 'epsilon', 'center', 'scale', 'beta_initializer', 'gamma_initializer', 'beta_regularizer', 'gamma_regularizer', 'beta_constraint', 'gamma_constraint']),
  axesRule('RMSNormalization', ['axis', 'epsilon']),
];
