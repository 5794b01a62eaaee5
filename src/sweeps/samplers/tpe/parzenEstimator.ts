/**
 * TPE's univariate Parzen estimator (optuna/samplers/_tpe/parzen_estimator.py, Optuna 3.1; the
 * univariate kernels of 4.x are the same): a mixture of one kernel per observation plus a prior
 * kernel, weighted by default_weights (flat for the newest 25, ramped below) and prior_weight 1.
 * A number is a truncated normal on the distribution's range (log-scaled for log distributions,
 * half a step wider for stepped/int ones) centred on each observation, its bandwidth the larger gap
 * to a sorted neighbour (the ends taking their inner gap, consider_endpoints False), clipped to
 * [(high − low) / min(100, 1 + n), high − low] (consider_magic_clip); the prior sits at the middle with
 * bandwidth high − low. A categorical kernel puts prior_weight / (n + 1) on every choice plus 1 on
 * its own. Observations are in Optuna's internal representation (a categorical's choice index).
 */
import type { Distribution } from '../../distributions';
import { argsort, pairwiseSum, roundHalfEven } from '../../numpy/numeric';
import type { RandomState } from '../../numpy/randomState';
import { clip } from '../searchSpaceTransform';
import { logGaussMass, logpdf, rvs } from './truncnorm';

export const PRIOR_WEIGHT = 1.0;

/** np.linspace(start, stop, num) (the last point exactly stop). */
function linspace(start: number, stop: number, num: number): number[] {
  if (num === 1) return [start];
  const step = (stop - start) / (num - 1);
  return Array.from({ length: num }, (_, i) => (i === num - 1 ? stop : i * step + start));
}

/** TPESampler's default_weights(n): ones for n < 25, else a ramp from 1/n to 1 then 25 ones. */
export function defaultWeights(n: number): number[] {
  if (n === 0) return [];
  if (n < 25) return new Array<number>(n).fill(1);
  return [...linspace(1 / n, 1, n - 25), ...new Array<number>(25).fill(1)];
}

export class ParzenEstimator {
  /** Mixture weights: one per observation, then the prior's; summing to 1. */
  readonly weights: Float64Array;
  private readonly low: number = 0;
  private readonly high: number = 0;
  private readonly q: number | null = null;
  readonly mus: Float64Array = new Float64Array(0);
  readonly sigmas: Float64Array = new Float64Array(0);
  /** Categorical: (n + 1) × choices kernel weights, rows summing to 1. */
  readonly categoricalWeights: Float64Array[] = [];

  constructor(observations: readonly number[], private readonly d: Distribution) {
    const n = observations.length;
    const w = [...defaultWeights(n).slice(0, n), PRIOR_WEIGHT];
    const sum = pairwiseSum(w);
    this.weights = Float64Array.from(w, (x) => x / sum);
    if (d.kind === 'categorical') {
      this.categoricalWeights = this.categoricalKernels(observations);
      return;
    }
    if (d.kind === 'float' && d.log) [this.low, this.high] = [Math.log(d.low), Math.log(d.high)];
    else if (d.kind === 'int' && d.log) [this.low, this.high] = [Math.log(d.low - 0.5), Math.log(d.high + 0.5)];
    else if (d.step !== null) [this.q, this.low, this.high] = [d.step, d.low - 0.5 * d.step, d.high + 0.5 * d.step];
    else [this.low, this.high] = [d.low, d.high];
    const obs = d.log ? observations.map(Math.log) : observations;
    [this.mus, this.sigmas] = this.numericalKernels(obs);
  }

  private categoricalKernels(obs: readonly number[]): Float64Array[] {
    const choices = (this.d as { choices: readonly unknown[] }).choices.length, n = obs.length;
    const value = PRIOR_WEIGHT / (n + 1);
    const rows = Array.from({ length: n + 1 }, () => new Float64Array(choices).fill(value));
    obs.forEach((o, i) => { rows[i]![Math.trunc(o)]! += 1; });
    for (const row of rows) {
      const s = pairwiseSum(row);
      for (let c = 0; c < choices; c++) row[c] = row[c]! / s;
    }
    return rows;
  }

