/**
 * The training panel's script. It posts `ready`, then applies the host's messages (a snapshot, then
 * increments) to its PanelModel and draws at most once per animation frame from the newest data: a
 * burst of messages costs one redraw, never a backlog. Where each view sits is labLayout.ts's (the
 * one-screen lab for 2-D data); what the lab shows is labView.ts's. Its own view state (log axis,
 * smoothing) goes through the webview state API so a hidden or reloaded panel comes back as it was.
 */
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import { assertNever } from '../../src/shared/protocol/guards';
import { type HostToPanel, type PanelSnapshot, type PanelToHost, isHostToPanel } from '../../src/shared/protocol/panelProtocol';
import { el, render } from '../common/dom';
import { fillTemplate, formatFixed, formatMetric, setLocale } from '../common/format';
import { chartTheme, onThemeChange } from '../common/themeColors';
import { connect } from '../common/vscodeApi';
import { ComparisonTable } from './comparisonTable';
import { ConfusionTable } from './confusionTable';
import { DataTable } from './dataTable';
import { DataView } from './dataView';
import { DecisionBoundary } from './decisionBoundary';
import { LabLayout } from './labLayout';
import { labView } from './labView';
import { LossChart } from './lossChart';
import { MetricsChart } from './metricsChart';
import { MetricsTable } from './metricsTable';
import { NetworkDiagram } from './networkDiagram';
import { NormsChart } from './normsChart';
import { type Dirty, PanelModel, type ShownRun, clean } from './panelModel';
import { RunControls } from './runControls';

interface PanelViewState {
  readonly logScale: boolean;
  /** TensorBoard's smoothing weight, 0 (none) to 0.99. */
  readonly smoothing: number;
}

interface PanelView {
  readonly status: HTMLElement;
  readonly summary: HTMLElement;
  readonly chart: LossChart;
  readonly controls: RunControls;
  readonly table: MetricsTable;
  readonly dataTable: DataTable;
  readonly data: DataView;
  readonly boundary: DecisionBoundary;
  readonly norms: NormsChart;
  readonly metrics: MetricsChart;
  readonly network: NetworkDiagram;
  readonly confusion: ConfusionTable;
  readonly comparison: ComparisonTable;
  readonly layout: LabLayout;
  readonly strings: PanelSnapshot['strings'];
}

/** The chart summary is rewritten at most this often while a run trains (a screen reader reads each one). */
const SUMMARY_EVERY_MS = 2000;

const channel = connect<PanelToHost, HostToPanel>(isHostToPanel);
const saved = channel.getState() as Partial<PanelViewState> | undefined;
let viewState: PanelViewState = {
  logScale: saved?.logScale === true,
  smoothing: typeof saved?.smoothing === 'number' && saved.smoothing >= 0 && saved.smoothing < 1 ? saved.smoothing : 0,
};
const model = new PanelModel();
let view: PanelView | undefined;
let dirty: Dirty = clean();
let framePending = false;
let summaryAt = 0;
let summaryStatus = '';

function saveViewState(patch: Partial<PanelViewState>): void {
  viewState = { ...viewState, ...patch };
  channel.setState(viewState);
}

function build(snapshot: PanelSnapshot): PanelView {
  const { strings } = snapshot;
  setLocale(snapshot.locale);
  const canvas = el('canvas', { id: 'loss-chart', 'aria-label': strings.lossAxis, role: 'img' });
  const announce = el('p', { class: 'sr-only', 'aria-live': 'polite', id: 'loss-announce' });
  const summary = el('p', { id: 'loss-summary', class: 'chart-summary', role: 'status', 'aria-live': 'polite' });
  const logToggle = el('vscode-checkbox', { id: 'log-scale', label: strings.logScale, checked: viewState.logScale });
  const smoothing = el('input', { id: 'smoothing', type: 'range', min: '0', max: '0.99', step: '0.01', value: String(viewState.smoothing), 'aria-label': strings.smoothing });
  const smoothingValue = el('output', { for: 'smoothing' }, formatFixed(viewState.smoothing, 2));
  const controls = new RunControls(strings, (m) => channel.post(m));
  const table = new MetricsTable();
  const dataTable = new DataTable(strings);
  const data = new DataView(strings);
  const boundary = new DecisionBoundary(strings);
  const norms = new NormsChart(strings);
  const metrics = new MetricsChart(strings, () => viewState.smoothing);
  const network = new NetworkDiagram(strings, (values, density) => boundary.showNeuron(values, density));
  const confusion = new ConfusionTable(strings);
  const comparison = new ComparisonTable(strings, (m) => channel.post(m), (id, visible) => {
    model.toggle(id, visible);
    markDirty({ structure: true });
  });
  const status = el('p', { id: 'run-status', class: 'status', role: 'status', 'aria-live': 'polite' });
  const loss = el('div', { class: 'loss-box' }, el('div', { class: 'chart-box' }, canvas), summary, announce);
  const layout = new LabLayout({
    data: data.element, network: network.element, boundary: boundary.element, loss, table: table.element, dataTable: dataTable.element,
    comparison: comparison.element, metrics: metrics.element, norms: norms.element, confusion: confusion.element,
  }, strings.outputTitle);
  render(
    document.getElementById('app') as HTMLElement,
    el('header', {}, el('h1', {}, strings.title), el('div', { class: 'toolbar' }, controls.element, logToggle, el('label', { class: 'smoothing' }, strings.smoothing, smoothing, smoothingValue))),
    status,
    layout.element,
  );
  layout.set('general');
  const chart = new LossChart(canvas, strings, viewState.logScale, viewState.smoothing, announce);
  logToggle.addEventListener('change', () => {
    saveViewState({ logScale: (logToggle as HTMLElement & { checked: boolean }).checked });
    chart.setLogScale(viewState.logScale, model);
  });
  smoothing.addEventListener('input', () => {
    const w = Math.min(0.99, Math.max(0, Number(smoothing.value) || 0));
    smoothingValue.textContent = formatFixed(w, 2);
    saveViewState({ smoothing: w });
    chart.setSmoothing(w, model);
    metrics.rebuild(model);
  });
  return { status, summary, chart, controls, table, dataTable, data, boundary, norms, metrics, network, confusion, comparison, layout, strings };
}

