/**
 * Optuna's RandomSampler (optuna/samplers/_random.py): each parameter independently, uniform in its
 * transformed bounds (log scale for log distributions, a half step beyond each end for stepped and
 * integer ones, one uniform draw per choice for a categorical, whose largest draw wins), mapped back.
 * With numpy's RandomState and the same seed it draws what Optuna draws.
 */
import type { ParamValue } from '../applyParameters';
import type { Distribution } from '../distributions';
import type { FrozenTrial, StudyView } from '../frozenTrial';
import { RandomState } from '../numpy/randomState';
import type { Sampler } from './sampler';
import { SAMPLING, columnBounds, fromColumns } from './searchSpaceTransform';

export class RandomSampler implements Sampler {
  readonly name = 'RandomSampler';
  readonly learnsFromResults = false;
  private readonly rng: RandomState;

  constructor(readonly seed: number) {
    this.rng = new RandomState(seed);
  }

  beforeTrial(): Readonly<Record<string, unknown>> {
    return {};
  }

  sampleIndependent(_study: StudyView, _trial: FrozenTrial, _name: string, d: Distribution): ParamValue {
    const bounds = columnBounds(d, SAMPLING);
    const draws = this.rng.uniform(bounds.map((b) => b[0]), bounds.map((b) => b[1]));
    return fromColumns(d, draws, SAMPLING);
  }
}
