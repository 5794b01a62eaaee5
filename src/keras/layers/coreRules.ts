/**
 * Rules for Keras' core layers: Input/InputLayer, Dense, Embedding, Dropout, Identity, Masking, and the
 * activation layers (Activation, ReLU, LeakyReLU, Softmax, ELU, PReLU). Each rule cites its Keras 3 file under
 * keras/src/layers/.
 * Shape and parameter maths only; binding, trainable=False and outcome assembly live in applyLayer.
 */
import type { Dim, Shape } from '../kerasModel';
import { pyRepr, type BoundArgs } from './boundArgs';
import { readShapeTuple } from './declaredInputShape';
import { formatCount } from './formatting';
import { type LayerRule, type RuleContext, NO_WEIGHTS, Unknowable, knownDim, problem, requireMinRank, requireNotNone } from './layerRule';
import { msg } from '../message';

/** Layers whose output is their input (activations, dropout): no weights, any rank. */
function identityRule(className: string, source: string, signature: readonly string[], extra: Partial<LayerRule> = {}): LayerRule {
  return {
    className, source, signature, inputs: 'one',
    outputShape: ({ inputs }) => inputs.one(),
    weights: () => NO_WEIGHTS,
    ...extra,
  };
}

/** LoRA and quantization replace the kernel's weights; HyperLab does not model them. */
function rejectUnmodelledWeights(args: BoundArgs, names: readonly string[]): void {
  for (const name of names) {
    if (!args.isNone(name)) throw new Unknowable(msg('{0} changes which weights {1} creates; HyperLab does not model it', name, args.className));
  }
}

/** Input/InputLayer output: shape= (plus batch_size=) or batch_shape= (keras/src/layers/core/input_layer.py). */
function inputOutputShape(args: BoundArgs, tensorArg: string): Shape {
  if (!args.isNone(tensorArg)) throw new Unknowable(msg('the shape comes from {0}=, a tensor HyperLab cannot read', tensorArg));
  const shapeArg = !args.isNone('shape') ? 'shape' : !args.isNone('input_shape') ? 'input_shape' : null;
  const batchArg = !args.isNone('batch_shape') ? 'batch_shape' : !args.isNone('batch_input_shape') ? 'batch_input_shape' : null;
  if (shapeArg !== null && batchArg !== null) {
    throw problem('invalid-argument', msg('{0} gets both {1}= and {2}=; keep one', args.className, shapeArg, batchArg));
  }
  if (shapeArg === null && batchArg === null) {
    throw problem('invalid-argument', msg('{0} needs a shape, e.g. {0}(shape=(784,)) for vectors of 784 features', args.className));
  }
  const name = (shapeArg ?? batchArg)!;
  const dims = readDims(args, name);
  if (batchArg !== null) {
    if (!args.isNone('batch_size')) throw problem('invalid-argument', msg('{0} gets both batch_size= and {1}=; keep one', args.className, batchArg));
    return dims;
  }
  const batch: Dim = args.isNone('batch_size') ? null : args.size('batch_size');
  return [batch, ...dims];
}

function readDims(args: BoundArgs, name: string): Dim[] {
  const value = args.required(name);
  if (value.kind === 'number') {
    throw problem('invalid-argument', msg('{0} {1} must be a tuple, not a number: write {1}=({2},)', args.className, name, pyRepr(value)));
  }
  // A size known only when the code runs stays an unknown size in its axis (readShapeTuple).
  const dims = readShapeTuple(value);
  if (dims === null) throw problem('invalid-argument', msg('{0} {1} must be a tuple of non-negative integers or None, got {2}', args.className, name, pyRepr(value)));
  return dims;
}

const INPUT_LAYER: LayerRule = {
  className: 'InputLayer', source: 'core/input_layer.py', inputs: 'none',
  signature: ['shape', 'batch_size', 'dtype', 'sparse', 'ragged', 'batch_shape', 'input_tensor', 'optional', 'name'],
  extraKwargs: ['input_shape', 'batch_input_shape'],
  outputShape: ({ args }) => inputOutputShape(args, 'input_tensor'),
  weights: () => NO_WEIGHTS,
};

const INPUT: LayerRule = {
  ...INPUT_LAYER, className: 'Input',
  signature: ['shape', 'batch_size', 'dtype', 'sparse', 'ragged', 'batch_shape', 'name', 'tensor', 'optional'],
  extraKwargs: [],
  outputShape: ({ args }) => inputOutputShape(args, 'tensor'),
};

/** keras/src/layers/core/dense.py: kernel (d, units) on the last axis, bias (units,). */
const DENSE: LayerRule = {
  className: 'Dense', source: 'core/dense.py', inputs: 'one',
  signature: ['units', 'activation', 'use_bias', 'kernel_initializer', 'bias_initializer', 'kernel_regularizer', 'bias_regularizer', 'activity_regularizer', 'kernel_constraint', 'bias_constraint', 'lora_rank', 'lora_alpha', 'quantization_config'],
  check: ({ args }) => void args.positiveInt('units'),
  outputShape: ({ args, inputs }) => {
    const input = denseInput(inputs.one());
    return [...input.slice(0, -1), args.size('units')];
  },
  weights: ({ args, inputs }) => {
    const units = args.positiveInt('units');
    rejectUnmodelledWeights(args, ['lora_rank', 'quantization_config']);
    const d = knownDim('Dense', denseInput(inputs.one()).at(-1), msg('last axis (features)'));
    const bias = args.bool('use_bias', true);
    const expr = `${formatCount(d)} × ${formatCount(units)}${bias ? ` + ${formatCount(units)}` : ''}`;
    return { trainable: d * units + (bias ? units : 0), nonTrainable: 0, expr };
  },
};

