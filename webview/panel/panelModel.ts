/**
 * The panel's copy of the runs it shows, kept up to date from the host's messages: a snapshot, then
 * appended epochs and trace points, status and info changes, a new shown set. Applying a message only
 * updates data and records what needs drawing; drawing happens once per animation frame from the newest
 * data (main.ts), so a burst of messages never becomes a backlog of redraws.
 */
import type { Boundary } from '../../src/shared/protocol/workerProtocol';
import type { ComparisonView, DataPreview, EpochPoint, HostToPanel, RunInfo, RunSeries, RunStatusView, ShownRuns, TracePoint } from '../../src/shared/protocol/panelProtocol';

export interface ShownRun {
  info: RunInfo;
  status: RunStatusView;
  readonly epochs: EpochPoint[];
  readonly trace: TracePoint[];
  /** Position in the shown set: the run's colour. */
  readonly index: number;
}

/** What a message changed, for the next frame's drawing. */
export interface Dirty {
  /** The set of runs, their order or visibility changed: charts rebuild their datasets. */
  structure: boolean;
  /** Points were appended: charts extend their datasets. */
  data: boolean;
  status: boolean;
  boundary: boolean;
  /** The sidebar's data changed. */
  preview: boolean;
  /** The theme changed: every canvas draws again in its colours. */
  theme: boolean;
}

export const clean = (): Dirty => ({ structure: false, data: false, status: false, boundary: false, preview: false, theme: false });

const toShown = (r: RunSeries, index: number): ShownRun => ({ info: r.info, status: r.status, epochs: [...r.epochs], trace: [...r.trace], index });

export class PanelModel {
  runs: ShownRun[] = [];
  focusId: string | null = null;
  comparison: ComparisonView | null = null;
  boundary: Boundary | null = null;
  /** The sidebar's data, before a run trains on it. */
  preview: DataPreview | null = null;
  /** The preview changed after the live run ended: it shows in place of the run's data (Playground shows new data at once). */
  previewNewer = false;
  /** Runs the user switched off in the charts (by id). */
  readonly hidden = new Set<string>();

  get focus(): ShownRun | null {
    return this.runs.find((r) => r.info.id === this.focusId) ?? this.runs[0] ?? null;
  }

  get live(): ShownRun | null {
    return this.runs.find((r) => r.info.live) ?? null;
  }

  get visible(): ShownRun[] {
    return this.runs.filter((r) => !this.hidden.has(r.info.id));
  }

  private setShown(shown: ShownRuns): void {
    const liveBefore = this.live?.info.id;
    this.runs = shown.runs.map(toShown);
    if (this.live && this.live.info.id !== liveBefore) this.previewNewer = false;
    this.focusId = shown.focus;
    this.comparison = shown.comparison;
    for (const id of [...this.hidden]) if (!this.runs.some((r) => r.info.id === id)) this.hidden.delete(id);
  }

  toggle(id: string, visible: boolean): void {
    if (visible) this.hidden.delete(id);
    else this.hidden.add(id);
  }

  apply(message: HostToPanel, dirty: Dirty): void {
    switch (message.type) {
      case 'didLoadSnapshot':
        this.setShown(message.snapshot);
        this.boundary = message.snapshot.boundary;
        this.preview = message.snapshot.preview;
        Object.assign(dirty, { structure: true, data: true, status: true, boundary: true, preview: true });
        return;
      case 'didChangeRuns':
        this.setShown(message.shown);
        Object.assign(dirty, { structure: true, data: true, status: true });
        return;
      case 'didAppendEpochs': {
        const run = this.runs.find((r) => r.info.id === message.runId);
        if (!run) return;
        run.epochs.push(...message.epochs);
        run.trace.push(...message.trace);
        dirty.data = true;
        return;
      }
      case 'didUpdateRunInfo': {
        const run = this.runs.find((r) => r.info.id === message.info.id);
        if (!run) return;
        const layersChanged = run.info.layers.join('|') !== message.info.layers.join('|');
        run.info = message.info;
        dirty.status = true;
        if (layersChanged) dirty.structure = true;
        return;
      }
      case 'didUpdateRunStatus': {
        const run = this.runs.find((r) => r.info.id === message.runId);
        if (!run) return;
        run.status = message.status;
        dirty.status = true;
        return;
      }
      case 'didUpdateBoundary':
        this.boundary = message.boundary;
        dirty.boundary = true;
        return;
      case 'didUpdatePreview': {
        this.preview = message.preview;
        const s = this.live?.status.status;
        this.previewNewer = !(s === 'starting' || s === 'running' || s === 'paused');
        dirty.preview = true;
        return;
      }
    }
  }
}
