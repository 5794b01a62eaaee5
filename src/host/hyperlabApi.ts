/**
 * What activate() returns: a small read-only view of HyperLab's state for other extensions and for our
 * integration tests, which run in the same extension host and reach it through `extension.exports`.
 */
import type { ParseHelper } from '../keras/python/parseHelper';
import type { RunState } from './training/trainingRun';
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
  /** The messages HyperLab showed because the workspace is not trusted (Restricted Mode), oldest first. */
  trustRefusals(): readonly string[];
}

const ENDED = ['finished', 'stopped', 'failed'];

export function createApi(readiness: WebviewReadiness, training: TrainingService, sidebar: SidebarHandle, parseHelper: ParseHelper | null, trust: WorkspaceTrustGate): HyperLabApi {
  return {
    sidebar,
    trustRefusals: () => [...trust.refused],
    pythonParseWorker: () => (parseHelper ? { ready: parseHelper.ready, jobs: parseHelper.jobs } : null),
    simulateWorkerCrash: () => training.simulateWorkerCrash(),
    isWebviewReady: (kind) => readiness.isReady(kind),
    whenWebviewReady: (kind, timeoutMs) => readiness.whenReady(kind, timeoutMs),
    trainingState: () => training.state,
    whenTrainingEnds: (timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        const now = training.state;
        if (now && ENDED.includes(now.status)) return resolve(now);
        const timer = setTimeout(() => { sub.dispose(); reject(new Error(`training did not end within ${timeoutMs} ms`)); }, timeoutMs);
        const sub = training.onDidChangeRun((state) => {
          if (state && ENDED.includes(state.status)) {
            clearTimeout(timer);
            sub.dispose();
            resolve(state);
          }
        });
      }),
  };
}
