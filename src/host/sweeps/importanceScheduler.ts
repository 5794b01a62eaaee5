/**
 * When the sweep view's importance is recomputed: at most one computation at a time, never more often
 * than every `intervalMs` while a sweep runs, always from the newest trials (requests that arrive during
 * a computation collapse into one, so there is never a backlog), and only when the complete trials
 * changed. No 'vscode'; the wait is a port so tests run without timers.
 */
import { type FrozenTrial, TrialState } from '../../sweeps/frozenTrial';
import type { ImportanceResult } from './importanceWorkerClient';

export interface SchedulerPorts {
  compute(trials: readonly FrozenTrial[]): Promise<ImportanceResult>;
  /** The result for these trials (how many complete ones it is from). */
  deliver(result: ImportanceResult, completeTrials: number): void;
  /** Resolves after `ms` (setTimeout in the host). */
  wait(ms: number): Promise<void>;
}

/** Which complete trials (and values) a computation used: equal keys, equal importance. */
export function completeKey(trials: readonly FrozenTrial[]): { key: string; count: number } {
  const done = trials.filter((t) => t.state === TrialState.COMPLETE);
  return { key: done.map((t) => `${t.number}:${t.values?.[0]}`).join(','), count: done.length };
}

export class ImportanceScheduler {
  private pending: readonly FrozenTrial[] | null = null;
  private busy = false;
  private lastKey: string | null = null;
  private disposed = false;

  constructor(private readonly ports: SchedulerPorts, private readonly intervalMs: number) {}

  /** Asks for importance of `trials` (the newest wins); resolves when this request's turn is over. */
  request(trials: readonly FrozenTrial[]): Promise<void> {
    this.pending = trials;
    return this.busy ? Promise.resolve() : this.loop();
  }

  /** Forgets what was computed last (a new sweep is shown). */
  reset(): void {
    this.lastKey = null;
  }

  private async loop(): Promise<void> {
    this.busy = true;
    try {
      while (this.pending && !this.disposed) {
        const trials = this.pending;
        this.pending = null;
        const { key, count } = completeKey(trials);
        if (key === this.lastKey) continue;
        this.lastKey = key;
        const result = await this.ports.compute(trials);
        if (this.disposed) return;
        this.ports.deliver(result, count);
        // Requests during the pause collapse into the newest one.
        await this.ports.wait(this.intervalMs);
      }
    } finally {
      this.busy = false;
    }
  }

  dispose(): void {
    this.disposed = true;
    this.pending = null;
  }
}
