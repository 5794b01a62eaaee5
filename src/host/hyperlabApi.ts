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
}


export function createApi(readiness: WebviewReadiness, training: TrainingService, sidebar: SidebarHandle, parseHelper: ParseHelper | null, runsView: RunsView, runsDir: () => string | null, trust: WorkspaceTrustGate): HyperLabApi {
  return {
    sidebar,
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
