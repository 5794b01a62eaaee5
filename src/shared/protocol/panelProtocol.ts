/**
 * The messages between the extension host and the training panel (a webview). The panel shows a set of
 * runs — the live one and the runs it is compared with — and streams: the webview posts `ready`, the
 * host answers with one snapshot of every shown run, then sends only what is new (epochs and trace
 * points appended, status changes, a new decision boundary), so a message's size does not grow with the
 * run's length. When the set of shown runs changes, the host sends the new set whole (didChangeRuns).
 * Every message is checked by a guard on arrival; requests are imperative, events past tense.
 */
import { isArrayOf, isFiniteNumber, isRecord, isString, isStringTable } from './guards';
import { type Boundary, type Confusion, type PlanePoints, type Task, TASKS, isBoundary, isConfusion } from './workerProtocol';

export const PANEL_STRING_KEYS = [
  'title', 'emptyState', 'logScale', 'epochAxis', 'lossAxis', 'trainLoss', 'valLoss', 'stop', 'pause', 'resume', 'step', 'restart',
  'boundaryTitle', 'showTestData', 'discretize', 'bestEpoch', 'patienceWindow',
  'batchLoss', 'metricsTitle', 'networkTitle', 'normsTitle', 'weightNorm', 'gradientNorm', 'confusionTitle', 'trueClass', 'predictedClass', 'onValidation', 'onTraining',
  'speed', 'speedSlow', 'speedWatchable', 'speedFast', 'speedMax',
  'compareTitle', 'hyperparameter', 'finalMetric', 'bestMetric', 'clearComparison', 'showRun', 'liveRun', 'noDifferences', 'smoothing',
  'dataTitle', 'featuresTitle', 'outputTitle', 'networkPending', 'nextRunData', 'confusionPending', 'showDataTable', 'chartSummary', 'chartSummaryBest',
  'epochColumn', 'chartKeys', 'networkKeys', 'nodeSummary', 'runControls', 'lossTableCaption',
] as const;
export type PanelStrings = Record<(typeof PANEL_STRING_KEYS)[number], string>;

/** One finished epoch (Keras history keys; null where a value was not finite or absent). */
export interface EpochPoint {
  readonly epoch: number;
  readonly loss: number | null;
  readonly val_loss: number | null;
  /** The epoch's other history values (accuracy, val_accuracy, mae, learning_rate, ...). */
  readonly metrics: Readonly<Record<string, number | null>>;
  /** Per layer of RunInfo.layers: [kernel norm, mean gradient norm] at the end of the epoch. */
  readonly norms: readonly (readonly [number | null, number | null])[];
}

/** A per-batch loss at its place in the run: epoch e's last batch sits at x = e, like the epoch's point. */
export interface TracePoint {
  readonly x: number;
  readonly loss: number;
}

export const RUN_STATUSES = ['starting', 'running', 'paused', 'finished', 'stopped', 'failed', 'interrupted'] as const;
export type RunViewStatus = (typeof RUN_STATUSES)[number];

/** What does not change while a run trains (after its start). */
export interface RunInfo {
  /** The run store's id; `live-N` for a run that is not recorded. */
  readonly id: string;
  /** The readable name (or the user's name for it): the charts' legends and the comparison's columns. */
  readonly label: string;
  /** What the user started, as the status line names it (an exercise's title, a file's name, the sidebar). */
  readonly title: string;
  readonly live: boolean;
  readonly task: Task | null;
  readonly totalEpochs: number | null;
  /** The layers whose norms EpochPoint.norms holds, in order. */
  readonly layers: readonly string[];
  readonly earlyStopping: { readonly monitor: string; readonly patience: number } | null;
  /** Playground data only: the points, for the decision-boundary view. */
  readonly points: PlanePoints | null;
  /** The run trains on 2-D Playground data (known from its experiment before the points arrive): the one-screen lab layout. */
  readonly planeData: boolean;
}

/**
 * The data the sidebar's settings make (Playground points), shown before a run trains on them: the same
 * points the run will get (same generator, seed and split), and each chosen input feature over the plane.
 */
export interface DataPreview {
  /** One localized line: the dataset and its split ("Playground "circle" (250 training and 250 validation points)"). */
  readonly description: string;
  readonly task: Task;
  readonly points: PlanePoints;
  readonly features: readonly string[];
  /** Per feature, its value over a thumbDensity² grid of the plane on Playground's [−1, 1] scale (row-major, x2 from +6 down). */
  readonly featureThumbs: readonly (readonly number[])[];
  readonly thumbDensity: number;
}

