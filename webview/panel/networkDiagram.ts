/**
 * Playground's network view on one canvas: the input features and every Dense unit as small thumbnails
 * of their output over the plane, linked by their weights (line width from |w|, clamped to [1, 10] px
 * over |w| ∈ [0, 5], and Playground's orange-blue colour by sign and size). Hovering a node shows its
 * output large in the decision-boundary view, as in Playground.
 */
import type { PanelStrings } from '../../src/shared/protocol/panelProtocol';
import type { NetworkView } from '../../src/shared/protocol/workerProtocol';
import { el } from '../common/dom';
import { shade } from './playgroundColors';

const NODE = 30; // px, Playground's node size
const COLUMN_GAP = 110;
const ROW_GAP = 42;
const PAD = 24;

interface NodeBox { readonly x: number; readonly y: number; readonly values: readonly number[]; readonly label: string }

export class NetworkDiagram {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private nodes: NodeBox[] = [];
  private view: NetworkView | null = null;

  constructor(strings: PanelStrings, private readonly onHover: (values: readonly number[] | null, density: number) => void) {
    this.canvas = el('canvas', { id: 'network', role: 'img', 'aria-label': strings.networkTitle });
    this.element = el('section', { class: 'network', hidden: true }, el('h2', {}, strings.networkTitle), this.canvas);
    this.canvas.addEventListener('mousemove', (e) => this.hover(e));
    this.canvas.addEventListener('mouseleave', () => this.onHover(null, 0));
  }

  show(view: NetworkView | null): void {
    this.view = view;
    this.element.hidden = view === null;
    if (view) this.draw(view);
  }

  private layout(view: NetworkView): { columns: NodeBox[][]; width: number; height: number } {
    const columns: { values: readonly number[]; label: string }[][] = [
      view.inputs.map((name, f) => ({ values: view.inputThumbs[f]!, label: name })),
      ...view.layers.map((layer, l) => Array.from({ length: layer.units }, (_, j) => ({ values: view.unitThumbs[l]![j]!, label: `${layer.name}[${j}]` }))),
    ];
    const tallest = Math.max(...columns.map((c) => c.length));
    const height = PAD * 2 + tallest * ROW_GAP;
    const boxes = columns.map((col, c) => col.map((node, r) => ({
      ...node,
      x: PAD + 40 + c * COLUMN_GAP,
      y: PAD + (height - PAD * 2 - col.length * ROW_GAP) / 2 + r * ROW_GAP,
    })));
    return { columns: boxes, width: PAD * 2 + 80 + (columns.length - 1) * COLUMN_GAP + NODE, height };
  }

  private draw(view: NetworkView): void {
    const { columns, width, height } = this.layout(view);
    this.nodes = columns.flat();
    this.canvas.width = width;
    this.canvas.height = height;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, width, height);
    // Links first, under the nodes: kernel (inputs, units) row-major.
    view.layers.forEach((layer, l) => {
      const from = columns[l]!, to = columns[l + 1]!;
      from.forEach((a, i) => to.forEach((b, j) => {
        const w = layer.kernel[i * layer.units + j]!;
        const [r, g, bl] = shade(Math.max(-1, Math.min(1, w)));
        ctx.strokeStyle = `rgba(${r}, ${g}, ${bl}, 0.85)`;
        ctx.lineWidth = 1 + Math.min(Math.abs(w), 5) * (9 / 5);
        ctx.beginPath();
        ctx.moveTo(a.x + NODE, a.y + NODE / 2);
        ctx.bezierCurveTo(a.x + NODE + COLUMN_GAP / 2, a.y + NODE / 2, b.x - COLUMN_GAP / 2, b.y + NODE / 2, b.x, b.y + NODE / 2);
        ctx.stroke();
      }));
    });
    for (const node of this.nodes) this.drawThumb(ctx, node, view.thumbDensity);
    ctx.fillStyle = getComputedStyle(document.body).color;
    ctx.font = '11px sans-serif';
    ctx.textAlign = 'right';
    for (const node of columns[0] ?? []) ctx.fillText(node.label, node.x - 6, node.y + NODE / 2 + 4);
  }

  private drawThumb(ctx: CanvasRenderingContext2D, node: NodeBox, density: number): void {
    const cell = NODE / density;
    node.values.forEach((v, k) => {
      const [r, g, b] = shade(Math.max(-1, Math.min(1, v)));
      ctx.fillStyle = `rgb(${r}, ${g}, ${b})`;
      ctx.fillRect(node.x + (k % density) * cell, node.y + Math.floor(k / density) * cell, Math.ceil(cell), Math.ceil(cell));
    });
    ctx.strokeStyle = 'rgba(128, 128, 128, 0.8)';
    ctx.lineWidth = 1;
    ctx.strokeRect(node.x, node.y, NODE, NODE);
  }

  private hover(e: MouseEvent): void {
    if (!this.view) return;
    const rect = this.canvas.getBoundingClientRect();
    const x = ((e.clientX - rect.left) * this.canvas.width) / rect.width, y = ((e.clientY - rect.top) * this.canvas.height) / rect.height;
    const node = this.nodes.find((n) => x >= n.x && x <= n.x + NODE && y >= n.y && y <= n.y + NODE);
    this.canvas.title = node?.label ?? '';
    this.onHover(node ? node.values : null, this.view.thumbDensity);
  }
}
