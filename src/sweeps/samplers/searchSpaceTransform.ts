/**
 * Optuna's _SearchSpaceTransform (optuna/_transform.py) for one distribution: a parameter as columns
 * of a continuous space — a number as one column (log-scaled for log distributions, widened by half a
 * step each side for stepped ones when `transformStep`), a categorical one-hot over its choices —
 * and back. RandomSampler draws uniformly in these bounds; fANOVA fits its forest on these columns
 * (with transformLog and transformStep off).
 */
import type { ParamValue } from '../applyParameters';
import { type Distribution, isSingle, toExternal, toInternal } from '../distributions';
import { nextDown, roundHalfEven } from '../numpy/numeric';

export interface TransformOptions {
  readonly transformLog: boolean;
  readonly transformStep: boolean;
}

export const SAMPLING: TransformOptions = { transformLog: true, transformStep: true };
export const RAW: TransformOptions = { transformLog: false, transformStep: false };

const numeric = (x: number, d: Distribution, o: TransformOptions): number => (d.kind !== 'categorical' && d.log && o.transformLog ? Math.log(x) : x);

/** The [low, high] rows of a parameter's columns. */
export function columnBounds(d: Distribution, o: TransformOptions): [number, number][] {
  if (d.kind === 'categorical') return d.choices.map(() => [0, 1]);
  const half = o.transformStep && d.step !== null ? 0.5 * d.step : 0;
  if (d.kind === 'int' && d.log) return [[numeric(d.low - half, d, o), numeric(d.high + half, d, o)]];
  return [[numeric(d.low, d, o) - half, numeric(d.high, d, o) + half]];
}

/** transform(): the columns of one parameter value. */
export function toColumns(d: Distribution, value: ParamValue, o: TransformOptions): number[] {
  if (d.kind === 'categorical') {
    const cols = d.choices.map(() => 0);
    cols[toInternal(d, value)] = 1;
    return cols;
  }
  return [numeric(value as number, d, o)];
}

/** untransform(): a parameter value from its columns (a categorical takes its largest column). */
export function fromColumns(d: Distribution, cols: ArrayLike<number>, o: TransformOptions): ParamValue {
  if (d.kind === 'categorical') {
    let best = 0;
    for (let i = 1; i < cols.length; i++) if (cols[i]! > cols[best]!) best = i;
    return toExternal(d, best);
  }
  const x = cols[0]!;
  if (d.kind === 'float') {
    if (d.log) {
      const v = o.transformLog ? Math.exp(x) : x;
      return isSingle(d) ? v : Math.min(v, nextDown(d.high));
    }
    if (d.step !== null) return clip(roundHalfEven((x - d.low) / d.step) * d.step + d.low, d.low, d.high);
    return isSingle(d) ? x : Math.min(x, nextDown(d.high));
  }
  if (d.log) return o.transformLog ? Math.trunc(clip(roundHalfEven(Math.exp(x)), d.low, d.high)) : Math.trunc(x);
  return Math.trunc(clip(roundHalfEven((x - d.low) / d.step) * d.step + d.low, d.low, d.high));
}

export const clip = (x: number, lo: number, hi: number): number => Math.min(Math.max(x, lo), hi);
