/**
 * The error function and the standard normal distribution, for the exact GELU. JavaScript has no
 * Math.erf, so this computes it in double precision (far beyond the float32 the engine stores):
 *   |x| < 3: erf(x) = (2/√π)·e^(−x²)·Σₙ (2x²)ⁿ·x / (1·3·5···(2n+1))   (all terms positive: no cancellation)
 *   |x| ≥ 3: erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + (2/2)/(x + (3/2)/(x + ...))))   (Laplace's continued
 *            fraction, evaluated bottom-up; it converges fast for large x)
 * Both are Abramowitz & Stegun 7.1.6 and 7.1.14. It is not a general special-function library.
 */

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
const INV_SQRT_PI = 1 / Math.sqrt(Math.PI);
const INV_SQRT_2 = 1 / Math.SQRT2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
/** Where the series hands over to the continued fraction. */
const SWITCH = 3;
/** Continued-fraction depth: at x = 3 the 60-term tail changes erfc by less than 1e-16 relative. */
const CF_TERMS = 60;

/** Power series for 0 <= x < SWITCH. */
function erfSeries(x: number): number {
  const twoX2 = 2 * x * x;
  let term = x, sum = x;
  for (let n = 1; n < 200; n++) {
    term *= twoX2 / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum;
}

/** Continued fraction for erfc(x), x >= SWITCH. */
function erfcFraction(x: number): number {
  if (x > 27) return 0; // e^(−x²) underflows double precision
  let f = x;
  for (let k = CF_TERMS; k >= 1; k--) f = x + k / 2 / f;
  return (INV_SQRT_PI * Math.exp(-x * x)) / f;
}

/** erf(x) = (2/√π) ∫₀ˣ e^(−t²) dt. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return x;
  const a = Math.abs(x);
  const r = a < SWITCH ? erfSeries(a) : 1 - erfcFraction(a);
  return x < 0 ? -r : r;
}

/** erfc(x) = 1 − erf(x), accurate in relative terms for large positive x. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x >= SWITCH) return erfcFraction(x);
  if (x <= -SWITCH) return 2 - erfcFraction(-x);
  return 1 - erf(x);
}

/** Φ(z): the standard normal CDF, 0.5·erfc(−z/√2). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z * INV_SQRT_2);
}

/** φ(z): the standard normal density, e^(−z²/2)/√(2π). */
export function normalPdf(z: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
}
