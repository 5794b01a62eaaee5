/**
 * Optuna's MedianPruner = PercentilePruner(50) (optuna/pruners/_median.py, _percentile.py), defaults
 * n_startup_trials 5, n_warmup_steps 0, interval_steps 1, n_min_trials 1: once n_startup_trials trials
 * have completed, at each step past the warmup that opens a new interval, prune when the trial's best
 * intermediate value so far is worse than the median (np.nanpercentile, linear) of the completed
 * trials' values at that step; a trial whose values are all NaN is pruned; fewer than n_min_trials
 * values at the step never prune.
 */
import { type FrozenTrial, StudyDirection, TrialState, lastStep, trialsIn } from '../frozenTrial';
import { nanPercentile } from '../numpy/numeric';
import type { PruneContext, Pruner } from './pruner';

export interface MedianOptions { readonly n_startup_trials: number; readonly n_warmup_steps: number; readonly interval_steps: number; readonly n_min_trials: number }
export const MEDIAN_DEFAULTS: MedianOptions = { n_startup_trials: 5, n_warmup_steps: 0, interval_steps: 1, n_min_trials: 1 };

/** _is_first_in_interval_step: no earlier reported step already lies at or after this interval's start. */
export function isFirstInIntervalStep(step: number, steps: Iterable<number>, warmup: number, interval: number): boolean {
  const nearestLower = Math.floor((step - warmup) / interval) * interval + warmup;
  let secondLast = -1;
  for (const s of steps) if (s > secondLast && s !== step) secondLast = s;
  return secondLast < nearestLower;
}

/** _get_best_intermediate_result_over_steps: nanmin (minimize) or nanmax; NaN when all are NaN. */
function bestIntermediate(t: FrozenTrial, direction: StudyDirection): number {
  const vals = [...t.intermediateValues.values()].filter((v) => !Number.isNaN(v));
  if (vals.length === 0) return Number.NaN;
  return direction === StudyDirection.MAXIMIZE ? Math.max(...vals) : Math.min(...vals);
}

export class PercentilePruner implements Pruner {
  readonly name: string = 'PercentilePruner';

  constructor(readonly percentile: number, readonly options: MedianOptions = MEDIAN_DEFAULTS) {}

  prune({ study, trial }: PruneContext): boolean {
    const completed = trialsIn(study, TrialState.COMPLETE);
    if (completed.length === 0 || completed.length < this.options.n_startup_trials) return false;
    const step = lastStep(trial);
    if (step === null || step < this.options.n_warmup_steps) return false;
    if (!isFirstInIntervalStep(step, trial.intermediateValues.keys(), this.options.n_warmup_steps, this.options.interval_steps)) return false;
    const best = bestIntermediate(trial, study.direction);
    if (Number.isNaN(best)) return true;
    const atStep = completed.filter((t) => t.intermediateValues.has(step)).map((t) => t.intermediateValues.get(step)!);
    if (atStep.length < this.options.n_min_trials) return false;
    const p = nanPercentile(atStep, study.direction === StudyDirection.MAXIMIZE ? 100 - this.percentile : this.percentile);
    if (Number.isNaN(p)) return false;
    return study.direction === StudyDirection.MAXIMIZE ? best < p : best > p;
  }
}

export class MedianPruner extends PercentilePruner {
  override readonly name = 'MedianPruner';

  constructor(options: MedianOptions = MEDIAN_DEFAULTS) {
    super(50, options);
  }
}
