/**
 * The training panel's script. It posts `ready`, draws whatever snapshot the host sends back, and keeps
 * its own view state (the log-scale toggle) through the webview state API so a hidden or reloaded
 * panel comes back as it was.
 */
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import { assertNever } from '../../src/shared/protocol/guards';
import { type HostToPanel, type PanelSnapshot, type PanelToHost, isHostToPanel } from '../../src/shared/protocol/webviewProtocol';
import { el, render } from '../common/dom';
import { onThemeChange } from '../common/themeColors';
import { connect } from '../common/vscodeApi';
import { LossChart } from './lossChart';

interface PanelViewState {
  readonly logScale: boolean;
}

const channel = connect<PanelToHost, HostToPanel>(isHostToPanel);
const saved = channel.getState() as Partial<PanelViewState> | undefined;
let viewState: PanelViewState = { logScale: saved?.logScale === true };
let chart: LossChart | undefined;

function show(snapshot: PanelSnapshot): void {
  const { strings, run } = snapshot;
  const canvas = el('canvas', { id: 'loss-chart', 'aria-label': strings.lossAxis, role: 'img' });
  const logToggle = el('vscode-checkbox', { id: 'log-scale', label: strings.logScale, checked: viewState.logScale });
  logToggle.addEventListener('change', () => {
    viewState = { logScale: (logToggle as HTMLElement & { checked: boolean }).checked };
    channel.setState(viewState);
    chart?.setLogScale(viewState.logScale);
  });
  const status = el('p', { id: 'run-status', class: 'status' }, run ? run.label : strings.emptyState);
  render(
    document.getElementById('app') as HTMLElement,
    el('header', {}, el('h1', {}, strings.title), logToggle),
    status,
    el('div', { class: 'chart-box' }, canvas),
  );
  chart = new LossChart(canvas, strings, viewState.logScale);
  chart.show(run);
  document.body.dataset.state = 'ready';
}

channel.onMessage((message) => {
  switch (message.type) {
    case 'didLoadSnapshot':
      show(message.snapshot);
      return;
    default:
      assertNever(message.type);
  }
});
onThemeChange(() => chart?.applyTheme());
channel.post({ type: 'ready' });
