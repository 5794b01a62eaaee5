/**
 * Feature standardization, z = (x - mean) / std per column, with the statistics fitted on the
 * training rows only and then applied unchanged to validation rows (fitting on all rows would leak
 * validation data into training). std is the population standard deviation (ddof = 0, as
 * scikit-learn's StandardScaler); a constant column gets std 1, so it maps to 0 instead of NaN.
 * Not here: target scaling (targets are left as they are).
 */
import type { Dataset } from './dataset';

export interface Standardization {
  /** Per feature column. */
  readonly mean: readonly number[];
  /** Per feature column; 1 where the training column is constant. */
  readonly std: readonly number[];
}

/** Column means and standard deviations of `d.x`, accumulated in float64. */
export function fitStandardization(d: Dataset): Standardization {
  const mean = new Array<number>(d.features).fill(0);
  const sumSq = new Array<number>(d.features).fill(0);
  for (let r = 0; r < d.n; r++) {
    for (let c = 0; c < d.features; c++) mean[c]! += d.x[r * d.features + c]! * d.xScale;
  }
  for (let c = 0; c < d.features; c++) mean[c] = d.n > 0 ? mean[c]! / d.n : 0;
  for (let r = 0; r < d.n; r++) {
    for (let c = 0; c < d.features; c++) {
      const delta = d.x[r * d.features + c]! * d.xScale - mean[c]!;
      sumSq[c]! += delta * delta;
    }
  }
  const std = sumSq.map((s) => {
    const sd = d.n > 0 ? Math.sqrt(s / d.n) : 0;
    return sd > 0 ? sd : 1;
  });
  return { mean, std };
}

/** A copy of `d` with every feature column standardized by `s`. */
export function applyStandardization(d: Dataset, s: Standardization): Dataset {
  if (s.mean.length !== d.features) throw new Error(`applyStandardization: ${s.mean.length} statistics for ${d.features} features`);
  const x = new Float32Array(d.x.length);
  for (let r = 0; r < d.n; r++) {
    for (let c = 0; c < d.features; c++) {
      const i = r * d.features + c;
      x[i] = (d.x[i]! * d.xScale - s.mean[c]!) / s.std[c]!;
    }
  }
  return { ...d, x, xScale: 1 };
}
