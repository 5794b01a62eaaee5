/** Fakes for the sweep service's ports: a trial pool that "trains" without the engine, and an in-memory memento. */
import type { JsonObject } from '../../../src/engine/experiment/specReader';
import type { TrialHandle, TrialJob, TrialListener, TrialRunner } from '../../../src/sweeps/trialPool';

export const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

/**
 * val_loss falls toward |log10(lr) + 2| (best at lr 0.01), one epoch per event-loop turn; honours stop,
 * pause and the pruner's verdict. A learning rate in `failAt` ends its trial with a worker's failure, one
 * equal to `nanAtLr` with a NaN loss. With `expected`, epochs advance only while every worker is busy (or
 * all expected trials have come), so trials really overlap however slow the journal is.
 */
export class FakePool implements TrialRunner {
  readonly jobs: TrialJob[] = [];
  running = 0;
  maxRunning = 0;
  /** Trials waiting because they are paused. */
  readonly paused = new Set<number>();
  disposed = false;

  /** `options.gate()`: while it returns a promise, epochs wait for it (a test decides when trials move on). */
  constructor(readonly size: number, private readonly options: { readonly failAt?: ReadonlySet<number>; readonly nanAtLr?: number | null; readonly expected?: number | null; gate?(): Promise<void> | null } = {}) {}

  private get gate(): Promise<void> | null {
    return this.options.gate?.() ?? null;
  }

  private mayAdvance(): boolean {
    const expected = this.options.expected ?? null;
    return expected === null || this.running >= this.size || this.jobs.length >= expected;
  }

  run(job: TrialJob, listener: TrialListener): TrialHandle {
    this.jobs.push(job);
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    let stopped = false, paused = false;
    const verdicts = new Map<number, boolean>();
    const exp = job.experiment as JsonObject;
    const lr = ((exp.compile as JsonObject).optimizer as JsonObject).learning_rate as number;
    const epochs = (exp.fit as JsonObject).epochs as number;
    const end = (outcome: 'finished' | 'pruned' | 'stopped' | 'failed' | 'nan', epochsRun: number, reason: string | null = null) => {
      this.running--;
      listener.ended({ outcome, epochsRun, bestEpoch: null, restoredBestWeights: false, reason });
    };
    void (async () => {
      listener.started({ epochs, params: 10, description: 'fake' });
      for (let e = 1; e <= epochs; e++) {
        await tick();
        while (this.gate && !stopped && !this.disposed) await this.gate;
        while (!this.mayAdvance() && !stopped) await tick();
        while (paused && !stopped) { this.paused.add(job.trialId); await tick(); }
        this.paused.delete(job.trialId);
        if (this.disposed) return;
        if (stopped) return end('stopped', e - 1);
        if (this.options.failAt?.has(lr)) return end('failed', 0, 'internal error: a fake failure');
        if (this.options.nanAtLr !== undefined && this.options.nanAtLr !== null && lr === this.options.nanAtLr) return end('nan', 0, 'the loss became NaN at epoch 1, step 3');
        const level = Math.abs(Math.log10(lr) + 2);
        listener.epoch(e, { loss: level + 1 / e, val_loss: level + 1 / e });
        if (job.waitForVerdict) {
          while (!verdicts.has(e) && !stopped) await tick();
          if (verdicts.get(e)) return end('pruned', e);
        }
      }
      end('finished', epochs);
    })();
    return {
      answer: (epoch, prune) => verdicts.set(epoch, prune),
      stop: () => { stopped = true; },
      setPaused: (p) => { paused = p; },
    };
  }

  dispose(): Promise<void> {
    this.disposed = true;
    return Promise.resolve();
  }
}

export class MemoryMemento {
  readonly values = new Map<string, unknown>();
  get(key: string): unknown {
    return this.values.get(key);
  }
  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
    return Promise.resolve();
  }
}

/** A gate a test opens: `wait` holds until `open()`. */
export function gate(): { readonly wait: Promise<void>; open(): void } {
  let open!: () => void;
  const wait = new Promise<void>((r) => (open = r));
  return { wait, open };
}
