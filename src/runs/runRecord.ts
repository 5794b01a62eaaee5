/**
 * The run store's record format, version RUN_SCHEMA_VERSION. A run is one JSON Lines file,
 * `<runsDir>/<id>.jsonl`, appended by the one process that trains it:
 *   {"type":"run", ...}       first line, written when the run is created (before any data loads)
 *   {"type":"start", ...}     once the data and the model are built
 *   {"type":"epoch", ...}     one per finished epoch (Keras history keys, 1-based epochs)
 *   {"type":"steps", ...}     per-batch losses, subsampled (StepTrace) so a long run stays bounded
 *   {"type":"end", ...}       how the run ended, with the summary the Runs view lists
 * A user's edits (rename, star, note) go to `<id>.meta.jsonl`, appended by whoever edits; the weights to
 * `<id>.weights.json`, written atomically once at the end. No file is ever rewritten in place, so two
 * windows, a worker and the CLI can share one store, and a crash loses at most the line being written.
 * This file holds the types and the guards that check each line on read; it does no I/O.
 */
import { isArrayOf, isFiniteNumber, isRecord, isString } from '../shared/protocol/guards';

export const RUN_SCHEMA_VERSION = 1;

export type RunStatus = 'running' | 'finished' | 'early_stopped' | 'stopped' | 'failed';
export const ENDED_STATUSES: readonly RunStatus[] = ['finished', 'early_stopped', 'stopped', 'failed'];

/** Where a run came from: the entry point, and the file/model/line when there is one. */
export interface RunSource {
  readonly kind: 'code' | 'experiment' | 'sidebar' | 'walkthrough' | 'cli' | 'sweep' | 'rerun';
  readonly file?: string;
  readonly model?: string;
  readonly line?: number;
  /** A sweep's study and trial number (kind 'sweep'). */
  readonly study?: string;
  readonly trial?: number;
  /** The run this one reran (kind 'rerun'). */
  readonly rerunOf?: string;
}
export const SOURCE_KINDS: readonly RunSource['kind'][] = ['code', 'experiment', 'sidebar', 'walkthrough', 'cli', 'sweep', 'rerun'];

export interface RunHeader {
  readonly type: 'run';
  readonly schema: number;
  readonly id: string;
  /** The readable name made from the experiment (runName.ts); a user's rename lives in the meta file. */
  readonly name: string;
  readonly source: RunSource;
  /** The experiment as trained, in Keras spelling, seed included: train it again for the same numbers. */
  readonly experiment: unknown;
  /** Folder that the experiment's relative data paths resolve against. */
  readonly base_dir: string;
  readonly hyperlab_version: string;
  /** ISO 8601 with timezone (UTC). */
  readonly started: string;
  /** The writing process and machine: a run without an end whose writer is gone was interrupted. */
  readonly pid: number;
  readonly hostname: string;
}

export interface RunStartRecord {
  readonly type: 'start';
  readonly params: number;
  readonly epochs: number;
  readonly steps_per_epoch: number;
  readonly description: string;
  readonly task: string;
  readonly notes: readonly string[];
}

/** [layer, kernel norm, mean gradient norm] at the end of an epoch (null: not finite). */
export type NormEntry = readonly [string, number | null, number | null];

export interface RunEpochRecord {
  readonly type: 'epoch';
  readonly epoch: number;
  readonly logs: Readonly<Record<string, number | null>>;
  readonly learning_rate: number | null;
  readonly norms?: readonly NormEntry[];
}

/** Per-batch losses: [epoch, step, loss] (1-based; loss null when not finite). */
export type StepEntry = readonly [number, number, number | null];

export interface RunStepsRecord {
  readonly type: 'steps';
  readonly points: readonly StepEntry[];
}

/** Per history key: the final value and the best one (lowest for losses and errors, highest otherwise). */
export type MetricSummary = Readonly<Record<string, { readonly final: number | null; readonly best: number | null; readonly best_epoch: number | null }>>;

