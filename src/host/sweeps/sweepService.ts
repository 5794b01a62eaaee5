/**
 * The window's sweep: the one that runs (started from a sweep file or the sidebar, or resumed after a
 * reload) or the study a view was asked to show, as a SweepSession the views read. It starts, pauses,
 * resumes and cancels the run; remembers a running sweep in the workspace's state so the next activation
 * resumes it from its journal; reads the journal again every few seconds while it runs (trials a Python
 * worker added); and keeps hyperparameter importance current through a throttled worker computation.
 * It lives as long as the extension; a run's listeners and timers die with the run. No 'vscode' (ports).
 */
import { Emitter, type Disposable } from '../../shared/emitter';
import type { Translate } from '../../shared/message';
import { StudyDirection, type FrozenTrial } from '../../sweeps/frozenTrial';
import type { SweepEvent } from '../../sweeps/sweepEvents';
import { type SweepFile, loadSweepFile } from '../../sweeps/sweepFile';
import { readStudy, trialRows } from '../../sweeps/studyTable';
import type { SweepOptions } from '../../sweeps/sweepController';
import { ImportanceScheduler } from './importanceScheduler';
import type { ImportanceComputer } from './importanceWorkerClient';
import { type SweepDescription, SweepSession } from './sweepSession';
import type { SweepRun } from './sweepRun';
import { importanceView, paramViewsOf } from './sweepViews';

export interface SweepStart {
  readonly sweep: SweepFile;
  /** The journal (sweepStorage: the file's own storage or the sweeps folder's). */
  readonly storage: string;
  /** Trials the study may hold in all when this run ends (max_trials, or the user's cap). */
  readonly maxTrials: number;
  readonly workers?: number | null;
}

/** A running sweep as the workspace's state keeps it across a reload. */
export interface RememberedSweep {
  readonly file: string;
  readonly storage: string;
  readonly study: string;
  readonly maxTrials: number;
  readonly workers: number | null;
  readonly state: 'running' | 'paused';
}

export type SweepOutcome = Extract<SweepEvent, { type: 'ended' }> | { readonly type: 'abandoned' };

export interface MementoLike {
  get(key: string): unknown;
  update(key: string, value: unknown): PromiseLike<void>;
}

export interface SweepServicePorts {
  startRun(options: SweepOptions): SweepRun;
  readonly importance: ImportanceComputer;
  readonly memento: MementoLike;
  readonly t: Translate;
  readonly log: { info(message: string): void; warn(message: string): void; error(message: string, err?: unknown): void };
  /** Resolves after `ms` (the importance throttle). */
  wait(ms: number): Promise<void>;
  /** Calls `fn` every `ms` until disposed (reading the journal while a sweep runs). */
  every(ms: number, fn: () => void): Disposable;
}

export const REMEMBER_KEY = 'hyperlab.sweeps.running';
/** How often a running sweep's journal is read again for other writers' trials. */
export const REFRESH_MS = 4000;
/** At most one importance computation this often. */
export const IMPORTANCE_MS = 2000;

interface Active {
  readonly run: SweepRun;
  readonly session: SweepSession;
  readonly remembered: RememberedSweep;
  readonly direction: StudyDirection;
  abandon(): void;
}

function describe(sf: SweepFile, storage: string): SweepDescription {
  const def = sf.definition;
  return { study: def.name, file: sf.file, storage, method: def.method, metric: def.metric.name, goal: def.metric.goal, params: paramViewsOf(def) };
}

export function isRememberedSweep(v: unknown): v is RememberedSweep {
  const r = v as RememberedSweep | null;
  return typeof r === 'object' && r !== null && typeof r.file === 'string' && typeof r.storage === 'string' && typeof r.study === 'string' &&
    Number.isInteger(r.maxTrials) && (r.workers === null || Number.isInteger(r.workers)) && (r.state === 'running' || r.state === 'paused');
}

