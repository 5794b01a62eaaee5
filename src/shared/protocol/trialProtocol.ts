/**
 * The messages between a sweep's trial pool (src/sweeps/trialPool.ts) and a trial worker
 * (dist/trialWorker.js, a worker_threads Worker that trains one trial after another). The pool sends
 * `runTrial`; the worker answers `didStartTrial`, one `didFinishEpoch` per epoch (a trial's per-epoch
 * metric is what the pruner reads), and one `didEndTrial`. Stop, pause and the pruner's verdict go
 * through the SharedArrayBuffer the pool made, because the worker's thread is busy training: after an
 * epoch, a worker told to wait blocks until the pool writes that epoch's verdict.
 */
import { isFiniteNumber, isRecord, isString } from './guards';

/** Slots of the Int32Array over a trial worker's control buffer. */
export const TRIAL_STOP = 0; // 1: stop after the current step
export const TRIAL_PAUSE = 1; // 1: wait before the next step until it is 0 again (or stop is set)
export const TRIAL_VERDICT_EPOCH = 2; // the 1-based epoch the pool last answered
export const TRIAL_VERDICT = 3; // that answer: VERDICT_CONTINUE or VERDICT_PRUNE
export const VERDICT_CONTINUE = 1;
export const VERDICT_PRUNE = 2;
export const TRIAL_CONTROL_BYTES = 4 * 4;

export interface RunTrial {
  readonly type: 'runTrial';
  /** The trial's id in the study's journal (echoed in every answer). */
  readonly trial: number;
  readonly experiment: unknown;
  readonly baseDir: string;
  readonly extensionRoot: string;
  readonly kernels: 'auto' | 'wasm' | 'typescript';
  /** Whether to wait for the pool's verdict after each epoch (a pruner is on). */
  readonly waitForVerdict: boolean;
  /** TRIAL_CONTROL_BYTES shared with the pool, zeroed for each trial. */
  readonly control: SharedArrayBuffer;
  /** The run store entry the trial appends to: its folder and the header the pool wrote. */
  readonly record: { readonly dir: string; readonly header: unknown } | null;
}

export interface DidStartTrial { readonly type: 'didStartTrial'; readonly trial: number; readonly epochs: number; readonly params: number; readonly description: string }
export interface DidFinishEpoch { readonly type: 'didFinishEpoch'; readonly trial: number; readonly epoch: number; readonly logs: Readonly<Record<string, number | null>> }

export const TRIAL_OUTCOMES = ['finished', 'early_stopped', 'pruned', 'stopped', 'nan', 'failed'] as const;
export type TrialOutcome = (typeof TRIAL_OUTCOMES)[number];

export interface DidEndTrial {
  readonly type: 'didEndTrial';
  readonly trial: number;
  readonly outcome: TrialOutcome;
  readonly epochsRun: number;
  /** EarlyStopping's 1-based best epoch and whether it restored those weights. */
  readonly bestEpoch: number | null;
  readonly restoredBestWeights: boolean;
  /** Why a trial failed or stopped (a ConfigError's message, the NaN's place). */
  readonly reason: string | null;
}

export type TrialToPool = DidStartTrial | DidFinishEpoch | DidEndTrial;

const isIntOrNull = (v: unknown): boolean => v === null || Number.isInteger(v);

export function isRunTrial(v: unknown): v is RunTrial {
  return isRecord(v) && v.type === 'runTrial' && Number.isInteger(v.trial) && 'experiment' in v && isString(v.baseDir) && isString(v.extensionRoot) &&
    ['auto', 'wasm', 'typescript'].includes(v.kernels as string) && typeof v.waitForVerdict === 'boolean' && v.control instanceof SharedArrayBuffer &&
    (v.record === null || (isRecord(v.record) && isString(v.record.dir)));
}

export function isTrialToPool(v: unknown): v is TrialToPool {
  if (!isRecord(v) || !Number.isInteger(v.trial)) return false;
  switch (v.type) {
    case 'didStartTrial': return Number.isInteger(v.epochs) && Number.isInteger(v.params) && isString(v.description);
    case 'didFinishEpoch': return Number.isInteger(v.epoch) && isRecord(v.logs) && Object.values(v.logs).every((x) => x === null || isFiniteNumber(x));
    case 'didEndTrial': return TRIAL_OUTCOMES.includes(v.outcome as TrialOutcome) && Number.isInteger(v.epochsRun) && isIntOrNull(v.bestEpoch) && typeof v.restoredBestWeights === 'boolean' && (v.reason === null || isString(v.reason));
    default: return false;
  }
}
