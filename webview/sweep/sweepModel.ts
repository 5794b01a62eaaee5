/**
 * The sweep view's state: the shown sweep (from the snapshot, then increments), and the user's view of
 * it — filter, sort, selection — with the rows the table shows and the scales every chart shares: where
 * a parameter's value sits on its axis (a log axis for a log distribution, evenly spaced choices for a
 * categorical) and the colour of an objective value from worst to best. No DOM here.
 */
import type { ImportanceView, ParamValueView, SweepInfoView, SweepParamView, SweepSnapshot, SweepStrings, TrialView } from '../../src/shared/protocol/sweepProtocol';

export const FILTERS = ['all', 'complete', 'pruned', 'fail', 'running', 'best'] as const;
export type Filter = (typeof FILTERS)[number];
/** 'number', 'state', 'value', 'best', 'epochs', or 'param:<name>'. */
export type SortKey = string;

export interface ViewState {
  readonly filter: Filter;
  readonly sort: SortKey;
  readonly descending: boolean;
}

/** How many trials the "best" filter keeps. */
export const BEST_COUNT = 10;

export class SweepModel {
  strings: SweepStrings | null = null;
  info: SweepInfoView | null = null;
  importance: ImportanceView | null = null;
  private readonly byNumber = new Map<number, TrialView>();
  readonly selected = new Set<number>();
  /** The trials whose curves the user last asked to see. */
  shown: readonly number[] = [];
  view: ViewState = { filter: 'all', sort: 'number', descending: false };

  load(snapshot: SweepSnapshot): void {
    this.strings = snapshot.strings;
    this.info = snapshot.info;
    this.importance = snapshot.importance;
    this.byNumber.clear();
    this.selected.clear();
    this.shown = [];
    for (const t of snapshot.trials) this.byNumber.set(t.number, t);
  }

  upsert(trials: readonly TrialView[]): void {
    for (const t of trials) this.byNumber.set(t.number, t);
  }

  get trials(): TrialView[] {
    return [...this.byNumber.values()].sort((a, b) => a.number - b.number);
  }

  trial(n: number): TrialView | undefined {
    return this.byNumber.get(n);
  }

  get params(): readonly SweepParamView[] {
    return this.info?.params ?? [];
  }

  /** True when a higher value is better. */
  get maximize(): boolean {
    return this.info?.goal === 'maximize';
  }

  /** Complete trials with a value: what parallel coordinates, slices and importance read (as Optuna's plots do). */
  get complete(): TrialView[] {
    return this.trials.filter((t) => t.state === 'complete' && t.value !== null);
  }

  /** The table's rows: filtered, then sorted. */
  rows(): TrialView[] {
    const f = this.view.filter;
    let rows = this.trials;
    if (f === 'best') rows = this.ranked().slice(0, BEST_COUNT);
    else if (f !== 'all') rows = rows.filter((t) => t.state === f);
    const key = this.view.sort;
    const dir = this.view.descending ? -1 : 1;
    return [...rows].sort((a, b) => {
      const c = compareValues(sortValue(a, key), sortValue(b, key));
      return c === 0 ? a.number - b.number : c * dir;
    });
  }

  /** Complete trials, best first. */
  ranked(): TrialView[] {
    const sign = this.maximize ? -1 : 1;
    return this.complete.sort((a, b) => sign * (a.value! - b.value!));
  }

  /** The objective's range over the complete trials, or null without any. */
  valueRange(): { min: number; max: number } | null {
    const values = this.complete.map((t) => t.value!);
    return values.length === 0 ? null : { min: Math.min(...values), max: Math.max(...values) };
  }

  /** 0 for the worst complete value, 1 for the best. */
  quality(value: number): number {
    const r = this.valueRange();
    if (!r || r.max === r.min) return 1;
    const q = (value - r.min) / (r.max - r.min);
    return this.maximize ? q : 1 - q;
  }
}

function sortValue(t: TrialView, key: SortKey): ParamValueView {
  switch (key) {
    case 'number': return t.number;
    case 'state': return t.state;
    case 'value': return t.value;
    case 'best': return t.best;
    case 'epochs': return t.epochs;
    default: return key.startsWith('param:') ? t.params[key.slice(6)] ?? null : null;
  }
}

/** Numbers before text before missing values; numbers by value, text alphabetically. */
export function compareValues(a: ParamValueView, b: ParamValueView): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return String(a).localeCompare(String(b));
}

/** Where `value` sits on the parameter's axis, 0 (bottom) to 1 (top); null when it is not on it. */
export function axisPosition(p: SweepParamView, value: ParamValueView): number | null {
  if (p.kind === 'categorical') {
    const choices = p.choices ?? [];
    const i = choices.findIndex((c) => c === value);
    if (i < 0) return null;
    return choices.length === 1 ? 0.5 : i / (choices.length - 1);
  }
  if (typeof value !== 'number') return null;
  if (p.high === p.low) return 0.5;
  if (p.log && p.low > 0 && value > 0) return (Math.log(value) - Math.log(p.low)) / (Math.log(p.high) - Math.log(p.low));
  return (value - p.low) / (p.high - p.low);
}

/** A few labelled ticks of a parameter's axis: [position, text]. */
export function axisTicks(p: SweepParamView): [number, string][] {
  if (p.kind === 'categorical') return (p.choices ?? []).map((c) => [axisPosition(p, c) ?? 0, formatValue(c)]);
  if (p.low === p.high) return [[0.5, formatValue(p.low)]];
  if (p.log && p.low > 0) {
    const ticks: [number, string][] = [];
    for (let e = Math.ceil(Math.log10(p.low)); e <= Math.floor(Math.log10(p.high)); e++) ticks.push([axisPosition(p, 10 ** e)!, formatValue(10 ** e)]);
    if (ticks.length >= 2) return ticks;
  }
  return [0, 0.25, 0.5, 0.75, 1].map((q) => {
    const v = p.log && p.low > 0 ? p.low * (p.high / p.low) ** q : p.low + q * (p.high - p.low);
    return [q, formatValue(p.kind === 'int' ? Math.round(v) : v)];
  });
}

export function formatValue(v: ParamValueView): string {
  if (v === null) return '—';
  if (typeof v !== 'number') return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e6) return String(v);
  const a = Math.abs(v);
  return a >= 1e-3 && a < 1e5 ? String(Number(v.toPrecision(4))) : v.toExponential(2);
}
