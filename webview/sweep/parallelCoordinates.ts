/**
 * Parallel coordinates of the sweep: one vertical axis per parameter (a log axis for a log distribution,
 * evenly spaced choices for a categorical, the search space's range for a number) and a last axis for
 * the objective, one polyline per complete trial (as Optuna's plot_parallel_coordinate), coloured from
 * the worst value to the best (the colour bar on the objective axis), the best trial on top and thicker.
 * Our own canvas rather than chart.js with chartjs-chart-pcp: that plugin draws numeric axes only, all
 * linear or all logarithmic, while a search space mixes log, linear and categorical axes.
 * A click on a line (or Enter on the focused canvas, the arrows walking the trials best first) shows the
 * trial's curves; the trial under the pointer or key is named in a live region.
 */
import type { SweepParamView, SweepToHost, TrialView } from '../../src/shared/protocol/sweepProtocol';
import { el } from '../common/dom';
import { chartTheme } from '../common/themeColors';
import { type SweepModel, axisPosition, axisTicks, formatValue } from './sweepModel';
import { valueColor } from './valueColors';

const MARGIN = { top: 36, bottom: 20, left: 56, right: 64 };
const HEIGHT = 300;
const HIT_PX = 6;

interface Line {
  readonly trial: TrialView;
  readonly points: readonly (readonly [number, number] | null)[];
}

function segmentDistance(px: number, py: number, a: readonly [number, number], b: readonly [number, number]): number {
  const [x1, y1] = a, [x2, y2] = b;
  const dx = x2 - x1, dy = y2 - y1;
  const len = dx * dx + dy * dy;
  const k = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len));
  return Math.hypot(px - (x1 + k * dx), py - (y1 + k * dy));
}

export class ParallelCoordinates {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly live = el('p', { class: 'caption pcp-live', 'aria-live': 'polite' });
  private lines: Line[] = [];
  private highlighted: number | null = null;
  private width = 600;
  private readonly resize: ResizeObserver;

  constructor(private readonly model: SweepModel, private readonly post: (m: SweepToHost) => void) {
    const s = model.strings!;
    this.canvas = el('canvas', { id: 'pcp', tabindex: '0', role: 'img' });
    this.element = el('section', { class: 'pcp-box', hidden: true, 'aria-labelledby': 'pcp-title' },
      el('h2', { id: 'pcp-title' }, s.pcpTitle.replace('{0}', model.info?.metric ?? s.objective)), el('p', { class: 'caption' }, s.pcpHelp), this.canvas, this.live);
    this.canvas.addEventListener('mousemove', (e) => this.hover(this.hit(e.offsetX, e.offsetY)));
    this.canvas.addEventListener('mouseleave', () => this.hover(null));
    this.canvas.addEventListener('click', (e) => {
      const n = this.hit(e.offsetX, e.offsetY);
      if (n !== null) this.post({ type: 'showTrials', numbers: [n] });
    });
    this.canvas.addEventListener('keydown', (e) => this.key(e));
    this.resize = new ResizeObserver(() => {
      const w = Math.floor(this.element.clientWidth);
      if (w > 0 && w !== this.width) {
        this.width = w;
        this.draw();
      }
    });
    this.resize.observe(this.element);
  }

  dispose(): void {
    this.resize.disconnect();
  }

  private key(e: KeyboardEvent): void {
    const ranked = this.model.ranked();
    if (ranked.length === 0) return;
    const at = ranked.findIndex((t) => t.number === this.highlighted);
    if (e.key === 'ArrowDown' || e.key === 'ArrowRight') this.hover(ranked[Math.min(ranked.length - 1, at + 1)]!.number);
    else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') this.hover(ranked[Math.max(0, at - 1)]!.number);
    else if (e.key === 'Enter' && this.highlighted !== null) this.post({ type: 'showTrials', numbers: [this.highlighted] });
    else if (e.key === 'Escape') this.hover(null);
    else return;
    e.preventDefault();
  }

  private hover(n: number | null): void {
    if (n === this.highlighted) return;
    this.highlighted = n;
    const t = n === null ? undefined : this.model.trial(n);
    const s = this.model.strings!;
    this.live.textContent = t ? `${s.trial} ${t.number}: ${this.model.params.map((p) => `${p.name} = ${formatValue(t.params[p.name] ?? null)}`).join(', ')} → ${this.model.info?.metric ?? s.objective} ${formatValue(t.value)}` : '';
    this.canvas.style.cursor = n === null ? 'default' : 'pointer';
    this.draw();
  }

  private hit(x: number, y: number): number | null {
    let best: number | null = null, dist = HIT_PX;
    for (const line of this.lines) {
      for (let i = 1; i < line.points.length; i++) {
        const a = line.points[i - 1], b = line.points[i];
        if (!a || !b) continue;
        const d = segmentDistance(x, y, a, b);
        if (d < dist) [dist, best] = [d, line.trial.number];
      }
    }
    return best;
  }

