/**
 * Reads one run back from the store: its records (a torn or foreign line is skipped, never an error),
 * the user's edits from the meta file, and the status a reader should show — `interrupted` for a run
 * with no end record whose writing process is gone (killed, crashed), `running` while it is alive.
 */
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import { parseJsonLines, readJsonLines } from '../storage/jsonLines';
import { MetricSummaryBuilder } from './metricSummary';
import { runPaths } from './runFiles';
import {
  type MetricSummary, type RunEndRecord, type RunEpochRecord, type RunHeader, type RunStartRecord, type RunStatus, type StepEntry, isRunMetaRecord, isRunRecord,
} from './runRecord';

export type ShownStatus = RunStatus | 'interrupted';

/** The user's edits, folded: the latest value of each key. */
export interface RunMeta {
  readonly name: string | null;
  readonly starred: boolean;
  readonly note: string;
}

export interface RunData {
  readonly header: RunHeader;
  readonly start: RunStartRecord | null;
  readonly epochs: readonly RunEpochRecord[];
  readonly steps: readonly StepEntry[];
  readonly end: RunEndRecord | null;
  readonly meta: RunMeta;
  readonly status: ShownStatus;
  readonly summary: MetricSummary;
  /** Lines skipped: torn (a crash mid-write) or not a record of this schema. */
  readonly skipped: number;
}

/** Whether the process that wrote `header` still runs (on another machine: assumed so). */
export function writerAlive(header: RunHeader): boolean {
  if (header.hostname !== os.hostname()) return true;
  if (header.pid === process.pid) return true;
  try {
    process.kill(header.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function shownStatus(header: RunHeader, end: RunEndRecord | null, isLive?: (id: string) => boolean): ShownStatus {
  if (end) return end.status;
  if (isLive) return isLive(header.id) ? 'running' : header.pid === process.pid ? 'interrupted' : writerAlive(header) ? 'running' : 'interrupted';
  return writerAlive(header) ? 'running' : 'interrupted';
}

export function foldMeta(records: readonly unknown[]): RunMeta {
  let name: string | null = null, starred = false, note = '';
  for (const r of records) {
    if (!isRunMetaRecord(r)) continue;
    if (r.name !== undefined) name = r.name.trim() === '' ? null : r.name;
    if (r.starred !== undefined) starred = r.starred;
    if (r.note !== undefined) note = r.note;
  }
  return { name, starred, note };
}

export async function readMeta(dir: string, id: string): Promise<RunMeta> {
  return foldMeta((await readJsonLines(runPaths(dir, id).meta)).records);
}

/** A run from its file's text (the header must be the first valid line; null when there is none). */
export function parseRun(text: string, meta: RunMeta, isLive?: (id: string) => boolean): RunData | null {
  const { records, torn } = parseJsonLines(text);
  let header: RunHeader | null = null, start: RunStartRecord | null = null, end: RunEndRecord | null = null;
  const epochs: RunEpochRecord[] = [], steps: StepEntry[] = [];
  let skipped = torn;
  const summary = new MetricSummaryBuilder();
  for (const r of records) {
    if (!isRunRecord(r)) {
      skipped++;
      continue;
    }
    if (r.type === 'run') {
      if (header) skipped++;
      else header = r;
      continue;
    }
    if (!header) {
      skipped++;
      continue;
    }
    if (r.type === 'start') start = r;
    else if (r.type === 'epoch') {
      epochs.push(r);
      summary.add(r.epoch, r.logs);
    } else if (r.type === 'steps') steps.push(...r.points);
    else end = r;
  }
  if (!header) return null;
  return { header, start, epochs, steps, end, meta, status: shownStatus(header, end, isLive), summary: end?.summary ?? summary.build(), skipped };
}

/** Reads run `id` of the store at `dir`; null when it does not exist or has no readable header. */
export async function readRun(dir: string, id: string, isLive?: (id: string) => boolean): Promise<RunData | null> {
  let text: string;
  try {
    text = await fsp.readFile(runPaths(dir, id).run, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  return parseRun(text, await readMeta(dir, id), isLive);
}
