/** The confusion matrix of a classifier after training: rows are true classes, columns predicted ones; the diagonal is right. */
import type { PanelStrings } from '../../src/shared/protocol/panelProtocol';
import type { ShownRun } from './panelModel';
import { el, render } from '../common/dom';
import { formatCount } from '../common/format';

export class ConfusionTable {
  readonly element: HTMLElement;
  private readonly table = el('table', { id: 'confusion', class: 'confusion' });
  private readonly caption: HTMLElement;

  constructor(private readonly strings: PanelStrings) {
    this.caption = el('p', { class: 'caption' });
    this.element = el('section', { class: 'confusion-box', hidden: true }, el('h2', {}, strings.confusionTitle), this.caption, this.table);
  }

  /**
   * The focus run's matrix. A classifier's place is kept from its start (`reserve`: the run may be a
   * classifier), with a line saying when the matrix comes, so the layout does not jump when it does.
   */
  show(run: ShownRun | null, reserve = false): void {
    const c = run?.status.confusion;
    this.element.hidden = !c && !reserve;
    this.element.classList.toggle('reserved', !c);
    if (!c) {
      this.caption.textContent = this.strings.confusionPending;
      render(this.table);
      return;
    }
    this.caption.textContent = `${this.strings.trueClass} ↓ · ${this.strings.predictedClass} → · ${c.on === 'validation' ? this.strings.onValidation : this.strings.onTraining}`;
    const max = Math.max(1, ...c.matrix.flat());
    const head = el('tr', {}, el('th', {}), ...c.classes.map((name) => el('th', { scope: 'col' }, name)));
    const rows = c.matrix.map((row, i) =>
      el('tr', {}, el('th', { scope: 'row' }, c.classes[i]!), ...row.map((count, j) => {
        const cell = el('td', { class: i === j ? 'hit' : 'miss' }, formatCount(count));
        cell.style.setProperty('--share', String(count / max));
        return cell;
      })),
    );
    render(this.table, head, ...rows);
  }
}
