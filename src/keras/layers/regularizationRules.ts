/**
 * Rules for the regularization layers under keras/src/layers/regularization/ besides Dropout (coreRules.ts):
 * SpatialDropout1D/2D/3D (spatial_dropout.py: inputs of rank 3, 4 and 5), GaussianNoise, GaussianDropout,
 * AlphaDropout and ActivityRegularization. None has weights and each returns its input's shape; the rate
 * arguments are checked as Keras checks them (0 <= rate <= 1, stddev >= 0).
 */
import type { Shape } from '../kerasModel';
import type { BoundArgs } from './boundArgs';
import { type LayerRule, NO_WEIGHTS, Unknowable, problem, requireRank } from './layerRule';
import { msg } from '../message';

function checkRate(args: BoundArgs, name: string): void {
  let rate: number;
  try {
    rate = args.number(name);
  } catch (e) {
    if (e instanceof Unknowable) return;
    throw e;
  }
  if (rate < 0 || rate > 1) throw problem('invalid-argument', msg('{0} {1} must be between 0 and 1, got {2}', args.className, name, rate));
}

function passThrough(className: string, source: string, signature: readonly string[], check: (args: BoundArgs) => void, rank?: number, expects?: string): LayerRule {
  return {
    className, source, signature, inputs: 'one',
    check: ({ args }) => check(args),
    outputShape: ({ inputs }): Shape => {
      const input = inputs.one();
      if (rank !== undefined) requireRank(className, input, rank, expects ?? '');
      return input;
    },
    weights: () => NO_WEIGHTS,
  };
}

export const REGULARIZATION_RULES: readonly LayerRule[] = [
  passThrough('SpatialDropout1D', 'regularization/spatial_dropout.py', ['rate', 'seed', 'name', 'dtype'], (a) => checkRate(a, 'rate'), 3, '(batch, steps, channels)'),
  passThrough('SpatialDropout2D', 'regularization/spatial_dropout.py', ['rate', 'data_format', 'seed', 'name', 'dtype'], (a) => checkRate(a, 'rate'), 4, '(batch, height, width, channels)'),
  passThrough('SpatialDropout3D', 'regularization/spatial_dropout.py', ['rate', 'data_format', 'seed', 'name', 'dtype'], (a) => checkRate(a, 'rate'), 5, '(batch, depth, height, width, channels)'),
  passThrough('GaussianNoise', 'regularization/gaussian_noise.py', ['stddev', 'seed'], (a) => {
    let stddev: number | null = null;
    try { stddev = a.number('stddev'); } catch (e) { if (!(e instanceof Unknowable)) throw e; }
    if (stddev !== null && stddev < 0) throw problem('invalid-argument', msg('GaussianNoise stddev must be 0 or more, got {0}', stddev));
  }),
  passThrough('GaussianDropout', 'regularization/gaussian_dropout.py', ['rate', 'seed'], (a) => checkRate(a, 'rate')),
  passThrough('AlphaDropout', 'regularization/alpha_dropout.py', ['rate', 'noise_shape', 'seed'], (a) => checkRate(a, 'rate')),
  passThrough('ActivityRegularization', 'regularization/activity_regularization.py', ['l1', 'l2'], () => undefined),
];
