/**
 * One training run in a worker_threads worker (dist/worker.js). The run owns its worker, its timers and
 * its listeners: all end with the run (stopped, finished, failed or disposed), so no worker outlives its
 * run. It keeps what the panel and the status bar need and fires onDidChange at most as often as the
 * worker reports (about ten times a second). Epochs and the step trace only grow (arrays appended in
 * place), so a view can send what is new since its last look instead of the whole run.
 * No 'vscode' here: the texts, the log and the worker come in through RunPorts, so unit tests drive a
 * run with a fake worker (test/unit/host/trainingRun.test.ts).
 */
import { appendJsonLines } from '../../storage/jsonLines';
import { type Translate, formatQuantity, renderMessage } from '../../shared/message';
import { Emitter, type Disposable } from '../../shared/emitter';
import {
  type Boundary, type Confusion, type EarlyStoppingInfo, CONTROL_PACE, CONTROL_PAUSE, CONTROL_STEPS, PAUSE_ONE_EPOCH, PAUSE_PAUSED, PAUSE_RUNNING, CONTROL_BYTES, CONTROL_LR_VERSION, CONTROL_STOP, controlViews, type EpochRecord, type PlanePoints, type StartTraining, type StepPoint, type Task, type WorkerToHost, isWorkerToHost,
} from '../../shared/protocol/workerProtocol';
import type { RunSource } from '../../runs/runRecord';
import { endRecordFor, resolvedExperiment, type RunOutcome } from '../../runs/runRecorder';
import { runName } from '../../runs/runName';
import { runPaths } from '../../runs/runFiles';
import { StepTrace } from '../../runs/stepTrace';
import { type RunStatus, isActiveStatus } from './runStatus';

export type { RunStatus } from './runStatus';

export interface RunState {
  /** The run store's id of this run, or null when it is not recorded (no writable store). */
  readonly id: string | null;
  readonly label: string;
  /** The run's readable name (runName.ts), as the run store and the Runs view show it. */
  readonly name: string;
  readonly source: RunSource;
  readonly status: RunStatus;
  readonly description: string | null;
  readonly params: number | null;
  readonly totalEpochs: number | null;
  /** Appended in place as epochs arrive (never replaced): views remember how many they have sent. */
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
  /** Per-batch losses, sampled (StepTrace: all of the first TRACE_POINTS, then sparser), appended in place. */
  readonly trace: readonly StepPoint[];
  /** The pace the worker keeps, in epochs per second (0: as fast as it goes). */
  readonly pace: number;
  /** Date.now() when the run started, and when it ended (null while active). */
  readonly startedAt: number;
  readonly endedAt: number | null;
}

/** The per-batch trace keeps every step until this many, then every 2nd, 4th, ... (stepTrace.ts). */
export const TRACE_POINTS = 2000;

/** The training worker's JavaScript heap limit (typed arrays and WebAssembly memory come on top). */
export const WORKER_HEAP_MB = 2048;

export interface RunRequest {
  /** A short label for notifications and the status bar (the store's readable name is in the Runs view). */
  readonly label: string;
  readonly experiment: unknown;
  readonly baseDir: string;
  readonly source: RunSource;
  /** Where the full MNIST is, when the MNIST gate found or downloaded it (src/host/data/mnistGate.ts). */
  readonly mnist?: { readonly npz?: string; readonly directory?: string; readonly avoid?: readonly string[] };
}

/** The run store entry the service created for a run (the header is the file's first line). */
export interface RunRecordTarget {
  readonly dir: string;
  readonly header: { readonly id: string } & Record<string, unknown>;
}

/** What a worker_threads Worker offers a run (a fake in unit tests). */
export interface WorkerLike {
  on(event: 'message', listener: (value: unknown) => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  postMessage(message: StartTraining): void;
  terminate(): Promise<number>;
}

export interface RunPorts {
  /** Starts dist/worker.js (with WORKER_HEAP_MB as its heap limit). */
  spawnWorker(): WorkerLike;
  /** The extension's folder (media/mnist lives under it). */
  readonly extensionRoot: string;
  /** vscode.l10n.t with the display language's locale for our numbers (hostTranslate); {n} filled in tests. */
  readonly t: Translate;
  readonly log: { info(message: string): void; warn(message: string): void; error(message: string, err?: unknown): void };
  /**
   * The only folders a run may read files in, or null for anywhere: in Restricted Mode (an untrusted
   * workspace) the extension's own folder, so no run reads the workspace's files (src/host/workspaceTrust.ts).
   */
  readRoots(): readonly string[] | null;
}

/** How long a Stop waits for the worker to answer before it ends the worker (one stuck loading data). */
export const STOP_GRACE_MS = 2000;

export class TrainingRun implements Disposable {
  private worker: WorkerLike | null = null;
  private readonly controlBuffer = new SharedArrayBuffer(CONTROL_BYTES);
  private readonly control = controlViews(this.controlBuffer).ints;
  private readonly learningRate = controlViews(this.controlBuffer).learningRate;
  private readonly emitter = new Emitter<RunState>();
  readonly onDidChange = this.emitter.event;
  private current: RunState;
  private readonly epochs: EpochRecord[] = [];
  private readonly trace: StepPoint[] = [];
  private readonly traceSampler = new StepTrace(TRACE_POINTS);
  /** True while "step one epoch" runs: the run shows as paused again when that epoch arrives. */
  private stepping = false;
  private stopRequested = false;
  /** Whether the worker wrote the run's end record itself (it does unless it died). */
  private workerRecordedEnd = false;
  /** Timers and listeners that live as long as the run: cleared when it ends or is disposed. */
  private readonly owned: (() => void)[] = [];

