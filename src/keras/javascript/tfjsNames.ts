/**
 * TensorFlow.js' Layers API spelled the Keras way: `tf.layers.conv2d` is Keras' Conv2D, config keys are
 * camelCase (`inputShape`, `kernelSize`) where Keras has snake_case, and some string values too
 * (`'glorotUniform'`, `'categoricalCrossentropy'`, `'channelsLast'`). Converted once, so the layer rules
 * and the loss check read one spelling. TF.js defaults that differ from Keras 3 are made explicit: its GRU
 * has no reset_after (tfjs-layers recurrent.ts rejects resetAfter=true), i.e. Keras' reset_after=False.
 */
import type { PyValue } from '../kerasModel';

/** The module paths TF.js is imported from. */
export function isTfjsModule(spec: string): boolean {
  return /^@tensorflow\/tfjs(-node(-gpu)?|-layers)?$/.test(spec);
}

const SPECIAL_CLASSES: Readonly<Record<string, string>> = {
  lstm: 'LSTM', gru: 'GRU', simpleRNN: 'SimpleRNN', reLU: 'ReLU', leakyReLU: 'LeakyReLU', prelu: 'PReLU', elu: 'ELU',
  thresholdedReLU: 'ThresholdedReLU', inputLayer: 'InputLayer', cropping2D: 'Cropping2D', rnn: 'RNN',
  lstmCell: 'LSTMCell', gruCell: 'GRUCell', simpleRNNCell: 'SimpleRNNCell', convLstm2d: 'ConvLSTM2D',
};

/** `conv2dTranspose` -> 'Conv2DTranspose', `maxPooling2d` -> 'MaxPooling2D', `dense` -> 'Dense'. */
export function tfjsLayerClass(name: string): string {
  const special = SPECIAL_CLASSES[name];
  if (special) return special;
  const pascal = name.charAt(0).toUpperCase() + name.slice(1);
  return pascal.replace(/(\d)d(?=[A-Z]|$)/g, '$1D');
}

/** camelCase -> snake_case: 'kernelSize' -> 'kernel_size', 'glorotUniform' -> 'glorot_uniform'. */
export function camelToSnake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toLowerCase();
}

/** Keys whose string values are identifiers TF.js writes in camelCase. */
const CAMEL_VALUED = new Set([
  'activation', 'recurrent_activation', 'data_format', 'merge_mode', 'loss', 'kernel_initializer', 'bias_initializer',
  'recurrent_initializer', 'embeddings_initializer', 'gamma_initializer', 'beta_initializer', 'moving_mean_initializer',
  'moving_variance_initializer', 'depthwise_initializer', 'pointwise_initializer', 'interpolation', 'padding',
]);

function convertValue(key: string, value: PyValue): PyValue {
  if (value.kind === 'string' && CAMEL_VALUED.has(key)) return { ...value, value: camelToSnake(value.value) };
  if (value.kind === 'tuple' && key === 'metrics') return { ...value, items: value.items.map((v) => (v.kind === 'string' ? { ...v, value: camelToSnake(v.value) } : v)) };
  return value;
}

/** A TF.js config object as Keras kwargs (and the positional `layer` of wrappers). */
export function kerasKwargs(className: string, config: ReadonlyMap<string, PyValue>): { args: PyValue[]; kwargs: Record<string, PyValue> } {
  const kwargs: Record<string, PyValue> = {};
  const args: PyValue[] = [];
  for (const [key, value] of config) {
    const snake = camelToSnake(key);
    if (snake === 'layer' && (className === 'Bidirectional' || className === 'TimeDistributed')) args.push(value);
    else kwargs[snake] = convertValue(snake, value);
  }
  if (className === 'GRU' && !('reset_after' in kwargs)) kwargs['reset_after'] = { kind: 'bool', value: false };
  return { args, kwargs };
}

/** Optimizers, regularizers, initializers and callbacks of TF.js, under their Keras names for hovers. */
export function tfjsOtherClass(category: string, name: string): string {
  if (category === 'train') return ({ sgd: 'SGD', momentum: 'SGD', rmsprop: 'RMSprop', adam: 'Adam', adamax: 'Adamax', adagrad: 'Adagrad', adadelta: 'Adadelta' } as Record<string, string>)[name] ?? name;
  if (category === 'regularizers') return name === 'l1l2' ? 'L1L2' : name;
  return name.charAt(0).toUpperCase() + name.slice(1);
}
