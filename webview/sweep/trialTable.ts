/**
 * The sweep's trials as a table: number, state (a failed trial's reason under it), one column per
 * parameter, the objective value, the best per-epoch value and the epochs run. A filter (all, complete,
 * pruned, failed, running, the best ten) and a sort on any column (its header is a button; aria-sort
 * says which). A row is a keyboard stop: Enter or a click shows the trial's curves in the training
 * panel, Space or the checkbox selects it, and "Compare selected" shows all selected trials' curves.
 * Everything from the journal goes in as text.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { SweepToHost, TrialView } from '../../src/shared/protocol/sweepProtocol';
import { el, render } from '../common/dom';
import { FILTERS, type Filter, type SweepModel, type ViewState, formatValue } from './sweepModel';

const fmt = (v: number | null) => (v === null ? '—' : Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4 ? v.toFixed(4) : v.toExponential(3));

export class TrialTable {
  readonly element: HTMLElement;
  private readonly table = el('table', { id: 'trials', class: 'trials' });
  private readonly count = el('span', { class: 'caption', 'aria-live': 'polite' });
  private readonly filter = el('select', { id: 'trial-filter' });
  private readonly compare = el('vscode-button', { id: 'compare-selected', secondary: true, disabled: true });
  private headerKey = '';
  private thead: HTMLElement = el('thead');

  constructor(private readonly model: SweepModel, private readonly post: (m: SweepToHost) => void, private readonly onViewChange: (patch: Partial<ViewState>) => void) {
    const s = model.strings!;
    for (const f of FILTERS) this.filter.append(el('option', { value: f }, this.filterLabel(f)));
    this.filter.addEventListener('change', () => this.onViewChange({ filter: this.filter.value as Filter }));
    this.compare.textContent = s.compareSelected;
    this.compare.title = s.showCurves;
    this.compare.addEventListener('click', () => this.showSelected());
    this.element = el('section', { class: 'trials-box', 'aria-labelledby': 'trials-title' },
      el('div', { class: 'section-head' }, el('h2', { id: 'trials-title' }, s.tableTitle),
        el('label', { class: 'filter' }, s.filter, this.filter), this.compare, this.count),
      el('div', { class: 'table-scroll' }, this.table));
  }

  private filterLabel(f: Filter): string {
    const s = this.model.strings!;
    return { all: s.filterAll, complete: s.filterComplete, pruned: s.filterPruned, fail: s.filterFailed, running: s.filterRunning, best: s.filterBest }[f];
  }

  private stateLabel(t: TrialView): string {
    const s = this.model.strings!;
    return { running: s.stateRunning, complete: s.stateComplete, pruned: s.statePruned, fail: s.stateFail, waiting: s.stateWaiting }[t.state];
  }

  private showSelected(): void {
    if (this.model.selected.size > 0) this.post({ type: 'showTrials', numbers: [...this.model.selected].sort((a, b) => a - b) });
  }

  private header(): HTMLElement {
    const m = this.model;
    const s = m.strings!;
    const v = m.view;
    const columns: [string, string][] = [['number', s.trial], ['state', s.state], ...m.params.map((p): [string, string] => [`param:${p.name}`, p.name]),
      ['value', m.info ? `${s.value} (${m.info.metric})` : s.value], ['best', s.bestValue], ['epochs', s.epochs]];
    const cells = columns.map(([key, label]) => {
      const sorted = v.sort === key;
      const button = el('button', { class: 'sort', type: 'button', title: s.sortBy.replace('{0}', label) }, label, sorted ? (v.descending ? ' ▾' : ' ▴') : '');
      button.addEventListener('click', () => this.onViewChange({ sort: key, descending: sorted ? !v.descending : key === 'value' ? m.maximize : false }));
      return el('th', { scope: 'col', 'aria-sort': sorted ? (v.descending ? 'descending' : 'ascending') : 'none', 'data-key': key }, button);
    });
    return el('thead', {}, el('tr', {}, el('th', { scope: 'col', class: 'select' }, ''), ...cells));
  }

  private row(t: TrialView, best: number | null): HTMLElement {
    const m = this.model;
    const s = m.strings!;
    const box = el('input', { type: 'checkbox', 'aria-label': s.selectTrial.replace('{0}', String(t.number)), tabindex: '-1' });
    box.checked = m.selected.has(t.number);
    box.addEventListener('click', (e) => {
      e.stopPropagation();
      this.toggle(t.number);
    });
    const state = el('td', { class: `state ${t.state}` }, this.stateLabel(t));
    if (t.reason) state.append(el('div', { class: 'reason', title: s.reason }, t.reason));
    if (t.writer === 'other') state.append(el('div', { class: 'writer' }, s.otherWriter));
    const tr = el('tr', {
      tabindex: '0', 'data-number': String(t.number), 'data-state': t.state, class: t.number === best ? 'best' : '',
      title: t.runId ? s.showCurves : s.noRun, 'aria-selected': m.selected.has(t.number) ? 'true' : 'false',
      'aria-current': m.shown.includes(t.number) ? 'true' : undefined,
    },
    el('td', { class: 'select' }, box), el('th', { scope: 'row' }, String(t.number)), state,
    ...m.params.map((p) => el('td', { class: 'param' }, formatValue(t.params[p.name] ?? null))),
    el('td', { class: 'num' }, fmt(t.value)), el('td', { class: 'num' }, fmt(t.best)), el('td', { class: 'num' }, String(t.epochs)));
    tr.addEventListener('click', (e) => {
      if (e.ctrlKey || e.metaKey || e.shiftKey) this.toggle(t.number);
      else this.post({ type: 'showTrials', numbers: [t.number] });
    });
    tr.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') this.post({ type: 'showTrials', numbers: [t.number] });
      else if (e.key === ' ') {
        e.preventDefault();
        this.toggle(t.number);
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const next = (e.key === 'ArrowDown' ? tr.nextElementSibling : tr.previousElementSibling) as HTMLElement | null;
        next?.focus();
      }
    });
    return tr;
  }

  private toggle(n: number): void {
    if (!this.model.selected.delete(n)) this.model.selected.add(n);
    this.update();
  }

  /** Redraws from the model (keeps the focused row focused). */
  update(): void {
    const m = this.model;
    const active = document.activeElement as HTMLElement | null;
    const focused = active?.closest?.('tr[data-number]')?.getAttribute('data-number') ?? null;
    const key = JSON.stringify([m.params.map((p) => p.name), m.view, m.info?.metric, m.strings?.value]);
    if (key !== this.headerKey) {
      // The header is rebuilt only when it changes, so a focused sort button keeps its focus while trials stream in.
      const focusedSort = active?.closest?.('th[data-key]')?.getAttribute('data-key') ?? null;
      this.headerKey = key;
      this.filter.value = m.view.filter;
      this.thead = this.header();
      render(this.table, this.thead, el('tbody'));
      if (focusedSort !== null) this.thead.querySelector<HTMLElement>(`th[data-key="${CSS.escape(focusedSort)}"] button`)?.focus();
    }
    const rows = m.rows();
    const best = m.info?.best ?? null;
    this.table.querySelector('tbody')!.replaceChildren(...rows.map((t) => this.row(t, best)));
    this.count.textContent = m.strings!.shownCount.replace('{0}', String(rows.length)).replace('{1}', String(m.trials.length));
    this.compare.toggleAttribute('disabled', m.selected.size === 0);
    if (focused !== null) this.table.querySelector<HTMLElement>(`tr[data-number="${focused}"]`)?.focus();
  }
}
