/**
 * The training panel's script. It posts `ready`, draws the snapshot the host sends back, then applies
 * run updates as they come (the host sends at most about ten a second). Its own view state (the
 * log-scale toggle) goes through the webview state API so a hidden or reloaded panel comes back as it was.
 */
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import { assertNever } from '../../src/shared/protocol/guards';
import { type HostToPanel, type PanelSnapshot, type PanelToHost, type RunView, isHostToPanel } from '../../src/shared/protocol/webviewProtocol';
import { el, render } from '../common/dom';
import { onThemeChange } from '../common/themeColors';
import { connect } from '../common/vscodeApi';
import { ConfusionTable } from './confusionTable';
import { DecisionBoundary } from './decisionBoundary';
import { NetworkDiagram } from './networkDiagram';
import { NormsChart } from './normsChart';
import { LossChart } from './lossChart';
import { MetricsChart } from './metricsChart';
import { MetricsTable } from './metricsTable';
import { RunControls } from './runControls';

interface PanelViewState {
  readonly logScale: boolean;
}

interface PanelView {
  readonly status: HTMLElement;
  readonly title: HTMLElement;
  readonly chart: LossChart;
  readonly controls: RunControls;
  readonly table: MetricsTable;
  readonly boundary: DecisionBoundary;
  readonly norms: NormsChart;
  readonly metrics: MetricsChart;
  readonly network: NetworkDiagram;
  readonly confusion: ConfusionTable;
  readonly changes: HTMLElement;
  readonly changedSince: string;
  readonly emptyText: string;
}

const channel = connect<PanelToHost, HostToPanel>(isHostToPanel);
const saved = channel.getState() as Partial<PanelViewState> | undefined;
let viewState: PanelViewState = { logScale: saved?.logScale === true };
let view: PanelView | undefined;

function build(snapshot: PanelSnapshot): PanelView {
  const { strings } = snapshot;
  const canvas = el('canvas', { id: 'loss-chart', 'aria-label': strings.lossAxis, role: 'img' });
  const logToggle = el('vscode-checkbox', { id: 'log-scale', label: strings.logScale, checked: viewState.logScale });
  const controls = new RunControls(strings, (m) => channel.post(m));
  const table = new MetricsTable();
  const boundary = new DecisionBoundary(strings);
  const norms = new NormsChart(strings);
  const metrics = new MetricsChart(strings);
  const network = new NetworkDiagram(strings, (values, density) => boundary.showNeuron(values, density));
  const confusion = new ConfusionTable(strings);
  const title = el('h1', {}, strings.title);
  const status = el('p', { id: 'run-status', class: 'status', role: 'status', 'aria-live': 'polite' });
  const changes = el('div', { id: 'changes', class: 'changes' });
  render(
    document.getElementById('app') as HTMLElement,
    el('header', {}, title, el('div', { class: 'toolbar' }, controls.element, logToggle)),
    status,
    el('div', { class: 'run-body' }, el('div', { class: 'main-col' }, el('div', { class: 'chart-box' }, canvas), changes, metrics.element, network.element, norms.element), el('div', { class: 'side' }, table.element, boundary.element, confusion.element)),
  );
  const chart = new LossChart(canvas, strings, viewState.logScale);
  logToggle.addEventListener('change', () => {
    viewState = { logScale: (logToggle as HTMLElement & { checked: boolean }).checked };
    channel.setState(viewState);
    chart.setLogScale(viewState.logScale);
  });
  return { status, title, chart, controls, table, boundary, norms, metrics, network, confusion, changes, changedSince: strings.changedSince, emptyText: strings.emptyState };
}

function showRun(v: PanelView, run: RunView | null): void {
  v.status.textContent = run ? `${run.label}: ${run.statusText}` : v.emptyText;
  v.chart.show(run);
  v.controls.show(run);
  v.table.show(run);
  v.boundary.showRun(run);
  v.norms.show(run);
  v.metrics.show(run);
  v.confusion.show(run);
  const ghost = run?.ghost;
  if (ghost && ghost.changes.length > 0) {
    render(v.changes, el('p', {}, `${v.changedSince} (${ghost.label})`), el('ul', {}, ...ghost.changes.map((c) => el('li', {}, el('code', {}, c)))));
  } else {
    render(v.changes);
  }
  document.body.dataset.run = run ? run.status : 'none';
  document.body.dataset.epochs = String(run?.epochs.length ?? 0);
  document.body.dataset.ghost = run?.ghost ? 'yes' : 'no';
}

channel.onMessage((message) => {
  switch (message.type) {
    case 'didLoadSnapshot':
      view = build(message.snapshot);
      showRun(view, message.snapshot.run);
      view.boundary.showBoundary(message.snapshot.boundary);
      view.network.show(message.snapshot.boundary?.network ?? null);
      document.body.dataset.state = 'ready';
      return;
    case 'didUpdateRun':
      if (view) showRun(view, message.run);
      return;
    case 'didUpdateBoundary':
      view?.boundary.showBoundary(message.boundary);
      view?.network.show(message.boundary?.network ?? null);
      if (message.boundary) document.body.dataset.boundaryEpoch = String(message.boundary.epoch);
      return;
    default:
      assertNever(message);
  }
});
onThemeChange(() => view?.chart.applyTheme());
channel.post({ type: 'ready' });
