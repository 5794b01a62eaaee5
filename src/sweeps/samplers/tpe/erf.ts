/**
 * erf and erfc by Sun's fdlibm algorithm (s_erf.c: rational approximations on |x| < 0.84375,
 * [0.84375, 1.25), [1.25, 1/0.35), [1/0.35, 6 or 28) and the constants it publishes), which both
 * places TPE takes them from use: Python's math.erf/math.erfc (the C library's, fdlibm-derived) and
 * Optuna's vectorized copy in optuna/samplers/_tpe/_erf.py, which skips fdlibm's SET_LOW_WORD
 * splitting of x² (`exact` false). JavaScript has no Math.erf; the engine's own erf (GELU) is a series.
 */

const erx = 8.45062911510467529297e-01, efx = 1.28379167095512586316e-01;
const pp = [1.28379167095512558561e-01, -3.25042107247001499370e-01, -2.84817495755985104766e-02, -5.77027029648944159157e-03, -2.37630166566501626084e-05];
const qq = [1, 3.97917223959155352819e-01, 6.50222499887672944485e-02, 5.08130628187576562776e-03, 1.32494738004321644526e-04, -3.96022827877536812320e-06];
const pa = [-2.36211856075265944077e-03, 4.14856118683748331666e-01, -3.72207876035701323847e-01, 3.18346619901161753674e-01, -1.10894694282396677476e-01, 3.54783043256182359371e-02, -2.16637559486879084300e-03];
const qa = [1, 1.06420880400844228286e-01, 5.40397917702171048937e-01, 7.18286544141962662868e-02, 1.26171219808761642112e-01, 1.36370839120290507362e-02, 1.19844998467991074170e-02];
const ra = [-9.86494403484714822705e-03, -6.93858572707181764372e-01, -1.05586262253232909814e01, -6.23753324503260060396e01, -1.62396669462573470355e02, -1.84605092906711035994e02, -8.12874355063065934246e01, -9.81432934416914548592e00];
const sa = [1, 1.96512716674392571292e01, 1.37657754143519042600e02, 4.34565877475229228821e02, 6.45387271733267880336e02, 4.29008140027567833386e02, 1.08635005541779435134e02, 6.57024977031928170135e00, -6.04244152148580987438e-02];
const rb = [-9.86494292470009928597e-03, -7.99283237680523006574e-01, -1.77579549177547519889e01, -1.60636384855821916062e02, -6.37566443368389627722e02, -1.02509513161107724954e03, -4.83519191608651397019e02];
const sb = [1, 3.03380607434824582924e01, 3.25792512996573918826e02, 1.53672958608443695994e03, 3.19985821950859553908e03, 2.55305040643316442583e03, 4.74528541206955367215e02, -2.24409524465858183362e01];

/** c0 + s·(c1 + s·(c2 + ...)) — Horner, innermost first, as fdlibm writes it. */
function horner(c: readonly number[], s: number): number {
  let acc = c[c.length - 1]!;
  for (let i = c.length - 2; i >= 0; i--) acc = c[i]! + s * acc;
  return acc;
}

const f64 = new Float64Array(1), u32 = new Uint32Array(f64.buffer);
/** SET_LOW_WORD(x, 0): x with the low 32 bits of its mantissa cleared (little-endian hosts). */
function highPart(x: number): number {
  f64[0] = x;
  u32[0] = 0;
  return f64[0];
}

/** exp(−x² − 0.5625 + R/S) for x in [1.25, 28), split as fdlibm does when `exact`. */
function tail(x: number, exact: boolean): number {
  const s = 1 / (x * x);
  const [R, S] = x < 1 / 0.35 ? [horner(ra, s), horner(sa, s)] : [horner(rb, s), horner(sb, s)];
  if (!exact) return Math.exp(-x * x - 0.5625) * Math.exp(R / S);
  const z = highPart(x);
  return Math.exp(-z * z - 0.5625) * Math.exp((z - x) * (z + x) + R / S);
}

/** erf(x); `exact` false gives Optuna's vectorized variant. */
export function erf(x: number, exact = true): number {
  if (Number.isNaN(x)) return x;
  const a = Math.abs(x), sign = x < 0 ? -1 : 1;
  if (a < 2 ** -28) return x + efx * x;
  if (a < 0.84375) {
    const z = x * x;
    return x + x * (horner(pp, z) / horner(qq, z));
  }
  if (a < 1.25) {
    const s = a - 1;
    return sign * (erx + horner(pa, s) / horner(qa, s));
  }
  if (a >= 6) return sign;
  return sign * (1 - tail(a, exact) / a);
}

/** erfc(x) = 1 − erf(x) without the cancellation (Python's math.erfc). */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x === Infinity) return 0;
  if (x === -Infinity) return 2;
  const a = Math.abs(x);
  if (a < 0.84375) {
    if (a < 2 ** -56) return 1 - x;
    const z = x * x, y = horner(pp, z) / horner(qq, z);
    if (x < 0.25) return 1 - (x + x * y);
    return 0.5 - (x * y + (x - 0.5));
  }
  if (a < 1.25) {
    const s = a - 1, pq = horner(pa, s) / horner(qa, s);
    return x >= 0 ? 1 - erx - pq : 1 + (erx + pq);
  }
  if (a < 28) {
    if (x < -6) return 2;
    const r = tail(a, true);
    return x > 0 ? r / a : 2 - r / a;
  }
  return x > 0 ? 0 : 2;
}
