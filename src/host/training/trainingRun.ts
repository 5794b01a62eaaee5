/**
 * One training run in a worker_threads worker (dist/worker.js). The run owns its worker: it dies when
 * the run ends, is stopped, or is disposed, so no worker outlives its run. It keeps what the panel and
 * the status bar need (epochs, the latest step loss, the outcome) and fires onDidChange at most as
 * often as the worker reports (about ten times a second).
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import {
  type Boundary, type Confusion, type EarlyStoppingInfo, CONTROL_PAUSE, PAUSE_ONE_EPOCH, PAUSE_PAUSED, PAUSE_RUNNING, CONTROL_BYTES, CONTROL_LR_VERSION, CONTROL_STOP, controlViews, type EpochRecord, type PlanePoints, type StartTraining, type StepPoint, type Task, type WorkerToHost, isWorkerToHost,
} from '../../shared/protocol/workerProtocol';

export type RunStatus = 'starting' | 'running' | 'paused' | 'finished' | 'stopped' | 'failed';

export interface RunState {
  readonly label: string;
  readonly status: RunStatus;
  readonly description: string | null;
  readonly params: number | null;
  readonly totalEpochs: number | null;
  readonly epochs: readonly EpochRecord[];
  readonly lastStep: { readonly epoch: number; readonly step: number; readonly loss: number | null } | null;
  /** Why the run ended when it did not simply complete (early stop, NaN, failure), for the user. */
  readonly message: string | null;
  readonly notes: readonly string[];
  readonly task: Task | null;
  readonly points: PlanePoints | null;
  readonly boundary: Boundary | null;
  readonly earlyStopping: EarlyStoppingInfo | null;
  /** EarlyStopping's best epoch (1-based) so far, and where it stopped and whether it restored. */
  readonly bestEpoch: number | null;
  readonly stoppedEpoch: number | null;
  readonly restoredBestWeights: boolean;
  readonly confusion: Confusion | null;
  readonly stepsPerEpoch: number | null;
  /** Per-batch losses, thinned to at most TRACE_POINTS (every `traceEvery`-th step kept). */
  readonly trace: readonly StepPoint[];
}

/** The per-batch trace keeps at most this many points: when full, every other point goes and the stride doubles. */
export const TRACE_POINTS = 2000;

/** The training worker's JavaScript heap limit (typed arrays and WebAssembly memory come on top). */
const WORKER_HEAP_MB = 2048;

export interface RunRequest {
  readonly label: string;
  readonly experiment: unknown;
  readonly baseDir: string;
}

export class TrainingRun implements vscode.Disposable {
  private worker: Worker | null = null;
  private readonly controlBuffer = new SharedArrayBuffer(CONTROL_BYTES);
  private readonly control = controlViews(this.controlBuffer).ints;
  private readonly learningRate = controlViews(this.controlBuffer).learningRate;
  private readonly emitter = new vscode.EventEmitter<RunState>();
  readonly onDidChange = this.emitter.event;
  private current: RunState;
  /** True while "step one epoch" runs: the run shows as paused again when that epoch arrives. */
  private stepping = false;

  constructor(
    private readonly request: RunRequest,
    private readonly extensionRoot: string,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.current = { label: request.label, status: 'starting', description: null, params: null, totalEpochs: null, epochs: [], lastStep: null, message: null, notes: [], task: null, points: null, boundary: null,
      earlyStopping: null, bestEpoch: null, stoppedEpoch: null, restoredBestWeights: false, confusion: null, stepsPerEpoch: null, trace: [] };
  }

  get state(): RunState {
    return this.current;
  }

  /** The experiment this run trains (to name what changed from one run to the next). */
  get experiment(): unknown {
    return this.request.experiment;
  }

  /** What started this run, to start it again from scratch (Reset). */
  get runRequest(): RunRequest {
    return this.request;
  }

  get isActive(): boolean {
    return this.current.status === 'starting' || this.current.status === 'running' || this.current.status === 'paused';
  }

