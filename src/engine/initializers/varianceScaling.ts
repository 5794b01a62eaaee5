/**
 * VarianceScaling and the six named initializers Keras builds on it (GlorotUniform, GlorotNormal,
 * HeUniform, HeNormal, LecunUniform, LecunNormal), following keras/src/initializers/random_initializers.py.
 * The spread adapts to the weight's fans; the fixed-spread initializers are in randomInitializers.ts.
 *
 * VarianceScaling.__call__: n = fan_in | fan_out | (fan_in + fan_out) / 2 by `mode`, then
 * s = scale / max(1, n);
 *   truncated_normal   → truncated normal with stddev √s / 0.87962566103423978 (so that the values,
 *                        after truncation at 2 stddev, have stddev √s);
 *   untruncated_normal → normal with stddev √s;
 *   uniform            → U(-limit, limit) with limit = √(3·s) (a uniform variable has variance limit²/3).
 */
import type { Rng } from '../rng';
import { computeFans } from './computeFans';
import { formatCount, formatNumber, normalSummary, uniformSummary } from './initializerDescription';
import type { DescribableInitializer, InitializerDescription } from './initializerDescription';
import { checkFillSize, fillNormal, fillTruncatedNormal, fillUniform, rngFor, TRUNCATED_NORMAL_STDDEV_RATIO } from './sampling';

export type FanMode = 'fan_in' | 'fan_out' | 'fan_avg';
export type VarianceScalingDistribution = 'truncated_normal' | 'untruncated_normal' | 'uniform';

export const FAN_MODES: readonly FanMode[] = ['fan_in', 'fan_out', 'fan_avg'];
export const VARIANCE_SCALING_DISTRIBUTIONS: readonly VarianceScalingDistribution[] = ['truncated_normal', 'untruncated_normal', 'uniform'];

/** s = scale / max(1, n): the variance the values must have. */
export function scaledVariance(scale: number, mode: FanMode, fanIn: number, fanOut: number): number {
  const n = mode === 'fan_in' ? fanIn : mode === 'fan_out' ? fanOut : (fanIn + fanOut) / 2;
  return scale / Math.max(1, n);
}

export class VarianceScaling implements DescribableInitializer {
  readonly name: string = 'variance_scaling';

  constructor(
    readonly scale = 1.0,
    readonly mode: FanMode = 'fan_in',
    readonly distribution: VarianceScalingDistribution = 'truncated_normal',
    readonly seed: number | null = null,
  ) {}

  fill(out: Float32Array, shape: readonly number[], rng: Rng): void {
    checkFillSize(this.name, out, shape);
    const { fanIn, fanOut } = computeFans(shape);
    const s = scaledVariance(this.scale, this.mode, fanIn, fanOut);
    const source = rngFor(this.seed, rng);
    if (this.distribution === 'truncated_normal') fillTruncatedNormal(out, 0, Math.sqrt(s) / TRUNCATED_NORMAL_STDDEV_RATIO, source);
    else if (this.distribution === 'untruncated_normal') fillNormal(out, 0, Math.sqrt(s), source);
    else {
      const limit = Math.sqrt(3 * s);
      fillUniform(out, -limit, limit, source);
    }
  }

  describe(fanIn: number, fanOut: number): InitializerDescription {
    const s = scaledVariance(this.scale, this.mode, fanIn, fanOut);
    const uniform = this.distribution === 'uniform';
    // Write s (or 3·s) as numerator / denominator in the usual textbook form: √(6 / (fan_in + fan_out)).
    const numerator = (uniform ? 3 : 1) * this.scale * (this.mode === 'fan_avg' ? 2 : 1);
    const symbol = this.mode === 'fan_avg' ? '(fan_in + fan_out)' : this.mode;
    const denominator = numerator / ((uniform ? 3 : 1) * s);
    const rule = `√(${formatNumber(numerator)} / ${symbol}) = √(${formatNumber(numerator)} / ${formatCount(denominator)})`;
    if (uniform) {
      const limit = Math.sqrt(3 * s);
      return {
        kind: 'uniform', initializer: this.name, minval: -limit, maxval: limit, limit,
        formula: `limit = ${rule} = ${formatNumber(limit)}`,
        summary: uniformSummary(-limit, limit),
      };
    }
    const truncated = this.distribution === 'truncated_normal';
    const stddev = Math.sqrt(s);
    const samplingStddev = truncated ? stddev / TRUNCATED_NORMAL_STDDEV_RATIO : stddev;
    return {
      kind: 'normal', initializer: this.name, mean: 0, stddev, samplingStddev, truncated,
      bound: truncated ? 2 * samplingStddev : null,
      formula: `stddev = ${rule} = ${formatNumber(stddev)}${truncated ? ` (sampled with ${formatNumber(stddev)} / 0.8796 = ${formatNumber(samplingStddev)})` : ''}`,
      summary: normalSummary(0, stddev, samplingStddev, truncated),
    };
  }

  getConfig(): Record<string, number | string | null> {
    return { seed: this.seed, scale: this.scale, mode: this.mode, distribution: this.distribution };
  }
}

/**
 * The named subclasses fix (scale, mode, distribution) and, like Keras, report only the seed in
 * their config. Each constructor matches the Keras class of the same name.
 */
abstract class NamedVarianceScaling extends VarianceScaling {
  override getConfig(): Record<string, number | string | null> {
    return { seed: this.seed };
  }
}

/** limit = √(6 / (fan_in + fan_out)) (Glorot & Bengio 2010). */
export class GlorotUniform extends NamedVarianceScaling {
  override readonly name = 'glorot_uniform';
  constructor(seed: number | null = null) { super(1.0, 'fan_avg', 'uniform', seed); }
}

/** Truncated normal with stddev √(2 / (fan_in + fan_out)) after truncation. */
export class GlorotNormal extends NamedVarianceScaling {
  override readonly name = 'glorot_normal';
  constructor(seed: number | null = null) { super(1.0, 'fan_avg', 'truncated_normal', seed); }
}

/** limit = √(6 / fan_in) (He et al. 2015). */
export class HeUniform extends NamedVarianceScaling {
  override readonly name = 'he_uniform';
  constructor(seed: number | null = null) { super(2.0, 'fan_in', 'uniform', seed); }
}

/** Truncated normal with stddev √(2 / fan_in) after truncation. */
export class HeNormal extends NamedVarianceScaling {
  override readonly name = 'he_normal';
  constructor(seed: number | null = null) { super(2.0, 'fan_in', 'truncated_normal', seed); }
}

/** limit = √(3 / fan_in) (Klambauer et al. 2017). */
export class LecunUniform extends NamedVarianceScaling {
  override readonly name = 'lecun_uniform';
  constructor(seed: number | null = null) { super(1.0, 'fan_in', 'uniform', seed); }
}

/** Truncated normal with stddev √(1 / fan_in) after truncation. */
export class LecunNormal extends NamedVarianceScaling {
  override readonly name = 'lecun_normal';
  constructor(seed: number | null = null) { super(1.0, 'fan_in', 'truncated_normal', seed); }
}
