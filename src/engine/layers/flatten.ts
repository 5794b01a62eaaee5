/** Keras' Flatten layer: (batch, d1, d2, ...) → (batch, d1·d2·...). Row-major memory is unchanged, so it copies nothing. */
import { type Layer, type WeightSpec, sizeOf } from './layer';

export class Flatten implements Layer {
  readonly className = 'Flatten';
  outputShape: readonly number[] = [];

  constructor(readonly name: string) {}

  build(inputShape: readonly number[]): WeightSpec[] {
    this.outputShape = [sizeOf(inputShape)];
    return [];
  }

  bindWeights(): void {
    // No weights.
  }

  allocate(): void {
    // Works in place.
  }

  forward(x: Float32Array): Float32Array {
    return x;
  }

  backward(dY: Float32Array, _batch: number, needInputGradient: boolean): Float32Array | null {
    return needInputGradient ? dY : null;
  }

  getConfig(): Record<string, unknown> {
    return { name: this.name };
  }
}