  constructor(
    private readonly request: RunRequest,
    private readonly ports: RunPorts,
    private readonly record: RunRecordTarget | null = null,
    pace = 0,
  ) {
    this.current = {
      id: record?.header.id ?? null, label: request.label, name: typeof record?.header.name === 'string' ? record.header.name : runName(resolvedExperiment(request.experiment)), source: request.source, status: 'starting', description: null, params: null, totalEpochs: null,
      epochs: this.epochs, lastStep: null, message: null, notes: [], task: null, points: null, boundary: null, earlyStopping: null, bestEpoch: null,
      stoppedEpoch: null, restoredBestWeights: false, confusion: null, stepsPerEpoch: null, trace: this.trace, pace, startedAt: Date.now(), endedAt: null,
    };
    Atomics.store(this.control, CONTROL_PACE, pace);
  }

  get state(): RunState {
    return this.current;
  }

  /** The experiment this run trains. */
  get experiment(): unknown {
    return this.request.experiment;
  }

  /** What started this run, to start it again from scratch (Reset). */
  get runRequest(): RunRequest {
    return this.request;
  }

  get isActive(): boolean {
    return isActiveStatus(this.current.status);
  }

  /** True once Stop was asked and the worker has not reported back yet. */
  get isStopping(): boolean {
    return this.stopRequested && this.isActive;
  }

  /** Registers cleanup that runs when this run ends or is disposed (timers, listeners of the run). */
  own(cleanup: () => void): void {
    if (this.isActive) this.owned.push(cleanup);
    else cleanup();
  }

