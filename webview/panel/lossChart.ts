/**
 * The panel's loss chart: every shown run's training loss (solid) and validation loss (dashed) per epoch
 * (Keras' `history` keys), one colour per run, over the focus run's faint per-batch trace, on a linear or
 * logarithmic axis. New epochs are appended to the datasets (no dataset is rebuilt unless the shown runs,
 * their visibility, the smoothing or the theme change), long series are thinned (thinnedSeries.ts), and
 * the y axis fits the focus run, so a diverged run being compared cannot squash it into a corner.
 * chart.js is bundled (no CDN) and only the pieces used here are registered.
 */
import { CategoryScale, Chart, type ChartDataset, Legend, type LegendItem, LineController, LineElement, LinearScale, LogarithmicScale, PointElement, Tooltip } from 'chart.js';
import type { PanelStrings } from '../../src/shared/protocol/panelProtocol';
import { chartTheme } from '../common/themeColors';
import { compactLegend, legendEntry, styleChart } from './chartStyle';
import { chartKeyboard } from './chartKeyboard';
import { type EarlyStoppingMarks, earlyStoppingPlugin } from './earlyStoppingPlugin';
import type { PanelModel, ShownRun } from './panelModel';
import { splitColors } from './runColors';
import { ThinnedSeries, type XY } from './thinnedSeries';

Chart.register(CategoryScale, LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip);

/** Points kept per series before thinning (2× this at most: about a point per pixel of a wide chart). */
const BUDGET = 400;

interface Fed {
  readonly run: ShownRun;
  epochs: number;
  trace: number;
  readonly series: { readonly loss: ThinnedSeries; readonly val: ThinnedSeries; readonly rawLoss: ThinnedSeries | null; readonly rawVal: ThinnedSeries | null; readonly trace: ThinnedSeries | null };
}

export class LossChart {
  private readonly chart: Chart<'line', XY[]>;
  private marks: EarlyStoppingMarks | null = null;
  private fed: Fed[] = [];
  private smoothing: number;
  /** The legend's entries with several runs (null: one entry per dataset). */
  private legendRuns: LegendItem[] | null = null;

  constructor(canvas: HTMLCanvasElement, private readonly strings: PanelStrings, logScale: boolean, smoothing: number, announce: HTMLElement) {
    this.smoothing = smoothing;
    this.chart = new Chart(canvas, {
      type: 'line',
      data: { datasets: [] },
      plugins: [earlyStoppingPlugin(() => this.marks)],
      options: {
        animation: false, responsive: true, maintainAspectRatio: false, spanGaps: true, parsing: false, normalized: true,
        // Several runs: one entry per run (its colour) and one per split (solid training, dashed validation), not
        // runs × splits entries that would squeeze the chart.
        plugins: { legend: compactLegend(() => this.legendRuns) },
        scales: {
          x: { type: 'linear', min: 0, title: { display: true, text: strings.epochAxis }, ticks: { precision: 0 } },
          y: { type: logScale ? 'logarithmic' : 'linear', title: { display: true, text: strings.lossAxis } },
        },
      },
    });
    this.applyThemeDefaults();
    chartKeyboard(this.chart, canvas, announce, () => strings.epochAxis, strings.chartKeys);
  }

