/**
 * Hyperparameter importance as Optuna 3.x–4.x computes it by default (fANOVA: each parameter's share of
 * the variance of the objective a 64-tree random forest explains), as horizontal bars, largest first,
 * with the numbers also in a list for screen readers; or, before there are numbers, why not (fewer than
 * two complete trials, no variance). The host computes it in a worker, throttled: this only draws.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { el, render } from '../common/dom';
import { chartTheme } from '../common/themeColors';
import type { SweepModel } from './sweepModel';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

const percent = (x: number) => `${(x * 100).toFixed(1)} %`;

export class ImportanceChart {
  readonly element: HTMLElement;
  private readonly note = el('p', { class: 'caption', id: 'importance-note' });
  private readonly list = el('ul', { class: 'sr-only', id: 'importance-list' });
  private readonly box = el('div', { class: 'importance-box' });
  private chart: Chart<'bar', number[], string> | null = null;

  constructor(private readonly model: SweepModel) {
    const s = model.strings!;
    this.element = el('section', { class: 'importance', hidden: true, 'aria-labelledby': 'importance-title' },
      el('h2', { id: 'importance-title' }, s.importanceTitle), this.note, this.box, this.list);
  }

  private ensureChart(): Chart<'bar', number[], string> {
    if (this.chart) return this.chart;
    const theme = chartTheme();
    const canvas = el('canvas', { id: 'importance-chart', role: 'img', 'aria-describedby': 'importance-list' });
    this.box.append(canvas);
    this.chart = new Chart<'bar', number[], string>(canvas, {
      type: 'bar',
      data: { labels: [], datasets: [{ data: [], backgroundColor: theme.train, borderWidth: 0 }] },
      options: {
        indexAxis: 'y', animation: false, responsive: true, maintainAspectRatio: false,
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => percent(item.parsed.x ?? 0) } } },
        scales: {
          x: { min: 0, max: 1, ticks: { color: theme.foreground, callback: (v) => `${Math.round(Number(v) * 100)} %` }, grid: { color: theme.grid } },
          y: { ticks: { color: theme.foreground }, grid: { display: false } },
        },
      },
    });
    return this.chart;
  }

  dispose(): void {
    this.chart?.destroy();
    this.chart = null;
  }

  /** Redraws from the model's importance; `rebuild` after a theme change. */
  update(rebuild = false): void {
    const imp = this.model.importance;
    const s = this.model.strings!;
    this.element.hidden = imp === null && this.model.complete.length === 0;
    document.body.dataset.importance = String(imp?.items.length ?? 0);
    if (rebuild && this.chart) {
      this.chart.destroy();
      this.chart = null;
      render(this.box);
    }
    if (!imp) {
      this.note.textContent = s.importanceWaiting;
      return;
    }
    const metric = this.model.info?.metric ?? s.objective;
    this.note.textContent = imp.note ?? s.importanceHelp.replace('{0}', metric).replace('{1}', String(imp.trials));
    this.box.hidden = imp.items.length === 0;
    render(this.list, ...imp.items.map((i) => el('li', {}, s.importanceShare.replace('{0}', i.param).replace('{1}', percent(i.importance)))));
    if (imp.items.length === 0) return;
    const chart = this.ensureChart();
    this.box.style.height = `${Math.max(80, imp.items.length * 28 + 40)}px`;
    chart.data.labels = imp.items.map((i) => i.param);
    chart.data.datasets[0]!.data = imp.items.map((i) => i.importance);
    chart.update('none');
  }
}
