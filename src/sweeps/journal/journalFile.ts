/**
 * Optuna's journal file backend (optuna/storages/_journal/file.py; JournalFileBackend in 4.x), usable
 * side by side with Python workers on the same file: reading follows the file from a byte offset and
 * takes only complete lines (a line still being written, or torn by a crash, waits); appending holds
 * Optuna's lock — a symlink `<file>.lock`, released by renaming it to `<file>.lock<uuid>.rename` and
 * unlinking that (an O_EXCL lock file where symlinks are refused) — writes every queued line in one
 * write and fsyncs. Under the lock a tail without a newline can only be a dead writer's: it is
 * completed when it is a whole JSON object (a Python 3.1 reader may already have applied it) and cut
 * off otherwise. A lock held longer than the grace period (30 s, Optuna 4.x's default) is broken.
 */
import { randomUUID } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { pyLoads } from '../pythonJson';
import type { JournalLog } from './journalOps';

export interface JournalFileOptions {
  /** Seconds a lock may stay unchanged before a waiting writer breaks it; null never breaks it (Optuna 3.1). */
  readonly gracePeriodSeconds?: number | null;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class JournalFile {
  readonly lockPath: string;
  private offset = 0;
  private readonly gracePeriodMs: number | null;
  private pending: { line: string; done: (e?: Error) => void }[] = [];
  private writing: Promise<void> | null = null;
  /** Complete lines that did not parse (another writer's corruption); they are skipped. */
  corruptLines = 0;

  constructor(readonly file: string, options: JournalFileOptions = {}) {
    this.lockPath = `${file}.lock`;
    const grace = options.gracePeriodSeconds === undefined ? 30 : options.gracePeriodSeconds;
    this.gracePeriodMs = grace === null ? null : grace * 1000;
  }

  /** Creates the file (and its folder) when missing, as Optuna does on open. */
  async ensure(): Promise<void> {
    await fsp.mkdir(path.dirname(this.file), { recursive: true });
    await (await fsp.open(this.file, 'a')).close();
  }

  /** The complete lines appended since the last read, parsed (with their text). */
  async readNew(): Promise<{ log: JournalLog; raw: string }[]> {
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(this.file, 'r');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    let text: Buffer;
    try {
      const { size } = await handle.stat();
      if (size <= this.offset) return [];
      text = Buffer.alloc(size - this.offset);
      const { bytesRead } = await handle.read(text, 0, text.length, this.offset);
      text = text.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
    const end = text.lastIndexOf(0x0a);
    if (end < 0) return [];
    this.offset += end + 1;
    const logs: { log: JournalLog; raw: string }[] = [];
    for (const line of text.subarray(0, end).toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      try {
        logs.push({ log: pyLoads(line) as JournalLog, raw: line });
      } catch {
        this.corruptLines++;
      }
    }
    return logs;
  }

  /** Queues a line; resolves once it is on disk (lines queued together share one locked write). */
  append(line: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ line, done: (e) => (e ? reject(e) : resolve()) });
      this.writing ??= this.flushLoop();
    });
  }

  private async flushLoop(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      try {
        await this.withLock(() => this.write(batch.map((b) => b.line)));
        for (const b of batch) b.done();
      } catch (e) {
        for (const b of batch) b.done(e instanceof Error ? e : new Error(String(e)));
      }
    }
    this.writing = null;
  }

  private async write(lines: readonly string[]): Promise<void> {
    const handle = await fsp.open(this.file, 'a+');
    try {
      const repair = await this.tailRepair(handle);
      if (repair.truncateTo !== null) await handle.truncate(repair.truncateTo);
      await handle.appendFile(`${repair.prefix}${lines.join('\n')}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  /** What a tail without a newline needs: a newline when it is a whole JSON object, else to be cut off. */
  private async tailRepair(handle: fsp.FileHandle): Promise<{ prefix: string; truncateTo: number | null }> {
    const { size } = await handle.stat();
    if (size === 0) return { prefix: '', truncateTo: null };
    let start = size, tail = Buffer.alloc(0);
    while (start > 0) {
      const chunk = Buffer.alloc(Math.min(65536, start));
      start -= chunk.length;
      await handle.read(chunk, 0, chunk.length, start);
      tail = Buffer.concat([chunk, tail]);
      const nl = tail.lastIndexOf(0x0a);
      if (nl >= 0) { start += nl + 1; tail = tail.subarray(nl + 1); break; }
    }
    if (tail.length === 0) return { prefix: '', truncateTo: null };
    try {
      pyLoads(tail.toString('utf8'));
      return { prefix: '\n', truncateTo: null };
    } catch {
      return { prefix: '', truncateTo: start };
    }
  }

  /** Runs `fn` holding Optuna's journal lock. */
  async withLock<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await fn();
    } finally {
      await this.release();
    }
  }

  private async tryCreateLock(): Promise<boolean> {
    try {
      await fsp.symlink(this.file, this.lockPath);
      return true;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw e;
    }
    // No symlinks here (Windows without the privilege): Optuna's JournalFileOpenLock, the same path.
    try {
      await (await fsp.open(this.lockPath, 'wx')).close();
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    }
  }

  private async acquire(): Promise<void> {
    let wait = 1, seen: string | null = null, since = Date.now();
    for (;;) {
      if (await this.tryCreateLock()) return;
      if (this.gracePeriodMs !== null) {
        const id = await fsp.lstat(this.lockPath).then((s) => `${s.ino}:${s.ctimeMs}`, () => null);
        if (id !== seen) { seen = id; since = Date.now(); }
        else if (id !== null && Date.now() - since > this.gracePeriodMs) {
          // The same lock for the whole grace period: its holder died. Break it as a release would.
          await this.release().catch(() => undefined);
          seen = null;
          continue;
        }
      }
      await sleep(wait);
      wait = Math.min(wait * 2, 100);
    }
  }

  private async release(): Promise<void> {
    const renamed = `${this.lockPath}${randomUUID()}.rename`;
    await fsp.rename(this.lockPath, renamed);
    await fsp.unlink(renamed);
  }
}
