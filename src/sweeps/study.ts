/**
 * One study's ask / report / should_prune / tell, in the order Optuna's Study and Trial perform them
 * (optuna/study/study.py ask, optuna/trial/_trial.py suggest_*, report, should_prune,
 * optuna/study/_tell.py): a new RUNNING trial, the sampler's beforeTrial attributes, one sample per
 * parameter in the sweep's order, each recorded with its distribution; per-epoch intermediate values
 * with the pruner's verdict; and the end state — a pruned trial keeps its last intermediate value as
 * its value, a non-finite value makes the trial FAIL (the journal never holds NaN). Where the trials
 * live is the StudyBackend's business: the Optuna journal file, or memory in tests.
 */
import type { ParamValue } from './applyParameters';
import { type Distribution, incompatibility, isSingle, toInternal } from './distributions';
import { type FrozenTrial, type StudyDirection, type StudyView, TrialState, lastStep } from './frozenTrial';
import type { Pruner } from './pruners/pruner';
import type { Sampler } from './samplers/sampler';

export interface StudyBackend {
  readonly studyName: string;
  readonly direction: StudyDirection;
  /** Every trial of the study, current (a journal first reads what other processes appended). */
  trials(): Promise<readonly FrozenTrial[]>;
  /** A new RUNNING trial of this study, created with these user attributes (one write: never a trial without them). */
  createTrial(userAttrs?: Readonly<Record<string, unknown>>): Promise<FrozenTrial>;
  setTrialParam(trialId: number, name: string, internal: number, distribution: Distribution): Promise<void>;
  setTrialSystemAttr(trialId: number, key: string, value: unknown): Promise<void>;
  setTrialUserAttr(trialId: number, key: string, value: unknown): Promise<void>;
  setTrialIntermediateValue(trialId: number, step: number, value: number): Promise<void>;
  setTrialStateValues(trialId: number, state: TrialState, values: readonly number[] | null): Promise<void>;
}

export interface ParameterToSample {
  readonly name: string;
  readonly distribution: Distribution;
}

/** _get_single_value: the one value of a one-value distribution. */
function singleValue(d: Distribution): ParamValue {
  return d.kind === 'categorical' ? d.choices[0]! : d.low;
}

/** How long intermediate values wait, without a pruner, before they are written together (ms). */
const FLUSH_MS = 250;

export class Study {
  /**
   * Without a pruner, intermediate values wait here (by trial) and go to the journal together every
   * FLUSH_MS, or when their trial ends: one locked, fsynced append per flush instead of one per epoch,
   * which is what kept the host thread half busy and two trial workers from running twice as fast as one.
   * A crash loses at most FLUSH_MS of a RUNNING trial's curve, and a resumed sweep fails that trial anyway.
   */
  private readonly buffered = new Map<number, [number, number][]>();
  /** Flushed values on their way to the disk, by trial; each settles to its error or null. */
  private readonly unwritten = new Map<number, Promise<unknown>[]>();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(readonly backend: StudyBackend, readonly sampler: Sampler, readonly pruner: Pruner | null) {}

  async view(): Promise<StudyView> {
    return { studyName: this.backend.studyName, direction: this.backend.direction, trials: await this.backend.trials() };
  }

  private async trial(trialId: number): Promise<{ study: StudyView; trial: FrozenTrial }> {
    const study = await this.view();
    const trial = study.trials.find((t) => t.trialId === trialId);
    if (!trial) throw new Error(`trial ${trialId} is not in study ${this.backend.studyName}`);
    return { study, trial };
  }

  /** Study.ask plus one suggest per parameter: the new trial and its values. */
  async ask(parameters: readonly ParameterToSample[], userAttrs: Readonly<Record<string, unknown>> = {}): Promise<{ trial: FrozenTrial; params: Record<string, ParamValue> }> {
    const created = await this.backend.createTrial(userAttrs);
    let { study, trial } = await this.trial(created.trialId);
    const attrs = this.sampler.beforeTrial(this.samplerStudy(study, trial), trial);
    for (const [k, v] of Object.entries(attrs)) await this.backend.setTrialSystemAttr(trial.trialId, k, v);
    const params: Record<string, ParamValue> = {};
    for (const p of parameters) {
      ({ study, trial } = await this.trial(created.trialId));
      // A parameter another worker already recorded under the same name must have the same distribution.
      const clash = study.trials.find((t) => t.distributions[p.name] && incompatibility(t.distributions[p.name]!, p.distribution));
      if (clash) throw new Error(`parameter ${p.name}: ${incompatibility(clash.distributions[p.name]!, p.distribution)} (trial ${clash.number} of study ${study.studyName} recorded ${JSON.stringify(clash.distributions[p.name])})`);
      // Trial._suggest: a one-value range is taken as is, without asking the sampler (or drawing from its RNG).
      const value = isSingle(p.distribution) ? singleValue(p.distribution) : this.sampler.sampleIndependent(this.samplerStudy(study, trial), trial, p.name, p.distribution);
      await this.backend.setTrialParam(trial.trialId, p.name, toInternal(p.distribution, value), p.distribution);
      params[p.name] = value;
    }
    return { trial: (await this.trial(created.trialId)).trial, params };
  }

