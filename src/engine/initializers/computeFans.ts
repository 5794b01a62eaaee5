/**
 * Fan-in and fan-out of a weight shape, as keras/src/initializers/random_initializers.py
 * `compute_fans` defines them. VarianceScaling and its named subclasses (Glorot, He, LeCun) divide
 * their scale by these; nothing else in the engine needs them. This file only counts units: the
 * clamping to at least 1 happens in VarianceScaling, as in Keras.
 */

/**
 * Rank 0: (1, 1) ("just to avoid errors for constants"); rank 1: (n, n); rank 2 (a Dense kernel,
 * (input_dim, units)): (shape[0], shape[1]); rank > 2 (a convolution kernel, (..., in, out)):
 * fan_in = shape[-2] * receptive field and fan_out = shape[-1] * receptive field, where the
 * receptive field is the product of the leading dimensions.
 */
export function computeFans(shape: readonly number[]): { fanIn: number; fanOut: number } {
  const rank = shape.length;
  if (rank === 0) return { fanIn: 1, fanOut: 1 };
  if (rank === 1) return { fanIn: shape[0]!, fanOut: shape[0]! };
  if (rank === 2) return { fanIn: shape[0]!, fanOut: shape[1]! };
  let receptiveField = 1;
  for (let i = 0; i < rank - 2; i++) receptiveField *= shape[i]!;
  return { fanIn: shape[rank - 2]! * receptiveField, fanOut: shape[rank - 1]! * receptiveField };
}

/** Number of elements of a shape (1 for rank 0). */
export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}
