/**
 * Slice plots (Optuna's plot_slice): for each parameter, the objective of every complete trial against
 * that parameter's value over its search-space range — a log x axis for a log distribution, the choices side by side for a
 * categorical (points spread a little so equal choices do not hide each other). Points take the value's
 * colour (valueColors.ts); a click on one shows that trial's curves. chart.js, bundled.
 */
import { Chart, LinearScale, LogarithmicScale, PointElement, ScatterController, Tooltip, type TooltipItem } from 'chart.js';
import type { SweepParamView, SweepToHost } from '../../src/shared/protocol/sweepProtocol';
import { el, render } from '../common/dom';
import { chartTheme } from '../common/themeColors';
import { type SweepModel, formatValue } from './sweepModel';
import { valueColor } from './valueColors';

Chart.register(ScatterController, PointElement, LinearScale, LogarithmicScale, Tooltip);

interface Point { x: number; y: number; n: number }

/** A categorical choice's x: its index, spread by the trial number so equal choices stay visible. */
function categoricalX(p: SweepParamView, value: unknown, n: number): number | null {
  const i = (p.choices ?? []).findIndex((c) => c === value);
  return i < 0 ? null : i + (((n * 0.618034) % 1) - 0.5) * 0.3;
}

export class SlicePlots {
  readonly element: HTMLElement;
  private readonly grid = el('div', { class: 'slice-grid' });
  private charts: { param: SweepParamView; chart: Chart<'scatter', Point[]> }[] = [];
  private paramsKey = '';

  constructor(private readonly model: SweepModel, private readonly post: (m: SweepToHost) => void) {
    const s = model.strings!;
    this.element = el('section', { class: 'slices', hidden: true, 'aria-labelledby': 'slices-title' },
      el('h2', { id: 'slices-title' }, s.sliceTitle.replace('{0}', model.info?.metric ?? s.objective)), this.grid);
  }

  private build(): void {
    for (const c of this.charts) c.chart.destroy();
    const theme = chartTheme();
    const metric = this.model.info?.metric ?? this.model.strings!.objective;
    this.charts = this.model.params.map((param) => {
      const canvas = el('canvas', { role: 'img', 'aria-label': `${param.name} → ${metric}`, 'data-param': param.name });
      this.grid.append(el('div', { class: 'slice-box' }, canvas));
      const choices = param.choices;
      const chart = new Chart<'scatter', Point[]>(canvas, {
        type: 'scatter',
        data: { datasets: [{ data: [], pointRadius: 4, pointHoverRadius: 6 }] },
        options: {
          animation: false, responsive: true, maintainAspectRatio: false, parsing: false,
          color: theme.foreground,
          onClick: (_e, elements) => {
            const hit = elements[0];
            const point = hit ? chart.data.datasets[0]!.data[hit.index] : undefined;
            if (point) this.post({ type: 'showTrials', numbers: [point.n] });
          },
          plugins: {
            legend: { display: false },
            tooltip: {
              callbacks: {
                label: (item: TooltipItem<'scatter'>) => {
                  const p = item.raw as Point;
                  const t = this.model.trial(p.n);
                  return `${this.model.strings!.trial} ${p.n}: ${param.name} = ${formatValue(t?.params[param.name] ?? null)}, ${metric} = ${formatValue(p.y)}`;
                },
              },
            },
          },
          scales: {
            x: {
              type: param.log && param.kind !== 'categorical' ? 'logarithmic' : 'linear',
              title: { display: true, text: param.name, color: theme.foreground },
              ticks: { color: theme.foreground, ...(choices ? { autoSkip: false, callback: (v: string | number) => formatValue(choices[Number(v)] ?? null) } : {}) },
              grid: { color: theme.grid },
              // A categorical axis: one tick per choice, at its index.
              ...(choices
                ? { min: -0.5, max: choices.length - 0.5, afterBuildTicks: (axis: { ticks: { value: number }[] }) => void (axis.ticks = choices.map((_, i) => ({ value: i }))) }
                : { min: param.low, max: param.high }), // the search space's range, as on the parallel coordinates
            },
            y: { title: { display: true, text: metric, color: theme.foreground }, ticks: { color: theme.foreground }, grid: { color: theme.grid } },
          },
        },
      });
      return { param, chart };
    });
  }

  dispose(): void {
    for (const c of this.charts) c.chart.destroy();
    this.charts = [];
  }

  /** Redraws from the model (charts are rebuilt only when the parameters change, or the theme). */
  update(rebuild = false): void {
    const m = this.model;
    const trials = m.complete;
    this.element.hidden = m.params.length === 0 || trials.length === 0;
    if (this.element.hidden) return;
    const key = JSON.stringify(m.params);
    if (rebuild || key !== this.paramsKey) {
      this.paramsKey = key;
      render(this.grid);
      this.build();
    }
    for (const { param, chart } of this.charts) {
      const points: Point[] = [];
      for (const t of trials) {
        const v = t.params[param.name];
        const x = param.kind === 'categorical' ? categoricalX(param, v, t.number) : typeof v === 'number' ? v : null;
        if (x !== null) points.push({ x, y: t.value!, n: t.number });
      }
      const ds = chart.data.datasets[0]!;
      ds.data = points;
      ds.pointBackgroundColor = points.map((p) => valueColor(m.quality(p.y)));
      ds.pointBorderColor = ds.pointBackgroundColor;
      chart.update('none');
    }
  }
}
