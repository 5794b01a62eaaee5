/**
 * Runs a sweep: opens (or resumes) its Optuna study in the journal, keeps every worker of the pool
 * busy with a new trial while the study holds fewer than max_trials (counting every writer's trials),
 * and turns each trial's epochs and end into Optuna's report / should_prune / tell. Start, pause,
 * resume and cancel; events for the host; no 'vscode' (the extension's views and the CLI both drive it).
 * After a crash, starting again on the same journal resumes: HyperLab's own trials whose process is
 * gone are marked failed (interrupted, not counted) and the sweep goes on from the trials there.
 */
import * as os from 'node:os';
import { randomUUID } from 'node:crypto';
import { type FrozenTrial, StudyDirection, TrialState } from './frozenTrial';
import { JournalStorage } from './journal/journalStorage';
import { createPruner, createSampler } from './sweepAlgorithms';
import type { SweepDefinition } from './sweepDefinition';
import type { BestTrial, SweepEvent, SweepListener, SweepState } from './sweepEvents';
import { Study } from './study';
import { GridSampler } from './samplers/gridSampler';
import type { TrialRecorder } from './trialRecording';
import type { TrialRunner } from './trialPool';
import { type AskedTrial, TrialSession, type TrialContext } from './trialSession';
import { distributionToJson } from './distributions';

export interface SweepOptions {
  readonly definition: SweepDefinition;
  /** The journal file of the study. */
  readonly storage: string;
  /** Overrides the definition's study name, workers and max_trials (the CLI's flags, a user's cap). */
  readonly study?: string;
  readonly workers?: number | null;
  readonly maxTrials?: number;
  /** Where the base experiment's relative data paths resolve. */
  readonly baseDir: string;
  readonly sweepFile: string | null;
}

export interface SweepPorts {
  /** A pool of `workers` trial workers. */
  runner(workers: number): TrialRunner;
  readonly recorder: TrialRecorder;
  defaultWorkers(): number;
  /** A seed for an unseeded sweep (recorded in the study, so a resumed sweep keeps it). */
  randomSeed(): number;
  /** Whether the HyperLab process `pid` on this machine still runs. */
  processAlive(pid: number): boolean;
}

/** Who runs a trial: recorded as the trial's user attribute hyperlab_worker. */
export interface WorkerTag { readonly host: string; readonly pid: number; readonly session: string }

export const ATTR = { run: 'hyperlab_run', worker: 'hyperlab_worker', reason: 'hyperlab_fail_reason', interrupted: 'hyperlab_interrupted', sweep: 'hyperlab_sweep', seed: 'hyperlab_seed' } as const;

export class SweepController {
  private listeners = new Set<SweepListener>();
  private stateValue: SweepState = 'starting';
  private readonly sessions = new Map<number, TrialSession>();
  private wakeUp: (() => void) | null = null;
  private readonly tag: WorkerTag = { host: os.hostname(), pid: process.pid, session: randomUUID() };
  private storage: JournalStorage | null = null;
  private studyId = -1;
  /** Set by detach(): the controller writes nothing more and its loop ends. */
  private detached = false;
  private looping: Promise<void> | null = null;
  private study: Study | null = null;
  /** Trials of the study this controller has accounted for (its own and those it announced). */
  private seen = 0;

  constructor(private readonly options: SweepOptions, private readonly ports: SweepPorts) {}

  get state(): SweepState {
    return this.stateValue;
  }

  get studyName(): string {
    return this.options.study ?? this.options.definition.name;
  }