export class SweepService implements Disposable {
  private active: Active | null = null;
  private shown: SweepSession | null = null;
  private scheduler: ImportanceScheduler | null = null;
  private readonly sessionEmitter = new Emitter<SweepSession | null>();
  /** Fires when the views should show another sweep (a new run, a study opened). */
  readonly onDidChangeSession = this.sessionEmitter.event;
  private readonly endEmitter = new Emitter<{ session: SweepSession; outcome: SweepOutcome }>();
  /** Fires when a run ends, is cancelled, fails or is abandoned. */
  readonly onDidEnd = this.endEmitter.event;
  private readonly stateEmitter = new Emitter<void>();
  /** Fires when a run starts, pauses, resumes or ends (commands' enablement, the status bar). */
  readonly onDidChangeState = this.stateEmitter.event;

  constructor(private readonly ports: SweepServicePorts) {}

  /** The sweep the views show, or null. */
  get session(): SweepSession | null {
    return this.shown;
  }

  get running(): boolean {
    return this.active !== null;
  }

  /** Whether the run `runId` is a trial this window's sweep trains now (the Runs view shows it running). */
  isLiveRun(runId: string): boolean {
    return this.active?.session.isTraining(runId) === true;
  }

  get paused(): boolean {
    return this.active?.run.state === 'paused';
  }

  private show(session: SweepSession): void {
    if (this.shown !== session) this.shown?.dispose();
    this.shown = session;
    this.scheduler?.dispose();
    const t = this.ports.t;
    this.scheduler = new ImportanceScheduler({
      compute: (trials) => this.ports.importance.compute(trials),
      deliver: (result, count) => session.setImportance(importanceView(result, count, session.description.metric, t)),
      wait: (ms) => this.ports.wait(ms),
    }, IMPORTANCE_MS);
    this.sessionEmitter.fire(session);
  }

  private requestImportance(trials: readonly FrozenTrial[]): void {
    this.scheduler?.request(trials).catch((e: unknown) => this.ports.log.error('sweep: importance failed', e));
  }

  /** Runs a sweep to its end (or until cancelled, or abandoned by a reload). One at a time. */
  async start(s: SweepStart): Promise<SweepOutcome> {
    if (this.active) throw new Error(`the sweep ${this.active.session.description.study} is still running`);
    const def = s.sweep.definition;
    const session = new SweepSession(describe(s.sweep, s.storage), 'starting', this.ports.t);
    session.setMaxTrials(s.maxTrials);
    this.show(session);
    const run = this.ports.startRun({ definition: def, storage: s.storage, baseDir: s.sweep.baseDir, sweepFile: s.sweep.file, maxTrials: s.maxTrials, workers: s.workers ?? null });
    const remembered: RememberedSweep = { file: s.sweep.file, storage: s.storage, study: def.name, maxTrials: s.maxTrials, workers: s.workers ?? null, state: 'running' };
    let abandon!: () => void;
    const abandoned = new Promise<{ type: 'abandoned' }>((resolve) => (abandon = () => resolve({ type: 'abandoned' })));
    const active: Active = { run, session, remembered, direction: def.metric.goal === 'minimize' ? StudyDirection.MINIMIZE : StudyDirection.MAXIMIZE, abandon };
    this.active = active;
    await this.remember(remembered);
    const sub = run.onEvent((e) => this.onEvent(active, e));
    const timer = this.ports.every(REFRESH_MS, () => void this.refresh());
    this.stateEmitter.fire();
    let outcome: SweepOutcome;
    try {
      outcome = await Promise.race([run.run(), abandoned]);
    } finally {
      sub.dispose();
      timer.dispose();
      if (this.active === active) this.active = null;
    }
    if (outcome.type === 'ended') {
      await this.remember(null);
      session.setTrials(trialRows(run.trials(), active.direction));
      this.requestImportance(run.trials());
    }
    this.stateEmitter.fire();
    this.endEmitter.fire({ session, outcome });
    return outcome;
  }

