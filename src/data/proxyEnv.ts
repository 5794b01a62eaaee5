/**
 * Which proxy a URL goes through outside VS Code (the CLI), from the environment as curl and Python's
 * urllib read it: https_proxy / HTTPS_PROXY for https URLs, http_proxy / HTTP_PROXY for http ones, and
 * no_proxy / NO_PROXY (comma- or space-separated host names, "*" for all; "example.com" and ".example.com"
 * also cover its subdomains; an optional ":port"). Loopback addresses never use a proxy (VS Code's
 * resolver does the same). Inside VS Code the extension host resolves proxies itself: see httpTransport.ts.
 */

export type Env = Readonly<Record<string, string | undefined>>;

/** A function giving the proxy for a URL, or null for a direct connection. */
export type ProxyFor = (url: URL) => URL | null;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** The proxy resolver of an environment; a malformed or unsupported proxy variable is an error naming it. */
export function proxyFromEnv(env: Env): ProxyFor {
  const https = proxyVariable(env, ['https_proxy', 'HTTPS_PROXY']);
  const http = proxyVariable(env, ['http_proxy', 'HTTP_PROXY']);
  const bypass = noProxyMatcher(env['no_proxy'] ?? env['NO_PROXY'] ?? '');
  return (url) => {
    const proxy = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : null;
    if (proxy === null || LOOPBACK.has(url.hostname) || bypass(url)) return null;
    return proxy;
  };
}

function proxyVariable(env: Env, names: readonly string[]): URL | null {
  for (const name of names) {
    const raw = env[name]?.trim();
    if (!raw) continue;
    // curl takes "host:port" as an http proxy.
    const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new Error(`${name}=${raw} is not a proxy URL (expected http://host:port)`);
    }
    if (url.protocol !== 'http:') throw new Error(`${name}=${raw}: only http:// proxies are supported (the tunnel to the https site is still encrypted)`);
    return url;
  }
  return null;
}

function noProxyMatcher(list: string): (url: URL) => boolean {
  const entries = list.split(/[\s,]+/).map((e) => e.trim().toLowerCase()).filter(Boolean);
  if (entries.includes('*')) return () => true;
  const rules = entries.map((entry) => {
    const m = /^(.*?)(?::(\d+))?$/.exec(entry.replace(/^\*?\./, ''))!;
    return { host: m[1]!, port: m[2] ?? null };
  });
  return (url) => {
    const host = url.hostname.toLowerCase();
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    return rules.some((r) => (r.port === null || r.port === port) && (host === r.host || host.endsWith(`.${r.host}`)));
  };
}
