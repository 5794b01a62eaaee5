/**
 * The worker pool a sweep trains its trials in: up to `size` worker_threads Workers (dist/trialWorker.js),
 * started when first needed and reused trial after trial, each with a control buffer for stop, pause
 * and the pruner's verdict. A worker that dies (out of memory, a crash) ends its trial as failed and
 * is replaced. Not piscina or tinypool: their one-promise-per-task model has no place for a stream of
 * per-epoch messages and a verdict the busy worker thread waits for in shared memory, which is the
 * whole job here; this is a hundred lines over worker_threads.
 */
import * as os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  type DidEndTrial, type RunTrial, TRIAL_CONTROL_BYTES, TRIAL_PAUSE, TRIAL_STOP, TRIAL_VERDICT, TRIAL_VERDICT_EPOCH, VERDICT_CONTINUE, VERDICT_PRUNE, isTrialToPool,
} from '../shared/protocol/trialProtocol';

export interface TrialJob {
  readonly trialId: number;
  readonly experiment: unknown;
  readonly baseDir: string;
  readonly waitForVerdict: boolean;
  readonly record: { readonly dir: string; readonly header: unknown } | null;
}

export interface TrialListener {
  started(info: { epochs: number; params: number; description: string }): void;
  epoch(epoch: number, logs: Readonly<Record<string, number | null>>): void;
  ended(end: Omit<DidEndTrial, 'type' | 'trial'>): void;
}

export interface TrialHandle {
  /** The pruner's verdict on a 1-based epoch the trial reported (only when it waits for one). */
  answer(epoch: number, prune: boolean): void;
  stop(): void;
  setPaused(paused: boolean): void;
}

/** What the sweep controller needs of a pool (tests give a fake). */
export interface TrialRunner {
  readonly size: number;
  run(job: TrialJob, listener: TrialListener): TrialHandle;
  dispose(): Promise<void>;
}

/** The default pool size: the machine's cores − 1, at least 1 (the host keeps a core). */
export function defaultWorkers(): number {
  return Math.max(1, (typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length) - 1);
}

interface Slot { worker: Worker; control: Int32Array; busy: boolean }

export class WorkerTrialRunner implements TrialRunner {
  private readonly slots: Slot[] = [];
  private readonly script: string;

  constructor(readonly size: number, private readonly extensionRoot: string, private readonly kernels: RunTrial['kernels'] = 'auto') {
    this.script = path.join(extensionRoot, 'dist', 'trialWorker.js');
  }

  private slot(): Slot {
    const idle = this.slots.find((s) => !s.busy);
    if (idle) return idle;
    if (this.slots.length >= this.size) throw new Error(`all ${this.size} trial workers are busy`);
    const control = new Int32Array(new SharedArrayBuffer(TRIAL_CONTROL_BYTES));
    const slot: Slot = { worker: new Worker(this.script), control, busy: false };
    this.slots.push(slot);
    return slot;
  }

  run(job: TrialJob, listener: TrialListener): TrialHandle {
    const slot = this.slot();
    slot.busy = true;
    slot.control.fill(0);
    let done = false;
    const finish = (end: Omit<DidEndTrial, 'type' | 'trial'>) => {
      if (done) return;
      done = true;
      slot.worker.off('message', onMessage);
      slot.worker.off('error', onError);
      slot.worker.off('exit', onExit);
      slot.busy = false;
      listener.ended(end);
    };
    const onMessage = (m: unknown) => {
      if (!isTrialToPool(m) || m.trial !== job.trialId) return;
      if (m.type === 'didStartTrial') listener.started(m);
      else if (m.type === 'didFinishEpoch') listener.epoch(m.epoch, m.logs);
      else finish(m);
    };
    // A dead worker takes its trial with it; the slot gets a fresh worker next time.
    const died = (reason: string) => {
      this.slots.splice(this.slots.indexOf(slot), 1);
      finish({ outcome: 'failed', epochsRun: 0, bestEpoch: null, restoredBestWeights: false, reason });
    };
    const onError = (e: Error) => died(`the trial's worker failed: ${e.message}`);
    const onExit = (code: number) => died(`the trial's worker exited with code ${code}${code === 134 || code === 1 ? ' (out of memory?)' : ''}`);
    slot.worker.on('message', onMessage);
    slot.worker.once('error', onError);
    slot.worker.once('exit', onExit);
    const msg: RunTrial = { type: 'runTrial', trial: job.trialId, experiment: job.experiment, baseDir: job.baseDir, extensionRoot: this.extensionRoot, kernels: this.kernels, waitForVerdict: job.waitForVerdict, control: slot.control.buffer as SharedArrayBuffer, record: job.record };
    slot.worker.postMessage(msg);
    const c = slot.control;
    return {
      answer: (epoch, prune) => {
        Atomics.store(c, TRIAL_VERDICT, prune ? VERDICT_PRUNE : VERDICT_CONTINUE);
        Atomics.store(c, TRIAL_VERDICT_EPOCH, epoch);
        Atomics.notify(c, TRIAL_VERDICT_EPOCH);
      },
      stop: () => { Atomics.store(c, TRIAL_STOP, 1); Atomics.notify(c, TRIAL_VERDICT_EPOCH); Atomics.notify(c, TRIAL_PAUSE); },
      setPaused: (paused) => { Atomics.store(c, TRIAL_PAUSE, paused ? 1 : 0); Atomics.notify(c, TRIAL_PAUSE); },
    };
  }

  async dispose(): Promise<void> {
    const all = this.slots.splice(0);
    await Promise.all(all.map((s) => s.worker.terminate()));
  }
}
