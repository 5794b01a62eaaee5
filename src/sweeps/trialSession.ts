/**
 * One trial of a sweep from ask to tell: the study samples its parameters, they go into a copy of the
 * base experiment, the run store gets the trial's run (its id becomes the trial's user attribute
 * hyperlab_run), a pool worker trains it, each epoch's metric is reported as the intermediate value
 * of step epoch − 1 and judged by the pruner, and the end is told to the study: complete with the
 * metric of the last epoch (or of EarlyStopping's restored best), pruned, or failed with its reason
 * (a bad value, NaN, a metric the run does not log, a dead worker, a cancelled sweep).
 */
import { ConfigError } from '../engine/configError';
import type { JsonObject } from '../engine/experiment/specReader';
import { type ParamValue, applyParameters } from './applyParameters';
import type { SweepDefinition } from './sweepDefinition';
import type { SweepEvent } from './sweepEvents';
import type { Study } from './study';
import type { TrialRecorder } from './trialRecording';
import type { TrialHandle, TrialListener, TrialRunner } from './trialPool';

export interface TrialContext {
  readonly study: Study;
  readonly runner: TrialRunner;
  readonly recorder: TrialRecorder;
  readonly definition: SweepDefinition;
  readonly baseDir: string;
  readonly sweepFile: string | null;
  readonly studyName: string;
  readonly tag: { readonly host: string; readonly pid: number; readonly session: string };
  emit(event: SweepEvent): void;
  paused(): boolean;
}

type Logs = Readonly<Record<string, number | null>>;

/** A trial the study has given (RUNNING in the journal) that no worker trains yet. */
export interface AskedTrial {
  readonly trialId: number;
  /** Records its run and starts it on a free worker of the pool. */
  launch(): Promise<TrialSession>;
  /** Ends it as failed, cancelled, without training it. */
  cancel(): Promise<void>;
}

export class TrialSession {
  /** Resolves once the trial is told to the study (whatever its end). */
  readonly done: Promise<void>;
  private finish!: () => void;
  /** Resolves when the trial's worker is free again (before the study is told). */
  readonly trained: Promise<void>;
  private workerFree!: () => void;
  private handle: TrialHandle | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private readonly epochs: { epoch: number; logs: Logs }[] = [];
  private failReason: string | null = null;
  private pruned = false;
  private stopped = false;
  private readonly startedAt = Date.now();

  private constructor(private readonly ctx: TrialContext, readonly trialId: number, readonly number: number, readonly params: Readonly<Record<string, ParamValue>>, private readonly runId: string | null) {
    this.done = new Promise((resolve) => (this.finish = resolve));
    this.trained = new Promise((resolve) => (this.workerFree = resolve));
  }

  /** Asks the study for a trial and starts it; null when it failed before training (told as failed already). */
  static async start(ctx: TrialContext): Promise<TrialSession | null> {
    const asked = await TrialSession.ask(ctx);
    return asked ? asked.launch() : null;
  }

  /**
   * Study.ask and the trial's experiment, without starting it (a sweep asks ahead while its workers are
   * busy); null when its values make no experiment (told as failed already).
   */
  static async ask(ctx: TrialContext): Promise<AskedTrial | null> {
    const def = ctx.definition;
    // Created with its worker: a host killed at any moment leaves no trial a resume cannot tell was ours.
    const { trial, params } = await ctx.study.ask(def.parameters.map((p) => ({ name: p.path.name, distribution: p.distribution })), { hyperlab_worker: ctx.tag });
    const backend = ctx.study.backend;
    const failBeforeTraining = async (reason: string): Promise<null> => {
      await backend.setTrialUserAttr(trial.trialId, 'hyperlab_fail_reason', reason);
      await ctx.study.tell(trial.trialId, 'fail');
      ctx.emit({ type: 'trialStarted', number: trial.number, params, runId: null });
      ctx.emit({ type: 'trialEnded', number: trial.number, state: 'fail', value: null, epochs: 0, reason, params, runId: null });
      return null;
    };
    let experiment: JsonObject;
    try {
      experiment = applyParameters(def.experiment, def.parameters.map((p) => ({ path: p.path, value: params[p.path.name]! })));
    } catch (e) {
      return failBeforeTraining(e instanceof ConfigError ? e.message : String(e));
    }
    return {
      trialId: trial.trialId,
      launch: async () => {
        const run = await ctx.recorder.create({ experiment, baseDir: ctx.baseDir, study: ctx.studyName, trialNumber: trial.number, sweepFile: ctx.sweepFile });
        if (run) await backend.setTrialUserAttr(trial.trialId, 'hyperlab_run', run.runId);
        const session = new TrialSession(ctx, trial.trialId, trial.number, params, run?.runId ?? null);
        ctx.emit({ type: 'trialStarted', number: trial.number, params, runId: session.runId });
        const listener: TrialListener = {
          started: () => undefined,
          epoch: (epoch, logs) => session.queue(() => session.onEpoch(epoch, logs)),
          // The worker is free at once; whatever happens while telling the study, the trial is then over for the controller.
          ended: (end) => {
            session.workerFree();
            session.queue(() => session.onEnd(end).finally(() => session.finish()));
          },
        };
        session.handle = ctx.runner.run({ trialId: trial.trialId, experiment, baseDir: ctx.baseDir, waitForVerdict: ctx.study.pruner !== null, record: run?.record ?? null }, listener);
        if (ctx.paused()) session.handle.setPaused(true);
        return session;
      },
      cancel: () => failBeforeTraining('cancelled: the sweep was stopped').then(() => undefined),
    };
  }

