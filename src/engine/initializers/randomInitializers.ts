/**
 * The fixed-parameter random initializers of keras/src/initializers/random_initializers.py:
 * RandomUniform(minval=-0.05, maxval=0.05), RandomNormal(mean=0.0, stddev=0.05) and
 * TruncatedNormal(mean=0.0, stddev=0.05). Their spread ignores the fans; the fan-scaled ones
 * (Glorot, He, LeCun) live in varianceScaling.ts. Arguments are validated by the registry.
 */
import type { Rng } from '../rng';
import { checkFillSize, fillNormal, fillTruncatedNormal, fillUniform, rngFor, TRUNCATED_NORMAL_STDDEV_RATIO } from './sampling';
import { formatNumber, normalSummary, uniformSummary } from './initializerDescription';
import type { DescribableInitializer, NormalDescription, UniformDescription } from './initializerDescription';

export class RandomUniform implements DescribableInitializer {
  readonly name = 'random_uniform';

  constructor(
    readonly minval = -0.05,
    readonly maxval = 0.05,
    readonly seed: number | null = null,
  ) {}

  fill(out: Float32Array, shape: readonly number[], rng: Rng): void {
    checkFillSize(this.name, out, shape);
    fillUniform(out, this.minval, this.maxval, rngFor(this.seed, rng));
  }

  describe(): UniformDescription {
    const { minval, maxval } = this;
    return {
      kind: 'uniform', initializer: this.name, minval, maxval,
      limit: minval === -maxval ? maxval : null,
      formula: `minval = ${formatNumber(minval)}, maxval = ${formatNumber(maxval)}`,
      summary: uniformSummary(minval, maxval),
    };
  }

  /** Keras order: base config (seed) first, then the arguments. */
  getConfig(): Record<string, number | string | null> {
    return { seed: this.seed, minval: this.minval, maxval: this.maxval };
  }
}

export class RandomNormal implements DescribableInitializer {
  readonly name = 'random_normal';

  constructor(
    readonly mean = 0.0,
    readonly stddev = 0.05,
    readonly seed: number | null = null,
  ) {}

  fill(out: Float32Array, shape: readonly number[], rng: Rng): void {
    checkFillSize(this.name, out, shape);
    fillNormal(out, this.mean, this.stddev, rngFor(this.seed, rng));
  }

  describe(): NormalDescription {
    const { mean, stddev } = this;
    return {
      kind: 'normal', initializer: this.name, mean, stddev, samplingStddev: stddev, truncated: false, bound: null,
      formula: `mean = ${formatNumber(mean)}, stddev = ${formatNumber(stddev)}`,
      summary: normalSummary(mean, stddev, stddev, false),
    };
  }

  getConfig(): Record<string, number | string | null> {
    return { seed: this.seed, mean: this.mean, stddev: this.stddev };
  }
}

/**
 * Unlike VarianceScaling, TruncatedNormal does not correct for the truncation: `stddev` is the
 * sampler's, so the values come out with stddev·0.8796 (the docstring: "values more than two standard
 * deviations from the mean are discarded and re-drawn").
 */
export class TruncatedNormal implements DescribableInitializer {
  readonly name = 'truncated_normal';

  constructor(
    readonly mean = 0.0,
    readonly stddev = 0.05,
    readonly seed: number | null = null,
  ) {}

  fill(out: Float32Array, shape: readonly number[], rng: Rng): void {
    checkFillSize(this.name, out, shape);
    fillTruncatedNormal(out, this.mean, this.stddev, rngFor(this.seed, rng));
  }

  describe(): NormalDescription {
    const { mean, stddev } = this;
    const effective = Math.abs(stddev) * TRUNCATED_NORMAL_STDDEV_RATIO;
    return {
      kind: 'normal', initializer: this.name, mean, stddev: effective, samplingStddev: stddev, truncated: true,
      bound: 2 * Math.abs(stddev),
      formula: `mean = ${formatNumber(mean)}, stddev = ${formatNumber(stddev)} before truncation at 2 stddev`,
      summary: normalSummary(mean, effective, stddev, true),
    };
  }

  getConfig(): Record<string, number | string | null> {
    return { seed: this.seed, mean: this.mean, stddev: this.stddev };
  }
}
