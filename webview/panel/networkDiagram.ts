/**
 * Playground's network view on one canvas: the input features and every Dense unit as thumbnails of
 * their output over the plane, linked by their weights (line width from |w|, clamped over |w| ∈ [0, 5],
 * and Playground's orange-blue colour by sign and size). The thumbnails grow with the column (30 px, as
 * Playground, up to 72 px in a wide panel). Hovering a node shows its output large in the output view,
 * as in Playground; the keyboard does the same: the canvas takes focus, the arrow keys move between the
 * nodes (left/right between layers, up/down within one), Escape goes back to the model's output, and a
 * line of text names the chosen node for screen readers. Redrawn in the theme's colours on a switch.
 */
import type { PanelStrings } from '../../src/shared/protocol/panelProtocol';
import type { NetworkView } from '../../src/shared/protocol/workerProtocol';
import { el } from '../common/dom';
import { fillTemplate } from '../common/format';
import { chartTheme } from '../common/themeColors';
import { linkCss, shade } from './playgroundColors';

const MIN_NODE = 30; // px, Playground's node size
const MAX_NODE = 72;
const PAD = 16;
const LABEL = 48; // room for the input names left of the first column

interface NodeBox { readonly x: number; readonly y: number; readonly values: readonly number[]; readonly label: string; readonly column: number; readonly row: number }

export class NetworkDiagram {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly pending: HTMLElement;
  private readonly announce: HTMLElement;
  private columns: NodeBox[][] = [];
  private view: NetworkView | null = null;
  private node = MIN_NODE;
  /** The keyboard's chosen node (column, row), or null. */
  private chosen: { column: number; row: number } | null = null;
  private hovered: NodeBox | null = null;

  constructor(private readonly strings: PanelStrings, private readonly onHover: (values: readonly number[] | null, density: number) => void) {
    // role application: the arrow keys choose nodes (a screen reader in browse mode would keep them), and its
    // name says so.
    this.canvas = el('canvas', { id: 'network', tabindex: '0', role: 'application', 'aria-label': strings.networkKeys });
    this.pending = el('p', { class: 'caption', id: 'network-pending' }, strings.networkPending);
    this.announce = el('p', { class: 'sr-only', 'aria-live': 'polite', id: 'network-announce' });
    this.element = el('section', { class: 'network', 'aria-labelledby': 'network-title' },
      el('h2', { id: 'network-title' }, strings.networkTitle), this.pending, el('div', { class: 'network-box' }, this.canvas), this.announce);
    this.canvas.addEventListener('mousemove', (e) => this.hover(e));
    this.canvas.addEventListener('mouseleave', () => this.choose(null));
    this.canvas.addEventListener('keydown', (e) => this.key(e));
    this.canvas.addEventListener('blur', () => this.choose(null));
    new ResizeObserver(() => this.view && this.draw(this.view)).observe(this.element);
  }

  /** `expected`: a network view will come (a 2-D run): keep the place and say so until it does. */
  show(view: NetworkView | null, expected = false): void {
    this.view = view;
    this.element.hidden = view === null && !expected;
    this.pending.hidden = view !== null;
    this.canvas.hidden = view === null;
    if (!view) return;
    const selected = this.chosen !== null || this.hovered !== null;
    this.draw(view);
    // The node the mouse or the keyboard holds keeps showing live in the output view (as in Playground).
    if (selected) {
      const c = this.chosen, node = c ? this.columns[c.column]?.[c.row] ?? null : this.hovered;
      this.onHover(node ? node.values : null, view.thumbDensity);
    }
  }

  retheme(): void {
    if (this.view) this.draw(this.view);
  }

  private layout(view: NetworkView, width: number): { width: number; height: number } {
    const columns: { values: readonly number[]; label: string }[][] = [
      view.inputs.map((name, f) => ({ values: view.inputThumbs[f]!, label: name })),
      ...view.layers.map((layer, l) => Array.from({ length: layer.units }, (_, j) => ({ values: view.unitThumbs[l]![j]!, label: `${layer.name}[${j}]` }))),
    ];
    // Node size so that the columns fill the width (gap between columns 2.2 nodes), within [30, 72] px.
    const n = columns.length;
    const fit = (width - 2 * PAD - LABEL) / (1 + 2.2 * Math.max(1, n - 1) + 1);
    this.node = Math.max(MIN_NODE, Math.min(MAX_NODE, Math.floor(fit)));
    const gap = n > 1 ? Math.max(this.node * 1.6, (width - 2 * PAD - LABEL - this.node) / (n - 1)) : 0;
    const rowGap = this.node * 1.3;
    const tallest = Math.max(...columns.map((c) => c.length));
    const height = PAD * 2 + tallest * rowGap;
    this.columns = columns.map((col, c) => col.map((node, r) => ({
      ...node, column: c, row: r,
      x: PAD + LABEL + c * gap,
      y: PAD + (height - PAD * 2 - col.length * rowGap) / 2 + r * rowGap + (rowGap - this.node) / 2,
    })));
    return { width: Math.max(width, PAD * 2 + LABEL + (n - 1) * gap + this.node), height };
  }

