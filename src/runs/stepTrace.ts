/**
 * A bounded, append-only sample of a run's per-batch losses: every `stride`-th step is kept, and the
 * stride doubles each time `budget` points have been kept at the current stride. Earlier points are
 * never dropped (the store and the panel only append), so N steps keep budget × (1 + log2(N / budget))
 * points at most — 1,000 steps all, 250,000 steps (10,000 epochs of 25 batches) about 9,000 — densest
 * at the start where the loss changes fastest. Readers thin further to draw.
 */
export class StepTrace {
  private stride = 1;
  private seen = 0;
  private keptAtStride = 0;

  constructor(private readonly budget: number) {}

  /** True when the next step should be kept; call once per step, in order. */
  keep(): boolean {
    const take = this.seen++ % this.stride === 0;
    if (!take) return false;
    if (++this.keptAtStride >= this.budget) {
      this.stride *= 2;
      this.keptAtStride = 0;
      this.seen = 0;
    }
    return true;
  }
}

/** Every n-th item so that at most `max` remain (the last item always kept): for drawing. */
export function thin<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const every = Math.ceil(items.length / max);
  const out = items.filter((_, i) => i % every === 0);
  if ((items.length - 1) % every !== 0) out.push(items[items.length - 1]!);
  return out;
}
