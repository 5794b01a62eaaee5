/**
 * Per-layer norms over epochs on a logarithmic axis: each layer's kernel norm ‖W‖ (dashed) and the mean
 * norm of its gradient ‖∂L/∂W‖ (solid). Gradients shrinking by orders of magnitude towards the first
 * layers show vanishing gradients; growing ones show exploding gradients (the lecture's section).
 */
import { Chart, LineController, LineElement, LinearScale, LogarithmicScale, CategoryScale, PointElement, Legend, Tooltip } from 'chart.js';
import type { PanelStrings, RunView } from '../../src/shared/protocol/webviewProtocol';
import { el } from '../common/dom';
import { chartTheme } from '../common/themeColors';

Chart.register(CategoryScale, LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip);

const PALETTE = ['--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-green', '--vscode-charts-purple', '--vscode-charts-red', '--vscode-charts-yellow'];

function layerColor(i: number): string {
  return getComputedStyle(document.documentElement).getPropertyValue(PALETTE[i % PALETTE.length]!).trim() || '#888';
}

export class NormsChart {
  readonly element: HTMLElement;
  private readonly chart: Chart<'line', (number | null)[], number>;
  private layersKey = '';

  constructor(private readonly strings: PanelStrings) {
    const canvas = el('canvas', { id: 'norms-chart', role: 'img', 'aria-label': strings.normsTitle });
    this.element = el('section', { class: 'norms', hidden: true }, el('h2', {}, strings.normsTitle), el('div', { class: 'norms-box' }, canvas));
    const theme = chartTheme();
    this.chart = new Chart(canvas, {
      type: 'line',
      data: { labels: [], datasets: [] },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false, spanGaps: true,
        plugins: { legend: { labels: { usePointStyle: true, pointStyle: 'line', color: theme.foreground } } },
        scales: { x: { ticks: { color: theme.foreground } }, y: { type: 'logarithmic', ticks: { color: theme.foreground } } },
      },
    });
  }

  show(run: RunView | null): void {
    const norms = run?.norms;
    this.element.hidden = !norms || norms.layers.length === 0 || (run?.epochs.length ?? 0) === 0;
    if (!norms || this.element.hidden) return;
    const key = norms.layers.join('|');
    if (key !== this.layersKey) {
      this.layersKey = key;
      this.chart.data.datasets = norms.layers.flatMap((layer, i) => [
        { label: `${layer} ${this.strings.gradientNorm}`, data: [], borderColor: layerColor(i), backgroundColor: layerColor(i), pointRadius: 0 },
        { label: `${layer} ${this.strings.weightNorm}`, data: [], borderColor: layerColor(i), backgroundColor: layerColor(i), pointRadius: 0, borderDash: [5, 3], borderWidth: 1 },
      ]);
    }
    this.chart.data.labels = run.epochs.map((e) => e.epoch);
    norms.layers.forEach((_, i) => {
      // Zero norms cannot be drawn on a log axis: leave a gap.
      const positive = (v: number | null) => (v !== null && v > 0 ? v : null);
      this.chart.data.datasets[2 * i]!.data = norms.gradient[i]!.map(positive);
      this.chart.data.datasets[2 * i + 1]!.data = norms.weight[i]!.map(positive);
    });
    this.chart.update();
  }
}
