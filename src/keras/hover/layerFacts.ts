/**
 * What the layer hover says about a Keras layer class: its kind in the lecture's list of layer types
 * (input, hidden, output, convolutional, pooling, recurrent, dropout) with the lecture's sentence, and the
 * Keras 3 constructor defaults of the arguments worth showing, as Python would print them (from the layer
 * files under keras/src/layers/, e.g. core/dense.py). Also which lecture group an argument belongs to
 * (architecture, regularization, initialization). Data only; the hover is built in layerHover.ts.
 */
import type { Translate } from './hoverMarkdown';

export type LayerKind = 'input' | 'dense' | 'convolutional' | 'pooling' | 'recurrent' | 'dropout' | 'activation' | 'reshaping' | 'normalization' | 'embedding' | 'merging' | 'other';

const KIND_PATTERNS: readonly (readonly [RegExp, LayerKind])[] = [
  [/^(Input|InputLayer)$/, 'input'],
  [/^(Dense|EinsumDense)$/, 'dense'],
  [/^(Conv[123]D(Transpose)?|Convolution[123]D|SeparableConv[12]D|DepthwiseConv[12]D)$/, 'convolutional'],
  [/Pool(ing)?[123]D$/, 'pooling'],
  [/^(SimpleRNN|LSTM|GRU|Bidirectional|ConvLSTM[123]D|RNN)$/, 'recurrent'],
  [/^(Dropout|SpatialDropout[123]D|GaussianDropout|AlphaDropout)$/, 'dropout'],
  [/^(Activation|ReLU|LeakyReLU|PReLU|ELU|Softmax)$/, 'activation'],
  [/^(Flatten|Reshape|RepeatVector|Permute|UpSampling[123]D|ZeroPadding[123]D|Cropping[123]D)$/, 'reshaping'],
  [/^(BatchNormalization|LayerNormalization|Normalization|Rescaling)$/, 'normalization'],
  [/^Embedding$/, 'embedding'],
  [/^(Concatenate|Add|Subtract|Multiply|Average|Maximum|Minimum|Dot)$/, 'merging'],
];

export function layerKind(className: string): LayerKind {
  return KIND_PATTERNS.find(([pattern]) => pattern.test(className))?.[1] ?? 'other';
}

/** The lecture's sentence for the layer's role ("Tipos de capas en redes neuronales"), plus what the class computes. */
export function layerRoleText(kind: LayerKind, role: 'input' | 'hidden' | 'output', t: Translate): string[] {
  const lines: string[] = [];
  if (role === 'input' || kind === 'input') lines.push(t('Input layer: receives the input data.'));
  else if (role === 'output') lines.push(t('Output layer: produces the final output of the network.'));
  else if (kind === 'dense') lines.push(t('Hidden layer: transforms the data internally through its activation function.'));
  switch (kind) {
    case 'dense': lines.push(t('Dense (fully connected): every unit receives every input feature and computes activation(input · kernel + bias). Its number of units is the dimension used to represent the data.')); break;
    case 'convolutional': lines.push(t('Convolutional layer: extracts features using convolutional filters.')); break;
    case 'pooling': lines.push(t('Pooling layer: reduces dimensionality through operations such as max pooling. It has no weights.')); break;
    case 'recurrent': lines.push(t('Recurrent layer: lets information persist from one step of a sequence to the next.')); break;
    case 'dropout': lines.push(t('Dropout layer: applies dropout to regularize the model. It has no weights.')); break;
    case 'activation': lines.push(t('Activation layer: applies an activation function to each value. It has no weights.')); break;
    case 'reshaping': lines.push(t('Reshaping layer: rearranges the values into another shape. It has no weights.')); break;
    case 'normalization': lines.push(t('Normalization layer: rescales its inputs to keep their values in a stable range.')); break;
    case 'embedding': lines.push(t('Embedding layer: maps each integer index (a word, a category) to a learned vector.')); break;
    case 'merging': lines.push(t('Merging layer: combines several tensors into one. It has no weights.')); break;
    default: break;
  }
  return lines;
}

/**
 * What a class needs said beyond its kind. BatchNormalization: keras/src/layers/normalization/
 * batch_normalization.py updates moving_mean ← moving_mean · momentum + mean(batch) · (1 − momentum) (and
 * moving_variance alike) in call() during training; they are non-trainable weights the optimizer never
 * touches, and inference normalizes with them instead of the batch's statistics.
 */
export function layerNotes(className: string, t: Translate): string[] {
  if (className !== 'BatchNormalization') return [];
  return [t('Its momentum ({0} by default) is the decay of the moving mean and variance, moving_mean ← momentum · moving_mean + (1 − momentum) · batch mean; it is not the optimizer\'s momentum. Those moving statistics are updated during training, not learned by the optimizer, and replace the batch\'s statistics at inference.', '0.99')];
}

/** Required arguments show as `required`; the rest with Keras 3's default. */
export const REQUIRED = '';

