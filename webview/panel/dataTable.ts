/**
 * The charts' numbers as a table, for whoever cannot read a chart: the focus run's loss, val_loss and
 * metrics per epoch, behind a disclosure that is closed by default. Long runs are thinned to at most
 * ROWS rows (evenly spaced, the last epoch always in), and nothing is built while it is closed.
 */
import type { PanelStrings } from '../../src/shared/protocol/panelProtocol';
import { el, render } from '../common/dom';
import { formatCount, formatMetric } from '../common/format';
import type { ShownRun } from './panelModel';

const ROWS = 100;

const key = (run: ShownRun | null): string => (run ? `${run.info.id}:${run.epochs.length}` : '');

export class DataTable {
  readonly element: HTMLDetailsElement;
  private readonly table = el('table', { class: 'data-table', id: 'data-table' });
  private run: ShownRun | null = null;
  /** What the table shows now: a run (its id) at a number of epochs. */
  private drawn = '';

  constructor(private readonly strings: PanelStrings) {
    this.element = el('details', { class: 'data-table-box' }, el('summary', {}, strings.showDataTable), el('div', { class: 'table-scroll' }, this.table));
    this.element.addEventListener('toggle', () => this.draw());
  }

  show(run: ShownRun | null): void {
    this.run = run;
    // Another run in focus redraws it too, whatever its length (two stored 300-epoch runs differ).
    if (this.element.open && key(run) !== this.drawn) this.draw();
  }

  private draw(): void {
    const run = this.run;
    if (!this.element.open) return;
    this.drawn = key(run);
    if (!run) {
      render(this.table);
      return;
    }
    const keys = [...new Set(run.epochs.slice(0, 3).flatMap((e) => Object.keys(e.metrics)))].filter((k) => k !== 'learning_rate').sort();
    const n = run.epochs.length;
    const picked = n <= ROWS ? run.epochs : Array.from({ length: ROWS }, (_, i) => run.epochs[Math.round((i * (n - 1)) / (ROWS - 1))]!);
    const head = el('tr', {}, ...[this.strings.epochColumn, 'loss', 'val_loss', ...keys].map((k) => el('th', { scope: 'col' }, k)));
    const rows = picked.map((e) => el('tr', {}, el('th', { scope: 'row' }, formatCount(e.epoch)), el('td', {}, formatMetric(e.loss)), el('td', {}, formatMetric(e.val_loss)),
      ...keys.map((k) => el('td', {}, formatMetric(e.metrics[k])))));
    render(this.table, el('caption', {}, `${this.strings.lossTableCaption}: ${run.info.label}`), el('thead', {}, head), el('tbody', {}, ...rows));
  }
}
