/**
 * The names a sweep gives its parameters: a path into the experiment file in Keras spelling
 * (`compile.optimizer.learning_rate`, `model.layers[0].units`, `model.layers[*].activation`,
 * `fit.batch_size`, `data.noise`, `seed`), or a short alias (`learning_rate`, `units`, `dropout`, ...)
 * that stands for one of them. Parsing checks the path's shape and that the base experiment has
 * somewhere to put the value; applying values is applyParameters.ts. The name as written stays the
 * Optuna parameter name, so a Python worker suggesting the same names shares the study.
 */
import { ConfigError } from '../engine/configError';
import { msg } from '../shared/message';
import type { JsonObject } from '../engine/experiment/specReader';
import { OPTIMIZER_DEFAULTS, optimizerClassName } from '../engine/optimizers/optimizerRegistry';

export type PathSegment = { readonly key: string } | { readonly index: number } | { readonly each: true };

/** What applying a value at the path means beyond setting a JSON key. */
export type PathKind =
  | 'value' // set the key (creating plain objects on the way)
  | 'optimizerClass' // compile.optimizer.class_name: switch class, keep the arguments the new class takes
  | 'optimizerArg' // compile.optimizer.<arg>: normalizes a string optimizer to {class_name, ...}
  | 'hiddenLayers' // model.hidden_layers: how many hidden Dense blocks (a Dense and the Dropouts after it)
  | 'regularizerFactor' // ...kernel_regularizer.l1 / .l2: normalizes to {class_name: "L1L2", l1, l2}
  | 'features'; // data.features: a list of Playground features; the model's input_shape follows

export interface ParameterPath {
  /** The name as the sweep file writes it (the Optuna parameter name). */
  readonly name: string;
  /** The full path it stands for, in Keras spelling. */
  readonly path: string;
  readonly segments: readonly PathSegment[];
  readonly kind: PathKind;
}

/** Short names and the full paths they stand for (`[*]`: every hidden layer that takes the key). */
export const PARAMETER_ALIASES: Readonly<Record<string, string>> = {
  learning_rate: 'compile.optimizer.learning_rate',
  optimizer: 'compile.optimizer.class_name',
  momentum: 'compile.optimizer.momentum',
  nesterov: 'compile.optimizer.nesterov',
  rho: 'compile.optimizer.rho',
  beta_1: 'compile.optimizer.beta_1',
  beta_2: 'compile.optimizer.beta_2',
  epsilon: 'compile.optimizer.epsilon',
  weight_decay: 'compile.optimizer.weight_decay',
  batch_size: 'fit.batch_size',
  epochs: 'fit.epochs',
  validation_split: 'fit.validation_split',
  units: 'model.layers[*].units',
  activation: 'model.layers[*].activation',
  dropout: 'model.layers[*].rate',
  kernel_initializer: 'model.layers[*].kernel_initializer',
  bias_initializer: 'model.layers[*].bias_initializer',
  l1: 'model.layers[*].kernel_regularizer.l1',
  l2: 'model.layers[*].kernel_regularizer.l2',
  hidden_layers: 'model.hidden_layers',
  num_layers: 'model.hidden_layers',
  dataset: 'data.dataset',
  noise: 'data.noise',
  train_ratio: 'data.train_ratio',
  samples: 'data.samples',
  features: 'data.features',
};

const ROOT_KEYS = ['seed', 'model', 'compile', 'fit', 'data'];
const FIT_KEYS = ['epochs', 'batch_size', 'shuffle', 'validation_split', 'callbacks'];
const COMPILE_KEYS = ['optimizer', 'loss'];
/** The arguments each layer class takes that a sweep may vary (src/engine/layers/layerRegistry.ts). */
export const LAYER_ARGS: Readonly<Record<string, readonly string[]>> = {
  Dense: ['units', 'activation', 'use_bias', 'kernel_initializer', 'bias_initializer', 'kernel_regularizer', 'bias_regularizer'],
  Dropout: ['rate'],
  Activation: ['activation'],
};

const SEGMENT = /^([A-Za-z_][A-Za-z0-9_]*)((?:\[(?:\d+|\*)\])*)$/;

function parseSegments(path: string, name: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const part of path.split('.')) {
    const m = SEGMENT.exec(part);
    if (!m) throw new ConfigError(`parameters.${name}`, name, msg('a path in Keras spelling such as "compile.optimizer.learning_rate", "model.layers[0].units" or "model.layers[*].activation", or an alias: {0}', Object.keys(PARAMETER_ALIASES).join(', ')));
    out.push({ key: m[1]! });
    for (const idx of m[2]!.match(/\[(\d+|\*)\]/g) ?? []) {
      const inner = idx.slice(1, -1);
      out.push(inner === '*' ? { each: true } : { index: Number(inner) });
    }
  }
  return out;
}

