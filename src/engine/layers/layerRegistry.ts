/**
 * Turns layer configs in Keras spelling into engine layers: Dense, Dropout, Activation, Flatten, and an
 * InputLayer/Input entry that only fixes the input shape. Accepts the flat form
 * {"class_name": "Dense", "units": 8} and Keras' own {"class_name": "Dense", "config": {...}}. Unknown
 * classes, unknown arguments and bad values are ConfigErrors naming the key. Names follow Keras'
 * automatic naming (dense, dense_1, ...) unless given.
 */
import { getActivation } from '../activations/activationRegistry';
import { msg } from '../../shared/message';
import { ConfigError } from '../configError';
import { readName, readObject, readNumber, readSeed, readShape, readString, rejectUnknownKeys, optionalBoolean, type JsonObject } from '../experiment/specReader';
import { type InitializerIdentifier, getInitializer } from '../initializers/initializerRegistry';
import { getRegularizer } from '../regularizers/regularizerRegistry';
import { ActivationLayer } from './activationLayer';
import { Dense } from './dense';
import { Dropout } from './dropout';
import { Flatten } from './flatten';
import type { Layer } from './layer';

export const LAYER_CLASSES = ['Dense', 'Dropout', 'Activation', 'Flatten', 'InputLayer'] as const;

/** Keys every layer accepts: its name and, on the first layer, the input shape. */
const COMMON = ['class_name', 'name', 'input_shape', 'input_dim', 'batch_input_shape', 'dtype', 'trainable'];

export interface ParsedLayers {
  readonly layers: Layer[];
  /** The input shape the configs gave (InputLayer, input_shape or input_dim), or null. */
  readonly inputShape: number[] | null;
}

/** Keras' automatic layer names: the snake_case class name, then _1, _2, ... */
class LayerNamer {
  private readonly counts = new Map<string, number>();
  private readonly used = new Set<string>();

