/** The last epoch's history values (loss, accuracy, val_loss, ...) as a small table, keys sorted as Keras prints them. */
import type { RunView } from '../../src/shared/protocol/webviewProtocol';
import { el, render } from '../common/dom';

export class MetricsTable {
  readonly element = el('table', { id: 'metrics', class: 'metrics' });

  show(run: RunView | null): void {
    const logs = run?.lastLogs;
    if (!logs) {
      render(this.element);
      return;
    }
    const rows = Object.keys(logs).sort().map((key) => {
      const v = logs[key];
      return el('tr', {}, el('th', { scope: 'row' }, key), el('td', {}, v === null || v === undefined ? '—' : v.toFixed(4)));
    });
    render(this.element, ...rows);
  }
}
