/**
 * A verified download: GET a URL (following up to 5 redirects), stream the body into a temporary file
 * beside the target while hashing it with SHA-256, and rename it over the target only when the byte count
 * matches Content-Length and the hash matches the expected one (AtomicFileWriter, src/storage). Any
 * failure (offline, an HTTP error, a truncated body, a wrong hash, a stall, a cancel) leaves the target as
 * it was and no temporary file behind, and is a DownloadError whose kind the caller words for the user.
 * (Keras' get_file, keras/src/utils/file_utils.py, downloads straight to the target and checks the hash
 * afterwards; a failed check there raises but leaves the bad file in the cache. Here it never lands.)
 * The request itself goes through an HttpGet (httpTransport.ts), which knows about proxies.
 */
import { createHash } from 'node:crypto';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { AtomicFileWriter } from '../storage/atomicFile';
import type { HttpGet } from './httpTransport';
import { ProxyError } from './httpTransport';

export type DownloadFailure = 'offline' | 'connection' | 'proxy' | 'http' | 'redirects' | 'too-large' | 'truncated' | 'stalled' | 'hash' | 'write' | 'cancelled';

export interface DownloadErrorDetails {
  readonly url: string;
  readonly target: string;
  /** The system error code (ENOTFOUND, ECONNREFUSED, ENOSPC, ...) when there is one. */
  readonly code?: string;
  readonly status?: number;
  readonly received?: number;
  readonly total?: number | null;
  readonly actual?: string;
  readonly expected?: string;
}

export class DownloadError extends Error {
  constructor(readonly kind: DownloadFailure, message: string, readonly details: DownloadErrorDetails) {
    super(message);
    this.name = 'DownloadError';
  }
}

export interface DownloadProgress {
  readonly received: number;
  /** From Content-Length; null when the server did not say. */
  readonly total: number | null;
}

export interface DownloadOptions {
  readonly url: string;
  readonly sha256: string;
  readonly target: string;
  readonly get: HttpGet;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: DownloadProgress) => void;
  /** A larger body is refused before it fills the disk (default 1 GiB). */
  readonly maxBytes?: number;
  /** No byte for this long ends the download (default 60 s). */
  readonly idleTimeoutMs?: number;
}

