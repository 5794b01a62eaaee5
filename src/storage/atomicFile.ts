/**
 * Crash-safe whole-file writes: the data goes to a temporary file in the target's folder, is flushed to
 * disk, and is renamed over the target, so a reader (or a crash at any moment) sees either the old file
 * or the new one, never a truncated mix. rename(2) is atomic within one file system, which is why the
 * temporary file sits beside the target and not in os.tmpdir(). Not for append-only logs: see jsonLines.ts.
 */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

let counter = 0;

/** `.name.<pid>.<n>.tmp` beside `target`: unique per process and call, hidden from folder listings. */
function tempPathFor(target: string): string {
  counter = (counter + 1) % 1_000_000_000;
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}${counter}.tmp`);
}

/** Writes `data` to `target` atomically (temp file, fsync, rename); creates the folder if needed. */
export function writeFileAtomicSync(target: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = tempPathFor(target);
  try {
    const fd = fs.openSync(tmp, 'w', 0o644);
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** The asynchronous form of writeFileAtomicSync, for the extension host (never blocks its event loop). */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  await fsp.mkdir(path.dirname(target), { recursive: true });
  const tmp = tempPathFor(target);
  try {
    const handle = await fsp.open(tmp, 'w', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(tmp, target);
  } catch (e) {
    await fsp.rm(tmp, { force: true });
    throw e;
  }
}