function markDirty(patch: Partial<Dirty>): void {
  Object.assign(dirty, patch);
  if (framePending) return;
  framePending = true;
  requestAnimationFrame(drawFrame);
}

/** "Epoch 60: loss 0.5200, val_loss 0.3200, best epoch 57" for the shown run's last epoch. */
function summaryText(v: PanelView, run: ShownRun | null): string {
  const last = run?.epochs[run.epochs.length - 1];
  if (!run || !last) return '';
  const line = fillTemplate(v.strings.chartSummary, last.epoch, formatMetric(last.loss), formatMetric(last.val_loss));
  return run.status.bestEpoch === null ? line : `${line}, ${fillTemplate(v.strings.chartSummaryBest, run.status.bestEpoch)}`;
}

/** Draws what changed since the last frame, from the newest data. */
function drawFrame(): void {
  framePending = false;
  const v = view;
  if (!v) return;
  const d = dirty;
  dirty = clean();
  const t0 = performance.now();
  const focus = model.focus;
  const live = model.live;
  const main = live ?? focus;
  if (d.theme) {
    v.data.retheme();
    v.boundary.retheme();
    v.network.retheme();
    // For the UI tests: how many theme switches were drawn, and the foreground the charts now use.
    document.body.dataset.themeRedraws = String(Number(document.body.dataset.themeRedraws ?? 0) + 1);
  }
  if (d.structure) {
    v.chart.rebuild(model);
    v.metrics.rebuild(model);
    v.norms.rebuild(model);
    v.comparison.rebuild(model);
  } else if (d.data || d.status) {
    v.chart.extend(model);
    v.metrics.extend(model);
    v.norms.extend(model);
    v.comparison.update(model);
  }
  if (d.structure || d.data || d.status || d.boundary || d.preview) {
    const lab = labView(model);
    v.layout.set(lab.layout);
    v.data.show(lab.data);
    v.boundary.showData(lab.plane);
    if (d.boundary || d.structure || d.preview) v.boundary.showBoundary(lab.boundary);
    v.network.show(lab.network, lab.networkExpected);
    v.confusion.show(focus, lab.reserveConfusion);
    if (lab.boundary) document.body.dataset.boundaryEpoch = String(lab.boundary.epoch);
  }
  if (d.structure || d.data || d.status) {
    v.status.textContent = main ? `${main.info.title}: ${main.status.statusText}` : v.strings.emptyState;
    v.controls.show(live?.status ?? null);
    v.table.show(focus);
    v.dataTable.show(focus);
    const now = performance.now();
    const statusNow = main?.status.status ?? '';
    if (d.structure || statusNow !== summaryStatus || now - summaryAt >= SUMMARY_EVERY_MS || statusNow !== 'running') {
      summaryAt = now;
      summaryStatus = statusNow;
      const text = summaryText(v, main);
      if (v.summary.textContent !== text) v.summary.textContent = text;
    }
  }
  document.body.dataset.run = main ? main.status.status : 'none';
  document.body.dataset.epochs = String(main?.epochs.length ?? 0);
  document.body.dataset.lastEpoch = String(main?.epochs[main.epochs.length - 1]?.epoch ?? 0);
  document.body.dataset.runs = String(model.runs.length);
  document.body.dataset.liveLabel = live?.info.label ?? '';
  document.body.dataset.ghost = model.runs.length >= 2 ? 'yes' : 'no';
  document.body.dataset.preview = model.preview ? 'yes' : 'no';
  if (d.theme || d.structure) document.body.dataset.chartForeground = chartTheme().foreground;
  document.body.dataset.frameMs = (performance.now() - t0).toFixed(2);
}

channel.onMessage((message) => {
  switch (message.type) {
    case 'didLoadSnapshot':
      view = build(message.snapshot);
      model.apply(message, dirty);
      markDirty({});
      document.body.dataset.state = 'ready';
      return;
    case 'didChangeRuns':
    case 'didAppendEpochs':
    case 'didUpdateRunInfo':
    case 'didUpdateRunStatus':
    case 'didUpdateBoundary':
    case 'didUpdatePreview':
      model.apply(message, dirty);
      markDirty({});
      return;
    default:
      assertNever(message);
  }
});
onThemeChange(() => view && markDirty({ structure: true, boundary: true, theme: true }));
channel.post({ type: 'ready' });
