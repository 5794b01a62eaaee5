/**
 * What the training panel is sent, and when: one snapshot when its webview posts `ready`, then only what
 * is new — the live run's epochs and trace points since the last message, a status line when it changed,
 * a decision boundary when a new one arrived — and the whole set of shown runs again only when that set
 * changes (a new run, a comparison chosen or cleared). Stored runs are read from the run store once and
 * kept while shown. No 'vscode' here: the panel's webview, the texts and the store come in as FeedPorts.
 */
import type { Disposable, Event } from '../../shared/emitter';
import type { ComparisonView, DataPreview, HostToPanel, PanelStrings, RunSeries, ShownRuns } from '../../shared/protocol/panelProtocol';
import type { Boundary } from '../../shared/protocol/workerProtocol';
import { differingHyperparameters } from '../../runs/runCompare';
import type { RunData } from '../../runs/runReader';
import type { RunState } from './trainingRun';
import type { Comparison } from './trainingService';
import { type Translate, epochPoint, isPlaneExperiment, liveId, liveInfo, liveLayers, liveSeries, liveStatus, storedSeries, tracePoint } from './runSeries';

export interface FeedSource {
  readonly state: RunState | null;
  readonly compared: Comparison;
  /** The experiment of the run in `state` (for the comparison table). */
  readonly liveExperiment: unknown;
  readonly onDidChangeRun: Event<RunState | null>;
  readonly onDidChangeComparison: Event<Comparison>;
}

export interface FeedPorts {
  post(message: HostToPanel): void;
  readonly t: Translate;
  strings(): PanelStrings;
  /** The display language for our numbers (displayLanguage.ts). */
  locale(): string;
  /** The sidebar's data before it trains (DataPreviewSource); absent: no preview. */
  readonly preview?: { preview(): Promise<DataPreview | null>; readonly onDidChange: Event<void> };
  /** A stored run (null when it is gone). */
  readRun(id: string): Promise<RunData | null>;
  readonly log: { error(message: string, err?: unknown): void };
}

interface Cursor {
  readonly id: string;
  epochs: number;
  trace: number;
  infoKey: string;
  statusKey: string;
  confusion: unknown;
}

const infoKey = (s: RunState) => `${s.name}|${s.label}|${s.task}|${s.totalEpochs}|${liveLayers(s).join(',')}|${s.earlyStopping?.monitor}|${s.earlyStopping?.patience}|${s.points ? 1 : 0}`;

export class PanelFeed implements Disposable {
  private ready = false;
  private cursor: Cursor | null = null;
  private sentBoundary: Boundary | null = null;
  private generation = 0;
  private previewGeneration = 0;
  private readonly stored = new Map<string, { readonly series: RunSeries; readonly experiment: unknown }>();
  private readonly subscriptions: Disposable[];

  constructor(private readonly source: FeedSource, private readonly ports: FeedPorts) {
    this.subscriptions = [
      source.onDidChangeRun((state) => this.runChanged(state)),
      source.onDidChangeComparison(() => void this.refreshShown()),
      ...(ports.preview ? [ports.preview.onDidChange(() => void this.previewChanged())] : []),
    ];
  }

  private async previewChanged(): Promise<void> {
    const generation = ++this.previewGeneration;
    if (!this.ready || !this.ports.preview) return;
    const preview = await this.ports.preview.preview();
    if (generation === this.previewGeneration) this.ports.post({ type: 'didUpdatePreview', preview });
  }

  /** The webview is ready: send it everything once (then increments). */
  async sendSnapshot(): Promise<void> {
    const previewGeneration = ++this.previewGeneration;
    const preview = (await this.ports.preview?.preview()) ?? null;
    const shown = await this.loadShown();
    if (!shown) return;
    const boundary = this.source.state?.boundary ?? null;
    this.sentBoundary = boundary;
    this.ports.post({ type: 'didLoadSnapshot', snapshot: { strings: this.ports.strings(), locale: this.ports.locale(), preview, ...shown, boundary } });
    this.ready = true;
    // A preview that changed while the snapshot was being built follows it.
    if (previewGeneration !== this.previewGeneration) void this.previewChanged();
  }

