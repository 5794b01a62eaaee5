/**
 * A study as the sweep views show it: one row per trial (params, state, objective value, best
 * intermediate value, epochs run, its learning curve, the run it was recorded as, who ran it and why
 * it failed), plain data a webview can take as is; and `readStudy`, which reads any journal a sweep or
 * a Python worker wrote. Parallel coordinates and slice plots are params → value of these rows;
 * importance is fanovaImportances(trials).
 */
import type { ParamValue } from './applyParameters';
import { REASON_LIMIT, echo } from '../shared/echo';
import { type FrozenTrial, StudyDirection, TRIAL_STATE_NAMES } from './frozenTrial';
import { JournalStorage } from './journal/journalStorage';

export interface TrialRow {
  readonly number: number;
  readonly state: 'running' | 'complete' | 'pruned' | 'fail' | 'waiting';
  readonly params: Readonly<Record<string, ParamValue>>;
  /** The objective value: a complete trial's, a pruned trial's last intermediate value; null otherwise. */
  readonly value: number | null;
  /** The best intermediate value (per the study's direction), or null before the first epoch. */
  readonly best: number | null;
  readonly epochs: number;
  /** [step, value] per reported epoch (step = epoch − 1). */
  readonly curve: readonly (readonly [number, number])[];
  /** The HyperLab run it was recorded as (user attribute hyperlab_run), null for another writer's. */
  readonly runId: string | null;
  readonly writer: 'hyperlab' | 'other';
  readonly reason: string | null;
  readonly started: string | null;
  readonly completed: string | null;
}

export function trialRows(trials: readonly FrozenTrial[], direction: StudyDirection): TrialRow[] {
  const better = (a: number, b: number) => (direction === StudyDirection.MINIMIZE ? a < b : a > b);
  return trials.map((t) => {
    const curve = [...t.intermediateValues].sort((a, b) => a[0] - b[0]);
    let best: number | null = null;
    for (const [, v] of curve) if (Number.isFinite(v) && (best === null || better(v, best))) best = v;
    return {
      number: t.number, state: TRIAL_STATE_NAMES[t.state], params: t.params, value: t.values?.[0] ?? null, best, epochs: curve.length, curve,
      runId: typeof t.userAttrs.hyperlab_run === 'string' ? t.userAttrs.hyperlab_run : null,
      writer: t.userAttrs.hyperlab_worker !== undefined ? 'hyperlab' : 'other',
      // Any writer's reason, shown as the trial's error: capped (shared/echo.ts), a journal line can be megabytes.
      reason: typeof t.userAttrs.hyperlab_fail_reason === 'string' ? echo(t.userAttrs.hyperlab_fail_reason, REASON_LIMIT) : null,
      started: t.datetimeStart, completed: t.datetimeComplete,
    };
  });
}

export interface StudySnapshot {
  readonly name: string;
  readonly direction: StudyDirection;
  /** The sweep HyperLab recorded in the study (user attribute hyperlab_sweep), or null (a Python-made study). */
  readonly sweep: unknown;
  readonly trials: readonly FrozenTrial[];
  readonly rows: readonly TrialRow[];
}

/** Reads a journal file's study (the only one, or `name`); null when there is no such study. */
export async function readStudy(file: string, name?: string): Promise<StudySnapshot | null> {
  const storage = await JournalStorage.open(file);
  const study = name === undefined ? (storage.studies().length === 1 ? storage.studies()[0] : undefined) : storage.study(name);
  if (!study) return null;
  const trials = storage.trials(study.studyId);
  const direction = study.directions[0] ?? StudyDirection.MINIMIZE;
  return { name: study.name, direction, sweep: study.userAttrs.hyperlab_sweep ?? null, trials, rows: trialRows(trials, direction) };
}
