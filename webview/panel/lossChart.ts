/**
 * The panel's loss chart: training and validation loss per epoch (Keras' `history` keys) over a faint
 * per-batch trace, on a linear or logarithmic axis; x is the epoch (a batch sits at its fraction of its
 * epoch). chart.js is bundled (no CDN) and only the pieces used here are registered.
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
import { type EarlyStoppingMarks, earlyStoppingPlugin } from './earlyStoppingPlugin';

Chart.register(CategoryScale, LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip);

type Point = { x: number; y: number | null };

export class LossChart {
  private readonly chart: Chart<'line', Point[]>;
  private marks: EarlyStoppingMarks | null = null;

  constructor(canvas: HTMLCanvasElement, private readonly strings: PanelStrings, logScale: boolean) {
    const theme = chartTheme();
    this.chart = new Chart(canvas, {
      type: 'line',
      data: {
        datasets: [
          { label: strings.trainLoss, data: [], borderColor: theme.train, backgroundColor: theme.train, pointRadius: 2 },
          { label: strings.valLoss, data: [], borderColor: theme.validation, backgroundColor: theme.validation, pointRadius: 2, borderDash: [6, 3] },
          // The previous run, faint, for comparison (hidden from the legend while there is none).
          { label: `${strings.trainLoss} (${strings.previousRun})`, data: [], borderColor: theme.ghost, backgroundColor: theme.ghost, pointRadius: 0, borderWidth: 1.5 },
          { label: `${strings.valLoss} (${strings.previousRun})`, data: [], borderColor: theme.ghost, backgroundColor: theme.ghost, pointRadius: 0, borderWidth: 1.5, borderDash: [6, 3] },
          // Every batch's loss (thinned), under the epoch curves.
          { label: strings.batchLoss, data: [], borderColor: theme.trace, backgroundColor: theme.trace, pointRadius: 0, borderWidth: 1, order: 10 },
        ],
      },
      plugins: [earlyStoppingPlugin(() => this.marks)],
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        spanGaps: true,
        plugins: { legend: { labels: { usePointStyle: true, pointStyle: 'line', filter: (item, data) => (data.datasets[item.datasetIndex ?? 0]?.data.length ?? 0) > 0 } } },
        scales: {
          x: { type: 'linear', min: 0, title: { display: true, text: strings.epochAxis }, ticks: { precision: 0 } },
          y: { type: logScale ? 'logarithmic' : 'linear', title: { display: true, text: strings.lossAxis } },
        },
      },
    });
    this.applyTheme();
  }

  /** Replaces the plotted run and its previous-run ghost (null clears the chart). */
  show(run: RunView | null): void {
    const epochs = run?.epochs ?? [];
    const ghost = run?.ghost?.epochs ?? [];
    const [train, val, ghostTrain, ghostVal, trace] = this.chart.data.datasets;
    if (train) train.data = epochs.map((e) => ({ x: e.epoch, y: e.loss }));
    if (val) val.data = epochs.map((e) => ({ x: e.epoch, y: e.val_loss }));
    if (ghostTrain) ghostTrain.data = ghost.map((e) => ({ x: e.epoch, y: e.loss }));
    if (ghostVal) ghostVal.data = ghost.map((e) => ({ x: e.epoch, y: e.val_loss }));
    if (trace) trace.data = (run?.trace ?? []).map((p) => ({ x: p.x, y: p.loss }));
    const theme = chartTheme();
    this.marks = run?.earlyStopping
      ? { es: run.earlyStopping, lastEpoch: epochs.length, bestLabel: this.strings.bestEpoch, patienceLabel: this.strings.patienceWindow, color: theme.foreground, band: theme.band }
      : null;
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
    const [train, val, ghostTrain, ghostVal, trace] = this.chart.data.datasets;
    if (trace) trace.borderColor = trace.backgroundColor = theme.trace;
    if (train) train.borderColor = train.backgroundColor = theme.train;
    if (val) val.borderColor = val.backgroundColor = theme.validation;
    for (const g of [ghostTrain, ghostVal]) if (g) g.borderColor = g.backgroundColor = theme.ghost;
    this.chart.update();
  }
}
