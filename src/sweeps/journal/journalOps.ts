/**
 * The operations of Optuna's journal (optuna/storages/_journal/storage.py JournalOperation, the same
 * codes in 3.1 through 4.x; 5.0 adds 10, which readers before it do not know): one JSON object per
 * line with `op_code`, the writer's `worker_id` and the operation's fields, written as Python's json
 * writes it. Studies and trials carry no id in the file: a study's id is the order of its
 * CREATE_STUDY, a trial's the order of its CREATE_TRIAL (see journalReplay.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Distribution } from '../distributions';
import { distributionToJson } from '../distributions';
import type { StudyDirection, TrialState } from '../frozenTrial';
import { pyDumps, pyFloat } from '../pythonJson';

export const OpCode = {
  CREATE_STUDY: 0, DELETE_STUDY: 1, SET_STUDY_USER_ATTR: 2, SET_STUDY_SYSTEM_ATTR: 3, CREATE_TRIAL: 4,
  SET_TRIAL_PARAM: 5, SET_TRIAL_STATE_VALUES: 6, SET_TRIAL_INTERMEDIATE_VALUE: 7, SET_TRIAL_USER_ATTR: 8, SET_TRIAL_SYSTEM_ATTR: 9,
} as const;
export type OpCode = (typeof OpCode)[keyof typeof OpCode];

/** A journal line as read (Python may have written NaN/Infinity in numbers). */
export type JournalLog = Readonly<Record<string, unknown>> & { readonly op_code: number; readonly worker_id: string };

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
let lastMicros = 0;

/** datetime.now().isoformat(timespec="microseconds"): local time, no zone, microseconds. */
export function pyNow(): string {
  // performance.timeOrigin + now() has sub-millisecond resolution; keep it strictly increasing.
  let micros = Math.floor((performance.timeOrigin + performance.now()) * 1000);
  if (micros <= lastMicros) micros = lastMicros + 1;
  lastMicros = micros;
  const d = new Date(Math.floor(micros / 1000));
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(micros % 1_000_000, 6)}`;
}

/**
 * Builds the lines one writer appends. Each CREATE_TRIAL carries a worker id of its own (the writer's
 * id and a counter), so concurrent trials of one process each find the trial they created.
 */
export class OpWriter {
  private created = 0;
  readonly workerId: string;

  constructor(readonly uuid: string = randomUUID()) {
    this.workerId = `${uuid}-${process.pid}`;
  }

  /** Whether a line came from this writer. */
  owns(workerId: string): boolean {
    return workerId.startsWith(`${this.uuid}-`);
  }

  private line(op: OpCode, fields: Record<string, unknown>, workerId = this.workerId): string {
    return pyDumps({ op_code: op, worker_id: workerId, ...fields });
  }

  createStudy(name: string, direction: StudyDirection): string {
    return this.line(OpCode.CREATE_STUDY, { study_name: name, directions: [direction] });
  }

  setStudyUserAttr(studyId: number, key: string, value: unknown): string {
    return this.line(OpCode.SET_STUDY_USER_ATTR, { study_id: studyId, user_attr: { [key]: value } });
  }

  setStudySystemAttr(studyId: number, key: string, value: unknown): string {
    return this.line(OpCode.SET_STUDY_SYSTEM_ATTR, { study_id: studyId, system_attr: { [key]: value } });
  }

  /** The CREATE_TRIAL line and the worker id that identifies it. */
  /** `userAttrs` go into the CREATE_TRIAL line itself, as Optuna writes a template trial's (create_new_trial). */
  createTrial(studyId: number, userAttrs: Readonly<Record<string, unknown>> = {}): { line: string; creator: string } {
    const creator = `${this.workerId}-${++this.created}`;
    const attrs = Object.keys(userAttrs).length > 0 ? { user_attrs: userAttrs } : {};
    return { line: this.line(OpCode.CREATE_TRIAL, { study_id: studyId, datetime_start: pyNow(), ...attrs }, creator), creator };
  }

  /** A categorical stores its choice's index (an int); numbers are floats, as Optuna's internal repr. */
  setTrialParam(trialId: number, name: string, internal: number, d: Distribution): string {
    return this.line(OpCode.SET_TRIAL_PARAM, { trial_id: trialId, param_name: name, param_value_internal: d.kind === 'categorical' ? internal : pyFloat(internal), distribution: distributionToJson(d) });
  }

  setTrialStateValues(trialId: number, state: TrialState, values: readonly number[] | null, finished: boolean): string {
    const time = finished ? { datetime_complete: pyNow() } : state === 0 ? { datetime_start: pyNow() } : {};
    return this.line(OpCode.SET_TRIAL_STATE_VALUES, { trial_id: trialId, state, values: values === null ? null : values.map(pyFloat), ...time });
  }

  setTrialIntermediateValue(trialId: number, step: number, value: number): string {
    return this.line(OpCode.SET_TRIAL_INTERMEDIATE_VALUE, { trial_id: trialId, step, intermediate_value: pyFloat(value) });
  }

  setTrialUserAttr(trialId: number, key: string, value: unknown): string {
    return this.line(OpCode.SET_TRIAL_USER_ATTR, { trial_id: trialId, user_attr: { [key]: value } });
  }

  setTrialSystemAttr(trialId: number, key: string, value: unknown): string {
    return this.line(OpCode.SET_TRIAL_SYSTEM_ATTR, { trial_id: trialId, system_attr: { [key]: value } });
  }
}