  name(className: string, given: unknown, key: string): string {
    if (given !== undefined) {
      const name = readName(given, key);
      if (this.used.has(name)) throw new ConfigError(key, given, msg('a name no other layer of the model uses'));
      this.used.add(name);
      return name;
    }
    const base = className.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
    for (;;) {
      const n = this.counts.get(base) ?? 0;
      this.counts.set(base, n + 1);
      const name = n === 0 ? base : `${base}_${n}`;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }
}

/** The config's arguments, flattened from Keras' nested {"config": {...}} form when used. */
function argumentsOf(raw: JsonObject, key: string): JsonObject {
  if (raw.config === undefined) return raw;
  const inner = readObject(raw.config, `${key}.config`);
  return { class_name: raw.class_name, ...inner };
}

function inputShapeOf(args: JsonObject, key: string): number[] | null {
  if (args.input_shape !== undefined && args.input_shape !== null) return readShape(args.input_shape, `${key}.input_shape`);
  if (args.batch_input_shape !== undefined && args.batch_input_shape !== null) return withoutBatchAxis(args.batch_input_shape, `${key}.batch_input_shape`);
  if (args.input_dim !== undefined && args.input_dim !== null) return [readNumber(args.input_dim, `${key}.input_dim`, { integer: true, min: 1 })];
  return null;
}

/** [null, 784] → [784]: a shape with its batch axis first (batch_input_shape, InputLayer's batch_shape). */
function withoutBatchAxis(full: unknown, key: string): number[] {
  if (!Array.isArray(full) || full.length < 2) throw new ConfigError(key, full, msg('a list like [null, 784]'));
  return readShape(full.slice(1), key);
}

function checkCommon(args: JsonObject, key: string): void {
  if (args.trainable !== undefined && args.trainable !== true) {
    throw new ConfigError(`${key}.trainable`, args.trainable, msg('true (frozen layers are not supported in training)'));
  }
  if (args.dtype !== undefined && args.dtype !== null && args.dtype !== 'float32') throw new ConfigError(`${key}.dtype`, args.dtype, msg('{0}', '"float32"'));
}

function buildLayer(className: string, args: JsonObject, key: string, namer: LayerNamer): Layer {
  const name = (cls: string) => namer.name(cls, args.name, `${key}.name`);
  switch (className) {
    case 'Dense': {
      rejectUnknownKeys(args, [...COMMON, 'units', 'activation', 'use_bias', 'kernel_initializer', 'bias_initializer', 'kernel_regularizer', 'bias_regularizer'], key);
      const units = readNumber(args.units, `${key}.units`, { integer: true, min: 1 });
      return new Dense({
        name: name('Dense'),
        units,
        activation: getActivation(args.activation as string | null | undefined, `${key}.activation`),
        useBias: optionalBoolean(args.use_bias, `${key}.use_bias`, true),
        kernelInitializer: getInitializer((args.kernel_initializer ?? 'glorot_uniform') as InitializerIdentifier, `${key}.kernel_initializer`),
        biasInitializer: getInitializer((args.bias_initializer ?? 'zeros') as InitializerIdentifier, `${key}.bias_initializer`),
        kernelRegularizer: getRegularizer(args.kernel_regularizer, `${key}.kernel_regularizer`),
        biasRegularizer: getRegularizer(args.bias_regularizer, `${key}.bias_regularizer`),
      });
    }
    case 'Dropout': {
      rejectUnknownKeys(args, [...COMMON, 'rate', 'seed', 'noise_shape'], key);
      // keras/src/layers/regularization/dropout.py accepts 0 <= rate <= 1, and for rate 1 the backends return
      // zeros (keras/src/backend/*/random.py): no layer before it learns, after it only biases. A certain
      // mistake, refused here.
      const rate = readNumber(args.rate, `${key}.rate`, { min: 0, below: 1 });
      if (args.noise_shape !== undefined && args.noise_shape !== null) throw new ConfigError(`${key}.noise_shape`, args.noise_shape, msg('null (per-unit dropout)'));
      if (args.seed !== undefined && args.seed !== null) readSeed(args.seed, `${key}.seed`);
      return new Dropout(name('Dropout'), rate);
    }
    case 'Activation':
      rejectUnknownKeys(args, [...COMMON, 'activation'], key);
      return new ActivationLayer(name('Activation'), getActivation(readString(args.activation, `${key}.activation`), `${key}.activation`));
    case 'Flatten':
      rejectUnknownKeys(args, [...COMMON, 'data_format'], key);
      if (args.data_format !== undefined && args.data_format !== null && args.data_format !== 'channels_last') {
        throw new ConfigError(`${key}.data_format`, args.data_format, msg('{0}', '"channels_last"'));
      }
      return new Flatten(name('Flatten'));
    default:
      throw new ConfigError(`${key}.class_name`, className, msg('one of {0}', LAYER_CLASSES.join(', ')));
  }
}

/** Parses the model's layer list; an InputLayer/Input entry is only allowed first. */
export function parseLayers(value: unknown, key: string): ParsedLayers {
  if (!Array.isArray(value) || value.length === 0) throw new ConfigError(key, value, msg('a non-empty list of layer configs'));
  const namer = new LayerNamer();
  const layers: Layer[] = [];
  let inputShape: number[] | null = null;
  value.forEach((entry: unknown, i) => {
    const k = `${key}[${i}]`;
    const args = argumentsOf(readObject(entry, k), k);
    const className = readString(args.class_name, `${k}.class_name`);
    if (className === 'InputLayer' || className === 'Input') {
      if (i !== 0) throw new ConfigError(`${k}.class_name`, className, msg('an InputLayer only as the first entry'));
      rejectUnknownKeys(args, ['class_name', 'name', 'shape', 'batch_shape', 'input_shape', 'batch_input_shape', 'dtype', 'sparse'], k);
      if (args.name !== undefined && args.name !== null) readName(args.name, `${k}.name`);
      if (args.sparse !== undefined && args.sparse !== null && args.sparse !== false) throw new ConfigError(`${k}.sparse`, args.sparse, msg('false (sparse inputs are not supported)'));
      checkCommon(args, k);
      inputShape = args.shape !== undefined && args.shape !== null ? readShape(args.shape, `${k}.shape`)
        : args.batch_shape !== undefined && args.batch_shape !== null ? withoutBatchAxis(args.batch_shape, `${k}.batch_shape`) : inputShapeOf(args, k);
      if (!inputShape) throw new ConfigError(`${k}.shape`, undefined, msg('the input shape, e.g. [784]'));
      return;
    }
    checkCommon(args, k);
    const given = inputShapeOf(args, k);
    if (given) {
      if (layers.length > 0) throw new ConfigError(`${k}.input_shape`, args.input_shape ?? args.input_dim, msg('an input shape only on the first layer'));
      if (inputShape) throw new ConfigError(`${k}.input_shape`, args.input_shape ?? args.input_dim, msg('one input shape (an InputLayer already gives it)'));
      inputShape = given;
    }
    layers.push(buildLayer(className, args, k, namer));
  });
  if (layers.length === 0) throw new ConfigError(key, value, msg('at least one layer besides the input'));
  return { layers, inputShape };
}
