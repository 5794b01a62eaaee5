/**
 * Optuna's SuccessiveHalvingPruner, asynchronous successive halving (ASHA; optuna/pruners/
 * _successive_halving.py), defaults min_resource "auto", reduction_factor 4, min_early_stopping_rate 0,
 * bootstrap_count 0. Rung k sits at step min_resource · η^(rate + k); a trial reaching it records its
 * value as system attribute completed_rung_k and continues only if it is among the top 1/η of the
 * values recorded at that rung so far (at least the best one). "auto" takes max(last_step // 100, 1)
 * from the first completed trials; until one has completed nothing is pruned.
 */
import { type FrozenTrial, type StudyView, StudyDirection, TrialState, lastStep } from '../frozenTrial';
import type { PruneContext, Pruner } from './pruner';

export interface HalvingOptions { readonly min_resource: number | 'auto'; readonly reduction_factor: number; readonly min_early_stopping_rate: number; readonly bootstrap_count: number }
export const ASHA_DEFAULTS: HalvingOptions = { min_resource: 'auto', reduction_factor: 4, min_early_stopping_rate: 0, bootstrap_count: 0 };

export const rungKey = (rung: number): string => `completed_rung_${rung}`;

function currentRung(t: FrozenTrial): number {
  let rung = 0;
  while (rungKey(rung) in t.systemAttrs) rung++;
  return rung;
}

/** _estimate_min_resource: max(last_step // 100, 1) over completed trials; null before any. */
export function estimateMinResource(trials: readonly FrozenTrial[]): number | null {
  const steps = trials.filter((t) => t.state === TrialState.COMPLETE).map(lastStep).filter((s): s is number => s !== null);
  if (steps.length === 0) return null;
  return Math.max(Math.floor(Math.max(...steps) / 100), 1);
}

/** _is_trial_promotable_to_next_rung: within the best len // η (at least the best). */
export function isPromotable(value: number, competing: number[], eta: number, direction: StudyDirection): boolean {
  let idx = Math.floor(competing.length / eta) - 1;
  if (idx === -1) idx = 0;
  const sorted = [...competing].sort((a, b) => a - b);
  return direction === StudyDirection.MAXIMIZE ? value >= sorted[sorted.length - 1 - idx]! : value <= sorted[idx]!;
}

export class SuccessiveHalvingPruner implements Pruner {
  readonly name = 'SuccessiveHalvingPruner';
  private minResource: number | null;

  constructor(readonly options: HalvingOptions = ASHA_DEFAULTS) {
    this.minResource = options.min_resource === 'auto' ? null : options.min_resource;
  }

  prune(ctx: PruneContext): boolean {
    const { study, trial } = ctx;
    const step = lastStep(trial);
    if (step === null) return false;
    let rung = currentRung(trial);
    const value = trial.intermediateValues.get(step)!;
    const eta = this.options.reduction_factor;
    for (;;) {
      if (this.minResource === null) {
        this.minResource = estimateMinResource(study.trials);
        if (this.minResource === null) return false;
      }
      const promotionStep = this.minResource * eta ** (this.options.min_early_stopping_rate + rung);
      if (step < promotionStep) return false;
      if (Number.isNaN(value)) return true;
      const key = rungKey(rung);
      ctx.setSystemAttr(key, value);
      const competing = others(study, trial, key);
      competing.push(value);
      if (competing.length <= this.options.bootstrap_count) return true;
      if (!isPromotable(value, competing, eta, study.direction)) return true;
      rung += 1;
    }
  }
}

/** The values other trials recorded at this rung. */
function others(study: StudyView, trial: FrozenTrial, key: string): number[] {
  return study.trials.filter((t) => t.trialId !== trial.trialId && typeof t.systemAttrs[key] === 'number').map((t) => t.systemAttrs[key] as number);
}
