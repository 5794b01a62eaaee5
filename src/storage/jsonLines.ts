/**
 * Append-only JSON Lines files, the crash-safe format for logs that grow (run records, sweep journals):
 * each record is one JSON value on one line, written with a single append. A crash can at worst leave
 * the last line torn (no newline, or not valid JSON); readers skip such a tail instead of failing, and
 * the next writer starts its first record on a fresh line so a torn tail never glues onto good data.
 */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';

/** The lines of one file, parsed; `torn` counts lines that were not valid JSON (a crash's torn tail). */
export interface JsonLinesRead<T> {
  readonly records: T[];
  readonly torn: number;
}

/** Parses JSON Lines text, skipping blank lines and lines that do not parse (a torn write). */
export function parseJsonLines<T = unknown>(text: string): JsonLinesRead<T> {
  const records: T[] = [];
  let torn = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      records.push(JSON.parse(line) as T);
    } catch {
      torn++;
    }
  }
  return { records, torn };
}

/** Reads a JSON Lines file; a missing file reads as empty. */
export async function readJsonLines<T = unknown>(file: string): Promise<JsonLinesRead<T>> {
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], torn: 0 };
    throw e;
  }
  return parseJsonLines<T>(text);
}

export function readJsonLinesSync<T = unknown>(file: string): JsonLinesRead<T> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], torn: 0 };
    throw e;
  }
  return parseJsonLines<T>(text);
}

/** The text that appends `records` to a file whose current content ends with `lastByte` (undefined: empty). */
export function jsonLinesChunk(records: readonly unknown[], lastByte: number | undefined): string {
  // A torn tail has no newline: start on a fresh line so the new records stay readable.
  const lead = lastByte !== undefined && lastByte !== 0x0a ? '\n' : '';
  return lead + records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

/** The last byte of a file, or undefined when it is empty or missing. */
function lastByteSync(file: string): number | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size === 0) return undefined;
    const b = Buffer.alloc(1);
    fs.readSync(fd, b, 0, 1, size - 1);
    return b[0];
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Appends records to a JSON Lines file, synchronously, in one write(2) with O_APPEND (the CLI and the
 * training worker; several writers of one file stay line-atomic for the sizes written here).
 */
export function appendJsonLinesSync(file: string, records: readonly unknown[]): void {
  new JsonLinesSyncAppender(file).append(records);
}

/**
 * appendJsonLinesSync for a file this appender alone writes (a run's worker): the file's last byte is read
 * before the first append only — after it, the file ends with the newline this appender wrote. Each
 * append is then open, one write(2) and close: a sweep's trial writes every epoch, and the four extra
 * calls per epoch were a measurable part of a 150-epoch trial on two busy cores.
 */
export class JsonLinesSyncAppender {
  private lastByte: number | undefined | null = null; // null: not read yet

  constructor(private readonly file: string) {}

  append(records: readonly unknown[]): void {
    if (records.length === 0) return;
    if (this.lastByte === null) this.lastByte = lastByteSync(this.file);
    fs.appendFileSync(this.file, jsonLinesChunk(records, this.lastByte));
    this.lastByte = 0x0a;
  }
}

/**
 * An asynchronous appender for one file (the extension host): appends queue behind each other so the
 * lines keep their order and the event loop never waits on the disk.
 */
export class JsonLinesAppender {
  private tail: Promise<void> = Promise.resolve();
  private lastByte: number | undefined | null = null; // null: not read yet

  constructor(private readonly file: string, private readonly onError: (e: unknown) => void = () => {}) {}

  append(records: readonly unknown[]): Promise<void> {
    if (records.length === 0) return this.tail;
    const batch = [...records];
    this.tail = this.tail.then(async () => {
      if (this.lastByte === null) this.lastByte = await lastByte(this.file);
      const chunk = jsonLinesChunk(batch, this.lastByte);
      await fsp.appendFile(this.file, chunk);
      this.lastByte = 0x0a;
    }).catch((e: unknown) => this.onError(e));
    return this.tail;
  }

  /** Resolves once every append asked so far is on disk (or failed and was reported). */
  flush(): Promise<void> {
    return this.tail;
  }
}

async function lastByte(file: string): Promise<number | undefined> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return undefined;
    const b = Buffer.alloc(1);
    await handle.read(b, 0, 1, size - 1);
    return b[0];
  } finally {
    await handle.close();
  }
}

/** Appends records to a JSON Lines file asynchronously (a one-off append, e.g. a user's edit). */
export async function appendJsonLines(file: string, records: readonly unknown[]): Promise<void> {
  if (records.length === 0) return;
  await fsp.appendFile(file, jsonLinesChunk(records, await lastByte(file)));
}
