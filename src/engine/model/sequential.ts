/**
 * A built Keras Sequential model: its layers, every trainable weight in one flat Float32Array (with the
 * gradients in a second one of the same layout, so an optimizer step is one loop and a snapshot is one
 * copy), and the forward/backward passes over a batch. Weight penalties (kernel/bias regularizers) are
 * computed here because Keras adds them to the loss of the whole model.
 */
import { ConfigError, describedAs } from '../configError';
import { msg } from '../../shared/message';
import { type Arena, CountingArena } from '../kernels/arena';
import type { Kernels } from '../kernels/kernels';
import { type Layer, type WeightSpec, sizeOf } from '../layers/layer';
import type { ParamSegment } from '../optimizers/optimizer';
import type { Regularizer } from '../regularizers/regularizer';
import { Rng } from '../rng';

/** One Keras variable (a kernel or a bias) and where it lives in the flat buffers. */
export interface Variable extends ParamSegment {
  readonly layer: Layer;
  readonly spec: WeightSpec;
  readonly value: Float32Array;
  readonly grad: Float32Array;
}

/** Weights in Keras layout, one entry per layer that has weights: y = x @ kernel + bias. */
export interface LayerWeights {
  readonly kernel: number[][];
  readonly bias: number[] | null;
}

export class Sequential {
  params: Float32Array = new Float32Array(0); // (P) every trainable value
  grads: Float32Array = new Float32Array(0); // (P)
  variables: Variable[] = [];
  private regularized: { value: Float32Array; grad: Float32Array; regularizer: Regularizer }[] = [];
  private specs: WeightSpec[][] = [];
  maxBatch = 0;

  /** Fixes every layer's shape from the input shape and collects the weights each one declares. */
  constructor(
    readonly layers: readonly Layer[],
    readonly inputShape: readonly number[],
  ) {
    if (layers.length === 0) throw new Error('the model has no layers');
    let shape = inputShape;
    this.specs = layers.map((layer) => {
      const specs = layer.build(shape);
      shape = layer.outputShape;
      return specs;
    });
  }

  get outputShape(): readonly number[] {
    return this.layers[this.layers.length - 1]!.outputShape;
  }

  /** Number of trainable values the layers declare (known before build allocates anything). */
  get declaredParams(): number {
    return this.specs.flat().reduce((n, s) => n + sizeOf(s.shape), 0);
  }

  get inputSize(): number {
    return sizeOf(this.inputShape);
  }

  get outputSize(): number {
    return sizeOf(this.outputShape);
  }

  /**
   * Lays out the weights, allocates all buffers for `maxBatch` samples from `arena` (planned first, then
   * reserved once, with room for `extraFloats` more that the caller allocates next) and initializes the
   * weights from `rng`, layer by layer, kernel before bias, as Keras builds them.
   */
  build(maxBatch: number, kernels: Kernels, arena: Arena, rng: Rng, extraFloats = 0): void {
    this.maxBatch = maxBatch;
    const total = this.specs.flat().reduce((n, s) => n + sizeOf(s.shape), 0);
    const counting = new CountingArena();
    this.allocate(counting, kernels, total, this.layers.map(() => new Rng(0)));
    arena.reserve(counting.total + extraFloats);
    // Each layer gets its own generator (dropout masks); the weights are drawn from `rng` after that.
    this.allocate(arena, kernels, total, this.layers.map(() => rng.fork()));
    this.layoutVariables();
    for (const v of this.variables) v.spec.initializer.fill(v.value, v.spec.shape, rng);
  }

  private allocate(arena: Arena, kernels: Kernels, total: number, layerRngs: readonly Rng[]): void {
    this.params = arena.alloc(total);
    this.grads = arena.alloc(total);
    this.layers.forEach((layer, i) => layer.allocate({ arena, kernels, maxBatch: this.maxBatch, rng: layerRngs[i]! }));
  }

