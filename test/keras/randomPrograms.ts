/**
 * A seeded generator of Keras models for the differential tier: an Input of a random rank (or integer
 * sequences into an Embedding), then a few layers drawn from the families HyperLab models — dense,
 * activations and noise, normalization, reshaping, padding and cropping, 1-D/2-D/3-D convolutions and
 * pooling (separable, depthwise, transposed), recurrent layers and their wrappers, attention and merges on
 * branches of the graph — with random arguments. Each layer is kept only when HyperLab's own rules accept it
 * on the shape so far (so generation can go on); whether they are right is what Keras then says. Test-only.
 */
import type { Rng } from '../../src/engine/rng';
import type { Shape } from '../../src/keras/kerasModel';
import { type CallArgument, applyLayer } from '../../src/keras/layers/applyLayer';
import { type Py, inline, layer } from '../unit/keras/layerCallBuilders';
import type { Call, ModelProgram, ProgramNode } from '../support/keras/modelProgram';

type Dims = number[];

interface Recipe {
  readonly ranks: readonly number[] | 'any';
  readonly make: (rng: Rng, dims: Dims) => Call | null;
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(xs.length)]!;
const between = (rng: Rng, lo: number, hi: number): number => lo + rng.int(hi - lo + 1);
const maybe = (rng: Rng, kwargs: Record<string, Py>): Record<string, Py> => Object.fromEntries(Object.entries(kwargs).filter(() => rng.int(2) === 0));

function conv(name: string, rank: number): Recipe {
  const transpose = name.endsWith('Transpose');
  return {
    ranks: [rank + 1],
    make: (rng, dims) => {
      const k = between(rng, 1, Math.min(3, ...dims.slice(0, rank)));
      const strides = transpose || rng.int(3) > 0 ? 1 : 2;
      return layer(name, [between(rng, 1, 6), k], { ...maybe(rng, { padding: pick(rng, ['valid', 'same']), use_bias: rng.int(2) === 0, activation: 'relu' }), ...(strides > 1 ? { strides } : {}) });
    },
  };
}

function pool(name: string, rank: number): Recipe {
  return { ranks: [rank + 1], make: (rng, dims) => (Math.min(...dims.slice(0, rank)) < 2 ? null : layer(name, [2], maybe(rng, { padding: pick(rng, ['valid', 'same']) }))) };
}

