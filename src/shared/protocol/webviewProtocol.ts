/**
 * The messages between the extension host and HyperLab's two webviews (the training panel and the
 * tuning sidebar). Each direction is a discriminated union on `type`; each receiving edge calls the
 * matching guard before it looks inside. Requests are imperative (`startTraining`), replies and
 * events past tense (`didLoadSnapshot`). Protocol: the webview posts `ready` once its script runs;
 * the host answers with a full snapshot, and only then sends increments.
 */
import type { HyperparamSettings } from '../hyperparams';
import { isHyperparamSettings } from '../hyperparamSettings';
import { isArrayOf, isFiniteNumber, isRecord, isString, isStringTable } from './guards';
import { type Boundary, type Confusion, type PlanePoints, type Task, TASKS, isBoundary, isConfusion } from './workerProtocol';

// ---- training panel -------------------------------------------------------------------------------

export const PANEL_STRING_KEYS = [
  'title', 'emptyState', 'logScale', 'epochAxis', 'lossAxis', 'trainLoss', 'valLoss', 'stop', 'pause', 'resume', 'step', 'restart',
  'boundaryTitle', 'showTestData', 'discretize', 'previousRun', 'bestEpoch', 'patienceWindow', 'changedSince',
  'batchLoss', 'metricsTitle', 'networkTitle', 'normsTitle', 'weightNorm', 'gradientNorm', 'confusionTitle', 'trueClass', 'predictedClass', 'onValidation', 'onTraining',
] as const;
export type PanelStrings = Record<(typeof PANEL_STRING_KEYS)[number], string>;

/** One finished epoch as the panel draws it (Keras history keys; null where a value was not finite or absent). */
export interface EpochPoint {
  readonly epoch: number;
  readonly loss: number | null;
  readonly val_loss: number | null;
  /** The epoch's other history values (accuracy, val_accuracy, mae, learning_rate, ...). */
  readonly metrics?: Readonly<Record<string, number | null>>;
}

export const RUN_STATUSES = ['starting', 'running', 'paused', 'finished', 'stopped', 'failed'] as const;
export type RunViewStatus = (typeof RUN_STATUSES)[number];

export interface RunView {
  readonly label: string;
  readonly status: RunViewStatus;
  /** One localized line: what is happening or how the run ended. */
  readonly statusText: string;
  readonly epochs: readonly EpochPoint[];
  /** The last epoch's history values by Keras key, for the metrics table. */
  readonly lastLogs: Readonly<Record<string, number | null>> | null;
  readonly task: Task | null;
  /** Playground data only: the points for the decision-boundary view. */
  readonly points: PlanePoints | null;
  /** EarlyStopping, drawn on the chart: the monitored key, the best epoch and the patience window after it. */
  readonly earlyStopping: {
    readonly monitor: string;
    readonly patience: number;
    readonly bestEpoch: number | null;
    readonly stoppedEpoch: number | null;
    readonly restored: boolean;
  } | null;
  /** Per-layer kernel norms per epoch (weight) and mean gradient norms (gradient), aligned with `epochs`. */
  readonly norms: { readonly layers: readonly string[]; readonly weight: readonly (readonly (number | null)[])[]; readonly gradient: readonly (readonly (number | null)[])[] };
  readonly confusion: Confusion | null;
  /** Per-batch losses (thinned) at fractional epochs, for the faint trace under the epoch curve. */
  readonly trace: readonly { readonly x: number; readonly loss: number }[];
  /** The previous run, drawn faintly for comparison, with what changed since (key paths). */
  readonly ghost: { readonly label: string; readonly epochs: readonly EpochPoint[]; readonly changes: readonly string[] } | null;
}

export interface PanelSnapshot {
  readonly strings: PanelStrings;
  /** The run to draw, or null before the first run. */
  readonly run: RunView | null;
  /** The latest decision boundary of the run (Playground data only). */
  readonly boundary: Boundary | null;
}

export type PanelToHost =
  | { readonly type: 'ready' }
  | { readonly type: 'stopTraining' }
  | { readonly type: 'pauseTraining' }
  | { readonly type: 'resumeTraining' }
  | { readonly type: 'stepTraining' }
  | { readonly type: 'restartTraining' };

