/** The confusion matrix of a classifier after training: rows are true classes, columns predicted ones; the diagonal is right. */
import type { PanelStrings } from '../../src/shared/protocol/panelProtocol';
import type { ShownRun } from './panelModel';
import { el, render } from '../common/dom';

export class ConfusionTable {
  readonly element: HTMLElement;
  private readonly table = el('table', { id: 'confusion', class: 'confusion' });
  private readonly caption: HTMLElement;

  constructor(private readonly strings: PanelStrings) {
    this.caption = el('p', { class: 'caption' });
    this.element = el('section', { class: 'confusion-box', hidden: true }, el('h2', {}, strings.confusionTitle), this.caption, this.table);
  }

  show(run: ShownRun | null): void {
    const c = run?.status.confusion;
    this.element.hidden = !c;
    if (!c) return;
    this.caption.textContent = `${this.strings.trueClass} ↓ · ${this.strings.predictedClass} → · ${c.on === 'validation' ? this.strings.onValidation : this.strings.onTraining}`;
    const max = Math.max(1, ...c.matrix.flat());
    const head = el('tr', {}, el('th', {}), ...c.classes.map((name) => el('th', { scope: 'col' }, name)));
    const rows = c.matrix.map((row, i) =>
      el('tr', {}, el('th', { scope: 'row' }, c.classes[i]!), ...row.map((count, j) => {
        const cell = el('td', { class: i === j ? 'hit' : 'miss' }, String(count));
        cell.style.setProperty('--share', String(count / max));
        return cell;
      })),
    );
    render(this.table, head, ...rows);
  }
}
