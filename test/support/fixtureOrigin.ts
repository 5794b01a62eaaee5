/**
 * Local stand-ins for the internet in the download tests: an origin on 127.0.0.1 (plain http, or https
 * with the self-signed certificate of test/fixtures/tls) that serves bytes whole, held half-way until the
 * test releases them, truncated, stalled, redirected or with an error status; and an http proxy that
 * forwards absolute-form requests and CONNECT tunnels to it, recording what went through. Nothing here
 * reaches the network: every socket is on 127.0.0.1, and the proxy maps any host name to it.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

export type Behaviour =
  | { readonly body: Uint8Array; readonly contentLength?: boolean; readonly holdAfter?: number }
  | { readonly body: Uint8Array; readonly truncateAt: number }
  | { readonly body: Uint8Array; readonly stallAfter: number }
  | { readonly status: number }
  | { readonly redirect: string };

export const TLS_FIXTURE = {
  key: () => fs.readFileSync(path.resolve('test/fixtures/tls/localhost.key')),
  cert: () => fs.readFileSync(path.resolve('test/fixtures/tls/localhost.crt')),
};

export class FixtureOrigin {
  private readonly routes = new Map<string, Behaviour>();
  private readonly holds = new Map<string, () => void>();
  private readonly sockets = new Set<net.Socket>();
  /** Paths requested, in order. */
  readonly requests: string[] = [];

  private constructor(private readonly server: http.Server, readonly origin: string) {
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  /** Starts on 127.0.0.1 (port 0: any free one); `tls` serves https with the fixture certificate. */
  static async start({ tls = false, port = 0 }: { tls?: boolean; port?: number } = {}): Promise<FixtureOrigin> {
    const server = tls ? https.createServer({ key: TLS_FIXTURE.key(), cert: TLS_FIXTURE.cert() }) : http.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    const self = new FixtureOrigin(server, `${tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => self.handle(req, res));
    return self;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(p: string): string {
    return `${this.origin}${p}`;
  }

  serve(p: string, behaviour: Behaviour): this {
    this.routes.set(p, behaviour);
    return this;
  }

  /** Sends the rest of a held body. */
  release(p: string): void {
    this.holds.get(p)?.();
    this.holds.delete(p);
  }

  async close(): Promise<void> {
    for (const release of this.holds.values()) release();
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const p = req.url ?? '/';
    this.requests.push(p);
    const b = this.routes.get(p);
    if (!b) {
      res.writeHead(404).end('no such fixture');
      return;
    }
    if ('redirect' in b) {
      res.writeHead(302, { location: b.redirect }).end();
      return;
    }
    if ('status' in b) {
      res.writeHead(b.status, { 'content-type': 'text/plain' }).end(`fixture status ${b.status}`);
      return;
    }
    const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
    if (!('contentLength' in b) || b.contentLength !== false) headers['content-length'] = String(b.body.length);
    res.writeHead(200, headers);
    if ('truncateAt' in b) {
      res.write(b.body.subarray(0, b.truncateAt), () => res.socket?.destroy());
    } else if ('stallAfter' in b) {
      res.write(b.body.subarray(0, b.stallAfter));
    } else if (b.holdAfter !== undefined) {
      res.write(b.body.subarray(0, b.holdAfter));
      this.holds.set(p, () => res.end(b.body.subarray(b.holdAfter)));
    } else {
      res.end(b.body);
    }
  }
}

/**
 * An http proxy on 127.0.0.1: absolute-form GETs are forwarded, CONNECT opens a tunnel; every host name
 * goes to 127.0.0.1 (so a made-up name proves the request went through the proxy: nothing else resolves it).
 */
export class FixtureProxy {
  /** "GET http://host:port/path" or "CONNECT host:port", in order. */
  readonly seen: string[] = [];
  private readonly sockets = new Set<net.Socket>();

  private constructor(private readonly server: http.Server) {
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  static async start({ requireAuth }: { requireAuth?: string } = {}): Promise<FixtureProxy> {
    const server = http.createServer();
    const proxy = new FixtureProxy(server);
    const authorized = (req: http.IncomingMessage) => requireAuth === undefined || req.headers['proxy-authorization'] === `Basic ${Buffer.from(requireAuth).toString('base64')}`;
    server.on('request', (req, res) => {
      proxy.seen.push(`${req.method ?? '?'} ${req.url ?? ''}`);
      if (!authorized(req)) {
        res.writeHead(407, { 'proxy-authenticate': 'Basic realm="fixture"' }).end();
        return;
      }
      const target = new URL(req.url ?? '');
      const upstream = http.request({ host: '127.0.0.1', port: target.port, path: `${target.pathname}${target.search}`, method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    });
    server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
      proxy.seen.push(`CONNECT ${req.url ?? ''}`);
      if (!authorized(req)) {
        client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="fixture"\r\n\r\n');
        return;
      }
      const port = Number((req.url ?? '').split(':').pop());
      const upstream = net.connect(port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The port of a listener that was opened and closed at once: nothing answers there (an offline stand-in). */
export async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}
