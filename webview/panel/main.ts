/**
 * The training panel's script. It posts `ready`, then applies the host's messages (a snapshot, then
 * increments) to its PanelModel and draws at most once per animation frame from the newest data: a
 * burst of messages costs one redraw, never a backlog. Its own view state (log axis, smoothing) goes
 * through the webview state API so a hidden or reloaded panel comes back as it was.
 */
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import { assertNever } from '../../src/shared/protocol/guards';
import { type HostToPanel, type PanelSnapshot, type PanelToHost, isHostToPanel } from '../../src/shared/protocol/panelProtocol';
import { el, render } from '../common/dom';
import { onThemeChange } from '../common/themeColors';
import { connect } from '../common/vscodeApi';
import { ComparisonTable } from './comparisonTable';
import { ConfusionTable } from './confusionTable';
import { DecisionBoundary } from './decisionBoundary';
import { LossChart } from './lossChart';
import { MetricsChart } from './metricsChart';
import { MetricsTable } from './metricsTable';
import { NetworkDiagram } from './networkDiagram';
import { NormsChart } from './normsChart';
import { type Dirty, PanelModel, clean } from './panelModel';
import { RunControls } from './runControls';

interface PanelViewState {
  readonly logScale: boolean;
  /** TensorBoard's smoothing weight, 0 (none) to 0.99. */
  readonly smoothing: number;
}

interface PanelView {
  readonly status: HTMLElement;
  readonly chart: LossChart;
  readonly controls: RunControls;
  readonly table: MetricsTable;
  readonly boundary: DecisionBoundary;
  readonly norms: NormsChart;
  readonly metrics: MetricsChart;
  readonly network: NetworkDiagram;
  readonly confusion: ConfusionTable;
  readonly comparison: ComparisonTable;
  readonly emptyText: string;
}

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

function saveViewState(patch: Partial<PanelViewState>): void {
  viewState = { ...viewState, ...patch };
  channel.setState(viewState);
}

function build(snapshot: PanelSnapshot): PanelView {
  const { strings } = snapshot;
  const canvas = el('canvas', { id: 'loss-chart', 'aria-label': strings.lossAxis, role: 'img' });
  const logToggle = el('vscode-checkbox', { id: 'log-scale', label: strings.logScale, checked: viewState.logScale });
  const smoothing = el('input', { id: 'smoothing', type: 'range', min: '0', max: '0.99', step: '0.01', value: String(viewState.smoothing), 'aria-label': strings.smoothing });
  const smoothingValue = el('output', { for: 'smoothing' }, viewState.smoothing.toFixed(2));
  const controls = new RunControls(strings, (m) => channel.post(m));
  const table = new MetricsTable();
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
  render(
    document.getElementById('app') as HTMLElement,
    el('header', {}, el('h1', {}, strings.title), el('div', { class: 'toolbar' }, controls.element, logToggle, el('label', { class: 'smoothing' }, strings.smoothing, smoothing, smoothingValue))),
    status,
    el('div', { class: 'run-body' },
      el('div', { class: 'main-col' }, el('div', { class: 'chart-box' }, canvas), comparison.element, metrics.element, network.element, norms.element),
      el('div', { class: 'side' }, table.element, boundary.element, confusion.element)),
  );
  const chart = new LossChart(canvas, strings, viewState.logScale, viewState.smoothing);
  logToggle.addEventListener('change', () => {
    saveViewState({ logScale: (logToggle as HTMLElement & { checked: boolean }).checked });
    chart.setLogScale(viewState.logScale, model);
  });
  smoothing.addEventListener('input', () => {
    const w = Math.min(0.99, Math.max(0, Number(smoothing.value) || 0));
    smoothingValue.textContent = w.toFixed(2);
    saveViewState({ smoothing: w });
    chart.setSmoothing(w, model);
    metrics.rebuild(model);
  });
  return { status, chart, controls, table, boundary, norms, metrics, network, confusion, comparison, emptyText: strings.emptyState };
}

function markDirty(patch: Partial<Dirty>): void {
  Object.assign(dirty, patch);
  if (framePending) return;
  framePending = true;
  requestAnimationFrame(drawFrame);
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
  if (d.structure || d.data || d.status) {
    const shown = live ?? focus;
    v.status.textContent = shown ? `${shown.info.title}: ${shown.status.statusText}` : v.emptyText;
    v.controls.show(live?.status ?? null);
    v.table.show(focus);
    v.confusion.show(focus);
    v.boundary.showRun(focus?.info ?? null);
  }
  if (d.boundary || d.structure) {
    // The boundary belongs to the live run (stored runs keep no boundary).
    const boundary = focus?.info.live ? model.boundary : null;
    v.boundary.showBoundary(boundary);
    v.network.show(boundary?.network ?? null);
    if (boundary) document.body.dataset.boundaryEpoch = String(boundary.epoch);
  }
  const main = live ?? focus;
  document.body.dataset.run = main ? main.status.status : 'none';
  document.body.dataset.epochs = String(main?.epochs.length ?? 0);
  document.body.dataset.runs = String(model.runs.length);
  document.body.dataset.liveLabel = live?.info.label ?? '';
  document.body.dataset.ghost = model.runs.length >= 2 ? 'yes' : 'no';
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
      model.apply(message, dirty);
      markDirty({});
      return;
    default:
      assertNever(message);
  }
});
onThemeChange(() => view && markDirty({ structure: true, boundary: true }));
channel.post({ type: 'ready' });
