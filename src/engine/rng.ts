/**
 * The engine's only source of randomness: a seeded generator object that is passed explicitly into
 * initializers, shuffling, dropout and dataset generators. Nothing in HyperLab calls Math.random, so the
 * same seed gives the same bits on every machine.
 *
 * Algorithm: sfc32 (Chris Doty-Humphrey's Small Fast Chaotic generator, 128-bit state, passes PractRand),
 * seeded through splitmix32 so that nearby seeds give unrelated streams. 32-bit integer arithmetic only.
 */
import { type Message, msg } from '../shared/message';

/**
 * The seeds HyperLab accepts: the integers 0 to 2^32 - 1, as Keras 3 does. keras.utils.set_random_seed
 * (keras/src/utils/rng_utils.py) passes the seed to numpy.random.seed, which refuses anything outside
 * 0..2**32 - 1, and the JAX backend keeps seeds as uint32 (random_seed_dtype() in
 * keras/src/backend/jax/core.py; SeedGenerator's state in keras/src/random/seed_generator.py). Within
 * this range every seed gives its own stream (no truncation makes 0 and 2^32 the same run).
 */
export const MAX_SEED = 2 ** 32 - 1;

/** What the seed error messages say is allowed. */
export const SEED_RANGE_TEXT: Message = msg('an integer from 0 to {0} (2^32 - 1, the range Keras\' set_random_seed accepts)', MAX_SEED);

/** splitmix32 step: a well-mixed 32-bit value from a 32-bit counter. */
function splitmix32(state: number): number {
  let z = (state + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** Second normal deviate of the last Box-Muller pair, or NaN when none is cached. */
  private spareNormal = Number.NaN;

  constructor(readonly seed: number) {
    // Forks pass int32 values (negative ones included); users' seeds are checked against 0..MAX_SEED first.
    // `seed | 0` is one-to-one on [-2^31, 2^32), so nothing outside it may arrive here.
    if (!Number.isInteger(seed) || seed < -(2 ** 31) || seed > MAX_SEED) throw new Error(`Rng seed must be an integer in [-2^31, 2^32), got ${seed}`);
    let s = seed | 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0;
      return splitmix32(s);
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.nextUint32(); // discard the first outputs, as sfc32 recommends
  }

  /** Uniform integer in [0, 2^32). */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform float in [min, max). */
  uniformRange(min: number, max: number): number {
    return min + (max - min) * this.uniform();
  }

  /** Uniform integer in [0, n), without modulo bias. */
  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0 || n > 0x100000000) throw new Error(`Rng.int needs an integer n in [1, 2^32], got ${n}`);
    const limit = 0x100000000 - (0x100000000 % n);
    for (;;) {
      const x = this.nextUint32();
      if (x < limit) return x % n;
    }
  }

  /** Standard normal deviate (Box-Muller, polar form), scaled to mean and stddev. */
  normal(mean = 0, stddev = 1): number {
    if (!Number.isNaN(this.spareNormal)) {
      const z = this.spareNormal;
      this.spareNormal = Number.NaN;
      return mean + stddev * z;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * f;
    return mean + stddev * u * f;
  }

  /** Shuffles `items` in place (Fisher-Yates) and returns it. */
  shuffle<A extends { length: number; [index: number]: unknown }>(items: A): A {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }

  /** An independent generator derived from this one (e.g. one per dropout layer). */
  fork(): Rng {
    return new Rng(this.nextUint32() | 0);
  }
}
