/**
 * Writes one run into the store as it trains: the header when the run is created, then the start,
 * epoch, step and end records through a sink that appends lines (JsonLinesAppender in the extension
 * host, so its event loop never waits on the disk; appendJsonLinesSync in the CLI, which trains on its
 * own thread anyway). It keeps the metric summary and the step sampling so the records stay bounded
 * whatever the run's length. It knows nothing about workers or VS Code: callers translate their events.
 */
import * as os from 'node:os';
import { DEFAULT_SEED } from '../engine/experiment/experiment';
import { MetricSummaryBuilder } from './metricSummary';
import { createRunFile, createRunFileSync, runPaths } from './runFiles';
import { runName } from './runName';
import { type NormEntry, type RunEndRecord, type RunEpochRecord, type RunHeader, type RunSource, type RunStartRecord, type StepEntry, RUN_SCHEMA_VERSION } from './runRecord';
import { StepTrace } from './stepTrace';

declare const __HYPERLAB_VERSION__: string;

/** The per-batch points recorded per run grow as this × log2(steps / this) (stepTrace.ts). */
export const RECORDED_STEP_BUDGET = 1000;

export interface RunInit {
  readonly experiment: unknown;
  readonly baseDir: string;
  readonly source: RunSource;
}

export interface RecordSink {
  append(records: readonly unknown[]): unknown;
}

export interface EpochInput {
  readonly epoch: number;
  readonly logs: Readonly<Record<string, number | null>>;
  readonly learning_rate: number | null;
  readonly norms?: readonly NormEntry[];
}

export interface StepInput {
  readonly epoch: number;
  readonly step: number;
  readonly loss: number | null;
}

export type RunOutcome = Omit<RunEndRecord, 'type' | 'ended' | 'summary'>;

/** The experiment as it will train: the defaults that change the numbers made explicit (the seed). */
export function resolvedExperiment(experiment: unknown): unknown {
  if (typeof experiment !== 'object' || experiment === null || Array.isArray(experiment)) return experiment;
  const e = experiment as Record<string, unknown>;
  return e.seed === undefined ? { seed: DEFAULT_SEED, ...e } : e;
}

function header(id: string, init: RunInit): RunHeader {
  const experiment = resolvedExperiment(init.experiment);
  return {
    type: 'run', schema: RUN_SCHEMA_VERSION, id, name: runName(experiment), source: init.source, experiment, base_dir: init.baseDir,
    hyperlab_version: typeof __HYPERLAB_VERSION__ === 'string' ? __HYPERLAB_VERSION__ : 'dev', started: new Date().toISOString(), pid: process.pid, hostname: os.hostname(),
  };
}

/** Creates a run's file with its header line only (the extension host does this; its worker writes the rest). */
export async function createRunHeader(dir: string, init: RunInit): Promise<RunHeader> {
  let made: RunHeader | null = null;
  const id = await createRunFile(dir, (candidate) => JSON.stringify((made = header(candidate, init))));
  return { ...made!, id };
}

export class RunRecorder {
  private readonly summary = new MetricSummaryBuilder();
  private readonly trace = new StepTrace(RECORDED_STEP_BUDGET);
  private ended = false;

  private constructor(readonly header: RunHeader, readonly dir: string, private readonly sink: RecordSink) {}

  /** Creates the run's file (its first line, the header) and returns the recorder for the rest. */
  static async create(dir: string, init: RunInit, sinkFor: (file: string) => RecordSink): Promise<RunRecorder> {
    const made = await createRunHeader(dir, init);
    return new RunRecorder(made, dir, sinkFor(runPaths(dir, made.id).run));
  }

  static createSync(dir: string, init: RunInit, sinkFor: (file: string) => RecordSink): RunRecorder {
    let made: RunHeader | null = null;
    const id = createRunFileSync(dir, (candidate) => JSON.stringify((made = header(candidate, init))));
    return new RunRecorder({ ...made!, id }, dir, sinkFor(runPaths(dir, id).run));
  }

  /** A recorder for a run whose file another process or thread created (the host creates, the worker writes). */
  static attach(dir: string, header: RunHeader, sink: RecordSink): RunRecorder {
    return new RunRecorder(header, dir, sink);
  }

  get id(): string {
    return this.header.id;
  }

  get weightsFile(): string {
    return runPaths(this.dir, this.id).weights;
  }

  started(info: Omit<RunStartRecord, 'type'>): void {
    this.write([{ type: 'start', ...info } satisfies RunStartRecord]);
  }

  /** New epochs and steps (a batch of them: one append). */
  metrics(epochs: readonly EpochInput[], steps: readonly StepInput[]): void {
    const records: unknown[] = [];
    const points: StepEntry[] = [];
    for (const s of steps) if (this.trace.keep()) points.push([s.epoch, s.step, s.loss]);
    if (points.length > 0) records.push({ type: 'steps', points });
    for (const e of epochs) {
      this.summary.add(e.epoch, e.logs);
      records.push({ type: 'epoch', epoch: e.epoch, logs: e.logs, learning_rate: e.learning_rate, ...(e.norms ? { norms: e.norms } : {}) } satisfies RunEpochRecord);
    }
    this.write(records);
  }

  /** The end record (once; later calls are ignored). */
  end(outcome: RunOutcome): void {
    if (this.ended) return;
    this.write([{ type: 'end', ...outcome, ended: new Date().toISOString(), summary: this.summary.build() } satisfies RunEndRecord]);
    this.ended = true;
  }

  get hasEnded(): boolean {
    return this.ended;
  }

  private write(records: readonly unknown[]): void {
    if (this.ended || records.length === 0) return;
    void this.sink.append(records);
  }
}

/**
 * The end record for a run whose worker died before writing one (a crash, out of memory, a Stop that
 * had to terminate it): the summary is rebuilt from the epochs the caller saw.
 */
export function endRecordFor(epochs: readonly { readonly epoch: number; readonly logs: Readonly<Record<string, number | null>> }[], outcome: RunOutcome): RunEndRecord {
  const summary = new MetricSummaryBuilder();
  for (const e of epochs) summary.add(e.epoch, e.logs);
  return { type: 'end', ...outcome, ended: new Date().toISOString(), summary: summary.build() };
}
