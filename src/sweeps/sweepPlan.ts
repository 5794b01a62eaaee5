/**
 * What a sweep will cost before it starts: how many trials it runs (a grid's size, capped by
 * max_trials) and how many epochs — at most (every trial to the end) and, under ASHA or Hyperband,
 * the expected number when each rung keeps 1/reduction_factor of the trials (Li et al. 2018; a rung
 * of Optuna's SuccessiveHalvingPruner sits at step min_resource · η^(min_early_stopping_rate + k)).
 * The CLI prints it and the sidebar shows it so the user can cap max_trials first.
 */
import type { AshaSettings, HyperbandSettings } from './earlyTerminate';
import type { SweepDefinition } from './sweepDefinition';

export interface SweepPlan {
  readonly trials: number;
  /** The most epochs one trial trains (fit.epochs, or the largest swept epochs). */
  readonly epochsPerTrial: number;
  /** Every trial run to its last epoch. */
  readonly maxEpochs: number;
  /** The expected total under ASHA/Hyperband; equal to maxEpochs without them (median pruning cannot be predicted). */
  readonly expectedEpochs: number;
  /** Hyperband: its number of brackets; null otherwise. */
  readonly brackets: number | null;
}

function epochsPerTrial(def: SweepDefinition): number {
  const swept = def.parameters.find((p) => p.path.path === 'fit.epochs');
  if (swept) {
    const d = swept.distribution;
    return d.kind === 'categorical' ? Math.max(...d.choices.map((c) => (typeof c === 'number' ? c : 0))) : d.high;
  }
  const fit = def.experiment.fit as { epochs?: unknown } | undefined;
  return typeof fit?.epochs === 'number' ? fit.epochs : 1;
}

/** Expected epochs of one trial under successive halving with rungs at r·η^(s+k) (0-based steps), capped at R epochs. */
export function expectedHalvingEpochs(r: number, eta: number, s: number, R: number): number {
  let expected = 0, reach = 1;
  for (let k = 0; ; k++) {
    const step = r * eta ** (s + k);
    if (step >= R - 1) break; // the last epoch is step R − 1: a rung there ends the trial anyway
    expected += reach * (1 - 1 / eta) * (step + 1);
    reach /= eta;
  }
  return expected + reach * R;
}

/** HyperbandPruner's bracket count and each bracket's share (_calculate_trial_allocation_budget). */
export function hyperbandBrackets(minResource: number, maxResource: number, eta: number): number[] {
  const n = Math.floor(Math.log(maxResource / minResource) / Math.log(eta)) + 1;
  return Array.from({ length: n }, (_, id) => {
    const s = n - 1 - id;
    return Math.ceil((n * eta ** s) / (s + 1));
  });
}

function asha(s: AshaSettings, R: number): number {
  const r = s.min_resource === 'auto' ? Math.max(Math.floor((R - 1) / 100), 1) : s.min_resource;
  return expectedHalvingEpochs(r, s.reduction_factor, s.min_early_stopping_rate, R);
}

function hyperband(s: HyperbandSettings, R: number): { perTrial: number; brackets: number } {
  const max = s.max_resource === 'auto' ? R : s.max_resource;
  const budgets = hyperbandBrackets(s.min_resource, max, s.reduction_factor);
  const total = budgets.reduce((a, b) => a + b, 0);
  const perTrial = budgets.reduce((sum, b, id) => sum + (b / total) * expectedHalvingEpochs(s.min_resource, s.reduction_factor, id, R), 0);
  return { perTrial, brackets: budgets.length };
}

export function planSweep(def: SweepDefinition, trials = def.maxTrials): SweepPlan {
  const R = epochsPerTrial(def);
  const maxEpochs = trials * R;
  const et = def.earlyTerminate;
  if (et?.type === 'asha') return { trials, epochsPerTrial: R, maxEpochs, expectedEpochs: Math.round(trials * asha(et, R)), brackets: null };
  if (et?.type === 'hyperband') {
    const h = hyperband(et, R);
    return { trials, epochsPerTrial: R, maxEpochs, expectedEpochs: Math.round(trials * h.perTrial), brackets: h.brackets };
  }
  return { trials, epochsPerTrial: R, maxEpochs, expectedEpochs: maxEpochs, brackets: null };
}