const CHAIN: readonly Recipe[] = [
  { ranks: 'any', make: (rng) => layer('Dense', [between(rng, 1, 8)], maybe(rng, { activation: pick(rng, ['relu', 'tanh', 'softmax']), use_bias: rng.int(3) > 0 })) },
  { ranks: 'any', make: (rng) => pick(rng, [layer('Activation', ['relu']), layer('ReLU'), layer('LeakyReLU', [], { negative_slope: 0.2 }), layer('ELU'), layer('Softmax'), layer('Identity')]) },
  { ranks: 'any', make: (rng) => pick(rng, [layer('Dropout', [0.25]), layer('GaussianNoise', [0.1]), layer('GaussianDropout', [0.2]), layer('AlphaDropout', [0.1]), layer('ActivityRegularization', [], { l1: 0.01 }), layer('Masking')]) },
  { ranks: 'any', make: (rng, dims) => layer('PReLU', [], dims.length > 1 && rng.int(2) === 0 ? { shared_axes: [1] } : {}) },
  { ranks: 'any', make: (rng) => pick(rng, [layer('BatchNormalization', [], maybe(rng, { center: false, scale: false })), layer('LayerNormalization', [], maybe(rng, { center: false, scale: false })), layer('UnitNormalization'), layer('RMSNormalization')]) },
  { ranks: [2, 3, 4], make: (_rng, dims) => (dims.at(-1)! % 2 === 0 ? layer('GroupNormalization', [], { groups: 2 }) : null) },
  { ranks: [2, 3, 4], make: () => layer('Flatten') },
  { ranks: 'any', make: (rng, dims) => reshape(rng, dims) },
  { ranks: [1], make: (rng) => layer('RepeatVector', [between(rng, 2, 4)]) },
  { ranks: [2, 3], make: (rng, dims) => layer('Permute', [shuffle(rng, dims.map((_, i) => i + 1))]) },
  conv('Conv1D', 1), conv('Conv1DTranspose', 1), conv('Conv2D', 2), conv('Conv2DTranspose', 2), conv('Conv3D', 3), conv('Conv3DTranspose', 3),
  { ranks: [2], make: (rng) => layer('SeparableConv1D', [between(rng, 1, 4), 2], maybe(rng, { depth_multiplier: 2, padding: 'same' })) },
  { ranks: [3], make: (rng) => layer('SeparableConv2D', [between(rng, 1, 4), 2], maybe(rng, { depth_multiplier: 2, padding: 'same' })) },
  { ranks: [2], make: (rng) => layer('DepthwiseConv1D', [2], maybe(rng, { depth_multiplier: 2, use_bias: false })) },
  { ranks: [3], make: (rng) => layer('DepthwiseConv2D', [2], maybe(rng, { depth_multiplier: 3, padding: 'same' })) },
  pool('MaxPooling1D', 1), pool('AveragePooling1D', 1), pool('MaxPooling2D', 2), pool('AveragePooling2D', 2), pool('MaxPooling3D', 3), pool('AveragePooling3D', 3),
  { ranks: [2], make: (rng) => layer(pick(rng, ['GlobalMaxPooling1D', 'GlobalAveragePooling1D'])) },
  { ranks: [3], make: (rng) => layer(pick(rng, ['GlobalMaxPooling2D', 'GlobalAveragePooling2D']), [], maybe(rng, { keepdims: true })) },
  { ranks: [4], make: (rng) => layer(pick(rng, ['GlobalMaxPooling3D', 'GlobalAveragePooling3D'])) },
  { ranks: [2], make: (rng) => pick(rng, [layer('UpSampling1D', [2]), layer('ZeroPadding1D', [[1, 2]]), layer('Cropping1D', [[1, 0]]), layer('SpatialDropout1D', [0.2])]) },
  { ranks: [3], make: (rng) => pick(rng, [layer('UpSampling2D', [2]), layer('ZeroPadding2D', [[[1, 0], [0, 2]]]), layer('Cropping2D', [[[1, 0], [0, 1]]]), layer('SpatialDropout2D', [0.2])]) },
  { ranks: [4], make: (rng) => pick(rng, [layer('UpSampling3D', [2]), layer('ZeroPadding3D', [1]), layer('Cropping3D', [[[1, 0], [0, 1], [1, 0]]]), layer('SpatialDropout3D', [0.2])]) },
  { ranks: [2], make: (rng) => layer(pick(rng, ['LSTM', 'GRU', 'SimpleRNN']), [between(rng, 1, 6)], maybe(rng, { return_sequences: true, use_bias: false })) },
  { ranks: [2], make: (rng) => layer('GRU', [between(rng, 1, 4)], { reset_after: false }) },
  { ranks: [2], make: (rng) => layer('Bidirectional', [inline(pick(rng, ['LSTM', 'GRU', 'SimpleRNN']), [between(rng, 1, 4)], maybe(rng, { return_sequences: true }))], maybe(rng, { merge_mode: pick(rng, ['sum', 'mul', 'ave']) })) },
  { ranks: [2], make: (rng) => layer('RNN', [inline(pick(rng, ['LSTMCell', 'GRUCell', 'SimpleRNNCell']), [between(rng, 1, 4)])], maybe(rng, { return_sequences: true })) },
  { ranks: [2, 3], make: (rng) => layer('TimeDistributed', [inline('Dense', [between(rng, 1, 5)])]) },
  { ranks: [3], make: (rng) => layer('ConvLSTM1D', [between(rng, 1, 4), 2], maybe(rng, { return_sequences: true, padding: 'same' })) },
  { ranks: [4], make: (rng) => layer('ConvLSTM2D', [between(rng, 1, 3), 2], maybe(rng, { return_sequences: true, padding: 'same' })) },
  { ranks: [2], make: (rng) => layer(pick(rng, ['AdaptiveAveragePooling1D', 'AdaptiveMaxPooling1D']), [between(rng, 1, 3)]) },
  { ranks: [3], make: (rng) => layer(pick(rng, ['AdaptiveAveragePooling2D', 'AdaptiveMaxPooling2D']), [[between(rng, 1, 3), between(rng, 1, 3)]]) },
  { ranks: [4], make: (rng) => layer(pick(rng, ['AdaptiveAveragePooling3D', 'AdaptiveMaxPooling3D']), [2]) },
  {
    ranks: [3],
    make: (rng, dims) => pick(rng, [
      layer('RandomFlip'), layer('RandomRotation', [0.1]), layer('RandomZoom', [0.1]), layer('RandomContrast', [0.2]), layer('RandomTranslation', [0.1, 0.1]),
      layer('RandomBrightness', [0.1]), layer('Solarization'), layer('RandomInvert'), layer('AutoContrast'),
      layer('RandomCrop', [Math.max(1, dims[0]! - 1), Math.max(1, dims[1]! - 1)]),
    ]),
  },
];