  /** Worker events are handled one after another, in order. */
  private queue(fn: () => Promise<void>): void {
    this.chain = this.chain.then(fn).catch((e: unknown) => {
      // The study could not be written (a full disk): stop the trial; the sweep reports the error at its end.
      this.failReason ??= `the study could not be updated: ${e instanceof Error ? e.message : String(e)}`;
      this.handle?.stop();
    });
  }

  setPaused(paused: boolean): void {
    this.handle?.setPaused(paused);
  }

  stop(): void {
    this.stopped = true;
    this.handle?.stop();
  }

  private async onEpoch(epoch: number, logs: Logs): Promise<void> {
    this.epochs.push({ epoch, logs });
    const name = this.ctx.definition.metric.name;
    const value = logs[name];
    if (this.failReason !== null || this.pruned || this.stopped) {
      this.handle!.answer(epoch, true);
      return;
    }
    if (value === undefined || value === null) {
      this.failReason = value === undefined
        ? `the metric ${name} is not in the run's logs (${Object.keys(logs).join(', ')}): add it to compile.metrics, or validation data for a val_ metric`
        : `the metric ${name} became NaN or infinite at epoch ${epoch}`;
      this.handle!.stop();
      this.ctx.emit({ type: 'trialEpoch', number: this.number, epoch, value: null });
      return;
    }
    // Optuna's steps start at 0: epoch 1 is step 0.
    const prune = await this.ctx.study.reportAndPrune(this.trialId, epoch - 1, value);
    this.handle!.answer(epoch, prune);
    if (prune) this.pruned = true;
    this.ctx.emit({ type: 'trialEpoch', number: this.number, epoch, value });
  }

  private async onEnd(end: Parameters<TrialListener['ended']>[0]): Promise<void> {
    const metric = this.ctx.definition.metric.name;
    let state: 'complete' | 'pruned' | 'fail', reason: string | null = this.failReason, value: number | null = null;
    if (reason !== null) state = 'fail';
    else if (this.pruned || end.outcome === 'pruned') state = 'pruned';
    else if (end.outcome === 'finished' || end.outcome === 'early_stopped') {
      // The model a Keras user keeps: EarlyStopping's best epoch when it restored those weights, else the last.
      const at = end.restoredBestWeights && end.bestEpoch !== null ? end.bestEpoch : end.epochsRun;
      value = this.epochs.find((e) => e.epoch === at)?.logs[metric] ?? null;
      state = value === null ? 'fail' : 'complete';
      if (value === null) reason = `no ${metric} at epoch ${at}`;
    } else {
      state = 'fail';
      reason = end.outcome === 'stopped' ? 'cancelled: the sweep was stopped' : end.reason ?? end.outcome;
      if (end.outcome === 'failed' && this.runId && reason.startsWith("the trial's worker")) this.ctx.recorder.crashed(this.runId, this.epochs, reason, (Date.now() - this.startedAt) / 1000);
    }
    if (reason !== null) await this.ctx.study.backend.setTrialUserAttr(this.trialId, 'hyperlab_fail_reason', reason);
    const told = await this.ctx.study.tell(this.trialId, state, value);
    const finalState = told === 1 ? 'complete' : told === 2 ? 'pruned' : 'fail';
    const last = this.epochs.length > 0 ? this.epochs[this.epochs.length - 1]!.logs[metric] ?? null : null;
    this.ctx.emit({ type: 'trialEnded', number: this.number, state: finalState, value: finalState === 'complete' ? value : finalState === 'pruned' ? last : null, epochs: end.epochsRun, reason, params: this.params, runId: this.runId });
  }
}
