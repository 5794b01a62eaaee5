/**
 * The shown runs' metrics per epoch (accuracy, mae, ... as compiled), training solid and validation
 * dashed, one colour per run (a single run: one colour per metric), beside the loss chart. Hidden while no
 * run has a metric. The learning rate (ReduceLROnPlateau logs it) is left out: it lives on another scale.
 * Points are appended as epochs arrive, like the loss chart.
 */
import { CategoryScale, Chart, type ChartDataset, Legend, type LegendItem, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import type { PanelStrings } from '../../src/shared/protocol/panelProtocol';
import { el } from '../common/dom';
import type { PanelModel, ShownRun } from './panelModel';
import { chartTheme } from '../common/themeColors';
import { compactLegend, legendEntry, styleChart } from './chartStyle';
import { chartKeyboard } from './chartKeyboard';
import { runColor } from './runColors';
import { ThinnedSeries, type XY } from './thinnedSeries';

Chart.register(CategoryScale, LineController, LineElement, PointElement, LinearScale, Legend, Tooltip);

const BUDGET = 400;

interface Fed {
  readonly run: ShownRun;
  epochs: number;
  readonly series: { readonly key: string; readonly data: ThinnedSeries }[];
}

/** Metric keys of a run (training names; validation ones are val_ + these). */
function metricKeys(run: ShownRun): string[] {
  const keys = new Set<string>();
  for (const e of run.epochs.slice(0, 3)) for (const k of Object.keys(e.metrics)) if (!k.startsWith('val_') && k !== 'learning_rate') keys.add(k);
  return [...keys].sort();
}

export class MetricsChart {
  readonly element: HTMLElement;
  private readonly chart: Chart<'line', XY[]>;
  private fed: Fed[] = [];
  private keysKey = '';
  /** Several runs: an entry per run and per metric (dashed for val_), instead of runs × metrics entries. */
  private legendRuns: LegendItem[] | null = null;

  constructor(private readonly strings: PanelStrings, private readonly smoothing: () => number) {
    const canvas = el('canvas', { id: 'metrics-chart', role: 'img', 'aria-label': strings.metricsTitle });
    const announce = el('p', { class: 'sr-only', 'aria-live': 'polite' });
    this.element = el('section', { class: 'metrics-curves', hidden: true }, el('h2', {}, strings.metricsTitle), el('div', { class: 'norms-box' }, canvas), announce);
    this.chart = new Chart(canvas, {
      type: 'line',
      data: { datasets: [] },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false, spanGaps: true, parsing: false, normalized: true,
        plugins: { legend: compactLegend(() => this.legendRuns) },
        scales: { x: { type: 'linear', min: 0, ticks: { precision: 0 } }, y: { type: 'linear' } },
      },
    });
    styleChart(this.chart);
    chartKeyboard(this.chart, canvas, announce, () => strings.epochAxis, strings.chartKeys);
  }

  rebuild(model: PanelModel): void {
    styleChart(this.chart);
    const single = model.runs.length <= 1;
    const datasets: ChartDataset<'line', XY[]>[] = [];
    this.fed = model.visible.map((run) => {
      const keys = metricKeys(run);
      const series: Fed['series'][number][] = [];
      keys.forEach((k, i) => {
        for (const key of [k, `val_${k}`]) {
          // A single run: a colour per series (accuracy green, val_accuracy purple, ...; blue and orange are the
          // losses); several runs: the run's colour, the dash names the split.
          const color = runColor(single ? 2 + 2 * i + (key === k ? 0 : 1) : run.index);
          const data = new ThinnedSeries(BUDGET, this.smoothing());
          series.push({ key, data });
          datasets.push({
            label: single ? key : `${run.info.label} · ${key}`, data: data.points, borderColor: color, backgroundColor: color, pointRadius: single ? 1 : 0,
            ...(key.startsWith('val_') ? { borderDash: [6, 3] } : {}),
          });
        }
      });
      return { run, epochs: 0, series };
    });
    this.keysKey = this.currentKeys(model);
    this.chart.data.datasets = datasets;
    const fg = chartTheme().foreground;
    const keys = [...new Set(this.fed.flatMap((f) => f.series.map((s) => s.key)))];
    this.legendRuns = single ? null : [
      ...model.visible.map((run) => legendEntry(run.info.label, runColor(run.index), [], fg)),
      ...keys.map((key) => legendEntry(key, fg, key.startsWith('val_') ? [6, 3] : [], fg)),
    ];
    this.extend(model);
  }

  private currentKeys(model: PanelModel): string {
    return model.visible.map((r) => metricKeys(r).join(',')).join('|');
  }

  extend(model: PanelModel): void {
    // Metrics appear with the first epochs: rebuild once they are known.
    if (this.currentKeys(model) !== this.keysKey) return this.rebuild(model);
    this.element.hidden = this.fed.every((f) => f.series.length === 0);
    if (this.element.hidden) return;
    for (const f of this.fed) {
      for (; f.epochs < f.run.epochs.length; f.epochs++) {
        const e = f.run.epochs[f.epochs]!;
        for (const s of f.series) s.data.push(e.epoch, e.metrics[s.key] ?? null);
      }
    }
    this.chart.update('none');
  }
}