export interface RunEndRecord {
  readonly type: 'end';
  readonly status: Exclude<RunStatus, 'running'>;
  /** Why it ended when it did not simply finish (EarlyStopping, the user's Stop, NaN, an error). */
  readonly reason: string | null;
  readonly ended: string;
  readonly epochs_run: number;
  readonly seconds: number;
  /** EarlyStopping: the 1-based best epoch, where it stopped, and whether it restored the best weights. */
  readonly best_epoch: number | null;
  readonly stopped_epoch: number | null;
  readonly restored_best_weights: boolean;
  /** The weights file's name beside this one, or null when none was written (a failed run). */
  readonly weights: string | null;
  readonly summary: MetricSummary;
}

export type RunRecord = RunHeader | RunStartRecord | RunEpochRecord | RunStepsRecord | RunEndRecord;

/** One line of `<id>.meta.jsonl`: the keys present replace earlier values. */
export interface RunMetaRecord {
  readonly type: 'meta';
  readonly at: string;
  readonly name?: string;
  readonly starred?: boolean;
  readonly note?: string;
}

// ---- guards (a line that fails its guard is skipped like a torn one) --------------------------------

const isNullableNumber = (v: unknown): v is number | null => v === null || isFiniteNumber(v);
const isLogs = (v: unknown): v is Record<string, number | null> => isRecord(v) && Object.values(v).every(isNullableNumber);
const isIntOrNull = (v: unknown): v is number | null => v === null || Number.isInteger(v);

function isSource(v: unknown): v is RunSource {
  return isRecord(v) && SOURCE_KINDS.includes(v.kind as RunSource['kind']) &&
    (v.file === undefined || isString(v.file)) && (v.model === undefined || isString(v.model)) &&
    (v.line === undefined || Number.isInteger(v.line)) && (v.study === undefined || isString(v.study)) &&
    (v.trial === undefined || Number.isInteger(v.trial)) && (v.rerunOf === undefined || isString(v.rerunOf));
}

export function isRunHeader(v: unknown): v is RunHeader {
  return isRecord(v) && v.type === 'run' && Number.isInteger(v.schema) && isString(v.id) && isString(v.name) && isSource(v.source) &&
    'experiment' in v && isString(v.base_dir) && isString(v.hyperlab_version) && isString(v.started) && Number.isInteger(v.pid) && isString(v.hostname);
}

const isNormEntry = (v: unknown): v is NormEntry => Array.isArray(v) && v.length === 3 && isString(v[0]) && isNullableNumber(v[1]) && isNullableNumber(v[2]);
const isStepEntry = (v: unknown): v is StepEntry => Array.isArray(v) && v.length === 3 && Number.isInteger(v[0]) && Number.isInteger(v[1]) && isNullableNumber(v[2]);
const isSummary = (v: unknown): v is MetricSummary =>
  isRecord(v) && Object.values(v).every((s) => isRecord(s) && isNullableNumber(s.final) && isNullableNumber(s.best) && isIntOrNull(s.best_epoch));

export function isRunRecord(v: unknown): v is RunRecord {
  if (!isRecord(v)) return false;
  switch (v.type) {
    case 'run':
      return isRunHeader(v);
    case 'start':
      return Number.isInteger(v.params) && Number.isInteger(v.epochs) && Number.isInteger(v.steps_per_epoch) && isString(v.description) && isString(v.task) && isArrayOf(v.notes, isString);
    case 'epoch':
      return Number.isInteger(v.epoch) && isLogs(v.logs) && isNullableNumber(v.learning_rate) && (v.norms === undefined || isArrayOf(v.norms, isNormEntry));
    case 'steps':
      return isArrayOf(v.points, isStepEntry);
    case 'end':
      return ENDED_STATUSES.includes(v.status as RunStatus) && (v.reason === null || isString(v.reason)) && isString(v.ended) && Number.isInteger(v.epochs_run) &&
        isFiniteNumber(v.seconds) && isIntOrNull(v.best_epoch) && isIntOrNull(v.stopped_epoch) && typeof v.restored_best_weights === 'boolean' &&
        (v.weights === null || isString(v.weights)) && isSummary(v.summary);
    default:
      return false;
  }
}

export function isRunMetaRecord(v: unknown): v is RunMetaRecord {
  return isRecord(v) && v.type === 'meta' && isString(v.at) && (v.name === undefined || isString(v.name)) &&
    (v.starred === undefined || typeof v.starred === 'boolean') && (v.note === undefined || isString(v.note));
}