  start(): void {
    // The worker gets its own heap limit: a model or data set too large fails in the worker (an error the
    // user sees), never in the extension host.
    const worker = new Worker(path.join(this.extensionRoot, 'dist', 'worker.js'), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    this.worker = worker;
    worker.on('message', (raw: unknown) => this.receive(raw));
    worker.on('error', (err) => {
      const oom = (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.end('failed', oom
        ? vscode.l10n.t('The training ran out of memory ({0} MB): use a smaller model, batch size or data set. Your files are unchanged.', WORKER_HEAP_MB)
        : vscode.l10n.t('The training worker crashed: {0}. Your files are unchanged; run it again to retry.', err.message));
    });
    worker.on('exit', (code) => {
      this.worker = null;
      if (this.isActive) this.end('failed', vscode.l10n.t('The training worker stopped unexpectedly (exit code {0}), perhaps out of memory. Try a smaller model or batch size.', code));
    });
    const start: StartTraining = {
      type: 'startTraining', experiment: this.request.experiment, baseDir: this.request.baseDir, extensionRoot: this.extensionRoot,
      kernels: 'auto', control: this.controlBuffer,
      // Restricted Mode: whatever starts a run, it reads files only inside the extension (workspaceTrust.ts).
      ...(vscode.workspace.isTrusted ? {} : { readRoots: [this.extensionRoot] }),
    };
    worker.postMessage(start);
  }

  pause(): void {
    if (this.current.status !== 'running') return;
    Atomics.store(this.control, CONTROL_PAUSE, PAUSE_PAUSED);
    this.update({ status: 'paused' });
  }

  /** Ends the worker abruptly, as a crash would (for the tests of the crash path, through the extension's API). */
  terminateWorker(): void {
    void this.worker?.terminate();
  }

  /** Changes the learning rate from the next optimizer step on, while the run trains (as Playground does). */
  setLearningRate(lr: number): void {
    if (!this.isActive || !(Number.isFinite(lr) && lr > 0)) return;
    this.learningRate[0] = lr;
    Atomics.add(this.control, CONTROL_LR_VERSION, 1);
    this.log.info(`run "${this.current.label}": learning rate set to ${lr}`);
  }

  /** Runs exactly one more epoch, then pauses again (Playground's Step). */
  stepEpoch(): void {
    if (this.current.status !== 'paused') return;
    this.stepping = true;
    Atomics.store(this.control, CONTROL_PAUSE, PAUSE_ONE_EPOCH);
    Atomics.notify(this.control, CONTROL_PAUSE);
    this.update({ status: 'running' });
  }

  resume(): void {
    if (this.current.status !== 'paused') return;
    this.stepping = false;
    Atomics.store(this.control, CONTROL_PAUSE, PAUSE_RUNNING);
    Atomics.notify(this.control, CONTROL_PAUSE);
    this.update({ status: 'running' });
  }

  /** True once Stop was asked and the worker has not reported back yet. */
  get isStopping(): boolean {
    return this.stopRequested && this.isActive;
  }

  private stopRequested = false;

  /** Asks the worker to stop after the current step; the run ends when it reports back. */
  stop(): void {
    if (!this.isActive) return;
    this.stopRequested = true;
    Atomics.store(this.control, CONTROL_STOP, 1);
    Atomics.notify(this.control, CONTROL_PAUSE);
    // A worker stuck before its first step (loading data) cannot see the flag: end it after a grace period.
    setTimeout(() => {
      if (this.isActive) this.end('stopped', 'Stopped.');
    }, 2000);
  }

  private receive(raw: unknown): void {
    if (!isWorkerToHost(raw)) {
      this.log.warn(`training worker: ignored a malformed message ${JSON.stringify(raw).slice(0, 200)}`);
      return;
    }
    const msg: WorkerToHost = raw;
    switch (msg.type) {
      case 'didStart':
        this.log.info(`run "${this.current.label}": ${msg.description}, ${msg.params} parameters, ${msg.kernels} kernels`);
        for (const note of msg.notes) this.log.info(`note: ${note}`);
        this.update({
          status: this.current.status === 'paused' ? 'paused' : 'running', description: msg.description, params: msg.params,
          totalEpochs: msg.epochs, notes: msg.notes, task: msg.task, points: msg.points, earlyStopping: msg.earlyStopping, stepsPerEpoch: msg.stepsPerEpoch,
        });
        return;
      case 'didUpdateBoundary':
        this.update({ boundary: msg.boundary });
        return;
      case 'didComputeConfusion':
        this.update({ confusion: msg.confusion });
        return;
      case 'didReceiveMetrics': {
        const lastStep = msg.steps.length > 0 ? msg.steps[msg.steps.length - 1]! : this.current.lastStep;
        const status = this.stepping && msg.epochs.length > 0 && this.current.status === 'running' ? 'paused' : this.current.status;
        if (status === 'paused') this.stepping = false;
        this.update({ epochs: msg.epochs.length > 0 ? [...this.current.epochs, ...msg.epochs] : this.current.epochs, lastStep, bestEpoch: msg.bestEpoch, status, trace: this.extendTrace(msg.steps) });
        return;
      }
      case 'didFinishTraining': {
        const ranOut = msg.stoppedBy === 'nan';
        const message = outcomeMessage(msg);
        this.current = { ...this.current, bestEpoch: msg.bestEpoch ?? this.current.bestEpoch, stoppedEpoch: msg.stoppedEpoch, restoredBestWeights: msg.restoredBestWeights };
        this.end(ranOut ? 'failed' : msg.stoppedBy === 'aborted' ? 'stopped' : 'finished', message);
        return;
      }
      case 'didFailTraining':
        this.end('failed', msg.message);
        return;
    }
  }

  private traceEvery = 1;
  private stepsSeen = 0;

  private extendTrace(steps: readonly StepPoint[]): StepPoint[] {
    let trace = [...this.current.trace];
    for (const s of steps) {
      if (this.stepsSeen++ % this.traceEvery === 0) trace.push(s);
      if (trace.length > TRACE_POINTS) {
        trace = trace.filter((_, i) => i % 2 === 0);
        this.traceEvery *= 2;
      }
    }
    return trace;
  }

  private update(patch: Partial<RunState>): void {
    this.current = { ...this.current, ...patch };
    this.emitter.fire(this.current);
  }

  private end(status: RunStatus, message: string): void {
    if (!this.isActive) return;
    this.update({ status, message });
    this.log.info(`run "${this.current.label}" ${status}: ${message}`);
    void this.worker?.terminate();
    this.worker = null;
  }

  dispose(): void {
    if (this.isActive) this.end('stopped', 'Stopped.');
    void this.worker?.terminate();
    this.worker = null;
    this.emitter.dispose();
  }
}

/** What the user reads when a run ends: why it stopped, in the editor's language. */
function outcomeMessage(msg: Extract<WorkerToHost, { type: 'didFinishTraining' }>): string {
  const restored = msg.restoredBestWeights && msg.bestEpoch !== undefined && msg.bestEpoch !== null;
  switch (msg.stoppedBy) {
    case 'nan':
      return vscode.l10n.t('The loss became {0} at epoch {1}, step {2}: the gradients exploded. Lower the learning rate or set clipnorm on the optimizer.', String(msg.nanAt?.loss ?? 'NaN'), msg.nanAt?.epoch ?? '?', msg.nanAt?.step ?? '?');
    case 'callback': {
      const epoch = msg.stoppedEpoch ?? msg.epochsRun;
      return restored
        ? vscode.l10n.t('EarlyStopping stopped training at epoch {0}; restored the weights of epoch {1}.', epoch, msg.bestEpoch)
        : vscode.l10n.t('EarlyStopping stopped training at epoch {0}.', epoch);
    }
    case 'aborted':
      return vscode.l10n.t('Stopped.');
    default:
      return restored
        ? vscode.l10n.t('Finished {0} epochs in {1} s; restored the weights of the best epoch ({2}).', msg.epochsRun, msg.seconds.toFixed(1), msg.bestEpoch)
        : vscode.l10n.t('Finished {0} epochs in {1} s.', msg.epochsRun, msg.seconds.toFixed(1));
  }
}
