/**
 * The contract every optimizer implements. All trainable parameters live in one flat Float32Array
 * (with its gradient buffer of the same layout); `segments` says where each Keras variable (a kernel,
 * a bias) lies, because clipnorm and weight decay act per variable in Keras.
 * keras/src/optimizers/base_optimizer.py (apply: clip, then decoupled weight decay, then update_step).
 */

export interface ParamSegment {
  readonly offset: number;
  readonly size: number;
}

export interface Optimizer {
  /** Keras class name: 'SGD', 'Adam', ... */
  readonly className: string;
  /** The current learning rate; schedules and ReduceLROnPlateau change it between steps. */
  learningRate: number;
  /** Steps applied so far (Keras `iterations`); the step being applied uses t = iterations + 1. */
  readonly iterations: number;
  /** Allocates slot buffers for `size` parameters; must be called before the first step. */
  build(size: number, segments: readonly ParamSegment[]): void;
  /** One update: params -= f(grads). grads may be modified (clipping). */
  step(params: Float32Array, grads: Float32Array): void;
  /** Keras-style config with every argument, for logs and the experiment file. */
  getConfig(): Record<string, number | boolean | string | null>;
}
