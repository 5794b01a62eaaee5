/**
 * What the sweep view shows, made from the pure layer's data: a search space's parameters as axes (from
 * the sweep definition, or from the trials' own distributions for a study Python made), a study row as
 * a table row, an importance computation's result (Optuna's refusals in words), and where a sweep
 * file's journal lives in this window. No 'vscode'.
 */
import path from 'node:path';
import type { Distribution } from '../../sweeps/distributions';
import type { FrozenTrial } from '../../sweeps/frozenTrial';
import type { SweepDefinition } from '../../sweeps/sweepDefinition';
import type { SweepFile } from '../../sweeps/sweepFile';
import type { TrialRow } from '../../sweeps/studyTable';
import type { Translate } from '../../shared/message';
import type { ImportanceView, SweepParamView, TrialView } from '../../shared/protocol/sweepProtocol';
import type { ImportanceResult } from './importanceWorkerClient';

export function paramView(name: string, d: Distribution): SweepParamView {
  if (d.kind === 'categorical') return { name, kind: 'categorical', low: 0, high: 0, log: false, choices: [...d.choices] };
  return { name, kind: d.kind, low: d.low, high: d.high, log: d.log, choices: null };
}

export function paramViewsOf(def: SweepDefinition): SweepParamView[] {
  return def.parameters.map((p) => paramView(p.path.name, p.distribution));
}

/** The parameters a study's trials were sampled from (first seen order; the newest distribution of each). */
export function paramViewsFromTrials(trials: readonly FrozenTrial[]): SweepParamView[] {
  const found = new Map<string, Distribution>();
  for (const t of trials) for (const [name, d] of Object.entries(t.distributions)) found.set(name, d);
  return [...found].map(([name, d]) => paramView(name, d));
}

export function trialView(row: TrialRow): TrialView {
  // Journal values are not trusted to be finite (another writer's file): the view takes finite numbers or null.
  const finite = (v: number | null) => (v !== null && Number.isFinite(v) ? v : null);
  const params = Object.fromEntries(Object.entries(row.params).map(([k, v]) => [k, typeof v === 'number' && !Number.isFinite(v) ? null : v]));
  return { number: row.number, state: row.state, params, value: finite(row.value), best: finite(row.best), epochs: row.epochs, runId: row.runId, reason: row.reason, writer: row.writer };
}

/** The journal of a sweep file in this window: its own `storage`, else `<sweeps folder>/<study>.optuna.log`. */
export function sweepStorage(sf: SweepFile, sweepsFolder: string): string {
  return sf.definition.storage !== null ? sf.storage : path.join(sweepsFolder, `${sf.definition.name}.optuna.log`);
}

/** A computation's result as the view shows it, with Optuna's refusals in words. */
export function importanceView(result: ImportanceResult, count: number, metric: string, t: Translate): ImportanceView {
  if (result.ok) {
    const note = result.importances.length === 0 ? t('No parameter of the search space varies between the complete trials.') : null;
    return { items: result.importances, note, trials: count };
  }
  const reason = result.reason;
  const note = /without completed trials|only a single trial/.test(reason)
    ? t('Importance needs at least two complete trials ({0} so far).', count)
    : /zero total variance/.test(reason)
      ? t('Every complete trial has the same {0}: no parameter explains any of it.', metric)
      : t('Importance could not be computed: {0}', reason);
  return { items: [], note, trials: count };
}
