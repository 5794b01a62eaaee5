/**
 * Softmax over each row of a (batch, width) buffer (Keras' default axis=-1).
 * keras/src/activations/activations.py `softmax`; the numerically stable form subtracts the row max
 * first (keras/src/backend/numpy/nn.py `softmax`): y_j = e^(z_j − m) / Σ_k e^(z_k − m), m = max_k z_k.
 * Backward is the Jacobian-vector product per row, ∂y_j/∂z_i = y_j(δ_ij − y_i):
 *   dZ_i = Σ_j dY_j · y_j(δ_ij − y_i) = y_i · (dY_i − Σ_j dY_j y_j)
 */
import type { Activation } from './activation';

export class Softmax implements Activation {
  readonly name = 'softmax';

  forward(z: Float32Array, y: Float32Array, batch: number, width: number): void {
    for (let r = 0; r < batch; r++) {
      const o = r * width;
      let max = -Infinity;
      for (let j = 0; j < width; j++) max = Math.max(max, z[o + j]!);
      let sum = 0;
      for (let j = 0; j < width; j++) {
        const e = Math.exp(z[o + j]! - max);
        y[o + j] = e;
        sum += e;
      }
      const inv = 1 / sum;
      for (let j = 0; j < width; j++) y[o + j] = y[o + j]! * inv;
    }
  }

  backward(_z: Float32Array, y: Float32Array, dY: Float32Array, dZ: Float32Array, batch: number, width: number): void {
    for (let r = 0; r < batch; r++) {
      const o = r * width;
      let dot = 0; // Σ_j dY_j y_j
      for (let j = 0; j < width; j++) dot += dY[o + j]! * y[o + j]!;
      // dZ may alias dY: each index reads dY_i before writing dZ_i.
      for (let i = 0; i < width; i++) dZ[o + i] = y[o + i]! * (dY[o + i]! - dot);
    }
  }
}
