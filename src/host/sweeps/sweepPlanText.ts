/**
 * What the user reads before a sweep starts: how many trials and epochs it will run (planSweep: a grid's
 * size, max_trials, the epochs each trial trains, the expected epochs under ASHA or Hyperband pruning)
 * and the choices "run all" or "cap at N trials". A cap counts the trials this run adds: the study may
 * then hold the trials already there plus N (max_trials counts every trial of the study, whoever ran
 * it). Pure, with the Translate it is given.
 */
import { type Translate, formatQuantity } from '../../shared/message';
import { gridSize } from '../../sweeps/searchSpace';
import type { SweepDefinition } from '../../sweeps/sweepDefinition';
import { planSweep } from '../../sweeps/sweepPlan';

/** Trials this run may add: up to max_trials, and no more than the grid has points left. */
export function remainingTrials(def: SweepDefinition, existing: number): number {
  const left = def.maxTrials - existing;
  return Math.max(0, def.method === 'grid' ? Math.min(left, gridSize(def.parameters) - existing) : left);
}

/** "20 trials × 100 epochs = 2,000 epochs (about 560 with asha pruning)". */
export function planText(def: SweepDefinition, trials: number, t: Translate): string {
  const plan = planSweep(def, trials);
  const n = (x: number) => formatQuantity(x, t.locale, 0);
  const base = t('{0} trials × {1} epochs = {2} epochs', n(plan.trials), n(plan.epochsPerTrial), n(plan.maxEpochs));
  if (plan.expectedEpochs >= plan.maxEpochs || !def.earlyTerminate) return base;
  const pruning = plan.brackets !== null
    ? t('about {0} with {1} pruning ({2} brackets)', n(plan.expectedEpochs), def.earlyTerminate.type, plan.brackets)
    : t('about {0} with {1} pruning', n(plan.expectedEpochs), def.earlyTerminate.type);
  return `${base} (${pruning})`;
}

/** The plan dialog's title: the sweep, its search and what is in the study already. */
export function planTitle(def: SweepDefinition, existing: number, t: Translate): string {
  const goal = def.metric.goal === 'minimize' ? t('minimize') : t('maximize');
  const what = t('{0}: {1} sweep of {2} parameters, {3} {4}', def.name, def.method, def.parameters.length, goal, def.metric.name);
  return existing > 0 ? `${what} · ${t('{0} trials already in the study', existing)}` : what;
}

export type CapChoice = { readonly kind: 'all'; readonly trials: number } | { readonly kind: 'cap' };

export interface CapItem {
  readonly label: string;
  readonly detail: string;
  readonly choice: CapChoice;
}

export function capItems(def: SweepDefinition, existing: number, t: Translate): CapItem[] {
  const remaining = remainingTrials(def, existing);
  const items: CapItem[] = [];
  if (remaining > 0) {
    const label = existing > 0 ? t('Run the remaining {0} trials', remaining) : t('Run all {0} trials', remaining);
    items.push({ label, detail: planText(def, remaining, t), choice: { kind: 'all', trials: remaining } });
  }
  items.push({ label: t('Cap the number of trials…'), detail: remaining > 0 ? t('Run fewer trials now; running the sweep again continues the study') : t('The study holds max_trials already: run more trials in it'), choice: { kind: 'cap' } });
  return items;
}

/** Checks the user's cap: a whole number from 1 (a grid: up to its points left). */
export function checkCap(text: string, def: SweepDefinition, existing: number, t: Translate): string | null {
  const n = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || n < 1) return t('A whole number of trials, at least 1');
  if (def.method === 'grid') {
    const left = gridSize(def.parameters) - existing;
    if (n > left) return t('The grid has {0} points left', Math.max(0, left));
  }
  return n > 1_000_000 ? t('At most {0} trials', formatQuantity(1_000_000, t.locale, 0)) : null;
}
