/**
 * Optuna's TPESampler with its defaults (optuna/samplers/_tpe/sampler.py, 3.1; the same defaults in
 * 4.x): n_startup_trials 10 (RandomSampler with the same seed until then), n_ei_candidates 24,
 * gamma(n) = min(ceil(0.1·n), 25), default_weights, prior_weight 1.0, consider_magic_clip True,
 * consider_endpoints False, univariate (multivariate/group/constant_liar False). Per parameter: the
 * finished trials (complete, and pruned ranked by their last intermediate value, deeper steps first)
 * split into the best gamma(n) "below" and the rest "above"; 24 candidates drawn from the below
 * estimator; the one maximizing log l(x) − log g(x) wins. Seeded, it samples what Optuna samples.
 */
import type { ParamValue } from '../../applyParameters';
import { type Distribution, toExternal, toInternal } from '../../distributions';
import { type FrozenTrial, type StudyView, StudyDirection, TrialState, lastStep } from '../../frozenTrial';
import { RandomState } from '../../numpy/randomState';
import { RandomSampler } from '../randomSampler';
import type { Sampler } from '../sampler';
import { ParzenEstimator } from './parzenEstimator';

export const TPE_DEFAULTS = { n_startup_trials: 10, n_ei_candidates: 24 } as const;

/** default_gamma: min(ceil(0.1·n), 25). */
export const defaultGamma = (n: number): number => Math.min(Math.ceil(0.1 * n), 25);

/** A finished trial's rank key (_get_observation_pairs): (−step, signed value); complete trials use step −∞. */
interface Observation { readonly step: number; readonly score: number; readonly param: number }

/** The complete and pruned trials as (rank key, internal param value or NaN when the trial lacks it). */
export function observationPairs(study: StudyView, paramName: string): Observation[] {
  const sign = study.direction === StudyDirection.MINIMIZE ? 1 : -1;
  const out: Observation[] = [];
  for (const t of study.trials) {
    let step: number, score: number;
    if (t.state === TrialState.COMPLETE) {
      if (t.values === null) continue;
      step = -Infinity; score = sign * t.values[0]!;
    } else if (t.state === TrialState.PRUNED) {
      const last = lastStep(t);
      if (last === null) { step = 1; score = 0; }
      else {
        const v = t.intermediateValues.get(last)!;
        step = -last; score = Number.isNaN(v) ? Infinity : sign * v;
      }
    } else continue;
    const d = t.distributions[paramName];
    out.push({ step, score, param: d && paramName in t.params ? toInternal(d, t.params[paramName]!) : Number.NaN });
  }
  return out;
}

/** _split_observation_pairs: indices of the n_below best (stable lexicographic sort), and the rest, each ascending. */
export function splitObservations(obs: readonly Observation[], nBelow: number): [number[], number[]] {
  const order = obs.map((_, i) => i).sort((i, j) => obs[i]!.step - obs[j]!.step || obs[i]!.score - obs[j]!.score);
  const asc = (xs: number[]) => xs.sort((a, b) => a - b);
  return [asc(order.slice(0, nBelow)), asc(order.slice(nBelow))];
}

/**
 * np.argmax of the scores, where scores within 1e-12 of the best count as tied and the first wins.
 * Below and above estimators are often the same mixture in exact arithmetic (a categorical seen in
 * the same proportions), so Optuna's scores are exactly 0 and it takes the first candidate; summed in
 * another order (numpy's BLAS vs this loop) they differ in the last bit, and only a tolerance finds
 * the same tie.
 */
export function firstBest(scores: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) if (scores[i]! > max) max = scores[i]!;
  const tol = 1e-12 * Math.max(1, Math.abs(max));
  for (let i = 0; i < scores.length; i++) if (scores[i]! >= max - tol) return i;
  return 0;
}

export class TPESampler implements Sampler {
  readonly name = 'TPESampler';
  readonly learnsFromResults = true;
  private readonly rng: RandomState;
  private readonly randomSampler: RandomSampler;

  constructor(readonly seed: number, readonly nStartupTrials: number = TPE_DEFAULTS.n_startup_trials, readonly nEiCandidates: number = TPE_DEFAULTS.n_ei_candidates) {
    this.rng = new RandomState(seed);
    this.randomSampler = new RandomSampler(seed);
  }

  beforeTrial(): Readonly<Record<string, unknown>> {
    return {};
  }

  sampleIndependent(study: StudyView, trial: FrozenTrial, name: string, d: Distribution): ParamValue {
    const obs = observationPairs(study, name);
    const n = obs.length;
    if (n < this.nStartupTrials) return this.randomSampler.sampleIndependent(study, trial, name, d);
    const [below, above] = splitObservations(obs, defaultGamma(n));
    const values = (idx: number[]) => idx.map((i) => obs[i]!.param).filter((v) => !Number.isNaN(v));
    const l = new ParzenEstimator(values(below), d), g = new ParzenEstimator(values(above), d);
    const candidates = l.sample(this.rng, this.nEiCandidates);
    const logL = l.logPdf(candidates), logG = g.logPdf(candidates);
    return toExternal(d, candidates[firstBest(logL.map((l, i) => l - logG[i]!))]!);
  }
}
