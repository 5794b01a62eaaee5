/**
 * Drawing on a square view of Playground's plane (x1, x2 ∈ [−6, 6]), shared by the data preview and the
 * decision boundary: the canvas sized to its box at the screen's pixel ratio, and the data points.
 */
import type { PlanePoints, Task } from '../../src/shared/protocol/workerProtocol';
import { outline, shadeCss } from './playgroundColors';

export const DOMAIN = 6;

/** Sizes a square canvas to its CSS box (× devicePixelRatio) and returns its side in canvas pixels (0: not laid out). */
export function sizeCanvas(canvas: HTMLCanvasElement): number {
  const css = Math.round(canvas.clientWidth);
  const side = Math.round(css * (window.devicePixelRatio || 1));
  if (side > 0 && canvas.width !== side) {
    canvas.width = side;
    canvas.height = side;
  }
  return side > 0 ? side : 0;
}

/** Flat [x, y, label, ...] points: circles for training, diamonds for validation (shape, not only colour, tells them apart). */
export function drawPoints(ctx: CanvasRenderingContext2D, size: number, flat: PlanePoints['train'], task: Task | null, validation: boolean, light: boolean): void {
  const toPx = (v: number) => ((v + DOMAIN) / (2 * DOMAIN)) * size;
  const r = Math.max(2.5, size / 100);
  ctx.lineWidth = Math.max(1, size / 300);
  ctx.strokeStyle = outline(light, validation);
  for (let i = 0; i + 2 < flat.length; i += 3) {
    const x = flat[i]!, y = flat[i + 1]!, label = flat[i + 2]!;
    if (Math.abs(x) > DOMAIN || Math.abs(y) > DOMAIN) continue;
    const px = toPx(x), py = size - toPx(y);
    ctx.beginPath();
    if (validation) {
      ctx.moveTo(px, py - r * 1.3);
      ctx.lineTo(px + r * 1.3, py);
      ctx.lineTo(px, py + r * 1.3);
      ctx.lineTo(px - r * 1.3, py);
      ctx.closePath();
    } else {
      ctx.arc(px, py, r, 0, 2 * Math.PI);
    }
    ctx.fillStyle = shadeCss(task === 'regression' ? label : 2 * label - 1);
    ctx.fill();
    ctx.stroke();
  }
}
