/**
 * The contract every activation function implements. Activations work row by row on a (batch, width)
 * row-major buffer; most are element-wise, softmax normalises each row. `backward` gets both the
 * pre-activation `z` and the output `y` so each function uses whichever makes its derivative cheap.
 */

export interface Activation {
  /** Keras name: 'relu', 'softmax', ... */
  readonly name: string;
  /** y = f(z). z, y: (batch, width) row-major; y may not alias z. */
  forward(z: Float32Array, y: Float32Array, batch: number, width: number): void;
  /** dZ = dL/dz given dY = dL/dy. z, y, dY, dZ: (batch, width). dZ may alias dY. */
  backward(z: Float32Array, y: Float32Array, dY: Float32Array, dZ: Float32Array, batch: number, width: number): void;
}
