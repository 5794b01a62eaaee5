/**
 * The sweep a view shows: its description (study, file, method, metric, search space), its state, every
 * trial as a row, and the newest importance. Live sweeps change it event by event (a trial's start,
 * each epoch's metric, its end); a read of the journal replaces the rows wholesale (trials Python added,
 * a study viewed from its file). Each change bumps a version, so any number of views can ask for what
 * changed since the version they last sent (SweepFeed). No 'vscode': the status line is built with the
 * Translate it is given.
 */
import { Emitter } from '../../shared/emitter';
import { type Translate, formatQuantity } from '../../shared/message';
import type { ImportanceView, SweepInfoView, SweepParamView, SweepViewState, TrialView } from '../../shared/protocol/sweepProtocol';
import type { SweepEvent } from '../../sweeps/sweepEvents';
import type { TrialRow } from '../../sweeps/studyTable';
import { trialView } from './sweepViews';

export interface SweepDescription {
  readonly study: string;
  /** The sweep file (absolute), or null for a journal viewed without one. */
  readonly file: string | null;
  readonly storage: string;
  readonly method: string | null;
  readonly metric: string;
  readonly goal: 'minimize' | 'maximize';
  readonly params: readonly SweepParamView[];
}

export interface SweepChanges {
  readonly version: number;
  readonly info: SweepInfoView | null;
  readonly trials: readonly TrialView[];
  readonly importance: ImportanceView | null;
}

let sessions = 0;

export class SweepSession {
  /** Tells sessions apart (a view shows one; a new one gets a new snapshot). */
  readonly id = ++sessions;
  private stateValue: SweepViewState;
  private readonly rows = new Map<number, { view: TrialView; version: number }>();
  private version = 0;
  private infoVersion = 0;
  private importanceVersion = 0;
  private importanceValue: ImportanceView | null = null;
  private maxTrialsValue: number | null = null;
  private error: string | null = null;
  private readonly changed = new Emitter<void>();
  /** Fires after every change (many times a second while trials train: listeners throttle). */
  readonly onDidChange = this.changed.event;

  constructor(readonly description: SweepDescription, state: SweepViewState, private readonly t: Translate) {
    this.stateValue = state;
  }

  get state(): SweepViewState {
    return this.stateValue;
  }

  /** The trials the study may hold when the running sweep ends (null for a study only viewed). */
  get maxTrials(): number | null {
    return this.maxTrialsValue;
  }

  get importance(): ImportanceView | null {
    return this.importanceValue;
  }

  get currentVersion(): number {
    return this.version;
  }

  private bump(): number {
    return ++this.version;
  }

  private touchInfo(): void {
    this.infoVersion = this.bump();
    this.changed.fire();
  }

  setState(state: SweepViewState, error: string | null = null): void {
    if (state === this.stateValue && error === this.error) return;
    this.stateValue = state;
    this.error = error;
    this.touchInfo();
  }

  setMaxTrials(n: number | null): void {
    this.maxTrialsValue = n;
    this.touchInfo();
  }

  setImportance(importance: ImportanceView): void {
    this.importanceValue = importance;
    this.importanceVersion = this.bump();
    this.changed.fire();
  }

  private put(view: TrialView): void {
    this.rows.set(view.number, { view, version: this.bump() });
    // The status line counts trials: it changes with them.
    this.infoVersion = this.version;
  }

  /** A live sweep's event. */
  apply(e: SweepEvent): void {
    switch (e.type) {
      case 'started':
        this.maxTrialsValue = e.maxTrials;
        this.setState('running');
        return;
      case 'paused':
        return this.setState('paused');
      case 'resumed':
        return this.setState('running');
      case 'ended':
        return this.setState(e.state, e.error);
      case 'trialStarted':
        this.put({ number: e.number, state: 'running', params: e.params, value: null, best: null, epochs: 0, runId: e.runId, reason: null, writer: 'hyperlab' });
        break;
      case 'trialEpoch': {
        const row = this.rows.get(e.number)?.view;
        if (!row) return;
        const best = e.value === null ? row.best : row.best === null || this.better(e.value, row.best) ? e.value : row.best;
        this.put({ ...row, epochs: e.epoch, best });
        break;
      }
      case 'trialEnded': {
        const row = this.rows.get(e.number)?.view;
        this.put({ number: e.number, state: e.state, params: e.params, value: e.value, best: row?.best ?? null, epochs: e.epochs, runId: e.runId, reason: e.reason, writer: 'hyperlab' });
        break;
      }
      case 'studyChanged':
        return; // the service reads the journal and calls setTrials
    }
    this.changed.fire();
  }

