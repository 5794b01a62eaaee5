/**
 * The extension's current training run and what the panel compares it with, shared by the commands,
 * the training panel, the sidebar and the status bar. It lives as long as the extension; each run lives
 * as long as itself (its worker, timers and listeners die with it). Starting while a run is active asks
 * the user first. Each run is recorded in the run store before its worker starts (the worker appends
 * the rest). A finished run is announced with a notification only when it took long or the panel is
 * not in view, and never while another such notification is still open (twenty quick runs, one toast).
 * No 'vscode' here (ServicePorts), so unit tests drive it with fakes.
 */
import { Emitter, type Disposable } from '../../shared/emitter';
import { createRunHeader } from '../../runs/runRecorder';
import type { RunHeader } from '../../runs/runRecord';
import { type RunPorts, type RunRecordTarget, type RunRequest, type RunState, TrainingRun } from './trainingRun';

/** Runs that take longer than this get a finish notification even with the panel in view. */
export const ANNOUNCE_AFTER_MS = 10_000;
/** The comparison holds at most this many runs besides the live one. */
export const MAX_COMPARED = 19;

export interface ServicePorts extends RunPorts {
  /** Asks whether to stop the active run and start another (a modal); resolves true to go ahead. */
  confirmReplace(activeLabel: string, nextLabel: string): PromiseLike<boolean>;
  openPanel(): void;
  panelVisible(): boolean;
  /** A cancellable progress notification for a run that lasts (the host's withProgress). */
  showProgress(run: TrainingRun): void;
  /** The finish/failure notification; resolves when the user dismissed it. */
  announce(state: RunState): PromiseLike<unknown>;
  /** The run store folder, or null when runs cannot be recorded. */
  runsDir(): string | null;
  /**
   * Completes a request before it starts (the MNIST gate: find, offer or download the full set,
   * src/host/data/mnistGate.ts); undefined cancels it. Absent: requests start as they are.
   */
  prepare?(request: RunRequest): PromiseLike<RunRequest | undefined>;
}

/** Playground's watchable pace, about one epoch per frame: the default of sidebar and walkthrough runs. */
export const WATCHABLE_PACE = 60;

/** Runs still going after this long get a progress notification. */
export const LONG_RUN_MS = 4000;

/** The runs the panel shows besides the live one: the user's selection, or else the previous run. */
export interface Comparison {
  readonly ids: readonly string[];
  /** True when the user chose these runs (the Runs view's Compare); false for the automatic previous run. */
  readonly chosen: boolean;
}

export class TrainingService implements Disposable {
  private run: TrainingRun | null = null;
  private runSubscription: Disposable | null = null;
  private comparison: Comparison = { ids: [], chosen: false };
  private readonly emitter = new Emitter<RunState | null>();
  /** Fires on every change of the current run's state (about ten times a second while training). */
  readonly onDidChangeRun = this.emitter.event;
  private readonly comparisonEmitter = new Emitter<Comparison>();
  /** Fires when the compared runs change (a new run started, the user compared or cleared). */
  readonly onDidChangeComparison = this.comparisonEmitter.event;
  private readonly startedEmitter = new Emitter<RunState>();
  /** Fires when a run starts and when one ends (the Runs view refreshes on these, not on every epoch). */
  readonly onDidStartOrEnd = this.startedEmitter.event;
  private openAnnouncement = false;
  /** The pace the user chose in the panel (for this and later runs), or null for each source's default. */
  private chosenPace: number | null = null;
  private readonly otherLiveRuns = new Set<(id: string) => boolean>();

  constructor(private readonly ports: ServicePorts) {}

  get state(): RunState | null {
    return this.run?.state ?? null;
  }

  /** The experiment the current run trains (null before the first run). */
  get liveExperiment(): unknown {
    return this.run?.experiment ?? null;
  }

  get compared(): Comparison {
    return this.comparison;
  }

  /** Whether `id` is training now, here or in another of this window's trainers (a sweep's trials): shown as running, not interrupted. */
  isLive(id: string): boolean {
    return this.isCurrentRun(id) || [...this.otherLiveRuns].some((live) => live(id));
  }

  private isCurrentRun(id: string): boolean {
    return this.run !== null && this.run.isActive && this.run.state.id === id;
  }

  /** Another trainer of this window (the sweep service) whose runs are live while it trains them. */
  addLiveRuns(isLive: (id: string) => boolean): Disposable {
    this.otherLiveRuns.add(isLive);
    return { dispose: () => void this.otherLiveRuns.delete(isLive) };
  }

