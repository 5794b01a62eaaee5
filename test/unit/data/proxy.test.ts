/**
 * Proxies outside VS Code (the CLI): which proxy the environment names for a URL, and downloads through a
 * local proxy on 127.0.0.1, in absolute form for http and through a CONNECT tunnel (TLS inside, checked
 * against the fixture certificate) for https. The origin's host names are made up where TLS allows it, so
 * only the proxy can have reached it.
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DownloadError, downloadVerified } from '../../../src/data/download';
import { httpGet } from '../../../src/data/httpTransport';
import { proxyFromEnv } from '../../../src/data/proxyEnv';
import { FixtureOrigin, FixtureProxy, TLS_FIXTURE } from '../../support/fixtureOrigin';

const FIXTURE = new Uint8Array(fs.readFileSync(path.resolve('test/fixtures/datasets/mnist-fixture.npz')));
const SHA256 = createHash('sha256').update(FIXTURE).digest('hex');

describe('proxies from the environment', () => {
  const at = (u: string, env: Record<string, string>) => proxyFromEnv(env)(new URL(u))?.href ?? null;

  it('uses https_proxy for https and http_proxy for http, lower case first, "host:port" as http://', () => {
    const env = { HTTPS_PROXY: 'http://upper:1', https_proxy: 'lower:3128', HTTP_PROXY: 'http://plain:8080' };
    assert.equal(at('https://storage.googleapis.com/x', env), 'http://lower:3128/');
    assert.equal(at('http://example.com/x', env), 'http://plain:8080/');
    assert.equal(at('https://storage.googleapis.com/x', {}), null);
  });

  it('bypasses NO_PROXY hosts, their subdomains, "*" and loopback addresses', () => {
    const env = { https_proxy: 'http://p:1', NO_PROXY: 'example.com, .internal:8443' };
    assert.equal(at('https://example.com/x', env), null);
    assert.equal(at('https://a.example.com/x', env), null);
    assert.equal(at('https://notexample.com/x', env), 'http://p:1/');
    assert.equal(at('https://db.internal:8443/x', env), null);
    assert.equal(at('https://db.internal/x', env), 'http://p:1/');
    assert.equal(at('https://127.0.0.1:9/x', env), null);
    assert.equal(at('https://localhost/x', env), null);
    assert.equal(at('https://anything/x', { https_proxy: 'http://p:1', no_proxy: '*' }), null);
  });

  it('refuses a malformed or non-http proxy, naming the variable', () => {
    assert.throws(() => proxyFromEnv({ HTTPS_PROXY: 'socks5://p:1080' }), /HTTPS_PROXY=socks5:\/\/p:1080: only http:\/\/ proxies/);
    assert.throws(() => proxyFromEnv({ http_proxy: 'http://[bad' }), /http_proxy=http:\/\/\[bad is not a proxy URL/);
  });
});

describe('downloads through a proxy (local, 127.0.0.1)', () => {
  let dir: string;
  let proxy: FixtureProxy;
  const open: { close(): Promise<void> }[] = [];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-proxy-'));
  });
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function start(opts: { tls?: boolean; auth?: string } = {}) {
    const origin = await FixtureOrigin.start({ tls: opts.tls ?? false });
    origin.serve('/mnist.npz', { body: FIXTURE });
    proxy = await FixtureProxy.start(opts.auth === undefined ? {} : { requireAuth: opts.auth });
    open.push(origin, proxy);
    return origin;
  }

  it('an http URL goes to the proxy in absolute form', async () => {
    const origin = await start();
    const url = `http://mnist-origin.invalid:${origin.port}/mnist.npz`;
    const get = httpGet({ proxyFor: proxyFromEnv({ http_proxy: proxy.url }) });
    await downloadVerified({ url, sha256: SHA256, target: path.join(dir, 'mnist.npz'), get });
    assert.deepEqual(proxy.seen, [`GET ${url}`]);
    assert.equal(fs.statSync(path.join(dir, 'mnist.npz')).size, FIXTURE.length);
  });

  it('an https URL goes through a CONNECT tunnel, TLS checked end to end, with the proxy credentials', async () => {
    const origin = await start({ tls: true, auth: 'student:pa ss' });
    const auth = new URL(proxy.url);
    auth.username = 'student';
    auth.password = 'pa ss';
    const get = httpGet({ proxyFor: () => auth, ca: TLS_FIXTURE.cert() });
    await downloadVerified({ url: `https://localhost:${origin.port}/mnist.npz`, sha256: SHA256, target: path.join(dir, 'mnist.npz'), get });
    assert.deepEqual(proxy.seen, [`CONNECT localhost:${origin.port}`]);
    assert.deepEqual(origin.requests, ['/mnist.npz']);
  });

  it('a proxy that wants credentials: a "proxy" error that says how to give them', async () => {
    const origin = await start({ tls: true, auth: 'student:secret' });
    const get = httpGet({ proxyFor: () => new URL(proxy.url), ca: TLS_FIXTURE.cert() });
    const e = await downloadVerified({ url: `https://localhost:${origin.port}/mnist.npz`, sha256: SHA256, target: path.join(dir, 'mnist.npz'), get }).then(() => null, (err: unknown) => err);
    assert.ok(e instanceof DownloadError);
    assert.equal(e.kind, 'proxy');
    assert.match(e.message, /answered 407 .*http:\/\/user:password@host:port/);
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('an https origin with an untrusted certificate is a connection error, not "offline"', async () => {
    const origin = await start({ tls: true });
    const e = await downloadVerified({ url: `https://127.0.0.1:${origin.port}/mnist.npz`, sha256: SHA256, target: path.join(dir, 'mnist.npz'), get: httpGet() }).then(() => null, (err: unknown) => err);
    assert.ok(e instanceof DownloadError);
    assert.equal(e.kind, 'connection');
    assert.match(e.message, /self[- ]signed/i);
  });
});
