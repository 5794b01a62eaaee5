/**
 * The one-screen lab's first column, Playground's "Data" and "Features": the points of the dataset (the
 * sidebar's, as soon as it is chosen, before anything trains; the run's own once it trains) and each
 * input feature as a thumbnail over the plane (x1, x2, x1², sin(x1), ...) on Playground's colour scale.
 */
import type { DataPreview, PanelStrings } from '../../src/shared/protocol/panelProtocol';
import type { PlanePoints, Task } from '../../src/shared/protocol/workerProtocol';
import { el, render } from '../common/dom';
import { isLightTheme } from '../common/themeColors';
import { drawPoints, sizeCanvas } from './planeDrawing';
import { shadeCss } from './playgroundColors';

export interface ShownData {
  readonly points: PlanePoints;
  readonly task: Task | null;
  /** What the points are: the preview's description, or the run's title. */
  readonly caption: string;
  /** True for the sidebar's data before a run trains on it. */
  readonly preview: boolean;
  readonly features: readonly { readonly name: string; readonly values: readonly number[] }[];
  readonly thumbDensity: number;
}

/** The sidebar's preview as ShownData. */
export function fromPreview(p: DataPreview): ShownData {
  return { points: p.points, task: p.task, caption: p.description, preview: true, features: p.features.map((name, i) => ({ name, values: p.featureThumbs[i]! })), thumbDensity: p.thumbDensity };
}

export class DataView {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly caption: HTMLElement;
  private readonly note: HTMLElement;
  private readonly features: HTMLElement;
  private shown: ShownData | null = null;

  constructor(private readonly strings: PanelStrings) {
    this.canvas = el('canvas', { id: 'data-preview', role: 'img', 'aria-label': strings.dataTitle });
    this.caption = el('p', { class: 'caption', id: 'data-caption' });
    this.note = el('p', { class: 'caption', id: 'data-note' });
    this.features = el('ul', { class: 'feature-list', 'aria-label': strings.featuresTitle });
    this.element = el('section', { class: 'data-view', 'aria-labelledby': 'data-title' },
      el('h2', { id: 'data-title' }, strings.dataTitle), el('div', { class: 'plane-box' }, this.canvas), this.caption, this.note,
      el('h3', {}, strings.featuresTitle), this.features);
    new ResizeObserver(() => this.draw()).observe(this.canvas);
  }

  show(data: ShownData | null): void {
    const same = data?.points === this.shown?.points && data?.caption === this.shown?.caption && data?.features === this.shown?.features;
    this.shown = data;
    if (same) return;
    this.caption.textContent = data?.caption ?? '';
    this.canvas.setAttribute('aria-label', data ? `${this.strings.dataTitle}: ${data.caption}` : this.strings.dataTitle);
    this.note.textContent = data?.preview ? this.strings.nextRunData : '';
    this.note.hidden = !data?.preview;
    render(this.features, ...(data?.features ?? []).map((f) => {
      const thumb = el('canvas', { class: 'feature-thumb', width: String(data!.thumbDensity), height: String(data!.thumbDensity), 'aria-hidden': 'true' });
      const ctx = thumb.getContext('2d');
      f.values.forEach((v, k) => {
        if (!ctx) return;
        ctx.fillStyle = shadeCss(v);
        ctx.fillRect(k % data!.thumbDensity, Math.floor(k / data!.thumbDensity), 1, 1);
      });
      return el('li', { 'data-feature': f.name }, thumb, el('code', {}, f.name));
    }));
    this.draw();
  }

  retheme(): void {
    this.draw();
  }

  private draw(): void {
    const data = this.shown;
    this.element.hidden = data === null;
    if (!data) return;
    const size = sizeCanvas(this.canvas);
    const ctx = this.canvas.getContext('2d');
    if (!ctx || size === 0) return;
    ctx.clearRect(0, 0, size, size);
    const light = isLightTheme();
    drawPoints(ctx, size, data.points.train, data.task, false, light);
    drawPoints(ctx, size, data.points.validation, data.task, true, light);
  }
}
