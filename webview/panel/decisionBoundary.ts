/**
 * TensorFlow Playground's output view for 2-input problems: the model's output over x1, x2 ∈ [-6, 6] as
 * a heatmap on Playground's orange (−1) – grey (0) – blue (+1) scale with 30 shades (src/heatmap.ts),
 * the training points on top, and optionally the validation points (drawn as diamonds, so they differ
 * by shape as well as outline) and a discretized (thresholded) output. Classification outputs
 * (probabilities in [0, 1]) are mapped to [−1, 1] as 2p − 1; regression values are drawn as they are,
 * clamped to [−1, 1]. Before a run, it shows the sidebar's data alone. The canvas follows its box's size
 * (a wide panel gets a large view, drawn sharp at the screen's pixel ratio) and the theme (outlines).
 */
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import type { PanelStrings } from '../../src/shared/protocol/panelProtocol';
import type { Boundary, PlanePoints, Task } from '../../src/shared/protocol/workerProtocol';
import { el } from '../common/dom';
import { isLightTheme } from '../common/themeColors';
import { drawPoints, sizeCanvas } from './planeDrawing';
import { shade } from './playgroundColors';

type Checkbox = HTMLElement & { checked: boolean };

/** What the view draws: the points and the task that maps labels to colours. */
export interface PlaneData {
  readonly points: PlanePoints;
  readonly task: Task | null;
}

export class DecisionBoundary {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly showTest: Checkbox;
  private readonly discretize: Checkbox;
  private data: PlaneData | null = null;
  private boundary: Boundary | null = null;
  /** A hovered (or keyboard-chosen) node's output (Playground shows it in place of the model's output). */
  private neuron: { values: readonly number[]; density: number } | null = null;

  constructor(strings: PanelStrings) {
    this.canvas = el('canvas', { id: 'boundary', role: 'img', 'aria-label': strings.boundaryTitle });
    this.showTest = el('vscode-checkbox', { id: 'show-test', label: strings.showTestData });
    this.discretize = el('vscode-checkbox', { id: 'discretize', label: strings.discretize });
    for (const box of [this.showTest, this.discretize]) box.addEventListener('change', () => this.draw());
    this.element = el('section', { class: 'boundary', hidden: true }, el('h3', {}, strings.boundaryTitle),
      el('div', { class: 'plane-box' }, this.canvas), el('div', { class: 'boundary-options' }, this.showTest, this.discretize));
    new ResizeObserver(() => this.draw()).observe(this.canvas);
  }

  /** The data drawn (the focus run's or the sidebar's); redraws only when it changed. */
  showData(data: PlaneData | null): void {
    if (data?.points === this.data?.points && data?.task === this.data?.task) return;
    this.data = data;
    this.draw();
  }

  showBoundary(boundary: Boundary | null): void {
    this.boundary = boundary;
    this.draw();
  }

  /** Shows one node's output (already in [−1, 1] for tanh; as it is otherwise) until called with null. */
  showNeuron(values: readonly number[] | null, density: number): void {
    this.neuron = values ? { values, density } : null;
    this.draw();
  }

  /** Draws again in the theme's colours. */
  retheme(): void {
    this.draw();
  }

  private value(raw: number): number {
    const v = this.data?.task === 'regression' ? raw : 2 * raw - 1;
    return this.discretize.checked ? (v >= 0 ? 1 : -1) : v;
  }

  draw(): void {
    const data = this.data;
    this.element.hidden = data === null;
    if (!data) return;
    const size = sizeCanvas(this.canvas);
    const ctx = this.canvas.getContext('2d');
    if (!ctx || size === 0) return;
    ctx.clearRect(0, 0, size, size);
    if (this.neuron) this.drawHeatmap(ctx, size, { epoch: 0, density: this.neuron.density, values: this.neuron.values, network: null }, true);
    else if (this.boundary) this.drawHeatmap(ctx, size, this.boundary, false);
    const light = isLightTheme();
    drawPoints(ctx, size, data.points.train, data.task, false, light);
    if (this.showTest.checked) drawPoints(ctx, size, data.points.validation, data.task, true, light);
  }

  private drawHeatmap(ctx: CanvasRenderingContext2D, size: number, b: Boundary, raw: boolean): void {
    const image = ctx.createImageData(b.density, b.density);
    b.values.forEach((v, i) => {
      const [r, g, bl] = shade(raw ? v : this.value(v));
      image.data.set([r!, g!, bl!, 160], i * 4); // Playground's alpha 160
    });
    // Draw the density² image scaled to the canvas (smoothed, as Playground's heatmap).
    const scratch = document.createElement('canvas');
    scratch.width = scratch.height = b.density;
    scratch.getContext('2d')?.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(scratch, 0, 0, size, size);
  }
}