function shuffle<T>(rng: Rng, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** Reshape to another factorization of the same size, sometimes with a -1. */
function reshape(rng: Rng, dims: Dims): Call | null {
  const size = dims.reduce((a, b) => a * b, 1);
  const divisors = Array.from({ length: size }, (_, i) => i + 1).filter((d) => size % d === 0 && d > 1 && d < size);
  if (divisors.length === 0) return layer('Reshape', [[size]]);
  const d = pick(rng, divisors);
  return layer('Reshape', [rng.int(2) === 0 ? [d, size / d] : [d, -1]]);
}

/** The output shape HyperLab's rules give `call` on `input`, or null when they do not accept it. */
function next(call: Call, inputs: readonly Shape[], callArgs: readonly CallArgument[] = []): Shape | null {
  const out = applyLayer(call, inputs, callArgs);
  if (out.problems.some((p) => p.severity === 'error') || out.outputShape === null || out.outputShapes) return null;
  const dims = out.outputShape.slice(1);
  return dims.every((d) => typeof d === 'number' && d > 0 && d <= 4096) ? out.outputShape : null;
}

/** One random model program, about `size` layers long. */
export function randomProgram(rng: Rng, size: number): ModelProgram {
  const nodes: ProgramNode[] = [];
  const shapes: Shape[] = [];
  const push = (node: ProgramNode, shape: Shape): number => {
    nodes.push(node);
    shapes.push(shape);
    return nodes.length - 1;
  };
  let x: number;
  if (rng.int(6) === 0) {
    const steps = between(rng, 3, 8);
    x = push({ call: layer('Input', [], { shape: [steps], dtype: 'int32' }), inputs: [] }, [null, steps]);
    const embedding = layer('Embedding', [between(rng, 10, 50), between(rng, 2, 6)]);
    x = push({ call: embedding, inputs: [x] }, next(embedding, [shapes[x]!])!);
  } else {
    const rank = between(rng, 1, 4);
    const dims = Array.from({ length: rank }, () => between(rng, 2, rank > 2 ? 5 : 8));
    x = push({ call: layer('Input', [], { shape: dims }), inputs: [] }, [null, ...dims]);
  }
  for (let step = 0; step < size; step++) {
    const dims = shapes[x]!.slice(1) as Dims;
    if (rng.int(5) === 0 && branch(rng, nodes, shapes, x, push)) {
      x = nodes.length - 1;
      continue;
    }
    for (let attempt = 0; attempt < 20; attempt++) {
      const recipe = pick(rng, CHAIN);
      if (recipe.ranks !== 'any' && !recipe.ranks.includes(dims.length)) continue;
      const call = recipe.make(rng, dims);
      const shape = call && next(call, [shapes[x]!]);
      if (!call || !shape) continue;
      x = push({ call, inputs: [x] }, shape);
      break;
    }
  }
  return { nodes };
}

/** A branch of the graph that joins back: a merge of x with a Dense of it, attention on x, or Dot. */
function branch(rng: Rng, nodes: ProgramNode[], shapes: Shape[], x: number, push: (n: ProgramNode, s: Shape) => number): boolean {
  const shape = shapes[x]!;
  const dims = shape.slice(1) as Dims;
  const kind = rng.int(4);
  if (kind === 0 && dims.length === 2) {
    const mha = layer('MultiHeadAttention', [], { num_heads: between(rng, 1, 3), key_dim: between(rng, 1, 4), ...maybe(rng, { value_dim: 3, use_bias: false, output_shape: 5 }) });
    const out = next(mha, [shape], [{ name: '#1', tensors: [shape], value: null }]);
    if (!out) return false;
    push({ call: mha, inputs: [x], callArgs: [{ name: '#1', node: x }] }, out);
    return true;
  }
  if (kind === 1 && dims.length === 2) {
    const att = layer(pick(rng, ['Attention', 'AdditiveAttention']), [], maybe(rng, { use_scale: true }));
    push({ call: att, inputs: [x, x] }, shape);
    return true;
  }
  const side = layer('Dense', [dims.at(-1)!]);
  const y = push({ call: side, inputs: [x] }, shape);
  const merge = kind === 2 ? layer(pick(rng, ['Add', 'Subtract', 'Multiply', 'Average', 'Maximum', 'Minimum'])) : dims.length <= 2 && rng.int(2) === 0 ? layer('Dot', [], { axes: -1 }) : layer('Concatenate', [], { axis: -1 });
  const out = next(merge, [shape, shape]);
  if (!out) {
    nodes.pop();
    shapes.pop();
    return false;
  }
  push({ call: merge, inputs: [x, y] }, out);
  return true;
}
