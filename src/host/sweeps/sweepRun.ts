/**
 * A sweep as the extension runs it: the pure layer's SweepController over a pool of trial workers
 * (dist/trialWorker.js), each trial recorded in the run store, plus `abandon` for a host that goes away
 * (a window reload, the extension deactivating): the workers end and nothing more is told to the study,
 * so its running trials stay RUNNING in the journal, exactly as after a killed extension host, and the
 * next run on that journal fails them as interrupted and goes on. No 'vscode'.
 */
import { randomInt } from 'node:crypto';
import type { FrozenTrial } from '../../sweeps/frozenTrial';
import { processAlive } from '../../sweeps/processAlive';
import { SweepController, type SweepOptions } from '../../sweeps/sweepController';
import type { SweepEvent, SweepListener, SweepState } from '../../sweeps/sweepEvents';
import { NO_RECORDING, runStoreRecorder } from '../../sweeps/trialRecording';
import { type TrialHandle, type TrialJob, type TrialListener, type TrialRunner, WorkerTrialRunner, defaultWorkers } from '../../sweeps/trialPool';

/** What the sweep service drives (tests give a fake). */
export interface SweepRun {
  readonly state: SweepState;
  onEvent(listener: SweepListener): { dispose(): void };
  run(): Promise<Extract<SweepEvent, { type: 'ended' }>>;
  pause(): void;
  resume(): void;
  cancel(): void;
  trials(): readonly FrozenTrial[];
  refresh(): Promise<readonly FrozenTrial[]>;
  /** Ends the workers without telling the study anything more; run() then never resolves. */
  abandon(): Promise<void>;
}

const IDLE_HANDLE: TrialHandle = { answer: () => undefined, stop: () => undefined, setPaused: () => undefined };

/** A pool that can be cut off from its controller: after detach() no event reaches it and no worker starts. */
export class DetachableRunner implements TrialRunner {
  private detached = false;

  constructor(private readonly inner: TrialRunner) {}

  get size(): number {
    return this.inner.size;
  }

  run(job: TrialJob, listener: TrialListener): TrialHandle {
    if (this.detached) return IDLE_HANDLE;
    const live = () => !this.detached;
    return this.inner.run(job, {
      started: (info) => live() && listener.started(info),
      epoch: (epoch, logs) => live() && listener.epoch(epoch, logs),
      ended: (end) => live() && listener.ended(end),
    });
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }

  async detach(): Promise<void> {
    this.detached = true;
    await this.inner.dispose();
  }
}

export interface SweepRunDeps {
  readonly extensionRoot: string;
  /** The run store folder, or null to keep trials only in the study. */
  readonly runsDir: string | null;
  /** A pool of `workers` (default: dist/trialWorker.js workers). */
  readonly runner?: (workers: number) => TrialRunner;
}

export function startSweepRun(options: SweepOptions, deps: SweepRunDeps): SweepRun {
  let pool: DetachableRunner | null = null;
  let abandoned = false;
  const controller = new SweepController(options, {
    runner: (n) => {
      pool = new DetachableRunner(deps.runner ? deps.runner(n) : new WorkerTrialRunner(n, deps.extensionRoot));
      if (abandoned) void pool.detach(); // abandoned while the study was still opening
      return pool;
    },
    recorder: deps.runsDir === null ? NO_RECORDING : runStoreRecorder(deps.runsDir),
    defaultWorkers,
    randomSeed: () => randomInt(0, 2 ** 32 - 1),
    processAlive,
  });
  return {
    get state() {
      return controller.state;
    },
    onEvent: (l) => controller.onEvent(l),
    run: () => controller.run(),
    pause: () => controller.pause(),
    resume: () => controller.resume(),
    cancel: () => controller.cancel(),
    trials: () => controller.trials(),
    refresh: () => controller.refresh(),
    abandon: async () => {
      abandoned = true;
      // In this order: no trial starts from now on, the workers' events stop reaching the study (a trial
      // ending meanwhile is not told), then an ask under way finishes.
      const looped = controller.detach();
      await pool?.detach();
      await looped;
    },
  };
}