  /** The study as read from its journal: rows that differ from the shown ones are updated. */
  setTrials(rows: readonly TrialRow[]): void {
    let any = false;
    for (const row of rows) {
      const view = trialView(row);
      const old = this.rows.get(view.number)?.view;
      if (old && JSON.stringify(old) === JSON.stringify(view)) continue;
      this.put(view);
      any = true;
    }
    if (any) this.changed.fire();
  }

  private better(a: number, b: number): boolean {
    return this.description.goal === 'minimize' ? a < b : a > b;
  }

  trials(): TrialView[] {
    return [...this.rows.values()].map((r) => r.view).sort((a, b) => a.number - b.number);
  }

  /** The best complete trial, per the metric's goal. */
  best(): TrialView | null {
    let best: TrialView | null = null;
    for (const { view } of this.rows.values()) {
      if (view.state !== 'complete' || view.value === null) continue;
      if (!best || this.better(view.value, best.value!)) best = view;
    }
    return best;
  }

  /** Whether a trial of this sweep is training as the run `runId` now. */
  isTraining(runId: string): boolean {
    for (const { view } of this.rows.values()) if (view.runId === runId) return view.state === 'running';
    return false;
  }

  /** Trial numbers → their HyperLab runs (trials another writer added have none). */
  runsOf(numbers: readonly number[]): string[] {
    return numbers.map((n) => this.rows.get(n)?.view.runId ?? null).filter((id): id is string => id !== null);
  }

  info(): SweepInfoView {
    const d = this.description;
    const best = this.best();
    return {
      study: d.study, file: d.file === null ? null : d.file.split(/[\\/]/).pop() ?? d.file, method: d.method, metric: d.metric, goal: d.goal,
      state: this.stateValue, statusText: this.statusText(best), params: d.params, best: best?.number ?? null,
    };
  }

  private statusText(best: TrialView | null): string {
    const t = this.t;
    const counts = { running: 0, complete: 0, pruned: 0, fail: 0, waiting: 0 };
    let interrupted = 0;
    for (const { view } of this.rows.values()) {
      counts[view.state]++;
      if (view.state === 'fail' && view.reason?.startsWith('interrupted')) interrupted++;
    }
    // Trials a killed host left running do not count toward max_trials (the controller fails them as interrupted).
    const done = counts.complete + counts.pruned + counts.fail - interrupted;
    const head = this.stateHead();
    const progress = this.maxTrialsValue !== null && this.stateValue !== 'idle'
      ? t('{0} of {1} trials done: {2} complete, {3} pruned, {4} failed, {5} running', done, this.maxTrialsValue, counts.complete, counts.pruned, counts.fail, counts.running)
      : t('{0} trials: {1} complete, {2} pruned, {3} failed, {4} running', this.rows.size, counts.complete, counts.pruned, counts.fail, counts.running);
    const bestText = best ? t('best {0} {1} (trial {2})', this.description.metric, formatQuantity(best.value!, t.locale, 4), best.number) : t('no complete trial yet');
    return [head, progress, bestText].join(' · ');
  }

  private stateHead(): string {
    const t = this.t;
    switch (this.stateValue) {
      case 'idle': return t('Study {0} (from its journal)', this.description.study);
      case 'starting': return t('Starting');
      case 'running': return t('Running');
      case 'paused': return t('Paused');
      case 'stopping': return t('Stopping');
      case 'finished': return t('Finished');
      case 'cancelled': return t('Cancelled');
      case 'failed': return t('Failed: {0}', this.error ?? '?');
    }
  }

  /** What changed since `version` (the views' snapshot carries the rest). */
  changesSince(version: number): SweepChanges {
    const trials = [...this.rows.values()].filter((r) => r.version > version).map((r) => r.view).sort((a, b) => a.number - b.number);
    return {
      version: this.version,
      info: this.infoVersion > version ? this.info() : null,
      trials,
      importance: this.importanceVersion > version ? this.importanceValue : null,
    };
  }

  dispose(): void {
    this.changed.dispose();
  }
}
