/**
 * A chart's points, appended one by one and kept to at most 2 × budget: when full, every other point
 * goes (the last always stays). Appending is amortised O(1) and drawing costs the same at epoch 10,000
 * as at epoch 2,000, which is what keeps the panel's frame time flat on long runs. Optional smoothing is
 * TensorBoard's: an exponential moving average, debiased for its first points.
 */
export interface XY {
  x: number;
  y: number | null;
}

export class ThinnedSeries {
  readonly points: XY[] = [];
  private ema = 0;
  private emaWeight = 0;

  constructor(private readonly budget: number, private readonly smoothing = 0) {}

  push(x: number, y: number | null): void {
    let v = y;
    if (y !== null && this.smoothing > 0) {
      // TensorBoard (tensorboard/plugins/scalar): last = last·w + (1 − w)·y, divided by 1 − w^n.
      this.ema = this.ema * this.smoothing + (1 - this.smoothing) * y;
      this.emaWeight = this.emaWeight * this.smoothing + (1 - this.smoothing);
      v = this.ema / this.emaWeight;
    }
    this.points.push({ x, y: v });
    if (this.points.length > 2 * this.budget) {
      let w = 0;
      for (let i = 0; i < this.points.length - 1; i += 2) this.points[w++] = this.points[i]!;
      this.points[w++] = this.points[this.points.length - 1]!;
      this.points.length = w;
    }
  }
}
