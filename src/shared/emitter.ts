/**
 * A minimal typed event emitter with VS Code's `Event` shape (subscribe → a disposable), for host-side
 * controllers that must run without 'vscode' in unit tests. VS Code's own EventEmitter has the same
 * contract, so callers cannot tell the difference.
 */
export interface Disposable {
  dispose(): void;
}

export type Event<T> = (listener: (value: T) => void) => Disposable;

export class Emitter<T> implements Disposable {
  private listeners: ((value: T) => void)[] = [];

  readonly event: Event<T> = (listener) => {
    this.listeners.push(listener);
    return { dispose: () => void (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };

  fire(value: T): void {
    for (const l of [...this.listeners]) l(value);
  }

  dispose(): void {
    this.listeners = [];
  }
}
