/**
 * The exponential linear units ELU and SELU, element-wise.
 * keras/src/activations/activations.py (`elu(x, alpha=1.0)`, `selu(x)`) and the backends
 * (keras/src/backend/numpy/nn.py, jax.nn.elu / jax.nn.selu):
 *   elu(z)  = z if z > 0 else α·(e^z − 1);   elu'(z) = 1 if z > 0 else α·e^z = y + α
 *   selu(z) = λ·elu(z, α_selu)               with α_selu = 1.6732632423543772848170429916717
 *                                                 and λ = 1.0507009873554804934193349852946
 * (the constants of Klambauer et al. 2017, as written in keras/src/backend/numpy/nn.py `selu`).
 * At z = 0 the value is 0 either way; the derivative takes the exponential branch, α (as jax.nn.elu).
 */
import type { Activation } from './activation';

/** Keras' α (1.6732632423543772848170429916717) to double precision. */
export const SELU_ALPHA = 1.6732632423543772;
/** Keras' λ (1.0507009873554804934193349852946) to double precision. */
export const SELU_SCALE = 1.0507009873554805;

/** ELU with slope `alpha` on the negative side scaled by `scale` (scale 1 for ELU, λ for SELU). */
class ScaledElu implements Activation {
  constructor(
    readonly name: string,
    private readonly alpha: number,
    private readonly scale: number,
  ) {}

  forward(z: Float32Array, y: Float32Array, batch: number, width: number): void {
    const n = batch * width, a = this.alpha, k = this.scale;
    for (let i = 0; i < n; i++) {
      const v = z[i]!;
      y[i] = v > 0 ? k * v : k * a * Math.expm1(v);
    }
  }

  backward(z: Float32Array, _y: Float32Array, dY: Float32Array, dZ: Float32Array, batch: number, width: number): void {
    const n = batch * width, a = this.alpha, k = this.scale;
    for (let i = 0; i < n; i++) {
      const v = z[i]!;
      dZ[i] = v > 0 ? k * dY[i]! : k * a * Math.exp(v) * dY[i]!;
    }
  }
}

export class Elu extends ScaledElu {
  constructor(alpha = 1.0) {
    super('elu', alpha, 1);
  }
}

export class Selu extends ScaledElu {
  constructor() {
    super('selu', SELU_ALPHA, SELU_SCALE);
  }
}
