/**
 * How a sweep records its trials as runs of the run store (src/runs): the pool creates each trial's
 * run file (its header, source {kind: "sweep", study, trial}) before the worker starts, the worker
 * appends the rest as any run does, and when a worker dies without an end record the pool writes one.
 * The sweep controller sees only TrialRecorder, so tests and callers without a store pass another.
 */
import * as fs from 'node:fs';
import { runPaths } from '../runs/runFiles';
import { RunRecorder, endRecordFor } from '../runs/runRecorder';
import { appendJsonLinesSync } from '../storage/jsonLines';

export interface TrialRunInit {
  readonly experiment: unknown;
  readonly baseDir: string;
  readonly study: string;
  readonly trialNumber: number;
  /** The sweep file, when there is one. */
  readonly sweepFile: string | null;
}

export interface TrialRun {
  readonly runId: string;
  /** What the worker appends to: the store folder and the header written as the run file's first line. */
  readonly record: { readonly dir: string; readonly header: unknown };
}

export interface TrialRecorder {
  create(init: TrialRunInit): Promise<TrialRun | null>;
  /** Ends the record of a trial whose worker died before writing its end. */
  crashed(runId: string, epochs: readonly { epoch: number; logs: Readonly<Record<string, number | null>> }[], reason: string, seconds: number): void;
}

/** Trials recorded in the run store folder `dir`. */
export function runStoreRecorder(dir: string): TrialRecorder {
  return {
    async create(init) {
      const source = { kind: 'sweep' as const, study: init.study, trial: init.trialNumber, ...(init.sweepFile ? { file: init.sweepFile } : {}) };
      // The pool writes only the header; the worker's EngineRunLog appends everything after it.
      const recorder = await RunRecorder.create(dir, { experiment: init.experiment, baseDir: init.baseDir, source }, () => ({ append: () => undefined }));
      return { runId: recorder.id, record: { dir, header: recorder.header } };
    },
    crashed(runId, epochs, reason, seconds) {
      const file = runPaths(dir, runId).run;
      if (!fs.existsSync(file)) return;
      const end = endRecordFor(epochs, { status: 'failed', reason, epochs_run: epochs.length, seconds, best_epoch: null, stopped_epoch: null, restored_best_weights: false, weights: null });
      appendJsonLinesSync(file, [end]);
    },
  };
}

/** No run store: trials are only in the study. */
export const NO_RECORDING: TrialRecorder = { create: () => Promise.resolve(null), crashed: () => undefined };
