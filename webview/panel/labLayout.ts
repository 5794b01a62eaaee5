/**
 * Where the panel's views sit. Two layouts, chosen by the data the shown run trains on:
 * - 'plane' (2-input Playground data), the one-screen lab after Playground: data and features, the
 *   network, and the output (decision boundary, loss curves, numbers) side by side, the details (compared
 *   runs, metrics, norms, confusion) below; media queries in panel.css stack the columns in a narrow panel;
 * - 'general' (MNIST, CSV, ...): the loss chart wide with the details under it, the numbers and the
 *   confusion matrix beside it (its place kept from the start of a classifier's run).
 * Switching moves the same elements between containers: charts keep their data.
 */
import { el } from '../common/dom';

export type LayoutKind = 'plane' | 'general';

export interface LabParts {
  readonly data: HTMLElement;
  readonly network: HTMLElement;
  readonly boundary: HTMLElement;
  readonly loss: HTMLElement;
  readonly table: HTMLElement;
  readonly dataTable: HTMLElement;
  readonly comparison: HTMLElement;
  readonly metrics: HTMLElement;
  readonly norms: HTMLElement;
  readonly confusion: HTMLElement;
}

export class LabLayout {
  readonly element = el('div', { class: 'lab', id: 'lab' });
  private kind: LayoutKind | null = null;

  constructor(private readonly parts: LabParts, private readonly outputTitle: string) {}

  set(kind: LayoutKind): void {
    if (kind === this.kind) return;
    this.kind = kind;
    const p = this.parts;
    this.element.dataset.layout = kind;
    document.body.dataset.layout = kind;
    if (kind === 'plane') {
      this.element.replaceChildren(
        el('div', { class: 'col col-data' }, p.data),
        el('div', { class: 'col col-network' }, p.network),
        el('section', { class: 'col col-output', 'aria-labelledby': 'output-title' }, el('h2', { id: 'output-title' }, this.outputTitle), p.boundary, p.loss, p.table, p.dataTable),
        el('div', { class: 'col col-details' }, p.comparison, p.metrics, p.norms, p.confusion),
      );
    } else {
      this.element.replaceChildren(
        el('div', { class: 'col col-main' }, p.loss, p.dataTable, p.comparison, p.metrics, p.norms),
        el('div', { class: 'col col-side' }, p.table, p.confusion),
      );
    }
  }
}