function kindOf(segments: readonly PathSegment[]): PathKind {
  const keys = segments.map((s) => ('key' in s ? s.key : 'index' in s ? `[${s.index}]` : '[*]'));
  const joined = keys.join('.');
  if (joined === 'compile.optimizer.class_name') return 'optimizerClass';
  if (keys[0] === 'compile' && keys[1] === 'optimizer' && keys.length === 3) return 'optimizerArg';
  if (joined === 'model.hidden_layers') return 'hiddenLayers';
  if (joined === 'data.features') return 'features';
  const last = keys[keys.length - 1];
  if ((last === 'l1' || last === 'l2') && /_regularizer$/.test(keys[keys.length - 2] ?? '')) return 'regularizerFactor';
  return 'value';
}

/** Parses a parameter name (a path or an alias); the structure is checked against `base` by checkPath. */
export function parseParameterPath(name: string): ParameterPath {
  const path = PARAMETER_ALIASES[name] ?? name;
  const segments = parseSegments(path, name);
  return { name, path, segments, kind: kindOf(segments) };
}

const optimizerOf = (base: JsonObject): unknown => (base.compile as JsonObject | undefined)?.optimizer ?? 'rmsprop';

/** The class name of the base experiment's optimizer (Keras' compile default is rmsprop). */
export function baseOptimizerClass(base: JsonObject): string | undefined {
  const opt = optimizerOf(base);
  const name = typeof opt === 'string' ? opt : typeof opt === 'object' && opt !== null ? (opt as JsonObject).class_name : undefined;
  return typeof name === 'string' ? optimizerClassName(name) : undefined;
}

function layerClass(layer: unknown): string | undefined {
  return typeof layer === 'object' && layer !== null ? ((layer as JsonObject).class_name as string | undefined) : undefined;
}

function checkLayerKey(layers: readonly unknown[], p: ParameterPath, index: number | 'each', key: string): void {
  const where = `parameters.${p.name}`;
  if (index === 'each') {
    const hidden = layers.slice(0, -1).filter((l) => LAYER_ARGS[layerClass(l) ?? '']?.includes(key));
    if (hidden.length === 0) throw new ConfigError(where, p.path, msg('a key some hidden layer of the base experiment takes; no hidden layer (every layer but the output) takes {0}', key));
    return;
  }
  const layer = layers[index];
  if (layer === undefined) throw new ConfigError(where, p.path, msg('a layer index below {0}: the base model has {0} layers', layers.length));
  const cls = layerClass(layer) ?? '';
  const args = LAYER_ARGS[cls] ?? [];
  if (!args.includes(key)) {
    throw new ConfigError(where, p.path, args.length > 0 ? msg('an argument {0} takes: {1}', cls, args.join(', ')) : msg('a layer a sweep can vary (Dense, Dropout or Activation); this one is {0}', cls || '?'));
  }
}

/**
 * Checks that `p` names something in `base` a sweep can set. `optimizerClasses`: the classes the
 * sweep may pick (its class_name values, or the base optimizer's class).
 */
export function checkPath(base: JsonObject, p: ParameterPath, optimizerClasses: readonly string[]): void {
  const where = `parameters.${p.name}`;
  const keys = p.segments;
  const first = keys[0] && 'key' in keys[0] ? keys[0].key : '';
  if (!ROOT_KEYS.includes(first)) throw new ConfigError(where, p.path, msg('a path starting with one of {0}', ROOT_KEYS.join(', ')));
  const k = (i: number): string | undefined => { const s = keys[i]; return s && 'key' in s ? s.key : undefined; };
  if (first === 'seed' && keys.length !== 1) throw new ConfigError(where, p.path, msg('"seed" (the training seed has no sub-keys)'));
  if (first === 'fit' && !FIT_KEYS.includes(k(1) ?? '')) throw new ConfigError(where, p.path, msg('fit.<key> with one of {0}', FIT_KEYS.join(', ')));
  if (first === 'compile') {
    if (!COMPILE_KEYS.includes(k(1) ?? '')) throw new ConfigError(where, p.path, msg('compile.optimizer.<argument>, compile.optimizer.class_name or compile.loss'));
    if (p.kind === 'optimizerArg') {
      const arg = k(2)!;
      const refusing = optimizerClasses.filter((c) => !(arg in (OPTIMIZER_DEFAULTS[c as keyof typeof OPTIMIZER_DEFAULTS] ?? {})));
      if (refusing.length > 0) throw new ConfigError(where, p.path, msg('an argument every optimizer of the sweep takes; {1} is not an argument of {0} (sweep it in a sweep of its own optimizer)', refusing.join(', '), arg));
    }
  }
  if (first === 'model') {
    if (p.kind === 'hiddenLayers') return;
    const layers = (base.model as JsonObject | undefined)?.layers;
    if (k(1) !== 'layers' || !Array.isArray(layers) || keys.length < 4 || !keys[2] || 'key' in keys[2] || !k(3)) {
      throw new ConfigError(where, p.path, msg('model.layers[i].<argument>, model.layers[*].<argument> (every hidden layer that takes it) or model.hidden_layers'));
    }
    checkLayerKey(layers, p, 'index' in keys[2] ? keys[2].index : 'each', k(3)!);
  }
}
