/**
 * The panel's loss chart: training and validation loss per epoch (Keras' `history` keys), on a linear
 * or logarithmic axis. chart.js is bundled (no CDN) and only the pieces used here are registered.
 */
import {
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  LogarithmicScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { PanelStrings, RunView } from '../../src/shared/protocol/webviewProtocol';
import { chartTheme } from '../common/themeColors';

Chart.register(CategoryScale, LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip);

export class LossChart {
  private readonly chart: Chart<'line', (number | null)[], number>;

  constructor(canvas: HTMLCanvasElement, strings: PanelStrings, logScale: boolean) {
    const theme = chartTheme();
    this.chart = new Chart(canvas, {
      type: 'line',
      data: {
        labels: [],
        datasets: [
          { label: strings.trainLoss, data: [], borderColor: theme.train, backgroundColor: theme.train, pointRadius: 2 },
          { label: strings.valLoss, data: [], borderColor: theme.validation, backgroundColor: theme.validation, pointRadius: 2, borderDash: [6, 3] },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        spanGaps: true,
        plugins: { legend: { labels: { usePointStyle: true, pointStyle: 'line' } } },
        scales: {
          x: { title: { display: true, text: strings.epochAxis } },
          y: { type: logScale ? 'logarithmic' : 'linear', title: { display: true, text: strings.lossAxis } },
        },
      },
    });
    this.applyTheme();
  }

  /** Replaces the plotted run (null clears the chart). */
  show(run: RunView | null): void {
    const epochs = run?.epochs ?? [];
    this.chart.data.labels = epochs.map((e) => e.epoch);
    const [train, val] = this.chart.data.datasets;
    if (train) train.data = epochs.map((e) => e.loss);
    if (val) val.data = epochs.map((e) => e.val_loss);
    this.chart.update();
  }

  setLogScale(on: boolean): void {
    const y = this.chart.options.scales?.y;
    if (y) y.type = on ? 'logarithmic' : 'linear';
    this.chart.update();
  }

  /** Re-reads the theme's colours (after a theme switch). */
  applyTheme(): void {
    const theme = chartTheme();
    Chart.defaults.color = theme.foreground;
    Chart.defaults.font.family = theme.fontFamily;
    for (const axis of Object.values(this.chart.options.scales ?? {})) {
      if (axis?.grid) axis.grid.color = theme.grid;
    }
    const [train, val] = this.chart.data.datasets;
    if (train) train.borderColor = train.backgroundColor = theme.train;
    if (val) val.borderColor = val.backgroundColor = theme.validation;
    this.chart.update();
  }
}
