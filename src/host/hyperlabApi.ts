/**
 * What activate() returns: a small read-only view of HyperLab's state for other extensions and for our
 * integration tests, which run in the same extension host and reach it through `extension.exports`.
 */
import type { WebviewKind, WebviewReadiness } from './webviewReadiness';

export interface HyperLabApi {
  /** True once the given webview has loaded its script and received its snapshot. */
  isWebviewReady(kind: WebviewKind): boolean;
  /** Resolves when the given webview is ready; rejects with the reason after `timeoutMs`. */
  whenWebviewReady(kind: WebviewKind, timeoutMs?: number): Promise<void>;
}

export function createApi(readiness: WebviewReadiness): HyperLabApi {
  return {
    isWebviewReady: (kind) => readiness.isReady(kind),
    whenWebviewReady: (kind, timeoutMs) => readiness.whenReady(kind, timeoutMs),
  };
}
