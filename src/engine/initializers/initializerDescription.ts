/**
 * What an initializer will draw for a weight with given fans, as plain numbers and two short strings
 * (a formula and a summary) that the editor's hovers show: "glorot_uniform on a (784, 512) kernel is
 * uniform on [-0.06804, 0.06804]". It describes; it never samples.
 */
import type { Initializer } from './initializer';

interface DescriptionText {
  /** Keras name of the initializer: 'glorot_uniform', 'random_normal', ... */
  readonly initializer: string;
  /** The rule with the fans filled in: "limit = √(6 / (fan_in + fan_out)) = √(6 / 1296) = 0.06804". */
  readonly formula: string;
  /** The resulting distribution: "uniform on [-0.06804, 0.06804]". */
  readonly summary: string;
}

export interface UniformDescription extends DescriptionText {
  readonly kind: 'uniform';
  readonly minval: number;
  readonly maxval: number;
  /** Half-width when the range is symmetric (VarianceScaling's `limit`), else null. */
  readonly limit: number | null;
}

export interface NormalDescription extends DescriptionText {
  readonly kind: 'normal';
  readonly mean: number;
  /** Standard deviation of the values produced (after truncation when truncated). */
  readonly stddev: number;
  /** The stddev handed to the sampler; differs from `stddev` only when truncated. */
  readonly samplingStddev: number;
  readonly truncated: boolean;
  /** Values lie in mean ± bound (bound = 2·samplingStddev) when truncated; null otherwise. */
  readonly bound: number | null;
}

export interface ConstantDescription extends DescriptionText {
  readonly kind: 'constant';
  readonly value: number;
}

export type InitializerDescription = UniformDescription | NormalDescription | ConstantDescription;

/** The engine's initializers also know how to describe themselves for given fans. */
export interface DescribableInitializer extends Initializer {
  describe(fanIn: number, fanOut: number): InitializerDescription;
}

/** A short decimal for hovers: 4 significant digits, no trailing zeros. */
export function formatNumber(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(4)));
}

/** A count of units (a fan, a sum of fans): as an integer when it is one, else like formatNumber. */
export function formatCount(x: number): string {
  const rounded = Math.round(x);
  return Math.abs(x - rounded) <= 1e-9 * Math.max(1, Math.abs(x)) ? String(rounded) : formatNumber(x);
}

export function uniformSummary(minval: number, maxval: number): string {
  return `uniform on [${formatNumber(minval)}, ${formatNumber(maxval)}]`;
}

export function normalSummary(mean: number, stddev: number, samplingStddev: number, truncated: boolean): string {
  const head = `${truncated ? 'truncated normal' : 'normal'}, mean ${formatNumber(mean)}, stddev ${formatNumber(stddev)}`;
  if (!truncated) return head;
  return `${head} (drawn with stddev ${formatNumber(samplingStddev)}, re-drawn beyond ±${formatNumber(2 * samplingStddev)})`;
}
