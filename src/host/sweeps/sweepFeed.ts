/**
 * What the sweep view is sent, and when: nothing before the webview's `ready`; then a snapshot of the
 * shown sweep; then, at most every `intervalMs`, only what changed since the last message (the status
 * line, the trials that changed, the newest importance). Changes that arrive in between collapse into
 * one message built from the newest state, so a busy sweep never queues a backlog of messages. A new
 * sweep shown (another run, a study opened) goes as a new snapshot. No 'vscode' (ports), unit-tested.
 */
import type { Disposable, Event } from '../../shared/emitter';
import type { HostToSweep, SweepStrings } from '../../shared/protocol/sweepProtocol';
import type { SweepSession } from './sweepSession';

export interface SweepFeedPorts {
  post(message: HostToSweep): void;
  strings(): SweepStrings;
  /** Calls `fn` once after `ms` (setTimeout in the host). */
  later(ms: number, fn: () => void): Disposable;
}

export interface SweepSource {
  readonly session: SweepSession | null;
  readonly onDidChangeSession: Event<SweepSession | null>;
}

/** The most often a view is sent increments. */
export const FEED_INTERVAL_MS = 250;

export class SweepFeed implements Disposable {
  private ready = false;
  private session: SweepSession | null = null;
  private sent = 0;
  private sessionSub: Disposable | null = null;
  private pending: Disposable | null = null;
  private readonly sourceSub: Disposable;

  constructor(private readonly source: SweepSource, private readonly ports: SweepFeedPorts, private readonly intervalMs = FEED_INTERVAL_MS) {
    this.sourceSub = source.onDidChangeSession(() => {
      if (this.ready) this.sendSnapshot();
    });
  }

  /** The webview is ready (first load, or reloaded after being hidden): a full snapshot. */
  sendSnapshot(): void {
    this.ready = true;
    this.pending?.dispose();
    this.pending = null;
    this.sessionSub?.dispose();
    const session = (this.session = this.source.session);
    this.sent = session?.currentVersion ?? 0;
    this.ports.post({
      type: 'didLoadSnapshot',
      snapshot: { strings: this.ports.strings(), info: session?.info() ?? null, trials: session?.trials() ?? [], importance: session?.importance ?? null },
    });
    this.sessionSub = session?.onDidChange(() => this.schedule()) ?? null;
  }

  private schedule(): void {
    if (this.pending) return;
    this.pending = this.ports.later(this.intervalMs, () => {
      this.pending = null;
      this.flush();
    });
  }

  /** Sends what changed since the last message (also called directly by tests). */
  flush(): void {
    const session = this.session;
    if (!session || !this.ready) return;
    const changes = session.changesSince(this.sent);
    this.sent = changes.version;
    if (changes.info) this.ports.post({ type: 'didUpdateInfo', info: changes.info });
    if (changes.trials.length > 0) this.ports.post({ type: 'didUpdateTrials', trials: changes.trials });
    if (changes.importance) this.ports.post({ type: 'didUpdateImportance', importance: changes.importance });
  }

  dispose(): void {
    this.pending?.dispose();
    this.sessionSub?.dispose();
    this.sourceSub.dispose();
  }
}