/** The speeds the panel offers, in epochs per second (0: as fast as the machine goes). */
export const PACES = [10, 60, 300, 0] as const;

/** What changes rarely: status, EarlyStopping's marks, the confusion matrix. */
export interface RunStatusView {
  readonly status: RunViewStatus;
  /** One localized line: what is happening or how the run ended. */
  readonly statusText: string;
  readonly bestEpoch: number | null;
  readonly stoppedEpoch: number | null;
  readonly restored: boolean;
  readonly confusion: Confusion | null;
  /** The live run's pace in epochs per second (0: unthrottled); null for a stored run. */
  readonly pace: number | null;
}

export interface RunSeries {
  readonly info: RunInfo;
  readonly status: RunStatusView;
  readonly epochs: readonly EpochPoint[];
  readonly trace: readonly TracePoint[];
}

/**
 * The runs side by side: only the hyperparameters that differ (the panel adds each run's final and best
 * metrics from the epochs it has, so they stay current while the live run trains).
 */
export interface ComparisonView {
  /** Run ids, in the order of the value columns. */
  readonly runs: readonly string[];
  readonly rows: readonly { readonly path: string; readonly values: readonly string[] }[];
}

export interface ShownRuns {
  /** The live run first (when there is one), then the compared runs. */
  readonly runs: readonly RunSeries[];
  /** The run whose details (boundary, network, norms, confusion) the panel shows. */
  readonly focus: string | null;
  /** With two runs or more. */
  readonly comparison: ComparisonView | null;
}

export interface PanelSnapshot extends ShownRuns {
  readonly strings: PanelStrings;
  /** The display language for our numbers (BCP 47, e.g. 'es'): vscode.env.language when HyperLab's texts are translated into it. */
  readonly locale: string;
  /** The data of the sidebar's current settings (null when they are not Playground data). */
  readonly preview: DataPreview | null;
  /** The focus run's latest decision boundary (Playground data only). */
  readonly boundary: Boundary | null;
}

export type PanelToHost =
  | { readonly type: 'ready' }
  | { readonly type: 'stopTraining' }
  | { readonly type: 'pauseTraining' }
  | { readonly type: 'resumeTraining' }
  | { readonly type: 'stepTraining' }
  | { readonly type: 'restartTraining' }
  | { readonly type: 'clearComparison' }
  | { readonly type: 'setPace'; readonly epochsPerSecond: (typeof PACES)[number] };

export type HostToPanel =
  | { readonly type: 'didLoadSnapshot'; readonly snapshot: PanelSnapshot }
  | { readonly type: 'didChangeRuns'; readonly shown: ShownRuns }
  | { readonly type: 'didAppendEpochs'; readonly runId: string; readonly epochs: readonly EpochPoint[]; readonly trace: readonly TracePoint[] }
  | { readonly type: 'didUpdateRunInfo'; readonly info: RunInfo }
  | { readonly type: 'didUpdateRunStatus'; readonly runId: string; readonly status: RunStatusView }
  /** Sent only when the boundary changed (it is large: density² values). */
  | { readonly type: 'didUpdateBoundary'; readonly boundary: Boundary | null }
  /** The sidebar's data settings changed (sent only then: a preview is a few KB). */
  | { readonly type: 'didUpdatePreview'; readonly preview: DataPreview | null };

// ---- guards ---------------------------------------------------------------------------------------

const PANEL_REQUESTS = ['ready', 'stopTraining', 'pauseTraining', 'resumeTraining', 'stepTraining', 'restartTraining', 'clearComparison'];

export function isPanelToHost(raw: unknown): raw is PanelToHost {
  if (!isRecord(raw)) return false;
  if (raw.type === 'setPace') return Object.keys(raw).length === 2 && (PACES as readonly unknown[]).includes(raw.epochsPerSecond);
  return PANEL_REQUESTS.includes(raw.type as string) && Object.keys(raw).length === 1;
}

const isNullableNumber = (v: unknown): v is number | null => v === null || isFiniteNumber(v);
const isNumbers = (v: unknown): v is number[] => Array.isArray(v) && v.every(isFiniteNumber);
const isIntOrNull = (v: unknown): boolean => v === null || Number.isInteger(v);
const isNumberTable = (v: unknown): boolean => isRecord(v) && Object.values(v).every(isNullableNumber);
const isNormPair = (v: unknown): boolean => Array.isArray(v) && v.length === 2 && isNullableNumber(v[0]) && isNullableNumber(v[1]);

