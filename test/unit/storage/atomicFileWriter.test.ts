/**
 * AtomicFileWriter, the streaming form of atomicFile.ts: chunks reach the target only on commit(); until
 * then, and after discard() or a failed commit, the target is what it was and no temporary file remains.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AtomicFileWriter } from '../../../src/storage/atomicFile';

describe('storage: AtomicFileWriter', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-writer-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes chunks to a hidden temporary file beside the target and renames it on commit', async () => {
    const target = path.join(dir, 'sub', 'data.bin');
    const writer = await AtomicFileWriter.open(target);
    assert.equal(path.dirname(writer.tempPath), path.dirname(target));
    assert.ok(path.basename(writer.tempPath).startsWith('.data.bin.'));
    await writer.write(new Uint8Array([1, 2, 3]));
    await writer.write(new Uint8Array([4]));
    assert.ok(!fs.existsSync(target), 'the target appeared before commit');
    await writer.commit();
    assert.deepEqual([...fs.readFileSync(target)], [1, 2, 3, 4]);
    assert.deepEqual(fs.readdirSync(path.dirname(target)), ['data.bin']);
    await assert.rejects(writer.write(new Uint8Array([5])), /after commit/);
  });

  it('discard leaves the old target and removes the temporary file', async () => {
    const target = path.join(dir, 'data.bin');
    fs.writeFileSync(target, 'old');
    const writer = await AtomicFileWriter.open(target);
    await writer.write(new TextEncoder().encode('new but refused'));
    await writer.discard();
    await writer.discard();
    assert.equal(fs.readFileSync(target, 'utf8'), 'old');
    assert.deepEqual(fs.readdirSync(dir), ['data.bin']);
  });

  it('a commit that cannot rename removes the temporary file and throws', async () => {
    const target = path.join(dir, 'taken');
    fs.mkdirSync(path.join(target, 'child'), { recursive: true }); // a non-empty folder: rename(2) refuses
    const writer = await AtomicFileWriter.open(target);
    await writer.write(new Uint8Array([1]));
    await assert.rejects(writer.commit());
    assert.deepEqual(fs.readdirSync(dir), ['taken']);
  });
});
