/**
 * numpy.random.RandomState, the legacy generator Optuna's samplers own (`np.random.RandomState(seed)`
 * in RandomSampler, GridSampler and TPESampler): the Mersenne Twister MT19937 seeded as numpy's
 * `_legacy_seeding` does for an integer seed (init_genrand), and the draws Optuna makes with it —
 * random_sample (53 bits from two 32-bit words), uniform, randint (masked rejection, as numpy's
 * legacy bounded integers), choice with and without probabilities, rand. The same seed gives the
 * same numbers as numpy, so a seeded HyperLab sweep samples what the same Optuna sampler samples.
 * Not the engine's Rng (src/engine/rng.ts), which drives training.
 */

const N = 624, M = 397;
const UPPER = 0x80000000, LOWER = 0x7fffffff, MATRIX_A = 0x9908b0df;

export class RandomState {
  private readonly mt = new Uint32Array(N);
  private index = N;

  /** seed: an integer in [0, 2^32 − 1], as numpy requires. */
  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`Seed must be between 0 and 2**32 - 1, got ${seed}`);
    this.mt[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = this.mt[i - 1]!;
      this.mt[i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0;
    }
  }

  private twist(): void {
    const mt = this.mt;
    for (let i = 0; i < N; i++) {
      const y = (mt[i]! & UPPER) | (mt[(i + 1) % N]! & LOWER);
      mt[i] = mt[(i + M) % N]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    this.index = 0;
  }

  /** One tempered 32-bit output (genrand_int32). */
  nextUint32(): number {
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** random_sample(): a double in [0, 1) from 27 + 26 bits (mt19937_next_double). */
  randomSample(): number {
    const a = this.nextUint32() >>> 5, b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** rand(n): n doubles in [0, 1). */
  rand(n: number): Float64Array {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.randomSample();
    return out;
  }

  /** uniform(low, high) elementwise: low + (high − low) · random_sample(), one draw per element in order. */
  uniform(low: ArrayLike<number>, high: ArrayLike<number>): Float64Array {
    const out = new Float64Array(low.length);
    for (let i = 0; i < low.length; i++) {
      const range = high[i]! - low[i]!;
      out[i] = low[i]! + range * this.randomSample();
    }
    return out;
  }

  /** randint(0, n): numpy's legacy masked rejection on 32-bit draws (n ≤ 2^32). */
  randint(n: number): number {
    const rng = n - 1;
    if (rng <= 0) return 0;
    let mask = rng;
    mask |= mask >>> 1; mask |= mask >>> 2; mask |= mask >>> 4; mask |= mask >>> 8; mask |= mask >>> 16;
    mask >>>= 0;
    for (;;) {
      const v = (this.nextUint32() & mask) >>> 0;
      if (v <= rng) return v;
    }
  }

  /** choice(a) without p: a[randint(0, len(a))]. */
  choice<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("'a' cannot be empty unless no samples are taken");
    return items[this.randint(items.length)]!;
  }

  /**
   * choice(n, size, p=p): with replacement, by the cumulative sum of p normalized by its last entry and
   * searchsorted(side='right') of `size` random_sample draws.
   */
  choiceWeighted(p: ArrayLike<number>, size: number): Int32Array {
    const cdf = new Float64Array(p.length);
    let acc = 0;
    for (let i = 0; i < p.length; i++) cdf[i] = acc += p[i]!;
    const last = cdf[cdf.length - 1]!;
    for (let i = 0; i < cdf.length; i++) cdf[i] = cdf[i]! / last;
    const out = new Int32Array(size);
    for (let s = 0; s < size; s++) {
      const u = this.randomSample();
      let lo = 0, hi = cdf.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cdf[mid]! <= u) lo = mid + 1;
        else hi = mid;
      }
      out[s] = lo;
    }
    return out;
  }
}
