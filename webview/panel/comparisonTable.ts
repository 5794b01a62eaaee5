/**
 * The comparison of the shown runs (two or more): a column per run (its colour, its name, a checkbox that
 * shows or hides it in the charts), the rows of the hyperparameters that differ between them, then each
 * history key's final and best value per run. The header is built when the shown runs change; the metric
 * cells are updated in place as epochs arrive (each run's final/best kept incrementally), so a checkbox
 * keeps its focus while the live run trains.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import { metricDirection } from '../../src/shared/metricDirection';
import type { PanelStrings, PanelToHost } from '../../src/shared/protocol/panelProtocol';
import { el, render } from '../common/dom';
import { formatMetric } from '../common/format';
import type { PanelModel, ShownRun } from './panelModel';
import { runColor } from './runColors';

type Checkbox = HTMLElement & { checked: boolean };

interface Summary {
  fed: number;
  readonly final: Map<string, number | null>;
  readonly best: Map<string, number>;
}

const fmt = formatMetric;

export class ComparisonTable {
  readonly element: HTMLElement;
  private readonly table = el('table', { id: 'comparison', class: 'comparison' });
  private readonly note = el('p', { class: 'caption' });
  private summaries = new Map<ShownRun, Summary>();
  private cells: { run: ShownRun; key: string; kind: 'final' | 'best'; cell: HTMLElement }[] = [];
  private keysKey = '';

  constructor(private readonly strings: PanelStrings, post: (m: PanelToHost) => void, private readonly onToggle: (id: string, visible: boolean) => void) {
    const clear = el('vscode-button', { id: 'clear-comparison', secondary: true }, strings.clearComparison);
    clear.addEventListener('click', () => post({ type: 'clearComparison' }));
    this.element = el('section', { class: 'comparison-box', hidden: true }, el('div', { class: 'comparison-head' }, el('h2', {}, strings.compareTitle), clear), this.note, el('div', { class: 'table-scroll' }, this.table));
  }

  private summary(run: ShownRun): Summary {
    let s = this.summaries.get(run);
    if (!s) this.summaries.set(run, (s = { fed: 0, final: new Map(), best: new Map() }));
    for (; s.fed < run.epochs.length; s.fed++) {
      const e = run.epochs[s.fed]!;
      for (const [key, v] of Object.entries({ loss: e.loss, val_loss: e.val_loss, ...e.metrics })) {
        s.final.set(key, v);
        const dir = metricDirection(key);
        const best = s.best.get(key);
        if (v !== null && dir !== null && (best === undefined || (dir === 'down' ? v < best : v > best))) s.best.set(key, v);
      }
    }
    return s;
  }

  private metricKeys(model: PanelModel): string[] {
    const keys = new Set<string>();
    for (const r of model.runs) for (const k of this.summary(r).final.keys()) if (k !== 'learning_rate') keys.add(k);
    const order = (k: string) => (k === 'loss' ? 0 : k === 'val_loss' ? 1 : k.startsWith('val_') ? 3 : 2);
    return [...keys].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  }

  /** Builds the table for the shown runs (hidden with fewer than two). */
  rebuild(model: PanelModel): void {
    const cmp = model.comparison;
    this.summaries = new Map();
    this.element.hidden = !cmp || model.runs.length < 2;
    if (!cmp || this.element.hidden) return;
    const runs = cmp.runs.map((id) => model.runs.find((r) => r.info.id === id)).filter((r): r is ShownRun => r !== undefined);
    const head = el('tr', {}, el('th', { scope: 'col' }, this.strings.hyperparameter), ...runs.map((run) => {
      const box = el('vscode-checkbox', { checked: !model.hidden.has(run.info.id), label: `${this.strings.showRun}: ${run.info.label}`, class: 'run-toggle', 'data-run-id': run.info.id }) as Checkbox;
      box.addEventListener('change', () => this.onToggle(run.info.id, box.checked));
      const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
      swatch.style.background = runColor(run.index);
      return el('th', { scope: 'col' }, el('div', { class: 'run-head' }, swatch, el('span', { class: 'run-name' }, run.info.label), run.info.live ? el('span', { class: 'live-tag' }, this.strings.liveRun) : ''), box);
    }));
    const rows = cmp.rows.map((r) => el('tr', {}, el('th', { scope: 'row' }, el('code', {}, r.path)), ...r.values.map((v) => el('td', {}, v))));
    this.note.textContent = cmp.rows.length === 0 ? this.strings.noDifferences : '';
    this.cells = [];
    const keys = this.metricKeys(model);
    this.keysKey = keys.join('|');
    const metricRows = keys.flatMap((key) => (['final', 'best'] as const).filter((kind) => kind === 'final' || metricDirection(key) !== null).map((kind) =>
      el('tr', { class: 'metric-row' }, el('th', { scope: 'row' }, `${key} (${kind === 'final' ? this.strings.finalMetric : this.strings.bestMetric})`), ...runs.map((run) => {
        const cell = el('td', {});
        this.cells.push({ run, key, kind, cell });
        return cell;
      }))));
    render(this.table, el('thead', {}, head), el('tbody', {}, ...rows, ...metricRows));
    this.update(model);
  }

  /** New epochs: refresh the metric cells (a new history key rebuilds). */
  update(model: PanelModel): void {
    if (this.element.hidden) return;
    if (this.metricKeys(model).join('|') !== this.keysKey) return this.rebuild(model);
    for (const c of this.cells) {
      const s = this.summary(c.run);
      c.cell.textContent = fmt(c.kind === 'final' ? s.final.get(c.key) : s.best.get(c.key));
    }
  }
}
