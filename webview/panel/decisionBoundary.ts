/**
 * TensorFlow Playground's output view for 2-input problems: the model's output over x1, x2 ∈ [-6, 6] as
 * a heatmap on Playground's orange (−1) – grey (0) – blue (+1) scale with 30 shades (src/heatmap.ts),
 * the training points on top, and optionally the test points and a discretized (thresholded) output.
 * Classification outputs (probabilities in [0, 1]) are mapped to [−1, 1] as 2p − 1; regression values
 * are drawn as they are, clamped to [−1, 1].
 */
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import type { PanelStrings, RunInfo } from '../../src/shared/protocol/panelProtocol';
import type { Boundary } from '../../src/shared/protocol/workerProtocol';
import { el } from '../common/dom';
import { shade } from './playgroundColors';

const SIZE = 300; // px, as Playground's heatmap
const DOMAIN = 6;

type Checkbox = HTMLElement & { checked: boolean };

export class DecisionBoundary {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly showTest: Checkbox;
  private readonly discretize: Checkbox;
  private run: RunInfo | null = null;
  private boundary: Boundary | null = null;
  /** A hovered node's output (Playground shows it in place of the model's output). */
  private neuron: { values: readonly number[]; density: number } | null = null;

  constructor(strings: PanelStrings) {
    this.canvas = el('canvas', { id: 'boundary', width: String(SIZE), height: String(SIZE), role: 'img', 'aria-label': strings.boundaryTitle });
    this.showTest = el('vscode-checkbox', { id: 'show-test', label: strings.showTestData });
    this.discretize = el('vscode-checkbox', { id: 'discretize', label: strings.discretize });
    for (const box of [this.showTest, this.discretize]) box.addEventListener('change', () => this.draw());
    this.element = el('section', { class: 'boundary', hidden: true }, el('h2', {}, strings.boundaryTitle), this.canvas, el('div', { class: 'boundary-options' }, this.showTest, this.discretize));
  }

  /** The run whose data and output are drawn (its task and Playground points); redraws only when it changed. */
  showRun(run: RunInfo | null): void {
    if (run === this.run) return;
    this.run = run;
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

  private value(raw: number): number {
    const v = this.run?.task === 'regression' ? raw : 2 * raw - 1;
    return this.discretize.checked ? (v >= 0 ? 1 : -1) : v;
  }

  private draw(): void {
    const points = this.run?.points ?? null;
    this.element.hidden = points === null;
    if (!points) return;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, SIZE, SIZE);
    if (this.neuron) this.drawHeatmap(ctx, { epoch: 0, density: this.neuron.density, values: this.neuron.values, network: null }, true);
    else if (this.boundary) this.drawHeatmap(ctx, this.boundary, false);
    this.drawPoints(ctx, points.train, false);
    if (this.showTest.checked) this.drawPoints(ctx, points.validation, true);
  }

  private drawHeatmap(ctx: CanvasRenderingContext2D, b: Boundary, raw: boolean): void {
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
    ctx.drawImage(scratch, 0, 0, SIZE, SIZE);
  }

  private drawPoints(ctx: CanvasRenderingContext2D, flat: readonly number[], test: boolean): void {
    const toPx = (v: number) => ((v + DOMAIN) / (2 * DOMAIN)) * SIZE;
    for (let i = 0; i + 2 < flat.length; i += 3) {
      const x = flat[i]!, y = flat[i + 1]!, label = flat[i + 2]!;
      if (Math.abs(x) > DOMAIN || Math.abs(y) > DOMAIN) continue;
      const v = this.run?.task === 'regression' ? label : 2 * label - 1;
      const [r, g, b] = shade(v);
      ctx.beginPath();
      ctx.arc(toPx(x), SIZE - toPx(y), 3, 0, 2 * Math.PI);
      ctx.fillStyle = `rgb(${r}, ${g}, ${b})`;
      ctx.fill();
      ctx.lineWidth = 1;
      ctx.strokeStyle = test ? 'black' : 'white';
      ctx.stroke();
    }
  }
}
