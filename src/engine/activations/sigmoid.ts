/**
 * The logistic family: sigmoid and tanh activations, plus the scalar helpers (a numerically stable
 * sigmoid and softplus) that silu, softplus and the crossentropy losses share.
 * keras/src/activations/activations.py: sigmoid(x) = 1/(1 + e^(−x)), tanh(x) = (e^x − e^(−x))/(e^x + e^(−x)).
 * Derivatives from the outputs: σ' = y(1 − y), tanh' = 1 − y².
 */
import type { Activation } from './activation';

/** σ(x) without overflow: for x < 0 use e^x/(1 + e^x) so exp never sees a large positive argument. */
export function stableSigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^(−|x|)), the form of numpy's logaddexp(x, 0). */
export function stableSoftplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

export class Sigmoid implements Activation {
  readonly name = 'sigmoid';

  forward(z: Float32Array, y: Float32Array, batch: number, width: number): void {
    const n = batch * width;
    for (let i = 0; i < n; i++) y[i] = stableSigmoid(z[i]!);
  }

  backward(_z: Float32Array, y: Float32Array, dY: Float32Array, dZ: Float32Array, batch: number, width: number): void {
    const n = batch * width;
    for (let i = 0; i < n; i++) {
      const s = y[i]!;
      dZ[i] = dY[i]! * s * (1 - s);
    }
  }
}

export class Tanh implements Activation {
  readonly name = 'tanh';

  forward(z: Float32Array, y: Float32Array, batch: number, width: number): void {
    const n = batch * width;
    for (let i = 0; i < n; i++) y[i] = Math.tanh(z[i]!);
  }

  backward(_z: Float32Array, y: Float32Array, dY: Float32Array, dZ: Float32Array, batch: number, width: number): void {
    const n = batch * width;
    for (let i = 0; i < n; i++) {
      const t = y[i]!;
      dZ[i] = dY[i]! * (1 - t * t);
    }
  }
}
