/**
 * Keras' Dense layer: y = activation(x @ kernel + bias) (keras/src/layers/core/dense.py). On an input of
 * rank > 2 it acts on the last axis only, so (batch, t, d) is treated as batch·t rows of width d.
 * Weights: kernel (d, units) row-major, bias (units).
 */
import type { Activation } from '../activations/activation';
import type { Initializer } from '../initializers/initializer';
import type { Kernels } from '../kernels/kernels';
import type { Regularizer } from '../regularizers/regularizer';
import { type Layer, type LayerRuntime, type WeightSpec, sizeOf } from './layer';

export interface DenseOptions {
  readonly name: string;
  readonly units: number;
  readonly activation: Activation;
  readonly useBias: boolean;
  readonly kernelInitializer: Initializer;
  readonly biasInitializer: Initializer;
  readonly kernelRegularizer: Regularizer | null;
  readonly biasRegularizer: Regularizer | null;
}

export class Dense implements Layer {
  readonly className = 'Dense';
  readonly name: string;
  outputShape: readonly number[] = [];
  private inWidth = 0; // d
  private rowsPerSample = 1; // product of the middle axes
  private kernel: Float32Array = new Float32Array(0); // (d, units)
  private bias: Float32Array | null = null; // (units)
  private dKernel: Float32Array = new Float32Array(0); // (d, units)
  private dBias: Float32Array | null = null; // (units)
  private z: Float32Array = new Float32Array(0); // (maxBatch·rows, units) pre-activation
  private y: Float32Array = new Float32Array(0); // (maxBatch·rows, units) output; aliases z for a linear activation
  private dX: Float32Array = new Float32Array(0); // (maxBatch·rows, d)
  private ones: Float32Array = new Float32Array(0); // (maxBatch·rows) of 1: dBias = 1ᵀ dZ as one kernel call
  private x: Float32Array | null = null; // the last forward input, kept for backward
  private kernels: Kernels | null = null;

  constructor(private readonly opts: DenseOptions) {
    this.name = opts.name;
  }

  build(inputShape: readonly number[]): WeightSpec[] {
    if (inputShape.length === 0) throw new Error(`${this.name}: Dense needs an input with at least one axis`);
    this.inWidth = inputShape[inputShape.length - 1]!;
    this.rowsPerSample = sizeOf(inputShape.slice(0, -1));
    this.outputShape = [...inputShape.slice(0, -1), this.opts.units];
    const specs: WeightSpec[] = [
      { name: 'kernel', shape: [this.inWidth, this.opts.units], initializer: this.opts.kernelInitializer, regularizer: this.opts.kernelRegularizer },
    ];
    if (this.opts.useBias) specs.push({ name: 'bias', shape: [this.opts.units], initializer: this.opts.biasInitializer, regularizer: this.opts.biasRegularizer });
    return specs;
  }

  bindWeights(values: readonly Float32Array[], grads: readonly Float32Array[]): void {
    this.kernel = values[0]!;
    this.dKernel = grads[0]!;
    this.bias = this.opts.useBias ? values[1]! : null;
    this.dBias = this.opts.useBias ? grads[1]! : null;
  }

  allocate(runtime: LayerRuntime): void {
    const rows = runtime.maxBatch * this.rowsPerSample;
    this.kernels = runtime.kernels;
    this.z = runtime.arena.alloc(rows * this.opts.units);
    this.y = this.opts.activation.name === 'linear' ? this.z : runtime.arena.alloc(rows * this.opts.units);
    this.dX = runtime.arena.alloc(rows * this.inWidth);
    if (this.opts.useBias) this.ones = runtime.arena.alloc(rows).fill(1);
  }

  forward(x: Float32Array, batch: number, _training: boolean): Float32Array {
    const rows = batch * this.rowsPerSample, units = this.opts.units;
    this.x = x;
    if (this.bias) this.kernels!.matmulBias(x, this.kernel, this.bias, this.z, rows, this.inWidth, units);
    else this.kernels!.matmul(x, this.kernel, this.z, rows, this.inWidth, units);
    if (this.y !== this.z) this.opts.activation.forward(this.z, this.y, rows, units);
    return this.y;
  }

  backward(dY: Float32Array, batch: number, needInputGradient: boolean): Float32Array | null {
    const rows = batch * this.rowsPerSample, units = this.opts.units;
    // dZ = dY ⊙ f'(z), computed in place in dY (linear: dZ = dY).
    if (this.y !== this.z) this.opts.activation.backward(this.z, this.y, dY, dY, rows, units);
    const dZ = dY;
    this.kernels!.matmulTransAAccumulate(this.x!, dZ, this.dKernel, rows, this.inWidth, units); // dK += xᵀ dZ
    if (this.dBias) this.kernels!.matmulTransAAccumulate(this.ones, dZ, this.dBias, rows, 1, units); // dBias += 1ᵀ dZ
    if (!needInputGradient) return null;
    this.kernels!.matmulTransB(dZ, this.kernel, this.dX, rows, units, this.inWidth); // dX = dZ Kᵀ
    return this.dX;
  }

  getConfig(): Record<string, unknown> {
    return {
      name: this.name,
      units: this.opts.units,
      activation: this.opts.activation.name,
      use_bias: this.opts.useBias,
      kernel_initializer: this.opts.kernelInitializer.getConfig(),
      bias_initializer: this.opts.biasInitializer.getConfig(),
      kernel_regularizer: this.opts.kernelRegularizer?.getConfig() ?? null,
      bias_regularizer: this.opts.biasRegularizer?.getConfig() ?? null,
    };
  }
}
