/**
 * The run's metrics per epoch (accuracy, mae, ... as compiled), training solid and validation dashed,
 * beside the loss chart. Hidden while the run has no metric. The learning rate (ReduceLROnPlateau logs it)
 * is left out: it lives on another scale.
 */
import { CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import type { PanelStrings, RunView } from '../../src/shared/protocol/webviewProtocol';
import { el } from '../common/dom';
import { chartTheme } from '../common/themeColors';

Chart.register(CategoryScale, LineController, LineElement, PointElement, LinearScale, Legend, Tooltip);

const PALETTE = ['--vscode-charts-green', '--vscode-charts-purple', '--vscode-charts-yellow', '--vscode-charts-red'];
const color = (i: number) => getComputedStyle(document.documentElement).getPropertyValue(PALETTE[i % PALETTE.length]!).trim() || '#888';

export class MetricsChart {
  readonly element: HTMLElement;
  private readonly chart: Chart<'line', { x: number; y: number | null }[]>;
  private keysShown = '';

  constructor(strings: PanelStrings) {
    const canvas = el('canvas', { id: 'metrics-chart', role: 'img', 'aria-label': strings.metricsTitle });
    this.element = el('section', { class: 'metrics-curves', hidden: true }, el('h2', {}, strings.metricsTitle), el('div', { class: 'norms-box' }, canvas));
    const theme = chartTheme();
    this.chart = new Chart(canvas, {
      type: 'line',
      data: { datasets: [] },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false, spanGaps: true,
        plugins: { legend: { labels: { usePointStyle: true, pointStyle: 'line', color: theme.foreground } } },
        scales: { x: { type: 'linear', min: 0, ticks: { precision: 0, color: theme.foreground } }, y: { ticks: { color: theme.foreground } } },
      },
    });
  }

  show(run: RunView | null): void {
    const epochs = run?.epochs ?? [];
    const keys = [...new Set(epochs.flatMap((e) => Object.keys(e.metrics ?? {})))].filter((k) => !k.startsWith('val_') && k !== 'learning_rate').sort();
    this.element.hidden = keys.length === 0;
    if (keys.length === 0) return;
    if (keys.join('|') !== this.keysShown) {
      this.keysShown = keys.join('|');
      this.chart.data.datasets = keys.flatMap((k, i) => [
        { label: k, data: [], borderColor: color(i), backgroundColor: color(i), pointRadius: 1 },
        { label: `val_${k}`, data: [], borderColor: color(i), backgroundColor: color(i), pointRadius: 1, borderDash: [6, 3] },
      ]);
    }
    keys.forEach((k, i) => {
      this.chart.data.datasets[2 * i]!.data = epochs.map((e) => ({ x: e.epoch, y: e.metrics?.[k] ?? null }));
      this.chart.data.datasets[2 * i + 1]!.data = epochs.map((e) => ({ x: e.epoch, y: e.metrics?.[`val_${k}`] ?? null }));
    });
    this.chart.update();
  }
}
