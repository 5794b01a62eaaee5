import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFileAtomic, writeFileAtomicSync } from '../../../src/storage/atomicFile';
import { JsonLinesAppender, JsonLinesSyncAppender, appendJsonLinesSync, parseJsonLines, readJsonLines, readJsonLinesSync } from '../../../src/storage/jsonLines';

describe('storage: JSON Lines and atomic files', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-storage-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('skips a torn last line instead of failing', () => {
    const read = parseJsonLines('{"a":1}\n{"a":2}\n{"a":3, "b"');
    assert.deepEqual(read.records, [{ a: 1 }, { a: 2 }]);
    assert.equal(read.torn, 1);
  });

  it('starts the next append on a fresh line after a torn tail', async () => {
    const file = path.join(dir, 'log.jsonl');
    fs.writeFileSync(file, '{"a":1}\n{"a":2');
    appendJsonLinesSync(file, [{ a: 3 }]);
    const appender = new JsonLinesAppender(file);
    fs.appendFileSync(file, '{"torn"');
    await appender.append([{ a: 4 }, { a: 5 }]);
    const read = await readJsonLines(file);
    assert.deepEqual(read.records, [{ a: 1 }, { a: 3 }, { a: 4 }, { a: 5 }]);
    assert.equal(read.torn, 2);
  });

  it('appends synchronously for a single writer: a torn tail found before the first append, lines in order after it', () => {
    const file = path.join(dir, 'run.jsonl');
    fs.writeFileSync(file, '{"type":"run"}\n{"type":"sta');
    const appender = new JsonLinesSyncAppender(file);
    for (let i = 0; i < 20; i++) appender.append([{ i }]);
    appender.append([]);
    const read = readJsonLinesSync<{ i?: number; type?: string }>(file);
    assert.deepEqual(read.records, [{ type: 'run' }, ...Array.from({ length: 20 }, (_, i) => ({ i }))]);
    assert.equal(read.torn, 1);
    assert.ok(fs.readFileSync(file, 'utf8').endsWith('{"i":19}\n'));
  });

  it('keeps the order of queued asynchronous appends', async () => {
    const file = path.join(dir, 'order.jsonl');
    const appender = new JsonLinesAppender(file);
    for (let i = 0; i < 50; i++) void appender.append([{ i }]);
    await appender.flush();
    assert.deepEqual(readJsonLinesSync<{ i: number }>(file).records.map((r) => r.i), [...Array(50).keys()]);
  });

  it('reads a missing file as empty', async () => {
    assert.deepEqual(await readJsonLines(path.join(dir, 'none.jsonl')), { records: [], torn: 0 });
  });

  it('replaces a file atomically and leaves no temporary file behind', async () => {
    const file = path.join(dir, 'sub', 'w.json');
    writeFileAtomicSync(file, '{"v":1}');
    await writeFileAtomic(file, '{"v":2}');
    assert.equal(fs.readFileSync(file, 'utf8'), '{"v":2}');
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['w.json']);
  });
});