export type HostToPanel =
  | { readonly type: 'didLoadSnapshot'; readonly snapshot: PanelSnapshot }
  | { readonly type: 'didUpdateRun'; readonly run: RunView | null }
  /** Sent only when the boundary changed (it is large: density² values). */
  | { readonly type: 'didUpdateBoundary'; readonly boundary: Boundary | null };

// ---- tuning sidebar -------------------------------------------------------------------------------

export const SIDEBAR_STRING_KEYS = [
  'intro', 'openPanel', 'train', 'stop', 'addLayer', 'removeLayer', 'layerN', 'inputLayer', 'outputLayer', 'parameters', 'iterations',
  'kerasDefault', 'noDefault', 'allowed', 'allowedWhole', 'notANumber', 'oneFeature', 'regenerate', 'presets', 'otherValue', 'appliesNext', 'rejected', 'noRun', 'dropoutHint',
  'trainBlocked',
] as const;
export type SidebarStrings = Record<(typeof SIDEBAR_STRING_KEYS)[number], string>;

/** The current training run as the sidebar shows it (a line of status, and whether Stop applies). */
export interface SidebarRun {
  readonly label: string;
  readonly status: RunViewStatus;
  readonly statusText: string;
  /** Whether the sidebar started it (a learning-rate change then applies to it at once). */
  readonly fromSidebar: boolean;
}

export interface SidebarSnapshot {
  readonly strings: SidebarStrings;
  /** The schema's English texts (labels, tooltips, option names) → the display language's. */
  readonly texts: Readonly<Record<string, string>>;
  readonly settings: HyperparamSettings;
  readonly run: SidebarRun | null;
}

export type SidebarToHost =
  /** `settings`: the webview's own saved copy (already restored), used when the host has none. */
  | { readonly type: 'ready'; readonly settings: HyperparamSettings | null }
  | { readonly type: 'updateSettings'; readonly settings: HyperparamSettings }
  | { readonly type: 'startTraining'; readonly settings: HyperparamSettings }
  | { readonly type: 'stopTraining' }
  | { readonly type: 'openTrainingPanel' };

export type HostToSidebar =
  | { readonly type: 'didLoadSnapshot'; readonly snapshot: SidebarSnapshot }
  | { readonly type: 'didUpdateRun'; readonly run: SidebarRun | null }
  /** The host replaced the settings (Load from Code, a walkthrough exercise): the view shows these now. */
  | { readonly type: 'didUpdateSettings'; readonly settings: HyperparamSettings }
  /** The host refused settings the webview sent (each line: the setting and what it allows). */
  | { readonly type: 'didRejectSettings'; readonly problems: readonly string[] };

// ---- guards ---------------------------------------------------------------------------------------

const PANEL_REQUESTS = ['ready', 'stopTraining', 'pauseTraining', 'resumeTraining', 'stepTraining', 'restartTraining'];

export function isPanelToHost(raw: unknown): raw is PanelToHost {
  return isRecord(raw) && PANEL_REQUESTS.includes(raw.type as string) && Object.keys(raw).length === 1;
}

const hasKeys = (raw: Record<string, unknown>, keys: readonly string[]): boolean =>
  Object.keys(raw).length === keys.length && keys.every((k) => k in raw);

export function isSidebarToHost(raw: unknown): raw is SidebarToHost {
  if (!isRecord(raw)) return false;
  switch (raw.type) {
    case 'ready':
      return hasKeys(raw, ['type', 'settings']) && (raw.settings === null || isHyperparamSettings(raw.settings));
    case 'updateSettings':
    case 'startTraining':
      return hasKeys(raw, ['type', 'settings']) && isHyperparamSettings(raw.settings);
    case 'stopTraining':
    case 'openTrainingPanel':
      return hasKeys(raw, ['type']);
    default:
      return false;
  }
}