export interface DownloadResult {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

const MAX_REDIRECTS = 5;
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
/** Errors that mean the machine cannot reach the host at all: most often, it is offline. */
const UNREACHABLE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EHOSTDOWN', 'ETIMEDOUT', 'ECONNRESET']);

type Fail = (kind: DownloadFailure, message: string, extra?: Partial<DownloadErrorDetails>) => DownloadError;

export async function downloadVerified(o: DownloadOptions): Promise<DownloadResult> {
  const fail: Fail = (kind, message, extra = {}) => new DownloadError(kind, message, { url: o.url, target: o.target, ...extra });
  if (o.signal?.aborted) throw fail('cancelled', `the download of ${o.url} was cancelled`);
  const exchange = await openFollowingRedirects(o, fail);
  const { response } = exchange;
  const maxBytes = o.maxBytes ?? 2 ** 30;
  let writer: AtomicFileWriter | null = null;
  let received = 0;
  let total: number | null = null;
  try {
    const status = response.statusCode ?? 0;
    if (status !== 200) throw fail('http', `${exchange.url.href} answered ${status} ${response.statusMessage ?? ''}`.trim(), { status });
    total = contentLength(response);
    if (total !== null && total > maxBytes) throw fail('too-large', `${exchange.url.href} offers ${total} bytes, more than the ${maxBytes} expected`, { total });
    try {
      writer = await AtomicFileWriter.open(o.target);
    } catch (e) {
      throw fail('write', `cannot write ${o.target}: ${errorText(e)}`, codeOf(e));
    }
    const hash = createHash('sha256');
    o.onProgress?.({ received, total });
    for await (const chunk of response as AsyncIterable<Buffer>) {
      received += chunk.length;
      if (received > maxBytes) throw fail('too-large', `${exchange.url.href} sent more than the ${maxBytes} bytes expected`, { received, total });
      hash.update(chunk);
      await writer.write(chunk).catch((e: unknown) => {
        throw fail('write', `cannot write ${writer?.tempPath ?? o.target}: ${errorText(e)}`, codeOf(e));
      });
      o.onProgress?.({ received, total });
    }
    if (total !== null && received !== total) throw truncated(fail, exchange.url, received, total);
    const actual = hash.digest('hex');
    if (actual !== o.sha256) {
      throw fail('hash', `the file downloaded for ${o.target} from ${exchange.url.href} has SHA-256 ${actual}, not the expected ${o.sha256}; it was not saved`, { actual, expected: o.sha256, received });
    }
    await writer.commit().catch((e: unknown) => {
      throw fail('write', `cannot save ${o.target}: ${errorText(e)}`, codeOf(e));
    });
    writer = null;
    return { path: o.target, bytes: received, sha256: actual };
  } catch (e) {
    if (e instanceof DownloadError) throw e;
    // The body ended early (the connection closed or reset mid-way).
    throw truncated(fail, exchange.url, received, total, e);
  } finally {
    await writer?.discard();
    exchange.dispose();
  }
}

function truncated(fail: Fail, url: URL, received: number, total: number | null, cause?: unknown): DownloadError {
  const of = total === null ? '' : ` of ${total}`;
  const why = cause === undefined ? '' : ` (${errorText(cause)})`;
  return fail('truncated', `the connection to ${url.host} ended after ${received}${of} bytes${why}`, { received, total, ...codeOf(cause) });
}

interface Exchange {
  readonly url: URL;
  readonly request: ClientRequest;
  readonly response: IncomingMessage;
  /** Ends the request and stops listening for the cancel and the idle timer. */
  dispose(): void;
}

async function openFollowingRedirects(o: DownloadOptions, fail: Fail): Promise<Exchange> {
  let url: URL;
  try {
    url = new URL(o.url);
  } catch {
    throw fail('connection', `${o.url} is not a URL`);
  }
  for (let hop = 0; ; hop++) {
    const exchange = await send(o, url, fail);
    const status = exchange.response.statusCode ?? 0;
    const location = exchange.response.headers.location;
    if (!REDIRECT_STATUS.has(status) || location === undefined) return exchange;
    exchange.dispose();
    const next = new URL(location, url);
    if (hop + 1 > MAX_REDIRECTS) throw fail('redirects', `${o.url} redirected more than ${MAX_REDIRECTS} times`, { status });
    if (next.protocol !== 'https:' && next.protocol !== 'http:') throw fail('redirects', `${url.href} redirected to ${next.href}, which is not http(s)`, { status });
    url = next;
  }
}

/** One GET: resolves with the response headers; the cancel and the idle timer stay armed for the body. */
function send(o: DownloadOptions, url: URL, fail: Fail): Promise<Exchange> {
  const idleMs = o.idleTimeoutMs ?? 60_000;
  return new Promise((resolve, reject) => {
    let response: IncomingMessage | undefined;
    let request: ClientRequest;
    try {
      request = o.get(url, { 'user-agent': 'HyperLab', accept: '*/*', 'accept-encoding': 'identity' });
    } catch (e) {
      reject(fail('connection', `cannot request ${url.href}: ${errorText(e)}`));
      return;
    }
    const stop = (err: DownloadError) => (response ?? request).destroy(err);
    const onAbort = () => stop(fail('cancelled', `the download of ${url.href} was cancelled`));
    o.signal?.addEventListener('abort', onAbort, { once: true });
    request.setTimeout(idleMs, () => stop(fail('stalled', `${url.host} sent nothing for ${idleMs / 1000} s`)));
    const dispose = () => {
      o.signal?.removeEventListener('abort', onAbort);
      request.setTimeout(0);
      response?.destroy();
      request.destroy();
    };
    request.once('response', (res) => {
      response = res;
      // From here on errors surface on the response stream (read by the caller); the request's own
      // 'error' event, if any, repeats them.
      request.on('error', () => undefined);
      resolve({ url, request, response: res, dispose });
    });
    request.once('error', (e) => {
      if (response) return;
      dispose();
      reject(e instanceof DownloadError ? e : connectionError(e, url, fail));
    });
    request.end();
  });
}

function connectionError(e: Error, url: URL, fail: Fail): DownloadError {
  const code = (e as NodeJS.ErrnoException).code;
  if (e instanceof ProxyError) return fail('proxy', e.message);
  if (code !== undefined && UNREACHABLE.has(code)) return fail('offline', `cannot reach ${url.host} (${code})`, { code });
  return fail('connection', `cannot connect to ${url.host}: ${errorText(e)}`, codeOf(e));
}

function contentLength(response: IncomingMessage): number | null {
  const raw = response.headers['content-length'];
  if (raw === undefined || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

function codeOf(e: unknown): { code?: string } {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? { code } : {};
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
