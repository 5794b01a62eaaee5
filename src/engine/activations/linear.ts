/**
 * The identity activation: Keras 'linear', and what `activation=None` means
 * (keras/src/activations/__init__.py `get`: None → linear). Forward copies, backward passes dY through.
 */
import type { Activation } from './activation';

export class Linear implements Activation {
  readonly name = 'linear';

  forward(z: Float32Array, y: Float32Array, batch: number, width: number): void {
    y.set(z.subarray(0, batch * width));
  }

  backward(_z: Float32Array, _y: Float32Array, dY: Float32Array, dZ: Float32Array, batch: number, width: number): void {
    if (dZ !== dY) dZ.set(dY.subarray(0, batch * width));
  }
}
