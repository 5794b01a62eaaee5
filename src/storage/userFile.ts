/**
 * Reading a file a user names (a CSV, an experiment, MNIST's files) without trusting it to be a sane file:
 * it is opened non-blocking, so a FIFO cannot hang the open; its type is checked on the open descriptor
 * (no race between a check and the read), so only regular files are read — not a pipe that never ends, not
 * /dev/zero, not a folder; and its size is checked against the caller's limit before a byte is read, so a
 * huge file is refused with its size instead of exhausting memory. Failures are UserFileErrors whose
 * message says what the path is and what is allowed. Not for HyperLab's own files (see atomicFile.ts).
 */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { echoPath } from '../shared/echo';
import { type Message, msg, renderMessage } from '../shared/message';

export type UserFileProblem = 'missing' | 'not-a-file' | 'too-large' | 'unreadable';

export class UserFileError extends Error {
  /**
   * `file`: `detail` is the message (English; the path capped by echoPath); `detail` alone says what is
   * wrong ("no such file"), as a translatable message (see src/engine/configError.ts).
   */
  constructor(readonly file: string, readonly problem: UserFileProblem, readonly detail: Message) {
    super(`${echoPath(file)}: ${renderMessage(detail)}`);
    this.name = 'UserFileError';
  }
}

/** How many bytes a caller reads at most, and the words to name the file kind in messages (msg('CSV files')). */
export interface FileLimit {
  readonly maxBytes: number;
  readonly what: Message;
}

/** 134,217,728 → '128 MB' (binary megabytes, as file managers show sizes). */
export function formatBytes(n: number): string {
  if (n < 1024 * 1024) return `${Math.ceil(n / 1024).toLocaleString('en-US')} KB`;
  const mb = n / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb).toLocaleString('en-US')} MB`;
}

function kindOf(stat: fs.Stats): Message {
  if (stat.isDirectory()) return msg('it is a folder; HyperLab reads only regular files');
  if (stat.isFIFO()) return msg('it is a named pipe (FIFO); HyperLab reads only regular files');
  if (stat.isCharacterDevice()) return msg('it is a character device; HyperLab reads only regular files');
  if (stat.isBlockDevice()) return msg('it is a block device; HyperLab reads only regular files');
  if (stat.isSocket()) return msg('it is a socket; HyperLab reads only regular files');
  return msg('it is not a regular file; HyperLab reads only regular files');
}

// O_NONBLOCK makes open() of a FIFO return at once instead of waiting for a writer; it does nothing for a
// regular file. Windows has no such flag (and no FIFOs in the file system).
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** Opens `file` for reading if it is a regular file within `limit`; the caller closes the handle. */
export async function openUserFile(file: string, limit: FileLimit): Promise<{ handle: fsp.FileHandle; size: number }> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(file, OPEN_FLAGS);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserFileError(file, 'missing', msg('no such file'));
    if (code === 'EACCES' || code === 'EPERM') throw new UserFileError(file, 'unreadable', msg('permission denied'));
    if (code === 'EISDIR') throw new UserFileError(file, 'not-a-file', msg('it is a folder; expected one of the {0}', limit.what));
    throw new UserFileError(file, 'unreadable', msg('cannot open it ({0})', code ?? String(e)));
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new UserFileError(file, 'not-a-file', kindOf(stat));
    if (stat.size > limit.maxBytes) {
      throw new UserFileError(file, 'too-large', msg('it holds {0}; {1} are read up to {2}', formatBytes(stat.size), limit.what, formatBytes(limit.maxBytes)));
    }
    return { handle, size: stat.size };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

/** The bytes of a regular file within `limit` (see openUserFile); a file that grows while read is cut at the limit. */
export async function readUserFile(file: string, limit: FileLimit): Promise<Buffer> {
  const { handle, size } = await openUserFile(file, limit);
  try {
    const buffer = Buffer.allocUnsafe(Math.min(size, limit.maxBytes));
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break; // the file shrank since stat()
      filled += bytesRead;
    }
    return filled === buffer.length ? buffer : buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

/** A regular file within `limit` as a stream (for decompressing on the fly); the stream closes the file. */
export async function streamUserFile(file: string, limit: FileLimit): Promise<Readable> {
  const { handle } = await openUserFile(file, limit);
  return handle.createReadStream({ end: limit.maxBytes - 1 });
}