  private onEvent(active: Active, e: SweepEvent): void {
    active.session.apply(e);
    switch (e.type) {
      case 'started':
      case 'studyChanged':
        active.session.setTrials(trialRows(active.run.trials(), active.direction));
        this.requestImportance(active.run.trials());
        break;
      case 'trialEnded':
        if (e.state === 'complete') this.requestImportance(active.run.trials());
        break;
      case 'paused':
      case 'resumed':
        void this.remember({ ...active.remembered, state: e.type === 'paused' ? 'paused' : 'running' });
        this.stateEmitter.fire();
        break;
      default:
        break;
    }
  }

  pause(): void {
    this.active?.run.pause();
  }

  resume(): void {
    this.active?.run.resume();
  }

  /** Stops the running trials (each ends failed, "cancelled") and ends the sweep. */
  cancel(): void {
    if (!this.active) return;
    this.active.session.setState('stopping');
    this.active.run.cancel();
  }

  /** Shows a sweep file's study as its journal holds it, when no sweep runs (a finished one, Python's trials). */
  async showStudy(sweep: SweepFile, storage: string, exists: boolean): Promise<SweepSession> {
    if (this.active) return this.active.session;
    const session = new SweepSession(describe(sweep, storage), 'idle', this.ports.t);
    this.show(session);
    if (exists) await this.readJournal(session);
    return session;
  }

  private async readJournal(session: SweepSession): Promise<void> {
    const study = await readStudy(session.description.storage, session.description.study);
    if (!study) return;
    session.setTrials(study.rows);
    this.requestImportance(study.trials);
  }

  /** Reads the journal again: a running sweep's (other writers' trials), or the shown study's. */
  async refresh(): Promise<void> {
    try {
      const active = this.active;
      if (active) {
        const trials = await active.run.refresh();
        if (this.active !== active) return;
        active.session.setTrials(trialRows(trials, active.direction));
        this.requestImportance(trials);
      } else if (this.shown?.state === 'idle') {
        await this.readJournal(this.shown);
      }
    } catch (e) {
      this.ports.log.warn(`sweep: cannot read the journal: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** The sweep that was running when the window last closed, if any. */
  remembered(): RememberedSweep | null {
    const v = this.ports.memento.get(REMEMBER_KEY);
    return isRememberedSweep(v) ? v : null;
  }

  private async remember(r: RememberedSweep | null): Promise<void> {
    try {
      await this.ports.memento.update(REMEMBER_KEY, r ?? undefined);
    } catch (e) {
      this.ports.log.warn(`sweep: cannot remember the running sweep: ${String(e)}`);
    }
  }

  forgetRemembered(): Promise<void> {
    return this.remember(null);
  }

  /** Resumes a remembered sweep from its journal (its interrupted trials are failed, not counted). */
  resumeRemembered(r: RememberedSweep): Promise<SweepOutcome> {
    const sweep = loadSweepFile(r.file);
    if (sweep.definition.name !== r.study) throw new Error(`the sweep file ${r.file} now names the study ${sweep.definition.name}, not ${r.study}`);
    return this.start({ sweep, storage: r.storage, maxTrials: r.maxTrials, workers: r.workers });
  }

  /**
   * Leaves the running sweep as a killed host would (a reload, the extension deactivating): its workers
   * end, the study is told nothing more, and it stays remembered so the next activation resumes it.
   */
  async abandon(): Promise<void> {
    const active = this.active;
    if (!active) return;
    this.active = null;
    active.abandon(); // first: the run's own end (it resolves once detached) is not its outcome
    await active.run.abandon();
    active.session.setState('idle');
  }

  dispose(): void {
    void this.abandon();
    this.scheduler?.dispose();
    this.ports.importance.dispose();
    this.shown?.dispose();
    this.sessionEmitter.dispose();
    this.endEmitter.dispose();
    this.stateEmitter.dispose();
  }
}
