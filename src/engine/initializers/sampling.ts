/**
 * The three distributions Keras initializers draw from (keras/src/random/random.py: uniform, normal,
 * truncated_normal), written over a Float32Array with the engine's seeded Rng. This file is the
 * only place initializers touch randomness; it does not know about fans or Keras arguments.
 */
import { Rng } from '../rng';
import { shapeSize } from './computeFans';

/**
 * Standard deviation of a standard normal truncated to [-2, 2]:
 * sqrt(1 - 4·phi(2) / (Phi(2) - Phi(-2))) = 0.8796256610342398. VarianceScaling divides its target
 * stddev by it so that the values *after* truncation have the target stddev
 * (keras/src/initializers/random_initializers.py, VarianceScaling.__call__).
 */
export const TRUNCATED_NORMAL_STDDEV_RATIO = 0.87962566103423978;

/** Truncation bound in sampler stddevs: values beyond 2 stddev are discarded and re-drawn. */
export const TRUNCATION_STDDEVS = 2;

/** out[i] ~ U[minval, maxval) (keras.random.uniform; maxval exclusive). */
export function fillUniform(out: Float32Array, minval: number, maxval: number, rng: Rng): void {
  for (let i = 0; i < out.length; i++) out[i] = rng.uniformRange(minval, maxval);
}

/** out[i] ~ N(mean, stddev²) (keras.random.normal). */
export function fillNormal(out: Float32Array, mean: number, stddev: number, rng: Rng): void {
  for (let i = 0; i < out.length; i++) out[i] = rng.normal(mean, stddev);
}

/**
 * out[i] = mean + stddev·z with z ~ N(0, 1) conditioned on |z| <= 2: a draw beyond two standard
 * deviations is discarded and re-drawn, as tf.random.stateless_truncated_normal does for
 * keras.random.truncated_normal (keras/src/backend/tensorflow/random.py). About 4.55% of the draws
 * are rejected, so this costs ~1.05 normal draws per value.
 */
export function fillTruncatedNormal(out: Float32Array, mean: number, stddev: number, rng: Rng): void {
  for (let i = 0; i < out.length; i++) {
    let z: number;
    do z = rng.normal(); while (Math.abs(z) > TRUNCATION_STDDEVS);
    out[i] = mean + stddev * z;
  }
}

/** Throws when `out` cannot hold a tensor of `shape` (a bug in the caller, not a user error). */
export function checkFillSize(name: string, out: Float32Array, shape: readonly number[]): void {
  const size = shapeSize(shape);
  if (out.length !== size) {
    throw new Error(`${name}: buffer of length ${out.length} cannot hold shape (${shape.join(', ')}) of ${size} values`);
  }
}

/**
 * The generator a fill draws from. Keras: "an initializer seeded with an integer ... will produce the
 * same random values across multiple calls", so a seeded initializer restarts its own Rng(seed) on
 * every call; an unseeded one draws from the engine's stream, which advances between layers.
 */
export function rngFor(seed: number | null, rng: Rng): Rng {
  return seed === null ? rng : new Rng(seed);
}
