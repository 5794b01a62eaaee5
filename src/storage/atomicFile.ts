/**
 * Crash-safe whole-file writes: the data goes to a temporary file in the target's folder, is flushed to
 * disk, and is renamed over the target, so a reader (or a crash at any moment) sees either the old file
 * or the new one, never a truncated mix. rename(2) is atomic within one file system, which is why the
 * temporary file sits beside the target and not in os.tmpdir(). AtomicFileWriter is the streaming form,
 * for data that arrives in chunks (a download) and may still be refused before the rename (a wrong hash).
 * Not for append-only logs: see jsonLines.ts.
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

/**
 * A file written in chunks with the same guarantee: the chunks go to a temporary file beside `target`,
 * and only commit() (flush, then rename) makes them the target; discard() removes the temporary file and
 * leaves the target as it was. Until one of them is called the target is untouched.
 */
export class AtomicFileWriter {
  private done = false;

  private constructor(
    readonly target: string,
    /** The temporary file beside the target (hidden, unique to this process and call). */
    readonly tempPath: string,
    private readonly handle: fsp.FileHandle,
  ) {}

  /** Opens the temporary file for `target`; creates the target's folder if needed. */
  static async open(target: string): Promise<AtomicFileWriter> {
    await fsp.mkdir(path.dirname(target), { recursive: true });
    const tmp = tempPathFor(target);
    return new AtomicFileWriter(target, tmp, await fsp.open(tmp, 'wx', 0o644));
  }

  async write(chunk: Uint8Array): Promise<void> {
    if (this.done) throw new Error(`${this.target}: write after commit or discard`);
    let offset = 0;
    while (offset < chunk.length) offset += (await this.handle.write(chunk, offset, chunk.length - offset)).bytesWritten;
  }

  /** Flushes to disk and renames over the target; on any failure the temporary file is removed. */
  async commit(): Promise<void> {
    if (this.done) throw new Error(`${this.target}: already committed or discarded`);
    this.done = true;
    try {
      await this.handle.sync();
      await this.handle.close();
      await fsp.rename(this.tempPath, this.target);
    } catch (e) {
      await this.handle.close().catch(() => undefined);
      await fsp.rm(this.tempPath, { force: true });
      throw e;
    }
  }

  /** Drops what was written: the temporary file goes, the target stays as it was. Safe to call twice. */
  async discard(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.handle.close().catch(() => undefined);
    await fsp.rm(this.tempPath, { force: true });
  }
}