export function isEpochPoint(v: unknown): v is EpochPoint {
  return isRecord(v) && Number.isInteger(v.epoch) && isNullableNumber(v.loss) && isNullableNumber(v.val_loss) && isNumberTable(v.metrics) &&
    Array.isArray(v.norms) && v.norms.every(isNormPair);
}

const isTracePoint = (v: unknown): v is TracePoint => isRecord(v) && isFiniteNumber(v.x) && isFiniteNumber(v.loss);
const isPlanePoints = (v: unknown): v is PlanePoints => isRecord(v) && isNumbers(v.train) && isNumbers(v.validation) && v.train.length % 3 === 0 && v.validation.length % 3 === 0;

function isRunInfo(v: unknown): v is RunInfo {
  return isRecord(v) && isString(v.id) && isString(v.label) && isString(v.title) && typeof v.live === 'boolean' && (v.task === null || TASKS.includes(v.task as Task)) && typeof v.planeData === 'boolean' &&
    isIntOrNull(v.totalEpochs) && isArrayOf(v.layers, isString) && (v.points === null || isPlanePoints(v.points)) &&
    (v.earlyStopping === null || (isRecord(v.earlyStopping) && isString(v.earlyStopping.monitor) && Number.isInteger(v.earlyStopping.patience)));
}

export function isDataPreview(v: unknown): v is DataPreview {
  if (!isRecord(v) || !isString(v.description) || !TASKS.includes(v.task as Task) || !isPlanePoints(v.points) || !isArrayOf(v.features, isString)) return false;
  const density = v.thumbDensity;
  if (!Number.isInteger(density) || (density as number) < 1 || (density as number) > 100) return false;
  const size = (density as number) ** 2;
  return Array.isArray(v.featureThumbs) && v.featureThumbs.length === v.features.length && v.featureThumbs.every((g: unknown) => isNumbers(g) && g.length === size);
}

function isRunStatusView(v: unknown): v is RunStatusView {
  return isRecord(v) && RUN_STATUSES.includes(v.status as RunViewStatus) && isString(v.statusText) && isIntOrNull(v.bestEpoch) &&
    isIntOrNull(v.stoppedEpoch) && typeof v.restored === 'boolean' && (v.confusion === null || isConfusion(v.confusion)) &&
    (v.pace === null || (Number.isInteger(v.pace) && (v.pace as number) >= 0));
}

const isRunSeries = (v: unknown): v is RunSeries =>
  isRecord(v) && isRunInfo(v.info) && isRunStatusView(v.status) && isArrayOf(v.epochs, isEpochPoint) && isArrayOf(v.trace, isTracePoint);

function isComparison(v: unknown): v is ComparisonView {
  if (!isRecord(v) || !isArrayOf(v.runs, isString)) return false;
  const n = v.runs.length;
  const columns = (xs: unknown, item: (x: unknown) => boolean) => Array.isArray(xs) && xs.length === n && xs.every(item);
  return Array.isArray(v.rows) && v.rows.every((r: unknown) => isRecord(r) && isString(r.path) && columns(r.values, isString));
}

function isShownRuns(v: unknown): v is ShownRuns {
  return isRecord(v) && isArrayOf(v.runs, isRunSeries) && (v.focus === null || isString(v.focus)) && (v.comparison === null || isComparison(v.comparison));
}

export function isHostToPanel(raw: unknown): raw is HostToPanel {
  if (!isRecord(raw)) return false;
  switch (raw.type) {
    case 'didLoadSnapshot': {
      const s = raw.snapshot;
      return isRecord(s) && isStringTable(s.strings, PANEL_STRING_KEYS) && isString(s.locale) && (s.preview === null || isDataPreview(s.preview)) &&
        isShownRuns(s) && (s.boundary === null || isBoundary(s.boundary));
    }
    case 'didChangeRuns':
      return isShownRuns(raw.shown);
    case 'didAppendEpochs':
      return isString(raw.runId) && isArrayOf(raw.epochs, isEpochPoint) && isArrayOf(raw.trace, isTracePoint);
    case 'didUpdateRunInfo':
      return isRunInfo(raw.info);
    case 'didUpdateRunStatus':
      return isString(raw.runId) && isRunStatusView(raw.status);
    case 'didUpdateBoundary':
      return raw.boundary === null || isBoundary(raw.boundary);
    case 'didUpdatePreview':
      return raw.preview === null || isDataPreview(raw.preview);
    default:
      return false;
  }
}