  private draw(view: NetworkView): void {
    const box = this.canvas.parentElement?.clientWidth ?? 0;
    const { width, height } = this.layout(view, Math.max(260, box));
    // The hovered node of the old layout is the same column and row in the new one (null if gone).
    if (this.hovered) this.hovered = this.columns[this.hovered.column]?.[this.hovered.row] ?? null;
    const dpr = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(height * dpr);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const theme = chartTheme();
    const N = this.node;
    // Links first, under the nodes: kernel (inputs, units) row-major.
    view.layers.forEach((layer, l) => {
      const from = this.columns[l]!, to = this.columns[l + 1]!;
      from.forEach((a, i) => to.forEach((b, j) => {
        const w = layer.kernel[i * layer.units + j]!;
        ctx.strokeStyle = linkCss(Math.max(-1, Math.min(1, w)), theme.light);
        ctx.lineWidth = 1 + Math.min(Math.abs(w), 5) * (N / 30) * (7 / 5);
        const mid = (b.x - a.x - N) / 2;
        ctx.beginPath();
        ctx.moveTo(a.x + N, a.y + N / 2);
        ctx.bezierCurveTo(a.x + N + mid, a.y + N / 2, b.x - mid, b.y + N / 2, b.x, b.y + N / 2);
        ctx.stroke();
      }));
    });
    for (const node of this.columns.flat()) this.drawThumb(ctx, node, view.thumbDensity, theme.foreground);
    ctx.fillStyle = theme.foreground;
    ctx.font = `${Math.round(Math.max(11, N / 4))}px ${theme.fontFamily}`;
    ctx.textAlign = 'right';
    for (const node of this.columns[0] ?? []) ctx.fillText(node.label, node.x - 6, node.y + N / 2 + 4);
  }

  private isChosen(node: NodeBox): boolean {
    const c = this.chosen;
    return (c !== null && c.column === node.column && c.row === node.row) || this.hovered === node;
  }

  private drawThumb(ctx: CanvasRenderingContext2D, node: NodeBox, density: number, foreground: string): void {
    const N = this.node;
    const cell = N / density;
    node.values.forEach((v, k) => {
      const [r, g, b] = shade(Math.max(-1, Math.min(1, v)));
      ctx.fillStyle = `rgb(${r}, ${g}, ${b})`;
      ctx.fillRect(node.x + (k % density) * cell, node.y + Math.floor(k / density) * cell, Math.ceil(cell), Math.ceil(cell));
    });
    const chosen = this.isChosen(node);
    ctx.strokeStyle = chosen ? foreground : 'rgba(128, 128, 128, 0.8)';
    ctx.lineWidth = chosen ? 3 : 1;
    ctx.strokeRect(node.x, node.y, N, N);
  }

  private choose(node: NodeBox | null, fromKeyboard = false): void {
    if (!fromKeyboard) this.hovered = node;
    if (fromKeyboard) this.chosen = node ? { column: node.column, row: node.row } : null;
    if (!node) {
      this.hovered = null;
      this.chosen = null;
    }
    this.canvas.title = node?.label ?? '';
    this.announce.textContent = node && fromKeyboard ? fillTemplate(this.strings.nodeSummary, node.label) : '';
    this.onHover(node ? node.values : null, this.view?.thumbDensity ?? 0);
    if (this.view) this.draw(this.view);
  }

  private key(e: KeyboardEvent): void {
    if (!this.view || this.columns.length === 0) return;
    if (e.key === 'Escape') {
      this.choose(null, true);
      return;
    }
    const moves: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    const now = this.chosen ?? { column: 0, row: -1 + (move[1] < 0 ? 1 : 0) };
    const column = Math.max(0, Math.min(this.columns.length - 1, now.column + move[0]));
    const col = this.columns[column]!;
    // Moving between layers keeps the row's relative place.
    const row = move[0] !== 0 && this.chosen ? Math.round((now.row / Math.max(1, this.columns[now.column]!.length - 1)) * (col.length - 1)) : now.row + move[1];
    const node = col[Math.max(0, Math.min(col.length - 1, row))];
    if (node) this.choose(node, true);
  }

  private hover(e: MouseEvent): void {
    if (!this.view) return;
    const rect = this.canvas.getBoundingClientRect();
    const scaleX = (this.canvas.width / (window.devicePixelRatio || 1)) / rect.width;
    const x = (e.clientX - rect.left) * scaleX, y = (e.clientY - rect.top) * scaleX;
    const node = this.columns.flat().find((n) => x >= n.x && x <= n.x + this.node && y >= n.y && y <= n.y + this.node) ?? null;
    if (node === this.hovered) return;
    this.choose(node);
  }
}
