/**
 * Lists a store's runs without reading them whole: for each run file, its first line (the header) and
 * its last few kilobytes (the end record with the summary), once; ended runs are remembered. Only a run
 * with no end record — running, or interrupted by a crash — is read whole to summarise its epochs. Reads run a bounded number at a time
 * (a store of thousands of runs must not exhaust file descriptors). `npm run bench -- --runs` times it.
 */
import * as fsp from 'node:fs/promises';
import { REASON_LIMIT, echo } from '../shared/echo';
import { runIdsIn, runPaths, META_FILE_SUFFIX } from './runFiles';
import { type MetricSummary, type RunEndRecord, type RunHeader, type RunSource, isRunHeader, isRunRecord } from './runRecord';
import { type RunMeta, type ShownStatus, parseRun, readMeta, shownStatus } from './runReader';

export interface RunSummary {
  readonly id: string;
  /** The user's name when renamed, else the name made from the experiment. */
  readonly name: string;
  readonly autoName: string;
  readonly source: RunSource;
  readonly started: string;
  readonly ended: string | null;
  readonly status: ShownStatus;
  readonly reason: string | null;
  readonly epochs: number;
  readonly totalEpochs: number | null;
  readonly summary: MetricSummary;
  readonly bestEpoch: number | null;
  readonly starred: boolean;
  readonly note: string;
  readonly experiment: unknown;
}

const TAIL_BYTES = 16 * 1024;
const HEAD_BYTES = 16 * 1024;
const PARALLEL = 64;

/** Runs `fn` over `items`, at most `limit` at a time, keeping the order of results. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

interface HeadTail {
  readonly header: RunHeader | null;
  readonly end: RunEndRecord | null;
  /** Total epoch count when the end record is there (else the run is read whole). */
}

async function readHeadTail(file: string): Promise<HeadTail> {
  const handle = await fsp.open(file, 'r');
  try {
    const { size } = await handle.stat();
    // The header line: read on until its newline (an experiment with inline data can be long).
    let head = '';
    for (let pos = 0; pos < size && !head.includes('\n'); pos += HEAD_BYTES) {
      const buf = Buffer.alloc(Math.min(HEAD_BYTES, size - pos));
      await handle.read(buf, 0, buf.length, pos);
      head += buf.toString('utf8');
    }
    const firstLine = head.split('\n', 1)[0]!;
    let header: RunHeader | null = null;
    try {
      const parsed: unknown = JSON.parse(firstLine);
      if (isRunHeader(parsed)) header = parsed;
    } catch {
      // a torn or foreign first line: not a run
    }
    if (!header) return { header: null, end: null };
    const from = Math.max(0, size - TAIL_BYTES);
    const buf = Buffer.alloc(size - from);
    await handle.read(buf, 0, buf.length, from);
    const lines = buf.toString('utf8').split('\n');
    for (let i = lines.length - 1; i >= (from > 0 ? 1 : 0); i--) {
      const line = lines[i]!.trim();
      if (!line.startsWith('{"type":"end"')) continue;
      try {
        const parsed: unknown = JSON.parse(line);
        if (isRunRecord(parsed) && parsed.type === 'end') return { header, end: parsed };
      } catch {
        // torn
      }
    }
    return { header, end: null };
  } finally {
    await handle.close();
  }
}

/** A run as the list shows it; the failure reason is capped (shared/echo.ts): it is read back from a file, which can say anything. */
function summaryOf(header: RunHeader, end: RunEndRecord | null, meta: RunMeta, status: ShownStatus, extra: { epochs: number; totalEpochs: number | null; summary: MetricSummary }): RunSummary {
  return {
    id: header.id, name: meta.name ?? header.name, autoName: header.name, source: header.source, started: header.started, ended: end?.ended ?? null,
    status, reason: end?.reason == null ? null : echo(end.reason, REASON_LIMIT), epochs: extra.epochs, totalEpochs: extra.totalEpochs, summary: extra.summary, bestEpoch: end?.best_epoch ?? null,
    starred: meta.starred, note: meta.note, experiment: header.experiment,
  };
}

/**
 * The header and end record of runs that have ended, by file: an ended run's file no longer changes
 * (its writer is done; edits go to the meta file), so a later listing reads only the meta files and the
 * runs that are new or still going.
 */
const ended = new Map<string, { readonly header: RunHeader; readonly end: RunEndRecord }>();

async function summarize(dir: string, id: string, hasMeta: boolean, isLive?: (id: string) => boolean): Promise<RunSummary | null> {
  const paths = runPaths(dir, id);
  try {
    const meta = hasMeta ? await readMeta(dir, id) : { name: null, starred: false, note: '' };
    const known = ended.get(paths.run);
    const { header, end } = known ?? (await readHeadTail(paths.run));
    if (header && end && !known) ended.set(paths.run, { header, end });
    if (!header) return null;
    if (end) return summaryOf(header, end, meta, shownStatus(header, end, isLive), { epochs: end.epochs_run, totalEpochs: null, summary: end.summary });
    // No end in the tail: running or interrupted, or an end line longer than the tail. Read it whole.
    const run = parseRun(await fsp.readFile(paths.run, 'utf8'), meta, isLive);
    if (!run) return null;
    return summaryOf(header, run.end, meta, run.status, { epochs: run.epochs.length, totalEpochs: run.start?.epochs ?? null, summary: run.summary });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null; // deleted meanwhile
    throw e;
  }
}

/** Every readable run in the store, newest first. A missing folder is an empty store. */
export async function listRuns(dir: string, isLive?: (id: string) => boolean): Promise<RunSummary[]> {
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const metas = new Set(names.filter((n) => n.endsWith(META_FILE_SUFFIX)).map((n) => n.slice(0, -META_FILE_SUFFIX.length)));
  const ids = runIdsIn(names).sort().reverse();
  const present = new Set(ids.map((id) => runPaths(dir, id).run));
  for (const file of ended.keys()) if (file.startsWith(dir) && !present.has(file)) ended.delete(file);
  const runs = await mapLimited(ids, PARALLEL, (id) => summarize(dir, id, metas.has(id), isLive));
  return runs.filter((r): r is RunSummary => r !== null);
}
