/**
 * The Gaussian error linear unit. Keras 3's `keras.activations.gelu(x, approximate=False)` — the
 * function that `activation='gelu'` resolves to — is the *exact* form (keras/src/activations/activations.py;
 * only `keras.ops.gelu` defaults to the tanh approximation):
 *   gelu(z)  = z·Φ(z) = 0.5·z·(1 + erf(z/√2))
 *   gelu'(z) = Φ(z) + z·φ(z),   φ(z) = e^(−z²/2)/√(2π)
 * The tanh approximation is kept for completeness (jax.nn.gelu approximate=True):
 *   0.5·z·(1 + tanh(√(2/π)·(z + 0.044715·z³)))
 */
import type { Activation } from './activation';
import { normalCdf, normalPdf } from './erf';

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
const GELU_CUBIC = 0.044715;

export class Gelu implements Activation {
  readonly name = 'gelu';

  constructor(readonly approximate = false) {}

  forward(z: Float32Array, y: Float32Array, batch: number, width: number): void {
    const n = batch * width;
    if (this.approximate) {
      for (let i = 0; i < n; i++) {
        const v = z[i]!;
        y[i] = 0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + GELU_CUBIC * v * v * v)));
      }
    } else {
      for (let i = 0; i < n; i++) y[i] = z[i]! * normalCdf(z[i]!);
    }
  }

  backward(z: Float32Array, _y: Float32Array, dY: Float32Array, dZ: Float32Array, batch: number, width: number): void {
    const n = batch * width;
    if (this.approximate) {
      for (let i = 0; i < n; i++) {
        // u = √(2/π)(z + c z³), t = tanh u: d/dz 0.5 z (1 + t) = 0.5 (1 + t) + 0.5 z (1 − t²) √(2/π)(1 + 3c z²)
        const v = z[i]!, t = Math.tanh(SQRT_2_OVER_PI * (v + GELU_CUBIC * v * v * v));
        const du = SQRT_2_OVER_PI * (1 + 3 * GELU_CUBIC * v * v);
        dZ[i] = dY[i]! * (0.5 * (1 + t) + 0.5 * v * (1 - t * t) * du);
      }
    } else {
      for (let i = 0; i < n; i++) {
        const v = z[i]!;
        dZ[i] = dY[i]! * (normalCdf(v) + v * normalPdf(v));
      }
    }
  }
}