  /** Starts `request`; resolves false when the user kept the active run instead. */
  async start(request: RunRequest): Promise<boolean> {
    // A run that is only finishing its Stop needs no question.
    if (this.run?.isActive && !this.run.isStopping && !(await this.ports.confirmReplace(this.run.state.label, request.label))) return false;
    const prepared = this.ports.prepare ? await this.ports.prepare(request) : request;
    if (!prepared) return false;
    await this.replaceRun(prepared);
    this.ports.openPanel();
    return true;
  }

  /** Starts `request` in place of the current run without asking (the user changed that run's network). */
  async replace(request: RunRequest): Promise<void> {
    this.run?.stop();
    await this.replaceRun(request);
  }

  /** Playground's Reset: the same experiment again from new initial weights of the same seed (a fresh run). */
  async restart(): Promise<void> {
    if (!this.run) return;
    const request = this.run.runRequest;
    this.run.stop();
    await this.replaceRun(request);
  }

  pause(): void {
    this.run?.pause();
  }

  resume(): void {
    this.run?.resume();
  }

  stop(): void {
    this.run?.stop();
  }

  stepEpoch(): void {
    this.run?.stepEpoch();
  }

  /** The user's speed: the current run keeps it from its next epoch, and later runs start with it. */
  setPace(epochsPerSecond: number): void {
    this.chosenPace = epochsPerSecond;
    this.run?.setPace(epochsPerSecond);
  }

  /** A run of the sidebar or the walkthrough goes at a watchable pace, like Playground; others as fast as they can. */
  private paceFor(request: RunRequest): number {
    return this.chosenPace ?? (request.source.kind === 'sidebar' || request.source.kind === 'walkthrough' ? WATCHABLE_PACE : 0);
  }

  /** A live learning-rate change for the current run (no effect when none trains). */
  setLearningRate(lr: number): void {
    this.run?.setLearningRate(lr);
  }

  /** Ends the current run's worker abruptly, as a crash would (a testing aid, exposed by the extension's API). */
  simulateWorkerCrash(): void {
    this.run?.terminateWorker();
  }

  /** Shows these stored runs beside the live one (the Runs view's selection). */
  compare(ids: readonly string[]): void {
    const unique = [...new Set(ids)].filter((id) => !this.isCurrentRun(id)).slice(0, MAX_COMPARED);
    this.setComparison({ ids: unique, chosen: true });
  }

  clearComparison(): void {
    this.setComparison({ ids: [], chosen: true });
  }

  private setComparison(c: Comparison): void {
    this.comparison = c;
    this.comparisonEmitter.fire(c);
  }

  private async createRecord(request: RunRequest): Promise<RunRecordTarget | null> {
    const dir = this.ports.runsDir();
    if (dir === null) return null;
    try {
      // The host writes only the header (one small async write); the worker appends the rest.
      return { dir, header: (await createRunHeader(dir, request)) as RunHeader & Record<string, unknown> };
    } catch (e) {
      this.ports.log.error(`run store: cannot record runs in ${dir}; this run trains unrecorded`, e);
      return null;
    }
  }

  private async replaceRun(request: RunRequest): Promise<void> {
    const record = await this.createRecord(request);
    const previous = this.run;
    this.runSubscription?.dispose();
    previous?.dispose();
    const run = new TrainingRun(request, this.ports, record, this.paceFor(request));
    this.run = run;
    // Without a choice of the user's, the previous run is the comparison (what today's ghost was).
    if (!this.comparison.chosen && previous?.state.id && previous.state.epochs.length > 0) this.setComparison({ ids: [previous.state.id], chosen: false });
    let wasActive = true;
    this.runSubscription = run.onDidChange((state) => {
      this.emitter.fire(state);
      if (wasActive && !run.isActive) {
        wasActive = false;
        this.startedEmitter.fire(state);
        this.maybeAnnounce(state);
      }
    });
    run.start();
    this.emitter.fire(run.state);
    this.startedEmitter.fire(run.state);
    const timer = setTimeout(() => {
      if (run.isActive && this.run === run) this.ports.showProgress(run);
    }, LONG_RUN_MS);
    run.own(() => clearTimeout(timer));
  }

  private maybeAnnounce(state: RunState): void {
    const took = (state.endedAt ?? Date.now()) - state.startedAt;
    if (this.openAnnouncement || (took < ANNOUNCE_AFTER_MS && this.ports.panelVisible())) return;
    this.openAnnouncement = true;
    const done = () => void (this.openAnnouncement = false);
    this.ports.announce(state).then(done, done);
  }

  dispose(): void {
    this.runSubscription?.dispose();
    this.run?.dispose();
    this.emitter.dispose();
    this.comparisonEmitter.dispose();
    this.startedEmitter.dispose();
  }
}
