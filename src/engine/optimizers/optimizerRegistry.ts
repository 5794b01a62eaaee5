/**
 * Keras optimizer identifiers → engine optimizers, resolved like keras.optimizers.get
 * (keras/src/optimizers/__init__.py): a string is a class name with no arguments, matched
 * case-insensitively ('adam', 'Adam', 'RMSprop', 'rmsprop'; Keras lower-cases names it knows), or a
 * dict {"class_name": ..., "config": {...}} / the flat {"class_name": ..., arg: value}. Also
 * OPTIMIZER_DEFAULTS, the Keras constructor defaults the UI shows. It builds; it does not train.
 */
import { msg } from '../../shared/message';
import { ConfigError } from '../configError';
import { Adagrad, ADAGRAD_DEFAULTS } from './adagrad';
import { Adam, ADAM_DEFAULTS } from './adam';
import { AdamW, ADAMW_DEFAULTS } from './adamw';
import { Nadam, NADAM_DEFAULTS } from './nadam';
import type { Optimizer } from './optimizer';
import { splitIdentifier, type ArgRecord } from './optimizerArgs';
import { RMSprop, RMSPROP_DEFAULTS } from './rmsprop';
import { SGD, SGD_DEFAULTS } from './sgd';

export type OptimizerClassName = 'SGD' | 'RMSprop' | 'Adam' | 'AdamW' | 'Adagrad' | 'Nadam';

export type OptimizerIdentifier =
  | string
  | { readonly class_name: string; readonly config: ArgRecord | null }
  | { readonly class_name: string; readonly [arg: string]: unknown };

export type OptimizerDefaultValue = number | boolean | null;

// The base arguments HyperLab implements, at their Keras defaults (base_optimizer.py __init__).
const BASE_DEFAULTS = { weight_decay: null, clipnorm: null, clipvalue: null, global_clipnorm: null } as const;

/**
 * Every implemented optimizer's arguments and Keras defaults, by class name: learning_rate, its own
 * arguments, then weight_decay and the clippings. (use_ema, loss_scale_factor and
 * gradient_accumulation_steps are accepted only at their defaults and left out.)
 */
export const OPTIMIZER_DEFAULTS: { readonly [K in OptimizerClassName]: Readonly<Record<string, OptimizerDefaultValue>> } = {
  SGD: { ...SGD_DEFAULTS, ...BASE_DEFAULTS },
  RMSprop: { ...RMSPROP_DEFAULTS, ...BASE_DEFAULTS },
  Adam: { ...ADAM_DEFAULTS, ...BASE_DEFAULTS },
  AdamW: { ...ADAMW_DEFAULTS, ...BASE_DEFAULTS, weight_decay: ADAMW_DEFAULTS.weight_decay },
  Adagrad: { ...ADAGRAD_DEFAULTS, ...BASE_DEFAULTS },
  Nadam: { ...NADAM_DEFAULTS, ...BASE_DEFAULTS },
};

type Factory = (args: ArgRecord, key: string) => Optimizer;

// The constructors check the argument records name by name and type by type.
const FACTORIES: { readonly [K in OptimizerClassName]: Factory } = {
  SGD: (args, key) => new SGD(args, key),
  RMSprop: (args, key) => new RMSprop(args, key),
  Adam: (args, key) => new Adam(args, key),
  AdamW: (args, key) => new AdamW(args, key),
  Adagrad: (args, key) => new Adagrad(args, key),
  Nadam: (args, key) => new Nadam(args, key),
};

export const OPTIMIZER_CLASS_NAMES = Object.keys(FACTORIES) as readonly OptimizerClassName[];

const BY_LOWER_NAME: ReadonlyMap<string, OptimizerClassName> = new Map(OPTIMIZER_CLASS_NAMES.map((n) => [n.toLowerCase(), n]));

/** The Keras class name for `name` ('adamw' → 'AdamW'), or undefined when HyperLab has no such optimizer. */
export function optimizerClassName(name: string): OptimizerClassName | undefined {
  return BY_LOWER_NAME.get(name.toLowerCase());
}

/**
 * Builds an optimizer from a Keras identifier; every problem is a ConfigError under `key`
 * ('compile.optimizer'), naming the argument and what it accepts.
 */
export function createOptimizer(config: OptimizerIdentifier, key: string): Optimizer {
  const { className, args } = splitIdentifier(config, key, msg('optimizer'));
  const resolved = optimizerClassName(className);
  if (resolved === undefined) {
    const where = typeof config === 'string' ? key : `${key}.class_name`;
    throw new ConfigError(where, className, msg('one of {0} (any case, as keras.optimizers.get)', OPTIMIZER_CLASS_NAMES.join(', ')));
  }
  return FACTORIES[resolved](args, key);
}
