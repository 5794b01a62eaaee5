/**
 * One HTTP(S) GET for a download, over Node's http and https modules. In VS Code's extension host those
 * modules are already proxy-aware: src/vs/workbench/api/node/proxyResolver.ts (connectProxyResolver)
 * assigns @vscode/proxy-agent's patched request/get onto the http and https module objects
 * (createPatchedModules, mergeModules) and also intercepts require('http'|'https') per extension
 * (configureModuleLoading). Each request then goes the way `http.proxy`, `http.noProxy`, the
 * http(s)_proxy variables and the system's proxy say, with proxy credentials asked for (Basic, Kerberos)
 * and the system's certificates added, whenever `http.proxySupport` is 'override'
 * (the default), 'fallback' or 'on' ('on' only for requests without an agent of their own: we pass none).
 * The global fetch is patched too (patchGlobalFetch, `http.fetchAdditionalSupport`), but it has no idle
 * timeout on the socket, so the download uses the modules. The integration tier checks the routing with a
 * local proxy. The bare specifiers ('https', not 'node:https') are the names VS Code intercepts.
 * Outside VS Code nothing patches them: the CLI passes `proxyFor` (proxyEnv.ts) and the proxy is used
 * here, in absolute form for http URLs and through a CONNECT tunnel for https ones.
 */
import * as http from 'http';
import * as https from 'https';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import * as tls from 'node:tls';
import type { ProxyFor } from './proxyEnv';

export interface TransportOptions {
  /** The proxy for a URL (null: direct). Absent in the extension host, where VS Code routes requests. */
  readonly proxyFor?: ProxyFor;
  /** Certificates to trust besides Node's (tests: a self-signed origin on 127.0.0.1). */
  readonly ca?: string | Buffer;
}

/** Starts a GET for `url`; the caller ends it and reads the response. */
export type HttpGet = (url: URL, headers: Readonly<Record<string, string>>) => http.ClientRequest;

/** How long a proxy may take to open a tunnel. */
const PROXY_TIMEOUT_MS = 60_000;

/** A failure of the proxy itself (refused the tunnel, wants credentials, silent). */
export class ProxyError extends Error {}

export function httpGet(options: TransportOptions = {}): HttpGet {
  const tlsOptions = options.ca === undefined ? {} : { ca: options.ca };
  return (url, headers) => {
    const proxy = options.proxyFor?.(url) ?? null;
    if (proxy === null) {
      return url.protocol === 'https:' ? https.request(url, { method: 'GET', headers, ...tlsOptions }) : http.request(url, { method: 'GET', headers });
    }
    if (url.protocol === 'http:') {
      // An http URL goes to the proxy in absolute form (RFC 9112 §3.2.2).
      return http.request({ host: proxy.hostname, port: Number(proxy.port) || 80, method: 'GET', path: url.href, headers: { ...headers, host: url.host, ...proxyAuthorization(proxy) } });
    }
    return https.request(url, { method: 'GET', headers, agent: new TunnelAgent(proxy), ...tlsOptions });
  };
}

/** Basic credentials from the proxy URL's user:password, as curl sends them. */
function proxyAuthorization(proxy: URL): Record<string, string> {
  if (!proxy.username && !proxy.password) return {};
  const user = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { 'proxy-authorization': `Basic ${Buffer.from(user).toString('base64')}` };
}

/**
 * An https agent whose connections are TLS over a CONNECT tunnel through an http proxy (RFC 9110 §9.3.6).
 * Node's Agent accepts a createConnection that answers through its callback, which lets the tunnel open first.
 */
class TunnelAgent extends https.Agent {
  constructor(private readonly proxy: URL) {
    super({ keepAlive: false });
  }

  override createConnection(options: https.RequestOptions, callback?: (err: Error | null, stream: Duplex) => void): undefined {
    const host = options.host ?? options.hostname ?? 'localhost';
    const target = `${host.includes(':') ? `[${host}]` : host}:${options.port ?? 443}`;
    const connect = http.request({
      host: this.proxy.hostname, port: Number(this.proxy.port) || 80, method: 'CONNECT', path: target,
      headers: { host: target, ...proxyAuthorization(this.proxy) },
    });
    const fail = (err: Error) => callback?.(err, undefined as unknown as Duplex);
    connect.once('connect', (res, socket) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        fail(new ProxyError(`the proxy ${this.proxy.host} answered ${res.statusCode ?? '?'} ${res.statusMessage ?? ''} to CONNECT ${target}${res.statusCode === 407 ? ' (it wants credentials: put them in the proxy URL, http://user:password@host:port)' : ''}`));
        return;
      }
      const secure = tls.connect({ ...(options as tls.ConnectionOptions), socket, ...(isIP(host) ? {} : { servername: options.servername ?? host }) });
      callback?.(null, secure);
    });
    connect.once('error', fail);
    connect.setTimeout(PROXY_TIMEOUT_MS, () => connect.destroy(new ProxyError(`the proxy ${this.proxy.host} did not answer CONNECT ${target} within ${PROXY_TIMEOUT_MS / 1000} s`)));
    connect.end();
    return undefined;
  }
}
