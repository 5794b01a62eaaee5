/**
 * The contract every layer implements (convnetjs/llm.c style): a layer declares its weights, receives
 * views of them in the model's flat parameter buffer, allocates its activation buffers for the
 * largest batch, and runs forward and backward on row-major (batch, ...shape) Float32Arrays.
 */
import type { Arena } from '../kernels/arena';
import type { Kernels } from '../kernels/kernels';
import type { Initializer } from '../initializers/initializer';
import type { Regularizer } from '../regularizers/regularizer';
import type { Rng } from '../rng';

/** One Keras weight variable ("kernel", "bias") as a layer declares it. */
export interface WeightSpec {
  readonly name: 'kernel' | 'bias';
  readonly shape: readonly number[];
  readonly initializer: Initializer;
  readonly regularizer: Regularizer | null;
}

export interface LayerRuntime {
  readonly arena: Arena;
  readonly kernels: Kernels;
  /** The largest batch the model will run (buffers are sized for it). */
  readonly maxBatch: number;
  /** This layer's own generator (dropout masks). */
  readonly rng: Rng;
}

export interface Layer {
  /** Keras class name: 'Dense', 'Dropout', ... */
  readonly className: string;
  /** Keras layer name: 'dense', 'dense_1', ... */
  readonly name: string;
  /** Output shape without the batch axis, known once `build` has run. */
  readonly outputShape: readonly number[];
  /** Fixes the input shape (without batch) and returns the weights to create, in order. */
  build(inputShape: readonly number[]): WeightSpec[];
  /** Hands the layer views of its weights and their gradients, in the order build() returned them. */
  bindWeights(values: readonly Float32Array[], grads: readonly Float32Array[]): void;
  /** Allocates activation buffers for up to runtime.maxBatch samples. */
  allocate(runtime: LayerRuntime): void;
  /** Output for `batch` samples; training switches dropout on. The result is the layer's own buffer. */
  forward(x: Float32Array, batch: number, training: boolean): Float32Array;
  /**
   * Given dY (may be overwritten), accumulates weight gradients and returns dX (null when
   * needInputGradient is false: the first layer's input needs none).
   */
  backward(dY: Float32Array, batch: number, needInputGradient: boolean): Float32Array | null;
  /** Keras-style config with every argument, for summaries and the experiment file. */
  getConfig(): Record<string, unknown>;
}

/** Number of values in one sample of the given shape. */
export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
