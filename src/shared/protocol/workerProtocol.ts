/**
 * The messages between the extension host and the training worker (a worker_threads Worker running
 * dist/worker.js). The host sends one `startTraining` per worker; the worker answers `didStart`, then
 * batched `didReceiveMetrics` (at most about ten a second, however fast the steps are), then exactly one
 * of `didFinishTraining` or `didFailTraining`. Stopping and pausing go through a SharedArrayBuffer the
 * host passes at start, because the worker's thread is busy training and reads no messages meanwhile.
 */
import { isArrayOf, isFiniteNumber, isRecord, isString } from './guards';
import { type Message, isMessage } from '../message';

/** Slots of the Int32Array over the control buffer. */
export const CONTROL_STOP = 0; // 1: stop after the current step
export const CONTROL_PAUSE = 1; // 1: wait before the next step until it is 0 again (or stop is set); 2: run one epoch, then 1
export const PAUSE_RUNNING = 0;
export const PAUSE_PAUSED = 1;
export const PAUSE_ONE_EPOCH = 2;
/** Slot 2: incremented each time the host writes a new learning rate (Playground applies it live). */
export const CONTROL_LR_VERSION = 2;
/**
 * Slot 3: the pace, in epochs per second (0: as fast as the machine goes). The worker waits between
 * epochs to keep it, watching the pause and stop slots meanwhile (Playground's watchable speed).
 */
export const CONTROL_PACE = 3;
/** Slot 4: the optimizer steps the worker has taken, written before each batch (the host reads progress and control latency). */
export const CONTROL_STEPS = 4;
/** Six int32 slots (the last spare), so the float64 after them is 8-byte aligned. */
export const CONTROL_SLOTS = 6;
/** The control buffer: CONTROL_SLOTS int32 slots, then one float64, the requested learning rate. */
export const CONTROL_BYTES = CONTROL_SLOTS * 4 + 8;

export interface ControlViews {
  readonly ints: Int32Array;
  readonly learningRate: Float64Array;
}

/** Views of a control buffer (one made by the host with `new SharedArrayBuffer(CONTROL_BYTES)`). */
export function controlViews(buffer: SharedArrayBuffer): ControlViews {
  return { ints: new Int32Array(buffer, 0, CONTROL_SLOTS), learningRate: new Float64Array(buffer, CONTROL_SLOTS * 4, 1) };
}

export interface StartTraining {
  readonly type: 'startTraining';
  /** The experiment, in the experiment-file JSON format. */
  readonly experiment: unknown;
  /** Folder that relative data paths resolve against. */
  readonly baseDir: string;
  /** The extension's folder (media/mnist lives under it). */
  readonly extensionRoot: string;
  /** When given, the only folders the run may read files in (Restricted Mode); absent: anywhere. */
  readonly readRoots?: readonly string[];
  /** Where the host found or downloaded the full MNIST (an mnist.npz or a folder of IDX files), if it did. */
  readonly mnist?: { readonly npz?: string; readonly directory?: string; readonly avoid?: readonly string[] };
  readonly kernels: 'auto' | 'wasm' | 'typescript';
  /** CONTROL_BYTES shared with the host (see controlViews). */
  readonly control: SharedArrayBuffer;
  /**
   * The run store entry this run appends to (src/runs): its folder and the header the host wrote as the
   * file's first line. The worker writes the rest (epochs, steps, weights, end) from its own thread.
   */
  readonly record: { readonly dir: string; readonly header: unknown } | null;
}

export type HostToWorker = StartTraining;

export interface StepPoint {
  readonly epoch: number;
  readonly step: number;
  readonly loss: number | null; // null: not finite
}

/** One layer's kernel norm at the end of an epoch and the mean norm of its gradient over the epoch's sampled steps. */
export interface LayerNorms {
  readonly layer: string;
  readonly weight: number | null;
  readonly gradient: number | null;
}

export interface EpochRecord {
  readonly epoch: number;
  readonly logs: Readonly<Record<string, number | null>>;
  readonly norms: readonly LayerNorms[];
}

/** Rows: true class; columns: predicted class; on the validation data (or the training data without any). */
export interface Confusion {
  readonly classes: readonly string[];
  readonly matrix: readonly (readonly number[])[];
  readonly on: 'validation' | 'training';
}

export type Task = 'binary' | 'multiclass' | 'regression';
export const TASKS: readonly Task[] = ['binary', 'multiclass', 'regression'];

