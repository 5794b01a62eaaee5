/**
 * What activate() returns: a small read-only view of HyperLab's state for other extensions and for our
 * integration tests, which run in the same extension host and reach it through `extension.exports`.
 */
import type { ParseHelper } from '../keras/python/parseHelper';
import type { RunSummary } from '../runs/runList';
import type { RunsView } from './runs/runsView';
import type { RunState } from './training/trainingRun';
import { isActiveStatus } from './training/runStatus';
import type { TrainingService } from './training/trainingService';
import type { SidebarHandle } from './tuningViewProvider';
import type { WebviewKind, WebviewReadiness } from './webviewReadiness';
import type { WorkspaceTrustGate } from './workspaceTrust';
import type { SweepInfoView, TrialView } from '../shared/protocol/sweepProtocol';
import { type SweepCommandDeps, resumeRememberedSweep } from './sweeps/sweepCommands';
import type { RememberedSweep, SweepOutcome, SweepService } from './sweeps/sweepService';

/** The window's sweep as its view shows it. */
export interface SweepState {
  readonly info: SweepInfoView;
  readonly trials: readonly TrialView[];
  readonly importance: { readonly params: readonly string[]; readonly note: string | null } | null;
}

export interface HyperLabApi {
  /** True once the given webview has loaded its script and received its snapshot. */
  isWebviewReady(kind: WebviewKind): boolean;
  /** Resolves when the given webview is ready; rejects with the reason after `timeoutMs`. */
  whenWebviewReady(kind: WebviewKind, timeoutMs?: number): Promise<void>;
  /** The current (or last) training run, or null before the first. */
  trainingState(): RunState | null;
  /** Resolves with the run's final state once the current run has ended; rejects after `timeoutMs`. */
  whenTrainingEnds(timeoutMs?: number): Promise<RunState>;
  /** Ends the training worker abruptly, as a crash would: the crash path's tests use it. */
  simulateWorkerCrash(): void;
  /** The hyperparameter sidebar's host side: handle a message as its webview would post it; read its settings. */
  readonly sidebar: SidebarHandle;
  /** The Python parse worker: whether it is ready, and how many cold parses it has shared; null if it did not start. */
  pythonParseWorker(): { readonly ready: boolean; readonly jobs: number } | null;
  /** The run store as the Runs view lists it (after a fresh listing), and its folder. */
  readonly runs: { dir(): string | null; list(): Promise<readonly RunSummary[]>; compared(): readonly string[] };
  /** The messages HyperLab showed because the workspace is not trusted (Restricted Mode), oldest first. */
  trustRefusals(): readonly string[];
  /** The window's sweep (for integration tests). */
  readonly sweeps: {
    /** The sweeps folder (hyperlab.sweeps.folder). */
    dir(): string;
    state(): SweepState | null;
    running(): boolean;
    /** Resolves once the shown sweep satisfies `ready` (checked on every change); rejects after `timeoutMs`. */
    when(ready: (state: SweepState) => boolean, timeoutMs?: number): Promise<SweepState>;
    /** Resolves with how the next sweep run ends. */
    whenEnded(timeoutMs?: number): Promise<SweepOutcome>;
    /** Leaves the running sweep as a killed extension host would (workers gone, journal untouched, still remembered). */
    simulateHostExit(): Promise<void>;
    remembered(): RememberedSweep | null;
    /** What activation does after a reload: resumes the remembered sweep. */
    resumeRemembered(): Promise<SweepOutcome | undefined>;
  };
}

function sweepState(sweeps: SweepService): SweepState | null {
  const s = sweeps.session;
  if (!s) return null;
  const imp = s.importance;
  return { info: s.info(), trials: s.trials(), importance: imp && { params: imp.items.map((i) => i.param), note: imp.note } };
}

function sweepApi(sweeps: SweepService, deps: SweepCommandDeps): HyperLabApi['sweeps'] {
  return {
    dir: deps.sweepsDir,
    state: () => sweepState(sweeps),
    running: () => sweeps.running,
    when: (ready, timeoutMs = 120_000) => new Promise((resolve, reject) => {
      let sessionSub: { dispose(): void } | null = null;
      const check = () => {
        const state = sweepState(sweeps);
        if (!state || !ready(state)) return;
        done();
        resolve(state);
      };
      const follow = () => {
        sessionSub?.dispose();
        sessionSub = sweeps.session?.onDidChange(check) ?? null;
        check();
      };
      const sub = sweeps.onDidChangeSession(follow);
      const timer = setTimeout(() => { done(); reject(new Error(`the sweep did not reach the expected state within ${timeoutMs} ms: ${JSON.stringify(sweepState(sweeps)?.info.statusText)}`)); }, timeoutMs);
      const done = () => { clearTimeout(timer); sub.dispose(); sessionSub?.dispose(); };
      follow();
    }),
    whenEnded: (timeoutMs = 300_000) => new Promise((resolve, reject) => {
      const timer = setTimeout(() => { sub.dispose(); reject(new Error(`no sweep ended within ${timeoutMs} ms`)); }, timeoutMs);
      const sub = sweeps.onDidEnd(({ outcome }) => { clearTimeout(timer); sub.dispose(); resolve(outcome); });
    }),
    simulateHostExit: () => sweeps.abandon(),
    remembered: () => sweeps.remembered(),
    resumeRemembered: () => resumeRememberedSweep(deps),
  };
}


export function createApi(readiness: WebviewReadiness, training: TrainingService, sidebar: SidebarHandle, parseHelper: ParseHelper | null, runsView: RunsView, runsDir: () => string | null, sweeps: SweepService, sweepDeps: SweepCommandDeps, trust: WorkspaceTrustGate): HyperLabApi {
  return {
    sidebar,
    sweeps: sweepApi(sweeps, sweepDeps),
    runs: {
      dir: runsDir,
      list: async () => {
        await runsView.refresh();
        return runsView.allRuns;
      },
      compared: () => training.compared.ids,
    },
    trustRefusals: () => [...trust.refused],
    pythonParseWorker: () => (parseHelper ? { ready: parseHelper.ready, jobs: parseHelper.jobs } : null),
    simulateWorkerCrash: () => training.simulateWorkerCrash(),
    isWebviewReady: (kind) => readiness.isReady(kind),
    whenWebviewReady: (kind, timeoutMs) => readiness.whenReady(kind, timeoutMs),
    trainingState: () => training.state,
    whenTrainingEnds: (timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        const now = training.state;
        if (now && !isActiveStatus(now.status)) return resolve(now);
        const timer = setTimeout(() => { sub.dispose(); reject(new Error(`training did not end within ${timeoutMs} ms`)); }, timeoutMs);
        const sub = training.onDidChangeRun((state) => {
          if (state && !isActiveStatus(state.status)) {
            clearTimeout(timer);
            sub.dispose();
            resolve(state);
          }
        });
      }),
  };
}
