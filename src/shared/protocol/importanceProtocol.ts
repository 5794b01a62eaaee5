/**
 * The messages between the extension host and the importance worker (dist/importanceWorker.js), which
 * computes fANOVA hyperparameter importance off the host's thread (a forest of 64 trees takes about
 * 300 ms for 40 trials). The host sends the complete trials (their parameters, the distributions they
 * were sampled from, the objective value) with a job id; the worker answers that id with the
 * importances or the reason there are none (Optuna's own messages: a single trial, zero variance).
 */
import { isArrayOf, isFiniteNumber, isRecord, isString } from './guards';

export type ImportanceParamValue = number | string | boolean | null;

/** An Optuna distribution as src/sweeps/distributions.ts holds it (structurally). */
export type ImportanceDistribution =
  | { readonly kind: 'float'; readonly low: number; readonly high: number; readonly log: boolean; readonly step: number | null }
  | { readonly kind: 'int'; readonly low: number; readonly high: number; readonly log: boolean; readonly step: number }
  | { readonly kind: 'categorical'; readonly choices: readonly ImportanceParamValue[] };

export interface ImportanceTrial {
  readonly params: Readonly<Record<string, ImportanceParamValue>>;
  readonly distributions: Readonly<Record<string, ImportanceDistribution>>;
  readonly value: number;
}

export interface ComputeImportance {
  readonly type: 'computeImportance';
  readonly id: number;
  readonly trials: readonly ImportanceTrial[];
  /** The forest's seed (fixed, so the view does not flicker between equal inputs). */
  readonly seed: number;
}

export type DidComputeImportance =
  | { readonly type: 'didComputeImportance'; readonly id: number; readonly importances: readonly { readonly param: string; readonly importance: number }[] }
  | { readonly type: 'didFailImportance'; readonly id: number; readonly reason: string };

const isValue = (v: unknown): v is ImportanceParamValue => v === null || isString(v) || typeof v === 'boolean' || isFiniteNumber(v);

function isDistribution(v: unknown): v is ImportanceDistribution {
  if (!isRecord(v)) return false;
  if (v.kind === 'categorical') return isArrayOf(v.choices, isValue) && v.choices.length > 0;
  const numeric = isFiniteNumber(v.low) && isFiniteNumber(v.high) && typeof v.log === 'boolean';
  if (v.kind === 'float') return numeric && (v.step === null || isFiniteNumber(v.step));
  return v.kind === 'int' && numeric && Number.isInteger(v.step);
}

const isTrial = (v: unknown): v is ImportanceTrial =>
  isRecord(v) && isFiniteNumber(v.value) && isRecord(v.params) && Object.values(v.params).every(isValue) &&
  isRecord(v.distributions) && Object.values(v.distributions).every(isDistribution);

export function isComputeImportance(v: unknown): v is ComputeImportance {
  return isRecord(v) && v.type === 'computeImportance' && Number.isInteger(v.id) && Number.isInteger(v.seed) && isArrayOf(v.trials, isTrial);
}

export function isDidComputeImportance(v: unknown): v is DidComputeImportance {
  if (!isRecord(v) || !Number.isInteger(v.id)) return false;
  if (v.type === 'didFailImportance') return isString(v.reason);
  return v.type === 'didComputeImportance' && Array.isArray(v.importances) &&
    v.importances.every((i: unknown) => isRecord(i) && isString(i.param) && isFiniteNumber(i.importance));
}