/** Playground points, flattened [x1, x2, label, x1, x2, label, ...] with labels 0/1 (or values for regression). */
export interface PlanePoints {
  readonly train: readonly number[];
  readonly validation: readonly number[];
}

/** One Dense layer of the network view: kernel (inputs, units) row-major, as Keras lays it out. */
export interface NetworkLayer {
  readonly name: string;
  readonly units: number;
  readonly activation: string;
  readonly kernel: readonly number[];
  readonly bias: readonly number[] | null;
}

/**
 * Playground's network view of a small model: the input features, each Dense layer's weights, and every
 * node's output over a coarse grid (thumbDensity², same orientation as the boundary) for its thumbnail.
 */
export interface NetworkView {
  readonly inputs: readonly string[];
  readonly layers: readonly NetworkLayer[];
  readonly thumbDensity: number;
  /** One grid per input feature, then per layer one grid per unit. */
  readonly inputThumbs: readonly (readonly number[])[];
  readonly unitThumbs: readonly (readonly (readonly number[])[])[];
}

/** The model's first output over Playground's grid: row j·density + i is x1 = -6 + 12i/(density-1), x2 = 6 - 12j/(density-1). */
export interface Boundary {
  readonly epoch: number;
  readonly density: number;
  readonly values: readonly number[];
  /** Small models only (Playground-sized): the network view at the same moment. */
  readonly network: NetworkView | null;
}

/** The EarlyStopping settings the panel draws: the best epoch and the patience window after it. */
export interface EarlyStoppingInfo {
  readonly monitor: string;
  readonly patience: number;
  readonly restore_best_weights: boolean;
}

const isEarlyStoppingInfo = (v: unknown): v is EarlyStoppingInfo =>
  isRecord(v) && isString(v.monitor) && Number.isInteger(v.patience) && typeof v.restore_best_weights === 'boolean';

export type WorkerToHost =
  | {
      readonly type: 'didStart'; readonly description: Message; readonly params: number; readonly epochs: number; readonly stepsPerEpoch: number;
      readonly notes: readonly string[]; readonly kernels: string; readonly task: Task;
      /** Only for Playground datasets: the points, for the decision-boundary view. */
      readonly points: PlanePoints | null;
      readonly earlyStopping: EarlyStoppingInfo | null;
    }
  | { readonly type: 'didUpdateBoundary'; readonly boundary: Boundary }
  | { readonly type: 'didComputeConfusion'; readonly confusion: Confusion }
  | {
      readonly type: 'didReceiveMetrics'; readonly steps: readonly StepPoint[]; readonly epochs: readonly EpochRecord[];
      /** EarlyStopping's best epoch so far (1-based), or null without EarlyStopping or before it counted. */
      readonly bestEpoch: number | null;
    }
  | {
      readonly type: 'didFinishTraining';
      readonly stoppedBy: 'completed' | 'callback' | 'nan' | 'aborted';
      readonly epochsRun: number;
      readonly stoppedEpoch: number | null;
      readonly bestEpoch: number | null;
      readonly restoredBestWeights: boolean;
      readonly nanAt: StepPoint | null;
      readonly seconds: number;
    }
  | {
      readonly type: 'didFailTraining'; readonly kind: 'config' | 'data' | 'internal';
      /** English, for the log; `text` is the same error as a message for the host to translate (null for an internal error). */
      readonly message: string; readonly text: Message | null;
    };

const STOPPED_BY = ['completed', 'callback', 'nan', 'aborted'];

const isNullableNumber = (v: unknown): v is number | null => v === null || isFiniteNumber(v);
const isNumberList = (v: unknown): v is number[] => Array.isArray(v) && v.every(isFiniteNumber);
const isPoints = (v: unknown): v is PlanePoints => isRecord(v) && isNumberList(v.train) && isNumberList(v.validation) && v.train.length % 3 === 0 && v.validation.length % 3 === 0;
const isGrids = (v: unknown, size: number): boolean => Array.isArray(v) && v.every((g) => isNumberList(g) && g.length === size);
const isNetworkLayer = (v: unknown): v is NetworkLayer =>
  isRecord(v) && isString(v.name) && Number.isInteger(v.units) && isString(v.activation) && isNumberList(v.kernel) &&
  v.kernel.length % (v.units as number) === 0 && (v.bias === null || (isNumberList(v.bias) && v.bias.length === v.units));
