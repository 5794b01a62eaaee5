/**
 * The messages between the extension host and the sweep view (a webview panel that shows one sweep: its
 * trials as a table, parallel coordinates, a slice plot per parameter and fANOVA importance). The webview
 * posts `ready`; the host answers with a snapshot of the shown sweep, then sends only what changed: the
 * sweep's state line, the trials that changed since the last message (upserted by number), the newest
 * importance. A different sweep shown later comes as a new snapshot. Every message is checked by a guard
 * on arrival; requests are imperative, events past tense. Trial parameters and failure reasons come from
 * journal files (any writer's): the webview puts them into the page as text only.
 */
import { isArrayOf, isFiniteNumber, isRecord, isString, isStringTable } from './guards';

export const SWEEP_STRING_KEYS = [
  'title', 'emptyState', 'pause', 'resume', 'cancel', 'refresh', 'openFile', 'exportScript',
  'tableTitle', 'trial', 'state', 'value', 'bestValue', 'epochs', 'filter', 'filterAll', 'filterComplete', 'filterPruned', 'filterFailed', 'filterRunning', 'filterBest',
  'stateRunning', 'stateComplete', 'statePruned', 'stateFail', 'stateWaiting', 'sortBy', 'showCurves', 'compareSelected', 'selectTrial', 'noRun', 'otherWriter', 'reason',
  'pcpTitle', 'pcpHelp', 'objective', 'sliceTitle', 'importanceTitle', 'importanceHelp', 'importanceWaiting', 'importanceShare', 'shownCount',
] as const;
export type SweepStrings = Record<(typeof SWEEP_STRING_KEYS)[number], string>;

export type ParamValueView = number | string | boolean | null;

/** A parameter of the search space: how its axis is drawn. */
export interface SweepParamView {
  readonly name: string;
  readonly kind: 'float' | 'int' | 'categorical';
  /** Numeric ranges (low = high = 0 for a categorical). */
  readonly low: number;
  readonly high: number;
  readonly log: boolean;
  /** A categorical's choices in order (null for numbers). */
  readonly choices: readonly ParamValueView[] | null;
}

export const SWEEP_VIEW_STATES = ['idle', 'starting', 'running', 'paused', 'stopping', 'finished', 'cancelled', 'failed'] as const;
/** 'idle': a study read from its journal, with no sweep of this window running it. */
export type SweepViewState = (typeof SWEEP_VIEW_STATES)[number];

export interface SweepInfoView {
  readonly study: string;
  /** The sweep file's name (as shown), or null for a journal without one. */
  readonly file: string | null;
  readonly method: string | null;
  readonly metric: string;
  readonly goal: 'minimize' | 'maximize';
  readonly state: SweepViewState;
  /** One localized line: progress, best trial, or how the sweep ended. */
  readonly statusText: string;
  readonly params: readonly SweepParamView[];
  /** The best complete trial's number, or null. */
  readonly best: number | null;
}

export const TRIAL_STATES = ['running', 'complete', 'pruned', 'fail', 'waiting'] as const;
export type TrialStateView = (typeof TRIAL_STATES)[number];

export interface TrialView {
  readonly number: number;
  readonly state: TrialStateView;
  readonly params: Readonly<Record<string, ParamValueView>>;
  /** The objective value (a pruned trial's last intermediate value), or null. */
  readonly value: number | null;
  /** The best per-epoch value of the sweep's metric so far. */
  readonly best: number | null;
  readonly epochs: number;
  /** The HyperLab run it was recorded as; null for another writer's trial (Python Optuna). */
  readonly runId: string | null;
  readonly reason: string | null;
  readonly writer: 'hyperlab' | 'other';
}

export interface ImportanceView {
  /** Parameter → share of the explained variance, largest first. */
  readonly items: readonly { readonly param: string; readonly importance: number }[];
  /** Why there are no numbers yet (too few complete trials, no variance), localized; null with numbers. */
  readonly note: string | null;
  /** How many complete trials the numbers are from. */
  readonly trials: number;
}

export interface SweepSnapshot {
  readonly strings: SweepStrings;
  readonly info: SweepInfoView | null;
  readonly trials: readonly TrialView[];
  readonly importance: ImportanceView | null;
}

