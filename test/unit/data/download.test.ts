/**
 * The real download code (src/data/download.ts over httpTransport.ts) against a local origin on 127.0.0.1
 * serving the fixture mnist.npz: a good download lands whole with its hash; a cancel, a truncated body, a
 * wrong hash, a server error, a stall, an oversized body and an unreachable host each fail with their own
 * kind, and after every failure the cache file is byte for byte what it was and no temporary file is left.
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DownloadError, type DownloadProgress, downloadVerified } from '../../../src/data/download';
import { httpGet } from '../../../src/data/httpTransport';
import { FixtureOrigin, closedPort } from '../../support/fixtureOrigin';

const FIXTURE = new Uint8Array(fs.readFileSync(path.resolve('test/fixtures/datasets/mnist-fixture.npz')));
const FIXTURE_SHA256 = createHash('sha256').update(FIXTURE).digest('hex');
/** What the cache held before each failing download: it must still hold exactly this afterwards. */
const OLD = new TextEncoder().encode('the previous mnist.npz');

describe('verified download (local origin on 127.0.0.1)', () => {
  let origin: FixtureOrigin;
  let dir: string;
  let target: string;
  const get = httpGet();

  beforeEach(async () => {
    origin = await FixtureOrigin.start();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-download-'));
    target = path.join(dir, 'mnist.npz');
    fs.writeFileSync(target, OLD);
  });
  afterEach(async () => {
    await origin.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The cache is what it was, and the folder holds nothing else (no temporary file). */
  function assertCacheUnchanged(): void {
    assert.deepEqual(new Uint8Array(fs.readFileSync(target)), OLD);
    assert.deepEqual(fs.readdirSync(dir), ['mnist.npz']);
  }

  async function failure(promise: Promise<unknown>): Promise<DownloadError> {
    const e = await promise.then(() => assert.fail('the download succeeded'), (err: unknown) => err);
    assert.ok(e instanceof DownloadError, `not a DownloadError: ${String(e)}`);
    return e;
  }

  it('writes the file with its SHA-256 and reports progress up to the Content-Length', async () => {
    origin.serve('/mnist.npz', { body: FIXTURE });
    const seen: DownloadProgress[] = [];
    const result = await downloadVerified({ url: origin.url('/mnist.npz'), sha256: FIXTURE_SHA256, target, get, onProgress: (p) => seen.push(p) });
    assert.deepEqual(new Uint8Array(fs.readFileSync(target)), FIXTURE);
    assert.deepEqual(result, { path: target, bytes: FIXTURE.length, sha256: FIXTURE_SHA256 });
    assert.deepEqual(seen[0], { received: 0, total: FIXTURE.length });
    assert.deepEqual(seen.at(-1), { received: FIXTURE.length, total: FIXTURE.length });
    assert.deepEqual(fs.readdirSync(dir), ['mnist.npz']);
  });

  it('follows a redirect and takes a body without Content-Length (progress without a total)', async () => {
    origin.serve('/old', { redirect: '/mnist.npz' }).serve('/mnist.npz', { body: FIXTURE, contentLength: false });
    const seen: DownloadProgress[] = [];
    await downloadVerified({ url: origin.url('/old'), sha256: FIXTURE_SHA256, target, get, onProgress: (p) => seen.push(p) });
    assert.deepEqual(origin.requests, ['/old', '/mnist.npz']);
    assert.deepEqual(new Uint8Array(fs.readFileSync(target)), FIXTURE);
    assert.ok(seen.every((p) => p.total === null));
  });

  it('creates the folder when it does not exist yet', async () => {
    origin.serve('/mnist.npz', { body: FIXTURE });
    const deep = path.join(dir, 'a', 'datasets', 'mnist.npz');
    await downloadVerified({ url: origin.url('/mnist.npz'), sha256: FIXTURE_SHA256, target: deep, get });
    assert.equal(fs.statSync(deep).size, FIXTURE.length);
  });

  it('cancelled half-way: a "cancelled" error, the cache unchanged', async () => {
    origin.serve('/mnist.npz', { body: FIXTURE, holdAfter: 40_000 });
    const abort = new AbortController();
    const e = await failure(downloadVerified({
      url: origin.url('/mnist.npz'), sha256: FIXTURE_SHA256, target, get, signal: abort.signal,
      onProgress: (p) => { if (p.received >= 40_000) abort.abort(); },
    }));
    assert.equal(e.kind, 'cancelled');
    assertCacheUnchanged();
  });

  it('cancelled before it starts: nothing is requested', async () => {
    origin.serve('/mnist.npz', { body: FIXTURE });
    const abort = new AbortController();
    abort.abort();
    const e = await failure(downloadVerified({ url: origin.url('/mnist.npz'), sha256: FIXTURE_SHA256, target, get, signal: abort.signal }));
    assert.equal(e.kind, 'cancelled');
    assert.deepEqual(origin.requests, []);
    assertCacheUnchanged();
  });

  it('a truncated response: says how many bytes of how many arrived, the cache unchanged', async () => {
    origin.serve('/mnist.npz', { body: FIXTURE, truncateAt: 50_000 });
    const e = await failure(downloadVerified({ url: origin.url('/mnist.npz'), sha256: FIXTURE_SHA256, target, get }));
    assert.equal(e.kind, 'truncated');
    assert.equal(e.details.total, FIXTURE.length);
    assert.ok((e.details.received ?? 0) <= 50_000);
    assert.match(e.message, new RegExp(`ended after \\d+ of ${FIXTURE.length} bytes`));
    assertCacheUnchanged();
  });

  it('a wrong hash: an error naming the file and both hashes, the cache unchanged', async () => {
    const other = new Uint8Array(FIXTURE);
    other[1000] = 255 - FIXTURE[1000]!;
    origin.serve('/mnist.npz', { body: other });
    const e = await failure(downloadVerified({ url: origin.url('/mnist.npz'), sha256: FIXTURE_SHA256, target, get }));
    assert.equal(e.kind, 'hash');
    assert.ok(e.message.includes(target), e.message);
    assert.ok(e.message.includes(FIXTURE_SHA256) && e.message.includes(createHash('sha256').update(other).digest('hex')), e.message);
    assertCacheUnchanged();
  });

  it('a server error: the status in the message, the cache unchanged', async () => {
    origin.serve('/mnist.npz', { status: 500 });
    const e = await failure(downloadVerified({ url: origin.url('/mnist.npz'), sha256: FIXTURE_SHA256, target, get }));
    assert.equal(e.kind, 'http');
    assert.equal(e.details.status, 500);
    assert.match(e.message, /answered 500 Internal Server Error/);
    assertCacheUnchanged();
  });

  it('a stalled server: ends after the idle time, the cache unchanged', async () => {
    origin.serve('/mnist.npz', { body: FIXTURE, stallAfter: 10_000 });
    const e = await failure(downloadVerified({ url: origin.url('/mnist.npz'), sha256: FIXTURE_SHA256, target, get, idleTimeoutMs: 300 }));
    assert.equal(e.kind, 'stalled');
    assertCacheUnchanged();
  });

  it('a body larger than allowed is refused before it is written', async () => {
    origin.serve('/big', { body: FIXTURE }).serve('/big-chunked', { body: FIXTURE, contentLength: false });
    assert.equal((await failure(downloadVerified({ url: origin.url('/big'), sha256: FIXTURE_SHA256, target, get, maxBytes: 1000 }))).kind, 'too-large');
    assert.equal((await failure(downloadVerified({ url: origin.url('/big-chunked'), sha256: FIXTURE_SHA256, target, get, maxBytes: 1000 }))).kind, 'too-large');
    assertCacheUnchanged();
  });

  it('offline (nothing listens): an "offline" error with the system code, the cache unchanged', async () => {
    const port = await closedPort();
    const e = await failure(downloadVerified({ url: `http://127.0.0.1:${port}/mnist.npz`, sha256: FIXTURE_SHA256, target, get }));
    assert.equal(e.kind, 'offline');
    assert.equal(e.details.code, 'ECONNREFUSED');
    assert.match(e.message, /cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    assertCacheUnchanged();
  });

  it('too many redirects end with an error', async () => {
    origin.serve('/loop', { redirect: '/loop' });
    const e = await failure(downloadVerified({ url: origin.url('/loop'), sha256: FIXTURE_SHA256, target, get }));
    assert.equal(e.kind, 'redirects');
    assert.equal(origin.requests.length, 6);
    assertCacheUnchanged();
  });

  it('a folder it cannot write: a "write" error naming the path', async () => {
    origin.serve('/mnist.npz', { body: FIXTURE });
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    const e = await failure(downloadVerified({ url: origin.url('/mnist.npz'), sha256: FIXTURE_SHA256, target: path.join(blocker, 'mnist.npz'), get }));
    assert.equal(e.kind, 'write');
    assert.ok(e.message.includes(blocker), e.message);
  });
});
