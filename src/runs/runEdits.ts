/**
 * A user's changes to stored runs: rename, star, note (appended to the run's meta file, so an edit never
 * rewrites a file another window may be appending to) and delete (the run's files removed, after the
 * caller asked the user). Ids are checked: an id is a file stem, never a path.
 */
import * as fsp from 'node:fs/promises';
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

/** Removes a run's files (run, meta, weights); a file already gone is not an error. */
export async function deleteRun(dir: string, id: string): Promise<void> {
  checkId(id);
  const p = runPaths(dir, id);
  await Promise.all([p.run, p.meta, p.weights].map((f) => fsp.rm(f, { force: true })));
}
