/**
 * Keras loss identifiers → the engine's Loss objects, mirroring keras/src/losses/__init__.py `get`:
 * a string is a function name, a class name or an alias ('mse', 'MAE', 'bce', ...), built with Keras'
 * defaults; a dict {class_name, config} builds that class with its arguments (from_logits,
 * label_smoothing, delta). Anything else is a ConfigError naming the key and what is allowed.
 * Arguments HyperLab cannot honour (another reduction or axis, ignore_class) are errors, not silently
 * dropped. Not here: compile()'s shape-based 'crossentropy'/'ce' shortcut, which needs the output shape.
 */
import { msg } from '../../shared/message';
import { ConfigError, lookup } from '../configError';
import { BinaryCrossentropy } from './binaryCrossentropy';
import { CategoricalCrossentropy } from './categoricalCrossentropy';
import { Huber } from './huber';
import type { Loss } from './loss';
import { MeanAbsoluteError } from './meanAbsoluteError';
import { MeanSquaredError } from './meanSquaredError';
import { SparseCategoricalCrossentropy } from './sparseCategoricalCrossentropy';

/** The dict form of a Keras loss, as `keras.losses.get({'class_name': ..., 'config': {...}})` takes it. */
export interface LossClassConfig {
  class_name: string;
  config?: Readonly<Record<string, unknown>> | null;
}

export type LossIdentifier = string | LossClassConfig;

/** The parsed arguments a loss class takes (Keras spelling). */
interface LossArgs {
  from_logits: boolean;
  label_smoothing: number;
  delta: number;
}

interface LossKind {
  /** Keras class name, the dict form's class_name. */
  readonly className: string;
  /** Arguments this class takes besides reduction, name and dtype. */
  readonly args: readonly string[];
  make(args: LossArgs): Loss;
}

const CROSSENTROPY_ARGS = ['from_logits', 'label_smoothing', 'axis'] as const;

const BCE: LossKind = {
  className: 'BinaryCrossentropy',
  args: CROSSENTROPY_ARGS,
  make: (a) => new BinaryCrossentropy({ from_logits: a.from_logits, label_smoothing: a.label_smoothing }),
};
const CCE: LossKind = {
  className: 'CategoricalCrossentropy',
  args: CROSSENTROPY_ARGS,
  make: (a) => new CategoricalCrossentropy({ from_logits: a.from_logits, label_smoothing: a.label_smoothing }),
};
const SCCE: LossKind = {
  className: 'SparseCategoricalCrossentropy',
  args: ['from_logits', 'ignore_class', 'axis'],
  make: (a) => new SparseCategoricalCrossentropy({ from_logits: a.from_logits }),
};
const MSE: LossKind = { className: 'MeanSquaredError', args: [], make: () => new MeanSquaredError() };
const MAE: LossKind = { className: 'MeanAbsoluteError', args: [], make: () => new MeanAbsoluteError() };
const HUBER: LossKind = { className: 'Huber', args: ['delta'], make: (a) => new Huber({ delta: a.delta }) };

const KINDS: readonly LossKind[] = [BCE, CCE, SCCE, MSE, MAE, HUBER];

/** String identifiers: function names, class names and the aliases of keras/src/losses/__init__.py. */
const BY_NAME: ReadonlyMap<string, LossKind> = new Map<string, LossKind>([
  ['binary_crossentropy', BCE], ['BinaryCrossentropy', BCE], ['bce', BCE], ['BCE', BCE],
  ['categorical_crossentropy', CCE], ['CategoricalCrossentropy', CCE],
  ['sparse_categorical_crossentropy', SCCE], ['SparseCategoricalCrossentropy', SCCE],
  ['mean_squared_error', MSE], ['MeanSquaredError', MSE], ['mse', MSE], ['MSE', MSE],
  ['mean_absolute_error', MAE], ['MeanAbsoluteError', MAE], ['mae', MAE], ['MAE', MAE],
  ['huber', HUBER], ['Huber', HUBER],
]);

const BY_CLASS: ReadonlyMap<string, LossKind> = new Map(KINDS.map((k) => [k.className, k]));

/** Every string `getLoss` accepts. */
export const LOSS_NAMES: readonly string[] = [...BY_NAME.keys()];

const DEFAULT_ARGS: LossArgs = { from_logits: false, label_smoothing: 0, delta: 1.0 };

/**
 * The loss Keras would build for `identifier` (a name, or {class_name, config}); `key` names the setting
 * in errors, e.g. "compile.loss".
 */
export function getLoss(identifier: LossIdentifier, key: string): Loss {
  if (typeof identifier === 'string') return lookup(BY_NAME, key, identifier).make(DEFAULT_ARGS);
  if (typeof identifier !== 'object' || identifier === null || Array.isArray(identifier)) {
    throw new ConfigError(key, identifier, msg('a loss name (one of {0}) or {1}', LOSS_NAMES.join(', '), '{class_name, config}'));
  }
  const kind = lookup(BY_CLASS, `${key}.class_name`, identifier.class_name);
  return kind.make(parseArgs(kind, identifier.config ?? {}, `${key}.config`));
}

function parseArgs(kind: LossKind, config: Readonly<Record<string, unknown>>, key: string): LossArgs {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) throw new ConfigError(key, config, msg('an object of loss arguments'));
  const args: LossArgs = { ...DEFAULT_ARGS };
  for (const [name, value] of Object.entries(config)) {
    const k = `${key}.${name}`;
    if (!kind.args.includes(name) && !['reduction', 'name', 'dtype'].includes(name)) {
      throw new ConfigError(k, value, msg('one of the {0} arguments: {1}', kind.className, [...kind.args, 'reduction', 'name', 'dtype'].join(', ')));
    }
    parseArg(args, name, value, k);
  }
  return args;
}

function parseArg(args: LossArgs, name: string, value: unknown, key: string): void {
  switch (name) {
    case 'from_logits':
      if (typeof value !== 'boolean') throw new ConfigError(key, value, msg('True or False'));
      args.from_logits = value;
      return;
    case 'label_smoothing':
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw new ConfigError(key, value, msg('a number in {0}', '[0, 1]'));
      args.label_smoothing = value;
      return;
    case 'delta':
      if (typeof value !== 'number' || !(value > 0 && Number.isFinite(value))) throw new ConfigError(key, value, msg('a number {0}', '> 0'));
      args.delta = value;
      return;
    case 'axis':
      // HyperLab's outputs are (batch, units): the last axis is the only class axis.
      if (value !== -1 && value !== 1) throw new ConfigError(key, value, msg('-1 (the last axis; HyperLab models have 2-D outputs)'));
      return;
    case 'ignore_class':
      if (value !== null) throw new ConfigError(key, value, msg('None (HyperLab does not support ignore_class)'));
      return;
    case 'reduction':
      // Keras documents "mean" as "sum the loss and divide by the sample size", the same as
      // "sum_over_batch_size" (the Loss class docstrings in keras/src/losses/losses.py).
      if (value !== 'sum_over_batch_size' && value !== 'mean') {
        throw new ConfigError(key, value, msg('"sum_over_batch_size" (HyperLab reduces every loss by the mean over the batch)'));
      }
      return;
    case 'name':
      if (typeof value !== 'string') throw new ConfigError(key, value, msg('a string'));
      return;
    case 'dtype':
      if (value !== null && value !== 'float32') throw new ConfigError(key, value, msg('None or "float32" (the engine computes in float32)'));
      return;
  }
}
