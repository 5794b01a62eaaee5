/**
 * Replays journal lines into studies and trials the way Optuna's JournalStorageReplayResult does
 * (optuna/storages/_journal/storage.py): a study's id is its CREATE_STUDY's order (a second study of
 * the same name is ignored), a trial's id the count of applied CREATE_TRIALs before it and its number
 * its count within the study; an update to a missing or finished trial, or a parameter whose
 * distribution disagrees with an earlier trial's, is dropped — and is an error when this writer
 * made it. Trials are replaced, never mutated, so a view handed out stays as it was.
 */
import type { ParamValue } from '../applyParameters';
import { echo } from '../../shared/echo';
import { type Distribution, distributionFromJson, incompatibility, toExternal } from '../distributions';
import { type FrozenTrial, type StudyDirection, TrialState, isFinished } from '../frozenTrial';
import { type JournalLog, OpCode } from './journalOps';

export interface StudyRecord {
  readonly studyId: number;
  readonly name: string;
  readonly directions: readonly StudyDirection[];
  readonly userAttrs: Readonly<Record<string, unknown>>;
  readonly systemAttrs: Readonly<Record<string, unknown>>;
}

export class JournalReplay {
  private readonly studies = new Map<number, StudyRecord>();
  private readonly trials: FrozenTrial[] = [];
  private readonly trialStudy: number[] = [];
  private readonly studyTrials = new Map<number, number[]>();
  private nextStudyId = 0;
  /** The last trial each writer created (Optuna's _last_created_trial_id_by_this_process). */
  readonly lastCreatedBy = new Map<string, number>();
  /** Intermediate-value maps made during the current apply(): no view holds them yet. */
  private readonly copiedValues = new Set<ReadonlyMap<number, number>>();
  /** Lines skipped: unknown op codes (e.g. Optuna 5's) and malformed operations. */
  skipped = 0;

  /** `owns(workerId)`: whether a line is this process's (its rejected operations are errors). */
  constructor(private readonly owns: (workerId: string) => boolean = () => false) {}

  allStudies(): StudyRecord[] {
    return [...this.studies.values()];
  }

  study(studyId: number): StudyRecord | undefined {
    return this.studies.get(studyId);
  }

  studyByName(name: string): StudyRecord | undefined {
    return [...this.studies.values()].find((s) => s.name === name);
  }

  trialsOf(studyId: number): FrozenTrial[] {
    return (this.studyTrials.get(studyId) ?? []).map((id) => this.trials[id]!);
  }

  trial(trialId: number): FrozenTrial | undefined {
    return this.trials[trialId];
  }

  /** Applies lines in order; returns this process's rejected operations with their errors. */
  apply(logs: readonly JournalLog[]): { log: JournalLog; error: Error }[] {
    const errors: { log: JournalLog; error: Error }[] = [];
    this.copiedValues.clear(); // maps copied before this call may be in views handed out since
    for (const log of logs) {
      try {
        this.applyOne(log);
      } catch (e) {
        if (this.owns(String(log.worker_id))) errors.push({ log, error: e instanceof Error ? e : new Error(String(e)) });
        else this.skipped++;
      }
    }
    return errors;
  }

  private applyOne(log: JournalLog): void {
    switch (log.op_code) {
      case OpCode.CREATE_STUDY: return this.createStudy(log);
      case OpCode.DELETE_STUDY: { const id = this.existingStudy(log); this.studies.delete(id); return; }
      case OpCode.SET_STUDY_USER_ATTR: return this.updateStudy(log, 'userAttrs', log.user_attr);
      case OpCode.SET_STUDY_SYSTEM_ATTR: return this.updateStudy(log, 'systemAttrs', log.system_attr);
      case OpCode.CREATE_TRIAL: return this.createTrial(log);
      case OpCode.SET_TRIAL_PARAM: return this.setParam(log);
      case OpCode.SET_TRIAL_STATE_VALUES: return this.setStateValues(log);
      case OpCode.SET_TRIAL_INTERMEDIATE_VALUE: {
        // The trial's map is copied once per apply() and then filled in place: copying it for each of a
        // batch's values made replaying a long trial quadratic (1,000 epochs copied half a million entries).
        const t = this.updatable(log);
        let values = t.intermediateValues as Map<number, number>;
        if (!this.copiedValues.has(values)) {
          values = new Map(values);
          this.copiedValues.add(values);
          this.put(t, { intermediateValues: values });
        }
        values.set(Number(log.step), Number(log.intermediate_value));
        return;
      }
      case OpCode.SET_TRIAL_USER_ATTR: { const t = this.updatable(log); this.put(t, { userAttrs: { ...t.userAttrs, ...(log.user_attr as object) } }); return; }
      case OpCode.SET_TRIAL_SYSTEM_ATTR: { const t = this.updatable(log); this.put(t, { systemAttrs: { ...t.systemAttrs, ...(log.system_attr as object) } }); return; }
      default: throw new Error(`unknown journal op_code ${echo(String(log.op_code))}`);
    }
  }

