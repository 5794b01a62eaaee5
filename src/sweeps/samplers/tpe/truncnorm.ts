/**
 * The truncated normal distribution as Optuna's TPE computes it (optuna/samplers/_tpe/_truncnorm.py,
 * which follows SciPy's truncnorm): log Φ with an asymptotic series far in the left tail, the log of
 * the Gaussian mass between two bounds worked in the left tail for accuracy, the quantile function by
 * 100 bisection steps on log Φ, and rvs/logpdf for a standard normal truncated to [a, b] then scaled
 * and shifted. One value at a time; the callers loop.
 */
import { RandomState } from '../../numpy/randomState';
import { erf, erfc } from './erf';

const SQRT2 = 2 ** 0.5;
const NORM_PDF_LOG_C = Math.log(Math.sqrt(2 * Math.PI));
const LOG2 = Math.LN2;

/** Φ(a) with math.erf/erfc, as _ndtr_single. */
function ndtrSingle(a: number): number {
  const x = a / SQRT2;
  if (x < -1 / SQRT2) return 0.5 * erfc(-x);
  if (x < 1 / SQRT2) return 0.5 + 0.5 * erf(x);
  return 1 - 0.5 * erfc(x);
}

/** Φ(a) with Optuna's vectorized erf, as _ndtr. */
const ndtr = (a: number): number => 0.5 + 0.5 * erf(a / SQRT2, false);

/** log Φ(a) (_log_ndtr_single): −Φ(−a) above 6, log Φ above −20, else the asymptotic expansion. */
export function logNdtr(a: number): number {
  if (a > 6) return -ndtrSingle(-a);
  if (a > -20) return Math.log(ndtrSingle(a));
  const logLhs = -0.5 * a ** 2 - Math.log(-a) - 0.5 * Math.log(2 * Math.PI);
  let lastTotal = 0, rhs = 1, numerator = 1, denomFactor = 1, sign = 1, i = 0;
  const denomCons = 1 / a ** 2;
  while (Math.abs(lastTotal - rhs) > Number.EPSILON) {
    i += 1;
    lastTotal = rhs;
    sign = -sign;
    denomFactor *= denomCons;
    numerator *= 2 * i - 1;
    rhs += sign * numerator * denomFactor;
  }
  return logLhs + Math.log(rhs);
}

/** np.logaddexp. */
export function logAddExp(x: number, y: number): number {
  if (x === y) return x + LOG2;
  const d = x - y;
  if (d > 0) return x + Math.log1p(Math.exp(-d));
  if (d <= 0) return y + Math.log1p(Math.exp(d));
  return x + y; // NaN
}

const logDiff = (p: number, q: number): number => p + Math.log1p(-Math.exp(q - p));

/** log(Φ(b) − Φ(a)): worked in the left tail (by symmetry on the right), log1p in the middle. */
export function logGaussMass(a: number, b: number): number {
  if (b <= 0) return logDiff(logNdtr(b), logNdtr(a));
  if (a > 0) return logDiff(logNdtr(-a), logNdtr(-b));
  return Math.log1p(-ndtr(a) - ndtr(-b));
}

/** _bisect: 100 halvings of [a, b] toward f(x) = c (f increasing). */
function bisect(f: (x: number) => number, a: number, b: number, c: number): number {
  if (f(a) > c) [a, b] = [b, a];
  let m = a;
  for (let k = 0; k < 100; k++) {
    m = (a + b) / 2;
    if (f(m) < c) a = m;
    else b = m;
  }
  return m;
}

const ndtriExp = (y: number): number => bisect(logNdtr, -100, 100, y);

/** The q-quantile of the standard normal truncated to [a, b]. */
export function ppf(q: number, a: number, b: number): number {
  if (a === b) return Number.NaN;
  if (q === 0) return a;
  if (q === 1) return b;
  if (a < 0) return ndtriExp(logAddExp(logNdtr(a), Math.log(q) + logGaussMass(a, b)));
  return -ndtriExp(logAddExp(logNdtr(-b), Math.log1p(-q) + logGaussMass(a, b)));
}

/** rvs: one uniform draw per sample (rng.uniform(0, 1, size)), then the quantile, scaled and shifted. */
export function rvs(a: ArrayLike<number>, b: ArrayLike<number>, loc: ArrayLike<number>, scale: ArrayLike<number>, rng: RandomState): Float64Array {
  const n = a.length;
  const q = rng.uniform(new Float64Array(n), new Float64Array(n).fill(1));
  return Float64Array.from({ length: n }, (_, i) => ppf(q[i]!, a[i]!, b[i]!) * scale[i]! + loc[i]!);
}

/** log density at x of N(loc, scale²) truncated to [loc + a·scale, loc + b·scale]. */
export function logpdf(x: number, a: number, b: number, loc: number, scale: number): number {
  const z = (x - loc) / scale;
  if (a === b) return Number.NaN;
  if (z < a || b < z) return -Infinity;
  return -(z * z) / 2 - NORM_PDF_LOG_C - logGaussMass(a, b);
}
