/** Keras' Activation layer: applies an activation function on its own, with no weights (keras/src/layers/activations/activation.py). */
import type { Activation } from '../activations/activation';
import { type Layer, type LayerRuntime, type WeightSpec, sizeOf } from './layer';

export class ActivationLayer implements Layer {
  readonly className = 'Activation';
  outputShape: readonly number[] = [];
  private width = 0; // last axis: softmax normalises along it
  private rows = 1; // rows per sample
  private x: Float32Array | null = null;
  private y: Float32Array = new Float32Array(0); // (maxBatch·rows, width)

  constructor(
    readonly name: string,
    readonly activation: Activation,
  ) {}

  build(inputShape: readonly number[]): WeightSpec[] {
    this.outputShape = [...inputShape];
    this.width = inputShape[inputShape.length - 1] ?? 1;
    this.rows = sizeOf(inputShape) / this.width;
    return [];
  }

  bindWeights(): void {
    // No weights.
  }

  allocate(runtime: LayerRuntime): void {
    this.y = runtime.arena.alloc(runtime.maxBatch * this.rows * this.width);
  }

  forward(x: Float32Array, batch: number): Float32Array {
    this.x = x;
    this.activation.forward(x, this.y, batch * this.rows, this.width);
    return this.y;
  }

  backward(dY: Float32Array, batch: number, needInputGradient: boolean): Float32Array | null {
    if (!needInputGradient) return null;
    this.activation.backward(this.x!, this.y, dY, dY, batch * this.rows, this.width);
    return dY;
  }

  getConfig(): Record<string, unknown> {
    return { name: this.name, activation: this.activation.name };
  }
}