const isNetworkView = (v: unknown): v is NetworkView => {
  if (!isRecord(v) || !isArrayOf(v.inputs, isString) || !isArrayOf(v.layers, isNetworkLayer) || !Number.isInteger(v.thumbDensity)) return false;
  const size = (v.thumbDensity as number) ** 2;
  return isGrids(v.inputThumbs, size) && Array.isArray(v.unitThumbs) && v.unitThumbs.length === v.layers.length &&
    v.unitThumbs.every((layer: unknown, i) => isGrids(layer, size) && (layer as unknown[]).length === (v.layers as NetworkLayer[])[i]!.units);
};
export const isBoundary = (v: unknown): v is Boundary =>
  isRecord(v) && Number.isInteger(v.epoch) && Number.isInteger(v.density) && isNumberList(v.values) && v.values.length === (v.density as number) ** 2 &&
  (v.network === null || isNetworkView(v.network));
const isStep = (v: unknown): v is StepPoint => isRecord(v) && Number.isInteger(v.epoch) && Number.isInteger(v.step) && isNullableNumber(v.loss);
const isNorms = (v: unknown): v is LayerNorms => isRecord(v) && isString(v.layer) && isNullableNumber(v.weight) && isNullableNumber(v.gradient);
const isEpoch = (v: unknown): v is EpochRecord =>
  isRecord(v) && Number.isInteger(v.epoch) && isRecord(v.logs) && Object.values(v.logs).every(isNullableNumber) && isArrayOf(v.norms, isNorms);
export const isConfusion = (v: unknown): v is Confusion =>
  isRecord(v) && isArrayOf(v.classes, isString) && (v.on === 'validation' || v.on === 'training') &&
  Array.isArray(v.matrix) && v.matrix.length === v.classes.length &&
  v.matrix.every((row: unknown) => Array.isArray(row) && row.length === (v.classes as unknown[]).length && row.every((c) => Number.isInteger(c)));

export function isHostToWorker(raw: unknown): raw is HostToWorker {
  return (
    isRecord(raw) && raw.type === 'startTraining' && isString(raw.baseDir) && isString(raw.extensionRoot) &&
    (raw.readRoots === undefined || isArrayOf(raw.readRoots, isString)) &&
    (raw.kernels === 'auto' || raw.kernels === 'wasm' || raw.kernels === 'typescript') &&
    (raw.mnist === undefined || (isRecord(raw.mnist) && (raw.mnist.npz === undefined || isString(raw.mnist.npz)) && (raw.mnist.directory === undefined || isString(raw.mnist.directory)) && (raw.mnist.avoid === undefined || isArrayOf(raw.mnist.avoid, isString)))) &&
    typeof SharedArrayBuffer !== 'undefined' && raw.control instanceof SharedArrayBuffer && raw.control.byteLength === CONTROL_BYTES &&
    (raw.record === null || (isRecord(raw.record) && isString(raw.record.dir) && isRecord(raw.record.header)))
  );
}

export function isWorkerToHost(raw: unknown): raw is WorkerToHost {
  if (!isRecord(raw)) return false;
  switch (raw.type) {
    case 'didStart':
      return (
        isMessage(raw.description) && Number.isInteger(raw.params) && Number.isInteger(raw.epochs) && Number.isInteger(raw.stepsPerEpoch) &&
        isArrayOf(raw.notes, isString) && isString(raw.kernels) && TASKS.includes(raw.task as Task) && (raw.points === null || isPoints(raw.points)) &&
        (raw.earlyStopping === null || isEarlyStoppingInfo(raw.earlyStopping))
      );
    case 'didUpdateBoundary':
      return isBoundary(raw.boundary);
    case 'didComputeConfusion':
      return isConfusion(raw.confusion);
    case 'didReceiveMetrics':
      return isArrayOf(raw.steps, isStep) && isArrayOf(raw.epochs, isEpoch) && (raw.bestEpoch === null || Number.isInteger(raw.bestEpoch));
    case 'didFinishTraining':
      return (
        STOPPED_BY.includes(raw.stoppedBy as string) && Number.isInteger(raw.epochsRun) && (raw.stoppedEpoch === null || Number.isInteger(raw.stoppedEpoch)) &&
        (raw.bestEpoch === null || Number.isInteger(raw.bestEpoch)) && typeof raw.restoredBestWeights === 'boolean' &&
        (raw.nanAt === null || isStep(raw.nanAt)) && isFiniteNumber(raw.seconds)
      );
    case 'didFailTraining':
      return (raw.kind === 'config' || raw.kind === 'data' || raw.kind === 'internal') && isString(raw.message) && (raw.text === null || isMessage(raw.text));
    default:
      return false;
  }
}

/** JSON has no NaN or Infinity: non-finite numbers travel as null. */
export function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}
