/**
 * Two smooth rectifiers built on the sigmoid: softplus and silu (Keras also registers silu as 'swish').
 * keras/src/activations/activations.py and keras/src/backend/jax/nn.py (jax.nn.softplus, jax.nn.silu):
 *   softplus(z) = log(1 + e^z);  softplus'(z) = σ(z)
 *   silu(z) = z·σ(z);            silu'(z) = σ(z)·(1 + z·(1 − σ(z)))
 * Both derivatives are taken from z (recomputing σ is cheaper than keeping another buffer).
 */
import type { Activation } from './activation';
import { stableSigmoid, stableSoftplus } from './sigmoid';

export class Softplus implements Activation {
  readonly name = 'softplus';

  forward(z: Float32Array, y: Float32Array, batch: number, width: number): void {
    const n = batch * width;
    for (let i = 0; i < n; i++) y[i] = stableSoftplus(z[i]!);
  }

  backward(z: Float32Array, _y: Float32Array, dY: Float32Array, dZ: Float32Array, batch: number, width: number): void {
    const n = batch * width;
    for (let i = 0; i < n; i++) dZ[i] = dY[i]! * stableSigmoid(z[i]!);
  }
}

export class Silu implements Activation {
  /** `name` is 'silu' even when the user wrote 'swish', as Keras' own function is `silu`. */
  readonly name = 'silu';

  forward(z: Float32Array, y: Float32Array, batch: number, width: number): void {
    const n = batch * width;
    for (let i = 0; i < n; i++) {
      const v = z[i]!;
      y[i] = v * stableSigmoid(v);
    }
  }

  backward(z: Float32Array, _y: Float32Array, dY: Float32Array, dZ: Float32Array, batch: number, width: number): void {
    const n = batch * width;
    for (let i = 0; i < n; i++) {
      const v = z[i]!, s = stableSigmoid(v);
      dZ[i] = dY[i]! * s * (1 + v * (1 - s));
    }
  }
}