const RNN_DEFAULTS: Readonly<Record<string, string>> = {
  activation: "'tanh'", use_bias: 'True', kernel_initializer: "'glorot_uniform'", recurrent_initializer: "'orthogonal'",
  bias_initializer: "'zeros'", kernel_regularizer: 'None', dropout: '0.0', recurrent_dropout: '0.0', return_sequences: 'False',
};

/** Conv1D/2D/3D (and Transpose): strides and dilation_rate are 1, (1, 1) or (1, 1, 1) by rank. */
function convDefaults(rank: 1 | 2 | 3): Readonly<Record<string, string>> {
  const ones = rank === 1 ? '1' : `(${Array<string>(rank).fill('1').join(', ')})`;
  return {
    filters: REQUIRED, kernel_size: REQUIRED, strides: ones, padding: "'valid'", data_format: 'None', dilation_rate: ones,
    activation: 'None', use_bias: 'True', kernel_initializer: "'glorot_uniform'", bias_initializer: "'zeros'",
    kernel_regularizer: 'None', bias_regularizer: 'None',
  };
}

const POOL_1D = { pool_size: '2', strides: 'None', padding: "'valid'", data_format: 'None' };
const POOL_2D = { pool_size: '(2, 2)', strides: 'None', padding: "'valid'", data_format: 'None' };


/** Keras 3 constructor defaults, by class, of the arguments the hover lists. */
export const LAYER_DEFAULTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Dense: {
    units: REQUIRED, activation: 'None', use_bias: 'True', kernel_initializer: "'glorot_uniform'", bias_initializer: "'zeros'",
    kernel_regularizer: 'None', bias_regularizer: 'None', activity_regularizer: 'None',
  },
  Conv1D: convDefaults(1), Conv2D: convDefaults(2), Conv3D: convDefaults(3),
  Conv1DTranspose: convDefaults(1), Conv2DTranspose: convDefaults(2),
  MaxPooling1D: POOL_1D, AveragePooling1D: POOL_1D, MaxPooling2D: POOL_2D, AveragePooling2D: POOL_2D,
  GlobalMaxPooling1D: { data_format: 'None', keepdims: 'False' }, GlobalAveragePooling1D: { data_format: 'None', keepdims: 'False' },
  GlobalMaxPooling2D: { data_format: 'None', keepdims: 'False' }, GlobalAveragePooling2D: { data_format: 'None', keepdims: 'False' },
  Dropout: { rate: REQUIRED, noise_shape: 'None', seed: 'None' },
  Flatten: { data_format: 'None' },
  Activation: { activation: REQUIRED },
  Embedding: { input_dim: REQUIRED, output_dim: REQUIRED, embeddings_initializer: "'uniform'", embeddings_regularizer: 'None', mask_zero: 'False' },
  SimpleRNN: { units: REQUIRED, ...RNN_DEFAULTS },
  LSTM: { units: REQUIRED, ...RNN_DEFAULTS, recurrent_activation: "'sigmoid'", unit_forget_bias: 'True' },
  GRU: { units: REQUIRED, ...RNN_DEFAULTS, recurrent_activation: "'sigmoid'", reset_after: 'True' },
  Bidirectional: { layer: REQUIRED, merge_mode: "'concat'" },
  BatchNormalization: { axis: '-1', momentum: '0.99', epsilon: '0.001', center: 'True', scale: 'True' },
  LeakyReLU: { negative_slope: '0.3' },
  ReLU: { max_value: 'None', negative_slope: '0.0', threshold: '0.0' },
  ELU: { alpha: '1.0' },
  Softmax: { axis: '-1' },
  Reshape: { target_shape: REQUIRED },
  RepeatVector: { n: REQUIRED },
  UpSampling2D: { size: '(2, 2)', data_format: 'None', interpolation: "'nearest'" },
  Concatenate: { axis: '-1' },
  Rescaling: { scale: REQUIRED, offset: '0.0' },
  Input: { shape: 'None', batch_size: 'None', name: 'None' },
  InputLayer: { shape: 'None', batch_size: 'None', name: 'None' },
};

export type ArgumentGroup = 'architecture' | 'regularization' | 'initialization' | 'input' | null;

/** The lecture's groups of hyperparameters ("Hiperparámetros en redes neuronales"). */
export function argumentGroup(name: string, className: string): ArgumentGroup {
  if (className === 'Embedding' && name === 'input_dim') return 'architecture';
  if (/initializer$/.test(name)) return 'initialization';
  if (/regularizer$/.test(name) || name === 'rate' || /dropout$/.test(name)) return 'regularization';
  if (/^(input_shape|input_dim|batch_input_shape|input_length|shape|batch_shape|batch_size)$/.test(name)) return 'input';
  if (/^(units|filters|kernel_size|activation|recurrent_activation|strides|padding|pool_size|dilation_rate|use_bias|return_sequences|output_dim|input_dim|merge_mode)$/.test(name)) return 'architecture';
  return null;
}

export function groupLabel(group: ArgumentGroup, t: Translate): string {
  switch (group) {
    case 'architecture': return t('architecture');
    case 'regularization': return t('regularization');
    case 'initialization': return t('initialization');
    case 'input': return t('input shape');
    case null: return '';
  }
}