  private samplerStudy(study: StudyView, trial: FrozenTrial): StudyView {
    return this.pruner?.samplerStudy ? this.pruner.samplerStudy(study, trial) : study;
  }

  /** Trial.report (a step already reported is ignored, as Optuna does), then Trial.should_prune. */
  async reportAndPrune(trialId: number, step: number, value: number): Promise<boolean> {
    // Without a pruner nothing is read back: the value is buffered (the caller reports each step once, a
    // sweep's epochs) and tell() writes what is left before it ends the trial.
    if (!this.pruner) {
      const values = this.buffered.get(trialId) ?? [];
      values.push([step, value]);
      this.buffered.set(trialId, values);
      if (!this.flushTimer) {
        this.flushTimer = setTimeout(() => this.flush(null), FLUSH_MS);
        this.flushTimer.unref?.();
      }
      return false;
    }
    let { study, trial } = await this.trial(trialId);
    if (!trial.intermediateValues.has(step)) {
      await this.backend.setTrialIntermediateValue(trialId, step, value);
      ({ study, trial } = await this.trial(trialId));
    }
    if (!this.pruner) return false;
    const writes: Promise<void>[] = [];
    const systemAttrs = { ...trial.systemAttrs };
    const pruned = this.pruner.prune({
      study, trial: { ...trial, systemAttrs },
      setSystemAttr: (key, v) => { systemAttrs[key] = v; writes.push(this.backend.setTrialSystemAttr(trialId, key, v)); },
    });
    await Promise.all(writes);
    return pruned;
  }

  /** Forgets the values not sent yet (a sweep left as a killed host would leave it writes nothing more). */
  dropBuffered(): void {
    this.buffered.clear();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
  }

  /** Sends the buffered values of one trial (or all, null) to the backend; written in the same tick, they share one append. */
  private flush(trialId: number | null): void {
    const ids = trialId === null ? [...this.buffered.keys()] : this.buffered.has(trialId) ? [trialId] : [];
    for (const id of ids) {
      const queued = this.unwritten.get(id) ?? [];
      for (const [step, value] of this.buffered.get(id)!) {
        queued.push(this.backend.setTrialIntermediateValue(id, step, value).then(() => null, (e: unknown) => e ?? new Error('the write failed')));
      }
      this.unwritten.set(id, queued);
      this.buffered.delete(id);
    }
    if (trialId === null || this.buffered.size === 0) {
      if (this.flushTimer) clearTimeout(this.flushTimer);
      this.flushTimer = null;
    }
  }

  /**
   * Study.tell: COMPLETE with a finite value, PRUNED with the last intermediate value when finite,
   * FAIL otherwise (a NaN or infinite value fails the trial instead of reaching the journal).
   */
  async tell(trialId: number, state: 'complete' | 'pruned' | 'fail', value: number | null = null): Promise<TrialState> {
    // The trial's buffered intermediate values first (a failed write fails the tell, as an awaited report would).
    this.flush(trialId);
    const unwritten = this.unwritten.get(trialId) ?? [];
    this.unwritten.delete(trialId);
    const failed = (await Promise.all(unwritten)).find((e) => e !== null);
    if (failed !== undefined) throw failed instanceof Error ? failed : new Error('an intermediate value could not be written');
    const { trial } = await this.trial(trialId);
    let finalState: TrialState = state === 'complete' ? TrialState.COMPLETE : state === 'pruned' ? TrialState.PRUNED : TrialState.FAIL;
    let values: number[] | null = null;
    if (finalState === TrialState.COMPLETE) {
      if (value !== null && Number.isFinite(value)) values = [value];
      else finalState = TrialState.FAIL;
    } else if (finalState === TrialState.PRUNED) {
      const last = lastStep(trial);
      const v = last === null ? undefined : trial.intermediateValues.get(last);
      if (v !== undefined && Number.isFinite(v)) values = [v];
    }
    await this.backend.setTrialStateValues(trialId, finalState, values);
    return finalState;
  }
}