  private runChanged(state: RunState | null): void {
    if (!this.ready) return;
    if ((state ? liveId(state) : null) !== (this.cursor?.id ?? null)) {
      void this.refreshShown();
      return;
    }
    if (!state || !this.cursor) return;
    this.sendIncrements(state, this.cursor);
  }

  private sendIncrements(state: RunState, c: Cursor): void {
    const key = infoKey(state);
    if (key !== c.infoKey) {
      c.infoKey = key;
      this.ports.post({ type: 'didUpdateRunInfo', info: liveInfo(state, isPlaneExperiment(this.source.liveExperiment)) });
    }
    if (state.epochs.length > c.epochs || state.trace.length > c.trace) {
      const layers = liveLayers(state), spe = state.stepsPerEpoch;
      const epochs = state.epochs.slice(c.epochs).map((e) => epochPoint(e, layers));
      const trace = spe ? state.trace.slice(c.trace).map((p) => tracePoint(p, spe)).filter((p) => p !== null) : [];
      c.epochs = state.epochs.length;
      c.trace = state.trace.length;
      this.ports.post({ type: 'didAppendEpochs', runId: c.id, epochs, trace });
    }
    const status = liveStatus(state, this.ports.t);
    const { confusion, ...rest } = status;
    const statusKey = JSON.stringify(rest);
    if (statusKey !== c.statusKey || confusion !== c.confusion) {
      c.statusKey = statusKey;
      c.confusion = confusion;
      this.ports.post({ type: 'didUpdateRunStatus', runId: c.id, status });
    }
    if (state.boundary !== this.sentBoundary) {
      this.sentBoundary = state.boundary;
      this.ports.post({ type: 'didUpdateBoundary', boundary: state.boundary });
    }
  }

  /** The shown set changed: send it whole (the newest request wins when reads overlap). */
  private async refreshShown(): Promise<void> {
    if (!this.ready) return;
    const shown = await this.loadShown();
    if (!shown) return;
    this.ports.post({ type: 'didChangeRuns', shown });
    const boundary = this.source.state?.boundary ?? null;
    if (boundary !== this.sentBoundary) {
      this.sentBoundary = boundary;
      this.ports.post({ type: 'didUpdateBoundary', boundary });
    }
  }

  /** The live run (as it is now) and the compared runs; null when a newer call superseded this one. */
  private async loadShown(): Promise<ShownRuns | null> {
    const generation = ++this.generation;
    const ids = this.source.compared.ids;
    await Promise.all(ids.filter((id) => !this.stored.has(id)).map(async (id) => {
      try {
        const run = await this.ports.readRun(id);
        if (run) this.stored.set(id, { series: storedSeries(run, this.ports.t), experiment: run.header.experiment });
      } catch (e) {
        this.ports.log.error(`training panel: cannot read run ${id}`, e);
      }
    }));
    if (generation !== this.generation) return null;
    for (const id of [...this.stored.keys()]) if (!ids.includes(id)) this.stored.delete(id);
    const state = this.source.state;
    const runs: RunSeries[] = [];
    const experiments: unknown[] = [];
    if (state) {
      runs.push(liveSeries(state, this.ports.t, isPlaneExperiment(this.source.liveExperiment)));
      experiments.push(this.source.liveExperiment);
      const status = liveStatus(state, this.ports.t);
      const { confusion, ...rest } = status;
      this.cursor = { id: liveId(state), epochs: state.epochs.length, trace: state.trace.length, infoKey: infoKey(state), statusKey: JSON.stringify(rest), confusion };
    } else {
      this.cursor = null;
    }
    for (const id of ids) {
      const s = this.stored.get(id);
      if (s && (!state || s.series.info.id !== liveId(state))) {
        runs.push(s.series);
        experiments.push(s.experiment);
      }
    }
    const comparison: ComparisonView | null = runs.length >= 2 ? { runs: runs.map((r) => r.info.id), rows: differingHyperparameters(experiments) } : null;
    return { runs, focus: runs[0]?.info.id ?? null, comparison };
  }

  dispose(): void {
    this.generation++;
    for (const s of this.subscriptions.splice(0)) s.dispose();
  }
}