  private layoutVariables(): void {
    this.variables = [];
    let offset = 0;
    this.layers.forEach((layer, i) => {
      const values: Float32Array[] = [], grads: Float32Array[] = [];
      for (const spec of this.specs[i]!) {
        const size = sizeOf(spec.shape);
        const value = this.params.subarray(offset, offset + size), grad = this.grads.subarray(offset, offset + size);
        this.variables.push({ layer, spec, offset, size, value, grad });
        values.push(value);
        grads.push(grad);
        offset += size;
      }
      layer.bindWeights(values, grads);
    });
    this.regularized = this.variables.flatMap((v) => (v.spec.regularizer ? [{ value: v.value, grad: v.grad, regularizer: v.spec.regularizer }] : []));
  }

  /** Output (batch, ...outputShape) for x (batch, ...inputShape); the buffer belongs to the last layer. */
  forward(x: Float32Array, batch: number, training: boolean): Float32Array {
    let h = x;
    for (const layer of this.layers) h = layer.forward(h, batch, training);
    return h;
  }

  /** Back-propagates dOut (overwritten) through every layer, accumulating into `grads`. */
  backward(dOut: Float32Array, batch: number): void {
    let d: Float32Array | null = dOut;
    for (let i = this.layers.length - 1; i >= 0 && d; i--) d = this.layers[i]!.backward(d, batch, i > 0);
  }

  /** Σ regularizer penalties, added unscaled to the loss (keras/src/trainers/trainer.py compute_loss). */
  penalty(): number {
    let p = 0;
    for (const r of this.regularized) p += r.regularizer.penalty(r.value);
    return p;
  }

  addPenaltyGradients(): void {
    for (const r of this.regularized) r.regularizer.addGradient(r.value, r.grad);
  }

  countParams(): number {
    return this.params.length;
  }

  /** The weights of every layer that has some, in Keras layout. */
  getWeights(): LayerWeights[] {
    return this.layers.flatMap((layer) => {
      const vars = this.variables.filter((v) => v.layer === layer);
      const kernel = vars.find((v) => v.spec.name === 'kernel');
      if (!kernel) return [];
      const [rows, cols] = kernel.spec.shape as [number, number];
      const bias = vars.find((v) => v.spec.name === 'bias');
      return [{ kernel: Array.from({ length: rows }, (_, r) => Array.from(kernel.value.subarray(r * cols, (r + 1) * cols))), bias: bias ? Array.from(bias.value) : null }];
    });
  }

  /** Replaces the weights (the `initial_weights` of an experiment); shapes must match exactly. */
  setWeights(weights: readonly LayerWeights[], key = 'initial_weights'): void {
    const dense = this.layers.filter((l) => this.variables.some((v) => v.layer === l && v.spec.name === 'kernel'));
    if (weights.length !== dense.length) {
      throw new ConfigError(key, describedAs(weights.length === 1 ? msg('1 entry') : msg('{0} entries', weights.length)), msg('one entry per layer with weights: the model has {0}', dense.length));
    }
    dense.forEach((layer, i) => {
      const w = weights[i]!;
      const kernel = this.variables.find((v) => v.layer === layer && v.spec.name === 'kernel')!;
      const bias = this.variables.find((v) => v.layer === layer && v.spec.name === 'bias');
      const [rows, cols] = kernel.spec.shape as [number, number];
      if (w.kernel.length !== rows || w.kernel.some((r) => r.length !== cols)) {
        throw new ConfigError(`${key}[${i}].kernel`, describedAs(msg('shape {0}', `[${w.kernel.length}][${w.kernel[0]?.length ?? 0}]`)), msg('shape {0} for {1}', `[${rows}][${cols}]`, layer.name));
      }
      w.kernel.forEach((row, r) => kernel.value.set(row, r * cols));
      if (bias) {
        if (!w.bias || w.bias.length !== cols) throw new ConfigError(`${key}[${i}].bias`, w.bias, msg('a list of {0} numbers for {1}', cols, layer.name));
        bias.value.set(w.bias);
      } else if (w.bias !== null && w.bias !== undefined) {
        throw new ConfigError(`${key}[${i}].bias`, w.bias, msg('null: {0} has use_bias=False', layer.name));
      }
    });
  }
}