  private numericalKernels(obs: readonly number[]): [Float64Array, Float64Array] {
    const { low, high } = this, n = obs.length;
    const mus = Float64Array.from([...obs, 0.5 * (low + high)]);
    const order = argsort(mus);
    const ext = [low, ...Array.from(order, (i) => mus[i]!), high];
    const sorted = Float64Array.from({ length: mus.length }, (_, i) => Math.max(ext[i + 1]! - ext[i]!, ext[i + 2]! - ext[i + 1]!));
    if (ext.length >= 4) {
      sorted[0] = ext[2]! - ext[1]!;
      sorted[sorted.length - 1] = ext[ext.length - 2]! - ext[ext.length - 3]!;
    }
    const sigmas = new Float64Array(mus.length);
    order.forEach((orig, pos) => { sigmas[orig] = sorted[pos]!; });
    const maxSigma = 1.0 * (high - low), minSigma = (1.0 * (high - low)) / Math.min(100.0, 1.0 + mus.length);
    for (let i = 0; i < sigmas.length; i++) sigmas[i] = clip(sigmas[i]!, minSigma, maxSigma);
    sigmas[n] = 1.0 * (high - low);
    return [mus, sigmas];
  }

  /** `size` draws (internal representation): components by weight, then each from its kernel. */
  sample(rng: RandomState, size: number): Float64Array {
    const active = rng.choiceWeighted(this.weights, size);
    const d = this.d;
    if (d.kind === 'categorical') {
      const u = rng.rand(size);
      return Float64Array.from(active, (k, s) => {
        let count = 0, cum = 0;
        for (const p of this.categoricalWeights[k]!) if ((cum += p) < u[s]!) count++;
        return count;
      });
    }
    const mu = Float64Array.from(active, (k) => this.mus[k]!), sigma = Float64Array.from(active, (k) => this.sigmas[k]!);
    const a = mu.map((m, i) => (this.low - m) / sigma[i]!), b = mu.map((m, i) => (this.high - m) / sigma[i]!);
    const x = rvs(a, b, mu, sigma, rng);
    return x.map((v) => this.fromUniform(v));
  }

  private fromUniform(v: number): number {
    const d = this.d;
    if (d.kind === 'float') {
      if (d.log) return Math.exp(v);
      if (d.step === null) return v;
      return clip(roundHalfEven((v - d.low) / this.q!) * this.q! + d.low, d.low, d.high);
    }
    if (d.kind === 'int') {
      if (d.log) return clip(roundHalfEven(Math.exp(v)), d.low, d.high);
      return clip(roundHalfEven((v - d.low) / this.q!) * this.q! + d.low, d.low, d.high);
    }
    return v;
  }

  /** log density of each sample under the mixture (log-sum-exp over the kernels). */
  logPdf(samples: ArrayLike<number>): Float64Array {
    const d = this.d, k = this.weights.length;
    const logW = this.weights.map(Math.log);
    if (d.kind === 'categorical') {
      // The single-categorical shortcut: log Σ_k w_k·kernel_k(choice).
      const choices = this.categoricalWeights[0]!.length;
      const mix = Float64Array.from({ length: choices }, (_, c) => this.categoricalWeights.reduce((s, row, j) => s + row[c]! * this.weights[j]!, 0));
      return Float64Array.from(samples, (x) => Math.log(mix[Math.trunc(x)]!));
    }
    const { low, high, q, mus, sigmas } = this;
    const logAccept = q === null ? null : Float64Array.from(mus, (m, j) => logGaussMass((low - m) / sigmas[j]!, (high - m) / sigmas[j]!));
    return Float64Array.from(samples, (raw) => {
      const x = d.log ? Math.log(raw) : raw;
      const terms = new Float64Array(k);
      for (let j = 0; j < k; j++) {
        const m = mus[j]!, s = sigmas[j]!;
        const lp = q === null
          ? logpdf(x, (low - m) / s, (high - m) / s, m, s)
          : logGaussMass((Math.max(x - q / 2, low) - m) / s, (Math.min(x + q / 2, high) - m) / s) - logAccept![j]!;
        terms[j] = lp + logW[j]!;
      }
      let max = -Infinity;
      for (const t of terms) if (t > max) max = t;
      return Math.log(pairwiseSum(terms.map((t) => Math.exp(t - max)))) + max;
    });
  }
}