  /** Redraws from the model. */
  draw(): void {
    const m = this.model;
    const trials = m.complete;
    const params = m.params;
    this.element.hidden = params.length === 0 || trials.length === 0;
    document.body.dataset.pcpLines = String(trials.length);
    if (this.element.hidden) return;
    const range = m.valueRange()!;
    const objective: SweepParamView = { name: m.info?.metric ?? '', kind: 'float', low: range.min, high: range.max, log: false, choices: null };
    const axes = [...params, objective];
    const dpr = window.devicePixelRatio || 1;
    const w = Math.max(320, this.width);
    this.canvas.width = w * dpr;
    this.canvas.height = HEIGHT * dpr;
    this.canvas.style.width = `${w}px`;
    this.canvas.style.height = `${HEIGHT}px`;
    const ctx = this.canvas.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, HEIGHT);
    const theme = chartTheme();
    const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
    const step = (w - MARGIN.left - MARGIN.right) / Math.max(1, axes.length - 1);
    const xOf = (i: number) => MARGIN.left + i * step;
    const yOf = (q: number) => MARGIN.top + (1 - q) * plotH;
    this.lines = trials.map((t) => ({
      trial: t,
      points: axes.map((p, i) => {
        const q = i === axes.length - 1 ? axisPosition(p, t.value) : axisPosition(p, t.params[p.name] ?? null);
        return q === null ? null : ([xOf(i), yOf(q)] as const);
      }),
    }));
    const bestNumber = m.info?.best ?? null;
    const order = [...this.lines].sort((a, b) => (a.trial.number === bestNumber ? 1 : 0) - (b.trial.number === bestNumber ? 1 : 0) || m.quality(a.trial.value!) - m.quality(b.trial.value!));
    for (const line of order) {
      const q = m.quality(line.trial.value!);
      const emphasized = line.trial.number === this.highlighted || line.trial.number === bestNumber;
      ctx.strokeStyle = valueColor(q);
      ctx.globalAlpha = this.highlighted === null || emphasized ? 0.9 : 0.25;
      ctx.lineWidth = line.trial.number === this.highlighted ? 3.5 : line.trial.number === bestNumber ? 2.5 : 1.25;
      ctx.beginPath();
      let open = false;
      for (const p of line.points) {
        if (!p) { open = false; continue; }
        if (open) ctx.lineTo(p[0], p[1]);
        else ctx.moveTo(p[0], p[1]);
        open = true;
      }
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
    this.drawAxes(ctx, axes, xOf, yOf, step, theme);
    this.canvas.setAttribute('aria-label', `${m.strings!.pcpTitle.replace('{0}', objective.name)}: ${trials.length}`);
  }

  private drawAxes(ctx: CanvasRenderingContext2D, axes: SweepParamView[], xOf: (i: number) => number, yOf: (q: number) => number, step: number, theme: ReturnType<typeof chartTheme>): void {
    ctx.font = `11px ${theme.fontFamily}`;
    ctx.textBaseline = 'middle';
    axes.forEach((p, i) => {
      const x = xOf(i);
      const last = i === axes.length - 1;
      if (last) {
        // The colour bar: the objective's colour from worst to best along its axis.
        for (let k = 0; k <= 40; k++) {
          ctx.fillStyle = valueColor(this.model.quality(p.low + ((p.high - p.low) * k) / 40));
          ctx.fillRect(x - 3, yOf(k / 40) - 4, 6, 5);
        }
      }
      ctx.strokeStyle = theme.foreground;
      ctx.globalAlpha = 0.6;
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(x, yOf(0));
      ctx.lineTo(x, yOf(1));
      ctx.stroke();
      ctx.globalAlpha = 1;
      ctx.fillStyle = theme.foreground;
      ctx.textAlign = 'right';
      for (const [q, text] of last ? [[0, formatValue(p.low)], [1, formatValue(p.high)]] as [number, string][] : axisTicks(p)) {
        ctx.fillText(text, x - 5, yOf(q));
      }
      ctx.textAlign = 'center';
      ctx.font = `600 11px ${theme.fontFamily}`;
      ctx.fillText(this.fit(ctx, p.name, Math.max(40, step - 6)), x, MARGIN.top - 18);
      ctx.font = `11px ${theme.fontFamily}`;
    });
  }

  /** The name shortened with an ellipsis to `width` pixels (a long Keras path keeps its end). */
  private fit(ctx: CanvasRenderingContext2D, text: string, width: number): string {
    if (ctx.measureText(text).width <= width) return text;
    let s = text;
    while (s.length > 1 && ctx.measureText(`…${s}`).width > width) s = s.slice(1);
    return `…${s}`;
  }
}