  private createStudy(log: JournalLog): void {
    const name = String(log.study_name);
    if (this.studyByName(name)) {
      if (this.owns(String(log.worker_id))) throw new Error(`Another study with name '${echo(name)}' already exists.`);
      return;
    }
    const id = this.nextStudyId++;
    this.studies.set(id, { studyId: id, name, directions: (log.directions as StudyDirection[]) ?? [], userAttrs: {}, systemAttrs: {} });
    this.studyTrials.set(id, []);
  }

  private existingStudy(log: JournalLog): number {
    const id = Number(log.study_id);
    if (!this.studies.has(id)) throw new Error(`study ${id} does not exist`);
    return id;
  }

  private updateStudy(log: JournalLog, field: 'userAttrs' | 'systemAttrs', attr: unknown): void {
    const id = this.existingStudy(log);
    const s = this.studies.get(id)!;
    this.studies.set(id, { ...s, [field]: { ...s[field], ...(attr as object) } });
  }

  private createTrial(log: JournalLog): void {
    const studyId = this.existingStudy(log);
    const trialId = this.trials.length;
    const dists: Record<string, Distribution> = {};
    for (const [k, v] of Object.entries((log.distributions ?? {}) as Record<string, string>)) dists[k] = distributionFromJson(v);
    const params: Record<string, ParamValue> = {};
    for (const [k, v] of Object.entries((log.params ?? {}) as Record<string, number>)) params[k] = toExternal(dists[k]!, v);
    const value = log.value as number | null | undefined;
    const values = (log.values as number[] | null | undefined) ?? (typeof value === 'number' ? [value] : null);
    const trial: FrozenTrial = {
      trialId, number: this.studyTrials.get(studyId)!.length, state: (log.state as TrialState | undefined) ?? TrialState.RUNNING,
      values, params, distributions: dists,
      intermediateValues: new Map(Object.entries((log.intermediate_values ?? {}) as Record<string, number>).map(([k, v]) => [Number(k), v])),
      userAttrs: (log.user_attrs as Record<string, unknown> | undefined) ?? {}, systemAttrs: (log.system_attrs as Record<string, unknown> | undefined) ?? {},
      datetimeStart: (log.datetime_start as string | null | undefined) ?? null, datetimeComplete: (log.datetime_complete as string | undefined) ?? null,
    };
    this.trials.push(trial);
    this.trialStudy.push(studyId);
    this.studyTrials.get(studyId)!.push(trialId);
    this.lastCreatedBy.set(log.worker_id, trialId);
  }

  private updatable(log: JournalLog): FrozenTrial {
    const t = this.trials[Number(log.trial_id)];
    if (!t) throw new Error(`trial ${echo(String(log.trial_id))} does not exist`);
    if (isFinished(t.state)) throw new Error(`Trial#${t.number} has already finished and can not be updated.`);
    return t;
  }

  private put(t: FrozenTrial, change: Partial<FrozenTrial>): void {
    this.trials[t.trialId] = { ...t, ...change };
  }

  private setParam(log: JournalLog): void {
    const t = this.updatable(log);
    const name = String(log.param_name);
    const d = distributionFromJson(String(log.distribution));
    // Optuna checks against the first earlier trial of the study holding this parameter.
    const earlier = this.trialsOf(this.trialStudy[t.trialId]!).find((p) => name in p.params);
    const clash = earlier ? incompatibility(earlier.distributions[name]!, d) : null;
    if (clash) throw new Error(clash);
    this.put(t, { params: { ...t.params, [name]: toExternal(d, Number(log.param_value_internal)) }, distributions: { ...t.distributions, [name]: d } });
  }

  private setStateValues(log: JournalLog): void {
    const t = this.updatable(log);
    const state = Number(log.state) as TrialState;
    if (state === TrialState.RUNNING && t.state === TrialState.RUNNING) return;
    const change: { -readonly [K in keyof FrozenTrial]?: FrozenTrial[K] } = { state };
    if (state === TrialState.RUNNING) change.datetimeStart = (log.datetime_start as string | undefined) ?? null;
    if (isFinished(state)) change.datetimeComplete = (log.datetime_complete as string | undefined) ?? null;
    if (log.values !== null && log.values !== undefined) change.values = log.values as number[];
    this.put(t, change);
  }
}
