/** The focus run's last epoch's history values (loss, accuracy, val_loss, ...) as a small table, keys sorted as Keras prints them, values in the display language. */
import { el, render } from '../common/dom';
import { formatFixed } from '../common/format';
import type { ShownRun } from './panelModel';

export class MetricsTable {
  readonly element = el('table', { id: 'metrics', class: 'metrics' });

  show(run: ShownRun | null): void {
    const last = run?.epochs[run.epochs.length - 1];
    if (!last) {
      render(this.element);
      return;
    }
    const logs: Record<string, number | null> = { loss: last.loss, val_loss: last.val_loss, ...last.metrics };
    const rows = Object.keys(logs).filter((k) => logs[k] !== null || k === 'loss').sort().map((key) => {
      const v = logs[key];
      return el('tr', {}, el('th', { scope: 'row' }, key), el('td', {}, v === null || v === undefined ? '—' : formatFixed(v, 4)));
    });
    render(this.element, ...rows);
  }
}