  onEvent(listener: SweepListener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private emit(event: SweepEvent): void {
    for (const l of [...this.listeners]) l(event);
  }

  private wake(): void {
    this.wakeUp?.();
  }

  /** The study's trials as last read (every writer's), for the views. */
  trials(): readonly FrozenTrial[] {
    return this.storage ? this.storage.trials(this.studyId) : [];
  }

  /** Reads what other writers appended since (a Python worker's trials), then the trials. */
  async refresh(): Promise<readonly FrozenTrial[]> {
    await this.storage?.sync();
    return this.trials();
  }

  pause(): void {
    if (this.stateValue !== 'running') return;
    this.stateValue = 'paused';
    for (const s of this.sessions.values()) s.setPaused(true);
    this.emit({ type: 'paused' });
  }

  resume(): void {
    if (this.stateValue !== 'paused') return;
    this.stateValue = 'running';
    for (const s of this.sessions.values()) s.setPaused(false);
    this.emit({ type: 'resumed' });
    this.wake();
  }

  /** Stops every running trial (each ends as failed, "cancelled") and ends the sweep. */
  cancel(): void {
    if (this.stateValue === 'finished' || this.stateValue === 'cancelled' || this.stateValue === 'failed') return;
    this.stateValue = 'stopping';
    for (const s of this.sessions.values()) s.stop();
    this.wake();
  }

  /**
   * Leaves the sweep as a killed host would, but at a quiet moment: an ask under way finishes (its trial
   * carries this controller's worker tag, so a resume fails it as interrupted), then nothing more is
   * written and run() resolves without an 'ended' event. The caller then ends the workers.
   */
  detach(): Promise<void> {
    this.detached = true;
    this.study?.dropBuffered();
    this.wake();
    return this.looping?.catch(() => undefined) ?? Promise.resolve();
  }

  /** Runs the sweep to its end (all trials, a finished grid, cancel, or an error); resolves with the last event. */
  async run(): Promise<Extract<SweepEvent, { type: 'ended' }>> {
    let runner: TrialRunner | null = null;
    let error: string | null = null;
    try {
      const def = this.options.definition;
      const storage = (this.storage = await JournalStorage.open(this.options.storage));
      const direction = def.metric.goal === 'minimize' ? StudyDirection.MINIMIZE : StudyDirection.MAXIMIZE;
      const { study: record, created } = await storage.createOrLoadStudy(this.studyName, direction);
      this.studyId = record.studyId;
      const seed = await this.seedOf(record.userAttrs, created);
      const interrupted = await this.failInterrupted();
      const existing = this.counted(storage.trials(record.studyId));
      const backend = storage.studyBackend(record.studyId);
      // A resumed seeded sampler must not replay its first draws: its stream moves on with the study.
      const samplerSeed = existing === 0 ? seed : (seed + Math.imul(existing, 0x9e3779b1)) >>> 0;
      const study = (this.study = new Study(backend, createSampler(def, samplerSeed), createPruner(def)));
      const workers = this.options.workers ?? def.workers ?? this.ports.defaultWorkers();
      runner = this.ports.runner(workers);
      const maxTrials = this.options.maxTrials ?? def.maxTrials;
      this.stateValue = this.stateValue === 'stopping' ? 'stopping' : 'running';
      this.seen = storage.trials(record.studyId).length;
      this.emit({ type: 'started', study: this.studyName, storage: this.options.storage, resumed: !created, existingTrials: existing, interrupted, maxTrials, workers, seed });
      await (this.looping = this.loop({ study, runner, maxTrials }));
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      if (this.detached) return { type: 'ended', state: 'cancelled', best: null, trials: this.trials().length, error };
      for (const s of this.sessions.values()) s.stop();
      await Promise.all([...this.sessions.values()].map((s) => s.done));
    } finally {
      await runner?.dispose();
    }
    if (this.detached) return { type: 'ended', state: 'cancelled', best: null, trials: this.trials().length, error };
    const state: 'finished' | 'cancelled' | 'failed' = error !== null ? 'failed' : this.stateValue === 'stopping' ? 'cancelled' : 'finished';
    this.stateValue = state;
    const trials = this.trials();
    const ended = { type: 'ended' as const, state, best: this.best(trials), trials: trials.length, error };
    this.emit(ended);
    return ended;
  }

  private async seedOf(attrs: Readonly<Record<string, unknown>>, created: boolean): Promise<number> {
    const stored = attrs[ATTR.seed];
    if (typeof stored === 'number') return stored;
    const def = this.options.definition;
    const seed = def.seed ?? this.ports.randomSeed();
    if (created || stored === undefined) {
      await this.storage!.setStudyUserAttr(this.studyId, ATTR.seed, seed);
      await this.storage!.setStudyUserAttr(this.studyId, ATTR.sweep, {
        method: def.method, metric: def.metric, max_trials: def.maxTrials, early_terminate: def.earlyTerminate,
        parameters: def.parameters.map((p) => ({ name: p.path.name, path: p.path.path, distribution: JSON.parse(distributionToJson(p.distribution)) as unknown })),
      });
    }
    return seed;
  }

  /** HyperLab's RUNNING trials on this machine whose process is gone: failed as interrupted (Optuna's fail_stale_trials). */
  private async failInterrupted(): Promise<number> {
    const stale = this.trials().filter((t) => {
      const w = t.userAttrs[ATTR.worker] as WorkerTag | undefined;
      return t.state === TrialState.RUNNING && w?.host === this.tag.host && w.session !== this.tag.session && (w.pid === process.pid || !this.ports.processAlive(w.pid));
    });
    for (const t of stale) await this.storage!.studyBackend(this.studyId).setTrialUserAttr(t.trialId, ATTR.interrupted, true);
    return this.storage!.failTrials(stale.map((t) => t.trialId), 'interrupted: the HyperLab process running this trial stopped before it ended');
  }

  /** Trials that count toward max_trials: all but those HyperLab failed as interrupted. */
  private counted(trials: readonly FrozenTrial[]): number {
    return trials.filter((t) => t.userAttrs[ATTR.interrupted] !== true).length;
  }

  private async loop(ctx: { study: Study; runner: TrialRunner; maxTrials: number }): Promise<void> {
    const { study, runner, maxTrials } = ctx;
    const def = this.options.definition;
    const grid = study.sampler instanceof GridSampler ? study.sampler : null;
    const context: TrialContext = { study, runner, recorder: this.ports.recorder, definition: def, baseDir: this.options.baseDir, sweepFile: this.options.sweepFile, studyName: this.studyName, tag: this.tag, emit: (e) => this.emit(e), paused: () => this.stateValue === 'paused' };
    // A sampler that does not learn from results is asked for the next trial while every worker trains,
    // and a worker takes it as soon as it is free (the study is told of its last trial meanwhile): the
    // journal's locked, fsynced writes of a tell and an ask no longer sit between two trials. TPE keeps
    // Optuna's order: ask when a worker is free and the previous trial is told.
    const ahead = !study.sampler.learnsFromResults;
    let training = 0; // sessions whose worker has not ended yet
    let next: AskedTrial | null = null;
    try {
      for (;;) {
        if (this.detached) return;
        const view = await study.view();
        if (view.trials.length > this.seen) {
          this.seen = view.trials.length;
          this.emit({ type: 'studyChanged', trials: view.trials.length });
        }
        // A trial asked ahead is in the study already: it counts in what remains.
        const remaining = maxTrials - this.counted(view.trials);
        const gridLeft = grid ? grid.fresh(view) : Infinity;
        const busy = ahead ? training : this.sessions.size;
        const running = this.stateValue === 'running';
        if (this.stateValue === 'stopping' && next) {
          const cancelled = next;
          next = null;
          await cancelled.cancel();
          continue;
        }
        if (running && busy < runner.size && (next || (remaining > 0 && gridLeft > 0))) {
          let asked = next;
          next = null;
          if (!asked) {
            asked = await TrialSession.ask(context);
            this.seen++; // the controller's own trial is no news for the views
            if (this.detached) return;
          }
          if (asked) {
            const session = await asked.launch();
            if (this.stateValue === 'stopping') session.stop(); // cancelled while it was being asked for
            this.sessions.set(session.trialId, session);
            training++;
            void session.trained.then(() => { training--; this.wake(); });
            void session.done.then(() => { this.sessions.delete(session.trialId); this.wake(); });
          }
          continue;
        }
        if (ahead && running && !next && busy >= runner.size && remaining > 0 && gridLeft > 0) {
          next = await TrialSession.ask(context);
          this.seen++;
          if (this.detached) return;
          continue;
        }
        if (this.sessions.size === 0 && !next && (this.stateValue === 'stopping' || remaining <= 0 || gridLeft <= 0)) return;
        await new Promise<void>((resolve) => (this.wakeUp = resolve));
        this.wakeUp = null;
      }
    } finally {
      // An error ended the loop with a trial asked ahead: it ends failed, not RUNNING until a resume.
      if (next && !this.detached) await next.cancel().catch(() => undefined);
    }
  }

  private best(trials: readonly FrozenTrial[]): BestTrial | null {
    const sign = this.options.definition.metric.goal === 'minimize' ? 1 : -1;
    let best: FrozenTrial | null = null;
    for (const t of trials) {
      if (t.state !== TrialState.COMPLETE || !t.values) continue;
      if (!best || sign * t.values[0]! < sign * best.values![0]!) best = t;
    }
    return best ? { number: best.number, value: best.values![0]!, params: best.params, runId: (best.userAttrs[ATTR.run] as string | undefined) ?? null } : null;
  }
}
