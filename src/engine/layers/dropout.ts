/**
 * Keras' Dropout layer, inverted: while training each unit is kept with probability 1 − rate and the
 * kept ones are scaled by 1/(1 − rate); at inference it is the identity (keras/src/layers/regularization/
 * dropout.py, keras/src/random/random.py dropout). The mask comes from the layer's own seeded Rng.
 */
import type { Rng } from '../rng';
import { type Layer, type LayerRuntime, type WeightSpec, sizeOf } from './layer';

export class Dropout implements Layer {
  readonly className = 'Dropout';
  outputShape: readonly number[] = [];
  private width = 0;
  private mask: Float32Array = new Float32Array(0); // (maxBatch, width): 0 or 1/(1 − rate)
  private y: Float32Array = new Float32Array(0); // (maxBatch, width)
  private rng: Rng | null = null;
  private maskActive = false; // whether the last forward applied a mask

  constructor(
    readonly name: string,
    readonly rate: number,
  ) {}

  build(inputShape: readonly number[]): WeightSpec[] {
    this.outputShape = [...inputShape];
    this.width = sizeOf(inputShape);
    return [];
  }

  bindWeights(): void {
    // Dropout has no weights.
  }

  allocate(runtime: LayerRuntime): void {
    this.rng = runtime.rng;
    if (this.rate > 0) {
      this.mask = runtime.arena.alloc(runtime.maxBatch * this.width);
      this.y = runtime.arena.alloc(runtime.maxBatch * this.width);
    }
  }

  forward(x: Float32Array, batch: number, training: boolean): Float32Array {
    this.maskActive = training && this.rate > 0;
    if (!this.maskActive) return x;
    const n = batch * this.width, keep = 1 - this.rate, scale = 1 / keep, rng = this.rng!;
    for (let i = 0; i < n; i++) {
      const m = rng.uniform() < keep ? scale : 0;
      this.mask[i] = m;
      this.y[i] = x[i]! * m;
    }
    return this.y;
  }

  backward(dY: Float32Array, batch: number, needInputGradient: boolean): Float32Array | null {
    if (!needInputGradient) return null;
    if (!this.maskActive) return dY;
    const n = batch * this.width;
    for (let i = 0; i < n; i++) dY[i]! *= this.mask[i]!;
    return dY;
  }

  getConfig(): Record<string, unknown> {
    return { name: this.name, rate: this.rate };
  }
}
