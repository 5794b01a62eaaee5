/**
 * A user's changes to stored runs: rename, star, note (appended to the run's meta file, so an edit never
 * rewrites a file another window may be appending to) and delete — a run's files move to the store's
 * `.trash/` folder, so the delete can be undone, and the trash is emptied of what is older than a day.
 * Ids are checked: an id is a file stem, never a path.
 */
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { appendJsonLines } from '../storage/jsonLines';
import { isRunId, runPaths } from './runFiles';
import type { RunMetaRecord } from './runRecord';

export type RunEdit = Pick<RunMetaRecord, 'name' | 'starred' | 'note'>;

function checkId(id: string): void {
  if (!isRunId(id)) throw new Error(`not a run id: ${JSON.stringify(id.slice(0, 80))}`);
}

export async function editRun(dir: string, id: string, edit: RunEdit): Promise<void> {
  checkId(id);
  await fsp.access(runPaths(dir, id).run); // no meta file for a run that is not there
  const record: RunMetaRecord = { type: 'meta', at: new Date().toISOString(), ...edit };
  await appendJsonLines(runPaths(dir, id).meta, [record]);
}

export const TRASH_FOLDER = '.trash';

async function moveFiles(fromDir: string, toDir: string, id: string): Promise<void> {
  const from = runPaths(fromDir, id), to = runPaths(toDir, id);
  await fsp.mkdir(toDir, { recursive: true });
  for (const key of ['run', 'meta', 'weights'] as const) {
    try {
      await fsp.rename(from[key], to[key]);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
}

/** Moves a run's files to the store's trash (undone by restoreRun). */
export async function trashRun(dir: string, id: string): Promise<void> {
  checkId(id);
  const trash = path.join(dir, TRASH_FOLDER);
  await moveFiles(dir, trash, id);
  // A rename keeps the modification time: mark when it was trashed, for emptyTrash.
  const now = new Date();
  const p = runPaths(trash, id);
  for (const file of [p.run, p.meta, p.weights]) await fsp.utimes(file, now, now).catch(() => undefined);
}

/** Brings a trashed run back into the store. */
export async function restoreRun(dir: string, id: string): Promise<void> {
  checkId(id);
  await moveFiles(path.join(dir, TRASH_FOLDER), dir, id);
}

/** Removes trashed files older than `maxAgeMs` (a missing trash is empty). */
export async function emptyTrash(dir: string, maxAgeMs: number, now = Date.now()): Promise<number> {
  const trash = path.join(dir, TRASH_FOLDER);
  let names: string[];
  try {
    names = await fsp.readdir(trash);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const file = path.join(trash, name);
    const { mtimeMs } = await fsp.stat(file);
    if (now - mtimeMs > maxAgeMs) {
      await fsp.rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}

/** Removes a run's files (run, meta, weights) for good; a file already gone is not an error. */
export async function deleteRun(dir: string, id: string): Promise<void> {
  checkId(id);
  const p = runPaths(dir, id);
  await Promise.all([p.run, p.meta, p.weights].map((f) => fsp.rm(f, { force: true })));
}
