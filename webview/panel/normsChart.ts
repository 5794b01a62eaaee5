/**
 * Per-layer norms over epochs on a logarithmic axis, for the focus run: each layer's kernel norm ‖W‖
 * (dashed) and the mean norm of its gradient ‖∂L/∂W‖ (solid). Gradients shrinking by orders of magnitude
 * towards the first layers show vanishing gradients; growing ones show exploding gradients (the
 * lecture's section). Points are appended as epochs arrive.
 */
import { Chart, type ChartDataset, LineController, LineElement, LinearScale, LogarithmicScale, CategoryScale, PointElement, Legend, Tooltip } from 'chart.js';
import type { PanelStrings } from '../../src/shared/protocol/panelProtocol';
import { el } from '../common/dom';
import type { PanelModel, ShownRun } from './panelModel';
import { LEGEND_LABELS, styleChart } from './chartStyle';
import { chartKeyboard } from './chartKeyboard';
import { runColor } from './runColors';
import { ThinnedSeries, type XY } from './thinnedSeries';

Chart.register(CategoryScale, LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip);

const BUDGET = 300;

export class NormsChart {
  readonly element: HTMLElement;
  private readonly chart: Chart<'line', XY[]>;
  private run: ShownRun | null = null;
  private fedEpochs = 0;
  private series: { weight: ThinnedSeries; gradient: ThinnedSeries }[] = [];
  private layersKey = '';

  constructor(private readonly strings: PanelStrings) {
    const canvas = el('canvas', { id: 'norms-chart', role: 'img', 'aria-label': strings.normsTitle });
    const announce = el('p', { class: 'sr-only', 'aria-live': 'polite' });
    this.element = el('section', { class: 'norms', hidden: true }, el('h2', {}, strings.normsTitle), el('div', { class: 'norms-box' }, canvas), announce);
    this.chart = new Chart(canvas, {
      type: 'line',
      data: { datasets: [] },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false, spanGaps: true, parsing: false, normalized: true,
        plugins: { legend: { labels: { ...LEGEND_LABELS } } },
        scales: { x: { type: 'linear', min: 0, ticks: { precision: 0 } }, y: { type: 'logarithmic' } },
      },
    });
    styleChart(this.chart);
    chartKeyboard(this.chart, canvas, announce, () => strings.epochAxis, strings.chartKeys);
  }

  rebuild(model: PanelModel): void {
    styleChart(this.chart);
    this.run = model.focus;
    const layers = this.run?.info.layers ?? [];
    this.layersKey = layers.join('|');
    this.fedEpochs = 0;
    this.series = layers.map(() => ({ weight: new ThinnedSeries(BUDGET), gradient: new ThinnedSeries(BUDGET) }));
    this.chart.data.datasets = layers.flatMap((layer, i): ChartDataset<'line', XY[]>[] => [
      { label: `${layer} ${this.strings.gradientNorm}`, data: this.series[i]!.gradient.points, borderColor: runColor(i), backgroundColor: runColor(i), pointRadius: 0 },
      { label: `${layer} ${this.strings.weightNorm}`, data: this.series[i]!.weight.points, borderColor: runColor(i), backgroundColor: runColor(i), pointRadius: 0, borderDash: [5, 3], borderWidth: 1 },
    ]);
    this.extend(model);
  }

  extend(model: PanelModel): void {
    if (model.focus !== this.run || (this.run?.info.layers.join('|') ?? '') !== this.layersKey) return this.rebuild(model);
    const run = this.run;
    this.element.hidden = !run || run.info.layers.length === 0 || run.epochs.length === 0;
    if (!run || this.element.hidden) return;
    // Zero norms cannot be drawn on a log axis: leave a gap.
    const positive = (v: number | null) => (v !== null && v > 0 ? v : null);
    for (; this.fedEpochs < run.epochs.length; this.fedEpochs++) {
      const e = run.epochs[this.fedEpochs]!;
      this.series.forEach((s, i) => {
        s.weight.push(e.epoch, positive(e.norms[i]?.[0] ?? null));
        s.gradient.push(e.epoch, positive(e.norms[i]?.[1] ?? null));
      });
    }
    this.chart.update('none');
  }
}
