/**
 * A keyboard path to a chart's tooltips: the canvas takes focus (Tab), the arrow keys move along the
 * first series' points (Home and End jump to the ends, Page Up/Down by tenths), the chart shows its
 * tooltip there for every series at that x, and a line of text says the same for screen readers.
 * Escape hides the tooltip. The mouse keeps working as before.
 */
import type { ActiveElement, Chart } from 'chart.js';
import { fillTemplate, formatCount, formatMetric } from '../common/format';

type XY = { x: number; y: number | null };

export function chartKeyboard(chart: Chart<'line', XY[]>, canvas: HTMLCanvasElement, announce: HTMLElement, xName: () => string, keysLabel: string): void {
  canvas.tabIndex = 0;
  // A widget of its own: a screen reader in browse mode would keep the arrow keys for its virtual cursor;
  // its name says which keys do what.
  canvas.setAttribute('role', 'application');
  canvas.setAttribute('aria-label', fillTemplate(keysLabel, canvas.getAttribute('aria-label') ?? ''));
  let index = -1;
  const show = () => {
    const first = chart.data.datasets.findIndex((d, i) => d.data.length > 0 && chart.isDatasetVisible(i));
    const base = chart.data.datasets[first]?.data ?? [];
    if (first < 0 || base.length === 0) return;
    index = Math.max(0, Math.min(base.length - 1, index));
    const x = base[index]!.x;
    const active: ActiveElement[] = [];
    const parts: string[] = [];
    chart.data.datasets.forEach((d, i) => {
      if (!chart.isDatasetVisible(i) || !d.label) return;
      const j = d.data.findIndex((p) => p.x === x);
      if (j < 0 || d.data[j]!.y === null) return;
      active.push({ datasetIndex: i, index: j, element: chart.getDatasetMeta(i).data[j]! });
      parts.push(`${d.label} ${formatMetric(d.data[j]!.y)}`);
    });
    chart.setActiveElements(active);
    const at = active[0]?.element;
    chart.tooltip?.setActiveElements(active, { x: at?.x ?? 0, y: at?.y ?? 0 });
    chart.update('none');
    announce.textContent = `${xName()} ${Number.isInteger(x) ? formatCount(x) : formatMetric(x)}: ${parts.join(', ')}`;
  };
  canvas.addEventListener('keydown', (e) => {
    const n = chart.data.datasets.find((d) => d.data.length > 0)?.data.length ?? 0;
    const step = Math.max(1, Math.round(n / 10));
    const moves: Record<string, () => number> = {
      ArrowRight: () => (index < 0 ? n - 1 : index + 1), ArrowLeft: () => (index < 0 ? n - 1 : index - 1),
      Home: () => 0, End: () => n - 1, PageUp: () => index + step, PageDown: () => index - step,
    };
    if (e.key === 'Escape') {
      index = -1;
      chart.setActiveElements([]);
      chart.tooltip?.setActiveElements([], { x: 0, y: 0 });
      chart.update('none');
      announce.textContent = '';
      return;
    }
    const move = moves[e.key];
    if (!move || n === 0) return;
    e.preventDefault();
    index = move();
    show();
  });
  canvas.addEventListener('blur', () => {
    chart.setActiveElements([]);
    chart.tooltip?.setActiveElements([], { x: 0, y: 0 });
    chart.update('none');
  });
}
