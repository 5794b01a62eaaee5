/**
 * The contract every initializer implements: fill `out` (row-major, of the given Keras shape) with
 * initial values drawn from `rng`. Fans follow keras/src/initializers/random_initializers.py
 * `compute_fans`: 2-D (fan_in, fan_out) = shape; 1-D fan_in = fan_out = shape[0].
 */
import type { Rng } from '../rng';

export interface Initializer {
  /** Keras name: 'glorot_uniform', 'constant', ... */
  readonly name: string;
  fill(out: Float32Array, shape: readonly number[], rng: Rng): void;
  getConfig(): Record<string, number | string | null>;
}