  /** The shown runs changed (or their visibility, the smoothing, the theme): datasets from scratch. */
  rebuild(model: PanelModel): void {
    this.applyThemeDefaults();
    const visible = model.visible;
    const focus = model.focus;
    const theme = chartTheme();
    const single = model.runs.length <= 1;
    const datasets: ChartDataset<'line', XY[]>[] = [];
    this.fed = visible.map((run) => {
      const smooth = this.smoothing > 0;
      const fed: Fed = {
        run, epochs: 0, trace: 0,
        series: {
          loss: new ThinnedSeries(BUDGET, this.smoothing), val: new ThinnedSeries(BUDGET, this.smoothing),
          rawLoss: smooth ? new ThinnedSeries(BUDGET) : null, rawVal: smooth ? new ThinnedSeries(BUDGET) : null,
          trace: run === focus ? new ThinnedSeries(BUDGET) : null,
        },
      };
      const c = splitColors(run.index, model.runs.length);
      const name = (what: string) => (single ? what : `${run.info.label} · ${what}`);
      datasets.push(
        { label: name(this.strings.trainLoss), data: fed.series.loss.points, borderColor: c.train, backgroundColor: c.train, pointRadius: single ? 2 : 0, borderWidth: 2 },
        { label: name(this.strings.valLoss), data: fed.series.val.points, borderColor: c.validation, backgroundColor: c.validation, pointRadius: single ? 2 : 0, borderWidth: 2, borderDash: [6, 3] },
      );
      if (fed.series.rawLoss && fed.series.rawVal) {
        const faint = (color: string) => `color-mix(in srgb, ${color} 30%, transparent)`;
        datasets.push(
          { label: '', data: fed.series.rawLoss.points, borderColor: faint(c.train), pointRadius: 0, borderWidth: 1, hideInLegend: true } as ChartDataset<'line', XY[]>,
          { label: '', data: fed.series.rawVal.points, borderColor: faint(c.validation), pointRadius: 0, borderWidth: 1, borderDash: [6, 3], hideInLegend: true } as ChartDataset<'line', XY[]>,
        );
      }
      if (fed.series.trace) {
        datasets.push({ label: name(this.strings.batchLoss), data: fed.series.trace.points, borderColor: theme.trace, backgroundColor: theme.trace, pointRadius: 0, borderWidth: 0.75, order: 10 });
      }
      return fed;
    });
    this.chart.data.datasets = datasets;
    const entry = (text: string, color: string, dash: number[]) => legendEntry(text, color, dash, theme.foreground);
    this.legendRuns = single ? null : [
      ...visible.map((run) => entry(run.info.label, splitColors(run.index, model.runs.length).train, [])),
      entry(this.strings.trainLoss, theme.foreground, []), entry(this.strings.valLoss, theme.foreground, [6, 3]),
    ];
    this.extend(model);
  }

  /** Appends what arrived since the last frame and redraws. */
  extend(model: PanelModel): void {
    for (const f of this.fed) {
      const { epochs, trace } = f.run;
      for (; f.epochs < epochs.length; f.epochs++) {
        const e = epochs[f.epochs]!;
        f.series.loss.push(e.epoch, e.loss);
        f.series.val.push(e.epoch, e.val_loss);
        f.series.rawLoss?.push(e.epoch, e.loss);
        f.series.rawVal?.push(e.epoch, e.val_loss);
      }
      if (f.series.trace) for (; f.trace < trace.length; f.trace++) f.series.trace.push(trace[f.trace]!.x, trace[f.trace]!.loss);
    }
    this.fitToFocus(model.focus);
    const focus = model.focus;
    const theme = chartTheme();
    this.marks = focus?.info.earlyStopping && !model.hidden.has(focus.info.id)
      ? {
          es: { ...focus.info.earlyStopping, bestEpoch: focus.status.bestEpoch, stoppedEpoch: focus.status.stoppedEpoch },
          lastEpoch: focus.epochs.length, bestLabel: this.strings.bestEpoch, patienceLabel: this.strings.patienceWindow, color: theme.foreground, band: theme.band,
        }
      : null;
    this.chart.update('none');
  }

  /** The y axis spans the focus run's epoch losses (with a margin), whatever the compared runs did. */
  private fitToFocus(focus: ShownRun | null): void {
    const y = this.chart.options.scales?.y;
    if (!y) return;
    let lo = Infinity, hi = -Infinity;
    const log = y.type === 'logarithmic';
    for (const e of focus?.epochs ?? []) {
      for (const v of [e.loss, e.val_loss]) {
        if (v === null || (log && v <= 0)) continue;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    if (!(hi >= lo)) {
      y.min = undefined;
      y.max = undefined;
      return;
    }
    if (log) {
      y.min = lo / 1.25;
      y.max = hi * 1.25;
    } else {
      const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.1 || 0.1;
      y.min = lo >= 0 ? Math.max(0, lo - pad) : lo - pad;
      y.max = hi + pad;
    }
  }

  setLogScale(on: boolean, model: PanelModel): void {
    const y = this.chart.options.scales?.y;
    if (y) y.type = on ? 'logarithmic' : 'linear';
    this.extend(model);
  }

  setSmoothing(weight: number, model: PanelModel): void {
    this.smoothing = weight;
    this.rebuild(model);
  }

  private applyThemeDefaults(): void {
    const theme = chartTheme();
    Chart.defaults.color = theme.foreground;
    Chart.defaults.font.family = theme.fontFamily;
    styleChart(this.chart);
  }

}
