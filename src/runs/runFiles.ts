/**
 * Where a run's files live in a store folder and how a new run gets its unique id. Ids sort by start
 * time (`20261207-231500-3fa9c1`: UTC date, time, 24 random bits) and the run file is created with
 * O_EXCL, so two windows or processes starting runs in the same second never share a file.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

export const RUN_FILE_SUFFIX = '.jsonl';
export const META_FILE_SUFFIX = '.meta.jsonl';
export const WEIGHTS_FILE_SUFFIX = '.weights.json';

export interface RunPaths {
  readonly run: string;
  readonly meta: string;
  readonly weights: string;
}

export function runPaths(dir: string, id: string): RunPaths {
  return { run: path.join(dir, id + RUN_FILE_SUFFIX), meta: path.join(dir, id + META_FILE_SUFFIX), weights: path.join(dir, id + WEIGHTS_FILE_SUFFIX) };
}

/** A run id is the file name's stem: letters, digits, '-' and '_' only (never a path). */
export function isRunId(id: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/.test(id);
}

export function newRunId(now = new Date()): string {
  const iso = now.toISOString(); // 2026-12-07T23:15:00.123Z
  return `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}-${randomBytes(3).toString('hex')}`;
}

/** Run ids in a folder listing (run files only; meta, weights and temporary files are not runs). */
export function runIdsIn(names: readonly string[]): string[] {
  return names
    .filter((n) => n.endsWith(RUN_FILE_SUFFIX) && !n.endsWith(META_FILE_SUFFIX) && !n.startsWith('.'))
    .map((n) => n.slice(0, -RUN_FILE_SUFFIX.length))
    .filter(isRunId);
}

/** Creates `<dir>/<id>.jsonl` exclusively with `firstLine`; a taken id draws another. Returns the id. */
export async function createRunFile(dir: string, firstLine: (id: string) => string): Promise<string> {
  await fsp.mkdir(dir, { recursive: true });
  for (let attempt = 0; ; attempt++) {
    const id = newRunId();
    try {
      const handle = await fsp.open(runPaths(dir, id).run, 'wx', 0o644);
      try {
        await handle.writeFile(firstLine(id) + '\n');
      } finally {
        await handle.close();
      }
      return id;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 20) throw e;
    }
  }
}

export function createRunFileSync(dir: string, firstLine: (id: string) => string): string {
  fs.mkdirSync(dir, { recursive: true });
  for (let attempt = 0; ; attempt++) {
    const id = newRunId();
    try {
      const fd = fs.openSync(runPaths(dir, id).run, 'wx', 0o644);
      try {
        fs.writeFileSync(fd, firstLine(id) + '\n');
      } finally {
        fs.closeSync(fd);
      }
      return id;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 20) throw e;
    }
  }
}
