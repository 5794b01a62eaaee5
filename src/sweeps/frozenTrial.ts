/**
 * A study's trials as Optuna sees them (optuna/trial/_frozen.py, optuna/trial/_state.py): the state
 * codes the journal stores, a trial's params, distributions, objective values, intermediate values
 * (per-epoch metric, step = 0-based epoch) and attributes, and the read-only view of a study that
 * samplers and pruners decide from. Replaying a journal builds these (journal/journalReplay.ts).
 */
import type { ParamValue } from './applyParameters';
import type { Distribution } from './distributions';

/** optuna.trial.TrialState values as the journal stores them. */
export const TrialState = { RUNNING: 0, COMPLETE: 1, PRUNED: 2, FAIL: 3, WAITING: 4 } as const;
export type TrialState = (typeof TrialState)[keyof typeof TrialState];
export const TRIAL_STATE_NAMES: Readonly<Record<TrialState, 'running' | 'complete' | 'pruned' | 'fail' | 'waiting'>> = {
  0: 'running', 1: 'complete', 2: 'pruned', 3: 'fail', 4: 'waiting',
};

export const isFinished = (s: TrialState): boolean => s === TrialState.COMPLETE || s === TrialState.PRUNED || s === TrialState.FAIL;

/** optuna.study.StudyDirection values as the journal stores them. */
export const StudyDirection = { MINIMIZE: 1, MAXIMIZE: 2 } as const;
export type StudyDirection = (typeof StudyDirection)[keyof typeof StudyDirection];

export interface FrozenTrial {
  /** The trial's id across the whole journal (the count of CREATE_TRIAL lines before it). */
  readonly trialId: number;
  /** Its number within its study. */
  readonly number: number;
  readonly state: TrialState;
  readonly values: readonly number[] | null;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly distributions: Readonly<Record<string, Distribution>>;
  /** step → value, Optuna's intermediate values (HyperLab: the metric after each epoch, step = epoch − 1). */
  readonly intermediateValues: ReadonlyMap<number, number>;
  readonly userAttrs: Readonly<Record<string, unknown>>;
  readonly systemAttrs: Readonly<Record<string, unknown>>;
  /** ISO 8601 without zone, as Optuna writes them; null when unknown. */
  readonly datetimeStart: string | null;
  readonly datetimeComplete: string | null;
}

/** FrozenTrial.last_step: the largest step with an intermediate value. */
export function lastStep(t: FrozenTrial): number | null {
  let last: number | null = null;
  for (const s of t.intermediateValues.keys()) if (last === null || s > last) last = s;
  return last;
}

/** The single objective value, or null. */
export const trialValue = (t: FrozenTrial): number | null => t.values?.[0] ?? null;

/** What samplers and pruners may read of a study. */
export interface StudyView {
  readonly studyName: string;
  readonly direction: StudyDirection;
  /** Every trial of the study in number order (Study.get_trials). */
  readonly trials: readonly FrozenTrial[];
}

export const trialsIn = (study: StudyView, ...states: TrialState[]): FrozenTrial[] => study.trials.filter((t) => states.includes(t.state));