export type SweepToHost =
  | { readonly type: 'ready' }
  | { readonly type: 'pauseSweep' }
  | { readonly type: 'resumeSweep' }
  | { readonly type: 'cancelSweep' }
  | { readonly type: 'refreshSweep' }
  | { readonly type: 'openSweepFile' }
  | { readonly type: 'exportSweepScript' }
  /** Show these trials' runs in the training panel (their curves, compared). */
  | { readonly type: 'showTrials'; readonly numbers: readonly number[] };

export type HostToSweep =
  | { readonly type: 'didLoadSnapshot'; readonly snapshot: SweepSnapshot }
  | { readonly type: 'didUpdateInfo'; readonly info: SweepInfoView }
  /** Trials added or changed since the last message, by number. */
  | { readonly type: 'didUpdateTrials'; readonly trials: readonly TrialView[] }
  | { readonly type: 'didUpdateImportance'; readonly importance: ImportanceView };

// ---- guards ---------------------------------------------------------------------------------------

const SIMPLE_REQUESTS = ['ready', 'pauseSweep', 'resumeSweep', 'cancelSweep', 'refreshSweep', 'openSweepFile', 'exportSweepScript'];

export function isSweepToHost(raw: unknown): raw is SweepToHost {
  if (!isRecord(raw)) return false;
  if (SIMPLE_REQUESTS.includes(raw.type as string)) return Object.keys(raw).length === 1;
  return raw.type === 'showTrials' && Object.keys(raw).length === 2 && Array.isArray(raw.numbers) && raw.numbers.length <= 1000 &&
    raw.numbers.every((n) => Number.isInteger(n) && (n as number) >= 0);
}

const isNullableNumber = (v: unknown): v is number | null => v === null || isFiniteNumber(v);
const isParamValue = (v: unknown): v is ParamValueView => v === null || isString(v) || typeof v === 'boolean' || isFiniteNumber(v);

function isParamView(v: unknown): v is SweepParamView {
  return isRecord(v) && isString(v.name) && ['float', 'int', 'categorical'].includes(v.kind as string) && isFiniteNumber(v.low) && isFiniteNumber(v.high) &&
    typeof v.log === 'boolean' && (v.choices === null || isArrayOf(v.choices, isParamValue));
}

function isInfo(v: unknown): v is SweepInfoView {
  return isRecord(v) && isString(v.study) && (v.file === null || isString(v.file)) && (v.method === null || isString(v.method)) && isString(v.metric) &&
    (v.goal === 'minimize' || v.goal === 'maximize') && SWEEP_VIEW_STATES.includes(v.state as SweepViewState) && isString(v.statusText) &&
    isArrayOf(v.params, isParamView) && (v.best === null || Number.isInteger(v.best));
}

export function isTrialView(v: unknown): v is TrialView {
  return isRecord(v) && Number.isInteger(v.number) && TRIAL_STATES.includes(v.state as TrialStateView) && isRecord(v.params) && Object.values(v.params).every(isParamValue) &&
    isNullableNumber(v.value) && isNullableNumber(v.best) && Number.isInteger(v.epochs) && (v.runId === null || isString(v.runId)) &&
    (v.reason === null || isString(v.reason)) && (v.writer === 'hyperlab' || v.writer === 'other');
}

function isImportance(v: unknown): v is ImportanceView {
  return isRecord(v) && Array.isArray(v.items) && v.items.every((i: unknown) => isRecord(i) && isString(i.param) && isFiniteNumber(i.importance)) &&
    (v.note === null || isString(v.note)) && Number.isInteger(v.trials);
}

export function isHostToSweep(raw: unknown): raw is HostToSweep {
  if (!isRecord(raw)) return false;
  switch (raw.type) {
    case 'didLoadSnapshot': {
      const s = raw.snapshot;
      return isRecord(s) && isStringTable(s.strings, SWEEP_STRING_KEYS) && (s.info === null || isInfo(s.info)) && isArrayOf(s.trials, isTrialView) &&
        (s.importance === null || isImportance(s.importance));
    }
    case 'didUpdateInfo':
      return isInfo(raw.info);
    case 'didUpdateTrials':
      return isArrayOf(raw.trials, isTrialView);
    case 'didUpdateImportance':
      return isImportance(raw.importance);
    default:
      return false;
  }
}
