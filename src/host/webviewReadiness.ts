/**
 * Tracks which of HyperLab's webviews has completed the `ready` handshake. The host uses it to know a
 * view can take increments; the extension's exported test API uses it to wait for a view to load.
 */
import * as vscode from 'vscode';

export type WebviewKind = 'panel' | 'sidebar' | 'sweep';

export class WebviewReadiness implements vscode.Disposable {
  private readonly ready = new Set<WebviewKind>();
  private readonly emitter = new vscode.EventEmitter<WebviewKind>();
  readonly onDidBecomeReady = this.emitter.event;

  markReady(kind: WebviewKind): void {
    this.ready.add(kind);
    this.emitter.fire(kind);
  }

  markGone(kind: WebviewKind): void {
    this.ready.delete(kind);
  }

  isReady(kind: WebviewKind): boolean {
    return this.ready.has(kind);
  }

  /** Resolves once `kind` is ready (at once if it already is); rejects after `timeoutMs`. */
  whenReady(kind: WebviewKind, timeoutMs = 30_000): Promise<void> {
    if (this.ready.has(kind)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        sub.dispose();
        reject(new Error(`the ${kind} webview did not post 'ready' within ${timeoutMs} ms`));
      }, timeoutMs);
      const sub = this.emitter.event((k) => {
        if (k !== kind) return;
        clearTimeout(timer);
        sub.dispose();
        resolve();
      });
    });
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
