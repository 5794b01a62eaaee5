/**
 * The rectifier family: ReLU and leaky ReLU, element-wise on a (batch, width) buffer.
 * Formulas and defaults from keras/src/activations/activations.py (`relu`, `leaky_relu`) and the JAX
 * backend (keras/src/backend/jax/nn.py → jax.nn.relu / jax.nn.leaky_relu):
 *   relu(z) = max(z, 0);                 relu'(z) = 1 if z > 0 else 0 (0 at z = 0, as JAX)
 *   leaky_relu(z) = z if z >= 0 else s·z; leaky_relu'(z) = 1 if z >= 0 else s
 * Keras 3's `keras.activations.leaky_relu` defaults to negative_slope = 0.2 (the LeakyReLU *layer*
 * defaults to 0.3; that layer is not this function).
 */
import type { Activation } from './activation';

export class Relu implements Activation {
  readonly name = 'relu';

  forward(z: Float32Array, y: Float32Array, batch: number, width: number): void {
    const n = batch * width;
    for (let i = 0; i < n; i++) y[i] = z[i]! > 0 ? z[i]! : 0;
  }

  backward(z: Float32Array, _y: Float32Array, dY: Float32Array, dZ: Float32Array, batch: number, width: number): void {
    const n = batch * width;
    for (let i = 0; i < n; i++) dZ[i] = z[i]! > 0 ? dY[i]! : 0;
  }
}

/** Keras 3 default of `keras.activations.leaky_relu(x, negative_slope=0.2)`. */
export const LEAKY_RELU_DEFAULT_SLOPE = 0.2;

export class LeakyRelu implements Activation {
  readonly name = 'leaky_relu';

  constructor(readonly negativeSlope = LEAKY_RELU_DEFAULT_SLOPE) {}

  forward(z: Float32Array, y: Float32Array, batch: number, width: number): void {
    const n = batch * width, s = this.negativeSlope;
    for (let i = 0; i < n; i++) {
      const v = z[i]!;
      y[i] = v >= 0 ? v : s * v;
    }
  }

  backward(z: Float32Array, _y: Float32Array, dY: Float32Array, dZ: Float32Array, batch: number, width: number): void {
    const n = batch * width, s = this.negativeSlope;
    for (let i = 0; i < n; i++) dZ[i] = z[i]! >= 0 ? dY[i]! : s * dY[i]!;
  }
}
