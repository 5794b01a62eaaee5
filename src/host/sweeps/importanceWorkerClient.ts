/**
 * fANOVA importance computed in a worker thread (dist/importanceWorker.js), so the extension host's event
 * loop stays free while a forest of 64 trees is fitted. The worker starts on the first request, is reused,
 * and ends after a minute with nothing to do; a worker that dies fails the request in flight and the next
 * request starts a new one. Only the
 * complete trials with a finite value go over (fANOVA reads nothing else). No 'vscode'.
 */
import { Worker } from 'node:worker_threads';
import { type ImportanceTrial, isDidComputeImportance } from '../../shared/protocol/importanceProtocol';
import { type FrozenTrial, TrialState } from '../../sweeps/frozenTrial';

export type ImportanceResult =
  | { readonly ok: true; readonly importances: readonly { readonly param: string; readonly importance: number }[] }
  | { readonly ok: false; readonly reason: string };

/** What the sweep service needs: importance of these trials, somewhere off its thread. */
export interface ImportanceComputer {
  compute(trials: readonly FrozenTrial[]): Promise<ImportanceResult>;
  dispose(): void;
}

/** The forest's seed: fixed, so equal studies give equal bars (Optuna's default draws one at random). */
export const FOREST_SEED = 0;

export function importanceTrials(trials: readonly FrozenTrial[]): ImportanceTrial[] {
  return trials
    .filter((t) => t.state === TrialState.COMPLETE && t.values !== null && Number.isFinite(t.values[0]))
    .map((t) => ({ params: t.params, distributions: t.distributions, value: t.values![0]! }));
}

export interface WorkerPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (value: unknown) => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): Promise<number>;
}

/** An idle worker ends after this long (a sweep's next result restarts one in a few ms). */
export const IDLE_MS = 60_000;

export class ImportanceWorkerClient implements ImportanceComputer {
  private worker: WorkerPort | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (r: ImportanceResult) => void>();
  private idle: NodeJS.Timeout | undefined;

  constructor(private readonly spawn: () => WorkerPort, private readonly idleMs = IDLE_MS) {}

  static forScript(script: string): ImportanceWorkerClient {
    return new ImportanceWorkerClient(() => new Worker(script));
  }

  /** Ends the worker once nothing is asked of it for idleMs, so no thread outlives its use. */
  private settle(): void {
    clearTimeout(this.idle);
    if (this.pending.size > 0) return;
    this.idle = setTimeout(() => this.stopWorker(), this.idleMs);
    this.idle.unref?.();
  }

  private stopWorker(): void {
    const w = this.worker;
    this.worker = null;
    void w?.terminate();
  }

  private start(): WorkerPort {
    if (this.worker) return this.worker;
    const w = this.spawn();
    const failAll = (reason: string) => {
      if (this.worker === w) this.worker = null;
      for (const [id, resolve] of this.pending) {
        this.pending.delete(id);
        resolve({ ok: false, reason });
      }
    };
    w.on('message', (m: unknown) => {
      if (!isDidComputeImportance(m)) return;
      const resolve = this.pending.get(m.id);
      this.pending.delete(m.id);
      resolve?.(m.type === 'didComputeImportance' ? { ok: true, importances: m.importances } : { ok: false, reason: m.reason });
      this.settle();
    });
    w.on('error', (e: Error) => failAll(`the importance worker failed: ${e.message}`));
    w.on('exit', (code: number) => failAll(`the importance worker exited with code ${code}`));
    return (this.worker = w);
  }

  compute(trials: readonly FrozenTrial[]): Promise<ImportanceResult> {
    const id = this.nextId++;
    clearTimeout(this.idle);
    const worker = this.start();
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      worker.postMessage({ type: 'computeImportance', id, trials: importanceTrials(trials), seed: FOREST_SEED });
    });
  }

  dispose(): void {
    clearTimeout(this.idle);
    for (const [id, resolve] of this.pending) {
      this.pending.delete(id);
      resolve({ ok: false, reason: 'disposed' });
    }
    this.stopWorker();
  }
}