  start(): void {
    const worker = this.ports.spawnWorker();
    this.worker = worker;
    worker.on('message', (raw: unknown) => this.receive(raw));
    worker.on('error', (err: Error) => {
      const oom = (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.end('failed', oom
        ? this.ports.t('The training ran out of memory ({0} MB): use a smaller model, batch size or data set. Your files are unchanged.', WORKER_HEAP_MB)
        : this.ports.t('The training worker crashed: {0}. Your files are unchanged; run it again to retry.', err.message));
    });
    worker.on('exit', (code: number) => {
      this.worker = null;
      if (this.isActive) this.end('failed', this.ports.t('The training worker stopped unexpectedly (exit code {0}), perhaps out of memory. Try a smaller model or batch size.', code));
    });
    // Restricted Mode: whatever starts a run, it reads files only inside the extension (src/host/workspaceTrust.ts).
    const readRoots = this.ports.readRoots();
    worker.postMessage({
      type: 'startTraining', experiment: this.request.experiment, baseDir: this.request.baseDir, extensionRoot: this.ports.extensionRoot,
      kernels: 'auto', control: this.controlBuffer, record: this.record, ...(this.request.mnist ? { mnist: this.request.mnist } : {}),
      ...(readRoots === null ? {} : { readRoots }),
    });
  }

  pause(): void {
    if (this.current.status !== 'running') return;
    Atomics.store(this.control, CONTROL_PAUSE, PAUSE_PAUSED);
    Atomics.notify(this.control, CONTROL_PAUSE); // a worker keeping a pace waits on this slot between epochs
    this.update({ status: 'paused' });
  }

  /** The pace in epochs per second (0: as fast as it goes), applied from the next epoch on. */
  setPace(epochsPerSecond: number): void {
    if (!(Number.isInteger(epochsPerSecond) && epochsPerSecond >= 0)) return;
    Atomics.store(this.control, CONTROL_PACE, epochsPerSecond);
    Atomics.notify(this.control, CONTROL_PAUSE);
    this.update({ pace: epochsPerSecond });
  }

  /** The optimizer steps the worker has taken so far, read from the shared control buffer (no message). */
  get workerSteps(): number {
    return Atomics.load(this.control, CONTROL_STEPS);
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
    this.ports.log.info(`run "${this.current.label}": learning rate set to ${lr}`);
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

  /** Asks the worker to stop before its next step; the run ends when it reports back. */
  stop(): void {
    if (!this.isActive) return;
    this.stopRequested = true;
    Atomics.store(this.control, CONTROL_STOP, 1);
    Atomics.notify(this.control, CONTROL_PAUSE);
    // A worker stuck before its first step (loading data) cannot see the flag: end it after a grace period.
    const timer = setTimeout(() => {
      if (this.isActive) this.end('stopped', this.ports.t('Stopped.'));
    }, STOP_GRACE_MS);
    this.own(() => clearTimeout(timer));
  }

  private receive(raw: unknown): void {
    if (!isWorkerToHost(raw)) {
      this.ports.log.warn(`training worker: ignored a malformed message ${JSON.stringify(raw).slice(0, 200)}`);
      return;
    }
    if (!this.isActive) return; // a late message after Stop's grace period ended the run
    const msg: WorkerToHost = raw;
    switch (msg.type) {
      case 'didStart':
        this.ports.log.info(`run "${this.current.label}": ${renderMessage(msg.description)}, ${msg.params} parameters, ${msg.kernels} kernels`);
        for (const note of msg.notes) this.ports.log.info(`note: ${note}`);
        this.update({
          status: this.current.status === 'paused' ? 'paused' : 'running', description: renderMessage(msg.description, this.ports.t), params: msg.params,
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
        this.epochs.push(...msg.epochs);
        for (const s of msg.steps) if (this.traceSampler.keep()) this.trace.push(s);
        this.update({ lastStep, bestEpoch: msg.bestEpoch, status });
        return;
      }
      case 'didFinishTraining': {
        this.workerRecordedEnd = true;
        this.current = { ...this.current, bestEpoch: msg.bestEpoch ?? this.current.bestEpoch, stoppedEpoch: msg.stoppedEpoch, restoredBestWeights: msg.restoredBestWeights };
        this.end(msg.stoppedBy === 'nan' ? 'failed' : msg.stoppedBy === 'aborted' ? 'stopped' : 'finished', this.outcomeMessage(msg));
        return;
      }
      case 'didFailTraining': {
        this.workerRecordedEnd = true;
        // Configuration and data errors come as message templates: the user reads them in the display
        // language, the log keeps the English too.
        const shown = msg.text === null ? msg.message : renderMessage(msg.text, this.ports.t);
        if (shown !== msg.message) this.ports.log.info(`run "${this.current.label}" failed: ${msg.message}`);
        this.end('failed', shown);
        return;
      }
    }
  }

  private update(patch: Partial<RunState>): void {
    this.current = { ...this.current, ...patch };
    this.emitter.fire(this.current);
  }

  private end(status: RunStatus, message: string): void {
    if (!this.isActive) return;
    if (!this.workerRecordedEnd) this.recordEnd(status, message);
    for (const cleanup of this.owned.splice(0)) cleanup();
    this.update({ status, message, endedAt: Date.now() });
    this.ports.log.info(`run "${this.current.label}" ${status}: ${message}`);
    void this.worker?.terminate();
    this.worker = null;
  }

  /** The worker died (or was ended) before it could write the run's end: the host writes it. */
  private recordEnd(status: RunStatus, message: string): void {
    if (!this.record) return;
    const outcome: RunOutcome = {
      status: status === 'stopped' ? 'stopped' : status === 'finished' ? 'finished' : 'failed', reason: message, epochs_run: this.epochs.length,
      seconds: (Date.now() - this.current.startedAt) / 1000, best_epoch: this.current.bestEpoch, stopped_epoch: null, restored_best_weights: false, weights: null,
    };
    const file = runPaths(this.record.dir, this.record.header.id).run;
    appendJsonLines(file, [endRecordFor(this.epochs, outcome)]).catch((e: unknown) => this.ports.log.error(`run store: cannot record the end of ${file}`, e));
  }

  /** What the user reads when a run ends: why it stopped, in the editor's language. */
  private outcomeMessage(msg: Extract<WorkerToHost, { type: 'didFinishTraining' }>): string {
    const t = (message: string, ...args: (string | number)[]) => this.ports.t(message, ...args);
    // Our numbers in the display language (60.000 in Spanish); the seconds always with one decimal.
    const n = (v: number) => formatQuantity(v, this.ports.t.locale);
    const seconds = new Intl.NumberFormat(this.ports.t.locale ?? 'en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(msg.seconds);
    const restored = msg.restoredBestWeights && msg.bestEpoch !== undefined && msg.bestEpoch !== null;
    switch (msg.stoppedBy) {
      case 'nan':
        return t('The loss became {0} at epoch {1}, step {2}: the gradients exploded. Lower the learning rate or set clipnorm on the optimizer.', String(msg.nanAt?.loss ?? 'NaN'), msg.nanAt?.epoch ?? '?', msg.nanAt?.step ?? '?');
      case 'callback': {
        const epoch = msg.stoppedEpoch ?? msg.epochsRun;
        return restored
          ? t('EarlyStopping stopped training at epoch {0}; restored the weights of epoch {1}.', epoch, msg.bestEpoch)
          : t('EarlyStopping stopped training at epoch {0}.', epoch);
      }
      case 'aborted':
        return t('Stopped.');
      default:
        return restored
          ? t('Finished {0} epochs in {1} s; restored the weights of the best epoch ({2}).', n(msg.epochsRun), seconds, msg.bestEpoch)
          : t('Finished {0} epochs in {1} s.', n(msg.epochsRun), seconds);
    }
  }

  dispose(): void {
    if (this.isActive) this.end('stopped', this.ports.t('Stopped.'));
    for (const cleanup of this.owned.splice(0)) cleanup();
    void this.worker?.terminate();
    this.worker = null;
    this.emitter.dispose();
  }
}