const isNullableNumber = (v: unknown): v is number | null => v === null || isFiniteNumber(v);
const isNumbers = (v: unknown): v is number[] => Array.isArray(v) && v.every(isFiniteNumber);
const isIntOrNull = (v: unknown): boolean => v === null || Number.isInteger(v);
const isEarlyStoppingView = (v: unknown): boolean =>
  isRecord(v) && isString(v.monitor) && Number.isInteger(v.patience) && isIntOrNull(v.bestEpoch) && isIntOrNull(v.stoppedEpoch) && typeof v.restored === 'boolean';
const isGhost = (v: unknown): boolean => isRecord(v) && isString(v.label) && isArrayOf(v.epochs, isEpochPoint) && isArrayOf(v.changes, isString);
const isSeries = (v: unknown): boolean => Array.isArray(v) && v.every((row: unknown) => Array.isArray(row) && row.every(isNullableNumber));
const isNormsView = (v: unknown): boolean => isRecord(v) && isArrayOf(v.layers, isString) && isSeries(v.weight) && isSeries(v.gradient);
const isPlanePoints = (v: unknown): v is PlanePoints => isRecord(v) && isNumbers(v.train) && isNumbers(v.validation);

function isEpochPoint(v: unknown): v is EpochPoint {
  return isRecord(v) && Number.isInteger(v.epoch) && isNullableNumber(v.loss) && isNullableNumber(v.val_loss) &&
    (v.metrics === undefined || (isRecord(v.metrics) && Object.values(v.metrics).every(isNullableNumber)));
}

function isRunView(v: unknown): v is RunView {
  return (
    isRecord(v) && isString(v.label) && RUN_STATUSES.includes(v.status as RunViewStatus) && isString(v.statusText) &&
    isArrayOf(v.epochs, isEpochPoint) && (v.lastLogs === null || (isRecord(v.lastLogs) && Object.values(v.lastLogs).every(isNullableNumber))) &&
    (v.task === null || TASKS.includes(v.task as Task)) && (v.points === null || isPlanePoints(v.points)) &&
    (v.earlyStopping === null || isEarlyStoppingView(v.earlyStopping)) && (v.ghost === null || isGhost(v.ghost)) &&
    isNormsView(v.norms) && (v.confusion === null || isConfusion(v.confusion)) &&
    Array.isArray(v.trace) && v.trace.every((p: unknown) => isRecord(p) && isFiniteNumber(p.x) && isFiniteNumber(p.loss))
  );
}

export function isHostToPanel(raw: unknown): raw is HostToPanel {
  if (!isRecord(raw)) return false;
  if (raw.type === 'didUpdateRun') return raw.run === null || isRunView(raw.run);
  if (raw.type === 'didUpdateBoundary') return raw.boundary === null || isBoundary(raw.boundary);
  if (raw.type !== 'didLoadSnapshot' || !isRecord(raw.snapshot)) return false;
  const s = raw.snapshot;
  return isStringTable(s.strings, PANEL_STRING_KEYS) && (s.run === null || isRunView(s.run)) && (s.boundary === null || isBoundary(s.boundary));
}

function isSidebarRun(v: unknown): v is SidebarRun {
  return isRecord(v) && isString(v.label) && RUN_STATUSES.includes(v.status as RunViewStatus) && isString(v.statusText) && typeof v.fromSidebar === 'boolean';
}

const isTextTable = (v: unknown): v is Record<string, string> => isRecord(v) && Object.values(v).every(isString);

export function isHostToSidebar(raw: unknown): raw is HostToSidebar {
  if (!isRecord(raw)) return false;
  if (raw.type === 'didUpdateRun') return raw.run === null || isSidebarRun(raw.run);
  if (raw.type === 'didRejectSettings') return isArrayOf(raw.problems, isString);
  if (raw.type === 'didUpdateSettings') return isHyperparamSettings(raw.settings);
  if (raw.type !== 'didLoadSnapshot' || !isRecord(raw.snapshot)) return false;
  const s = raw.snapshot;
  return isStringTable(s.strings, SIDEBAR_STRING_KEYS) && isTextTable(s.texts) && isHyperparamSettings(s.settings) && (s.run === null || isSidebarRun(s.run));
}
