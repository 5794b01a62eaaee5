/**
 * The few numpy routines Optuna's samplers, pruners and fANOVA lean on, computed the way numpy 1.x
 * computes them so results agree to the last bit where order matters: pairwise summation
 * (np.sum / add.reduce on a contiguous float64 array), argsort's default introsort (its order of
 * equal keys is not stable and TPE's bandwidths depend on it), round-half-to-even (np.round),
 * nextafter toward −∞, nanpercentile with linear interpolation, and the weighted average.
 */

/** numpy's pairwise_sum for float64 (blocks of 8 partial sums up to 128 elements, halving above). */
export function pairwiseSum(a: ArrayLike<number>, from = 0, n = a.length - from): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[from + i]!;
    return res;
  }
  if (n <= 128) {
    const r = [a[from]!, a[from + 1]!, a[from + 2]!, a[from + 3]!, a[from + 4]!, a[from + 5]!, a[from + 6]!, a[from + 7]!];
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j] = r[j]! + a[from + i + j]!;
    let res = ((r[0]! + r[1]!) + (r[2]! + r[3]!)) + ((r[4]! + r[5]!) + (r[6]! + r[7]!));
    for (; i < n; i++) res += a[from + i]!;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, from, n2) + pairwiseSum(a, from + n2, n - n2);
}

/** numpy's "less than" for floats: NaN sorts last. */
const lt = (a: number, b: number): boolean => a < b || (b !== b && a === a);

/** np.argsort(v) with the default kind (numpy's aquicksort: median-of-3 introsort, insertion sort below 17). */
export function argsort(v: ArrayLike<number>): Int32Array {
  const n = v.length;
  const idx = new Int32Array(n).map((_, i) => i);
  if (n < 2) return idx;
  const swap = (i: number, j: number) => { const t = idx[i]!; idx[i] = idx[j]!; idx[j] = t; };
  const stack: number[] = [];
  let pl = 0, pr = n - 1;
  let depth = 2 * Math.floor(Math.log2(n));
  for (;;) {
    if (depth < 0) {
      heapsortRange(v, idx, pl, pr);
    } else {
      while (pr - pl > 16) {
        const pm = pl + ((pr - pl) >> 1);
        if (lt(v[idx[pm]!]!, v[idx[pl]!]!)) swap(pm, pl);
        if (lt(v[idx[pr]!]!, v[idx[pm]!]!)) swap(pr, pm);
        if (lt(v[idx[pm]!]!, v[idx[pl]!]!)) swap(pm, pl);
        const vp = v[idx[pm]!]!;
        let pi = pl, pj = pr - 1;
        swap(pm, pj);
        for (;;) {
          do ++pi; while (lt(v[idx[pi]!]!, vp));
          do --pj; while (lt(vp, v[idx[pj]!]!));
          if (pi >= pj) break;
          swap(pi, pj);
        }
        swap(pi, pr - 1);
        // The larger part waits on the stack; the smaller is sorted next.
        if (pi - pl < pr - pi) { stack.push(pi + 1, pr, depth - 1); pr = pi - 1; }
        else { stack.push(pl, pi - 1, depth - 1); pl = pi + 1; }
        depth -= 1;
      }
      for (let pi = pl + 1; pi <= pr; pi++) {
        const vi = idx[pi]!, vv = v[vi]!;
        let pj = pi;
        while (pj > pl && lt(vv, v[idx[pj - 1]!]!)) { idx[pj] = idx[pj - 1]!; pj--; }
        idx[pj] = vi;
      }
    }
    if (stack.length === 0) break;
    depth = stack.pop()!; pr = stack.pop()!; pl = stack.pop()!;
  }
  return idx;
}

/** numpy's aheapsort on idx[lo..hi] (the introsort fallback; only reached on adversarial inputs). */
function heapsortRange(v: ArrayLike<number>, idx: Int32Array, lo: number, hi: number): void {
  const n = hi - lo + 1;
  const a = (k: number) => idx[lo + k - 1]!; // 1-based view
  const set = (k: number, x: number) => { idx[lo + k - 1] = x; };
  const sift = (start: number, end: number, tmp: number) => {
    let i = start, j = start * 2;
    while (j <= end) {
      if (j < end && lt(v[a(j)]!, v[a(j + 1)]!)) j++;
      if (lt(v[tmp]!, v[a(j)]!)) { set(i, a(j)); i = j; j += j; } else break;
    }
    set(i, tmp);
  };
  for (let l = n >> 1; l > 0; l--) sift(l, n, a(l));
  for (let end = n; end > 1;) {
    const tmp = a(end);
    set(end, a(1));
    end--;
    sift(1, end, tmp);
  }
}

/** np.round: half to even. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** np.nextafter(x, x − 1): the largest double below x. */
export function nextDown(x: number): number {
  if (Number.isNaN(x) || x === -Infinity) return x;
  if (x === 0) return -Number.MIN_VALUE;
  const f = new Float64Array([x]), b = new BigInt64Array(f.buffer);
  b[0] = x > 0 ? b[0]! - 1n : b[0]! + 1n;
  return f[0]!;
}

/** np.nanpercentile(values, q) with the default linear method (numpy's _lerp); NaN when no value is finite... or all NaN. */
export function nanPercentile(values: readonly number[], q: number): number {
  const v = values.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (v.length === 0) return Number.NaN;
  const virtual = (q / 100) * (v.length - 1);
  const prev = Math.floor(virtual), next = Math.min(prev + 1, v.length - 1);
  const t = virtual - prev, a = v[prev]!, b = v[next]!;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** np.average(values, weights=weights). */
export function weightedAverage(values: ArrayLike<number>, weights: ArrayLike<number>): number {
  const prod = Float64Array.from({ length: values.length }, (_, i) => values[i]! * weights[i]!);
  return pairwiseSum(prod) / pairwiseSum(weights);
}