function denseInput(input: Shape): Shape {
  requireMinRank('Dense', input, 2, '(batch, ..., features)');
  requireNotNone('Dense', input.at(-1), msg('last axis (features)'));
  return input;
}

/** keras/src/layers/core/embedding.py: embeddings (input_dim, output_dim); output appends output_dim. */
const EMBEDDING: LayerRule = {
  className: 'Embedding', source: 'core/embedding.py', inputs: 'one',
  signature: ['input_dim', 'output_dim', 'embeddings_initializer', 'embeddings_regularizer', 'embeddings_constraint', 'mask_zero', 'weights', 'lora_rank', 'lora_alpha', 'quantization_config'],
  extraKwargs: ['input_length'],
  check: ({ args }) => {
    args.positiveInt('input_dim');
    args.positiveInt('output_dim');
    if (args.has('input_length') && !args.isNone('input_length')) {
      args.warn('deprecated-argument', msg('Keras 3 ignores input_length (deprecated); declare the length with keras.Input(shape=(length,)) as the first layer, or a Keras 3 Sequential model stays unbuilt'), 'info');
    }
  },
  outputShape: ({ args, inputs }) => [...inputs.one(), args.size('output_dim')],
  weights: ({ args }) => {
    const v = args.positiveInt('input_dim');
    const d = args.positiveInt('output_dim');
    rejectUnmodelledWeights(args, ['lora_rank', 'quantization_config']);
    return { trainable: v * d, nonTrainable: 0, expr: `${formatCount(v)} × ${formatCount(d)}` };
  },
};

/** keras/src/layers/regularization/dropout.py: Keras raises unless 0 <= rate <= 1; rate 1 zeroes everything. */
function checkDropoutRate({ args }: RuleContext): void {
  let rate: number;
  try {
    rate = args.number('rate');
  } catch (e) {
    if (e instanceof Unknowable) return;
    throw e;
  }
  if (rate < 0 || rate > 1) {
    const wrong = msg('Dropout rate must be between 0 and 1 (the fraction of units set to zero during training), got {0}', rate);
    throw problem('dropout-rate', rate > 1 && rate <= 100 ? msg('{0}; it is a fraction, so for {1}% write {2}', wrong, formatCount(rate), `Dropout(${rate / 100})`) : wrong);
  }
  // keras/src/backend/*/random.py dropout returns zeros_like(inputs) for rate 1.0: no gradient flows back
  // through it, and the next layer's kernel gradient (input · δ) is 0, so only the biases after it learn.
  if (rate === 1) args.warn('dropout-rate', msg('Dropout(1.0) returns zeros during training: the layers before it get no gradient and the layers after it can learn only their biases; use a rate below 1, e.g. 0.5'));
}

const DROPOUT = identityRule('Dropout', 'regularization/dropout.py', ['rate', 'noise_shape', 'seed'], { check: checkDropoutRate });

/** keras/src/layers/activations/leaky_relu.py: alpha is the deprecated name of negative_slope. */
const LEAKY_RELU = identityRule('LeakyReLU', 'activations/leaky_relu.py', ['negative_slope'], {
  extraKwargs: ['alpha'],
  check: ({ args }) => {
    if (args.has('alpha')) args.warn('deprecated-argument', msg('LeakyReLU alpha= is deprecated in Keras 3; write negative_slope='), 'info');
    const slope = args.has('alpha') ? args.number('alpha') : args.number('negative_slope', 0.3);
    if (slope < 0) throw problem('invalid-argument', msg('LeakyReLU negative_slope must be 0 or more, got {0}', slope));
  },
});

/** activations/prelu.py build: alpha of the input's shape without the batch axis, 1 along each shared axis. */
const PRELU: LayerRule = {
  className: 'PReLU', source: 'activations/prelu.py', inputs: 'one',
  signature: ['alpha_initializer', 'alpha_regularizer', 'alpha_constraint', 'shared_axes'],
  outputShape: ({ inputs }) => inputs.one(),
  weights: ({ args, inputs }) => {
    const input = inputs.one();
    const shared = args.isNone('shared_axes') ? [] : sharedAxes(args, input.length);
    const dims = input.slice(1).map((d, i) => (shared.includes(i + 1) ? 1 : knownDim('PReLU', d, msg('axis {0}', i + 1))));
    const count = dims.reduce((a, b) => a * b, 1);
    return { trainable: count, nonTrainable: 0, expr: dims.map(formatCount).join(' × ') };
  },
};

function sharedAxes(args: BoundArgs, rank: number): number[] {
  const value = args.known('shared_axes')!;
  const axes = value.kind === 'tuple' ? args.intTuple('shared_axes', value.items.length, 1) : [args.int('shared_axes')];
  for (const a of axes) if (a < 1 || a >= rank) throw problem('invalid-argument', msg('PReLU shared_axes must name axes 1 to {0} of its input, got {1}', rank - 1, a));
  return axes;
}

export const CORE_RULES: readonly LayerRule[] = [
  INPUT_LAYER,
  INPUT,
  DENSE,
  EMBEDDING,
  DROPOUT,
  identityRule('Activation', 'core/activation.py', ['activation'], { check: ({ args }) => void args.required('activation') }),
  identityRule('ReLU', 'activations/relu.py', ['max_value', 'negative_slope', 'threshold']),
  LEAKY_RELU,
  identityRule('Softmax', 'activations/softmax.py', ['axis']),
  identityRule('ELU', 'activations/elu.py', ['alpha']),
  PRELU,
  identityRule('Identity', 'core/identity.py', []),
  identityRule('Masking', 'core/masking.py', ['mask_value']),
];
