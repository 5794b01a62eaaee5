/**
 * Keras initializer identifiers → engine initializers, as keras/src/initializers/__init__.py `get`
 * resolves them: a string ('glorot_uniform', 'GlorotUniform', or the aliases 'uniform', 'normal',
 * 'one', 'zero'; case-sensitive, like Keras) or a {"class_name", "config"} dict whose config holds the
 * constructor's keyword arguments. Also `describeInitializer`, the numbers the editor's hovers show.
 * It does not sample and does not know layers: the caller passes the key for error messages.
 */
import { msg } from '../../shared/message';
import { ConfigError } from '../configError';
import { Constant, Ones, Zeros } from './constantInitializers';
import type { Initializer } from './initializer';
import { InitializerArgs } from './initializerArgs';
import type { DescribableInitializer, InitializerDescription } from './initializerDescription';
import { RandomNormal, RandomUniform, TruncatedNormal } from './randomInitializers';
import { FAN_MODES, GlorotNormal, GlorotUniform, HeNormal, HeUniform, LecunNormal, LecunUniform, VARIANCE_SCALING_DISTRIBUTIONS, VarianceScaling } from './varianceScaling';

export type InitializerIdentifier = string | { class_name: string; config?: Record<string, unknown> } | Record<string, unknown>;

interface Entry {
  /** Keras class name ('GlorotUniform') and its to_snake_case form ('glorot_uniform'). */
  readonly className: string;
  readonly name: string;
  /** The constructor's keyword arguments, in Keras order. */
  readonly args: readonly string[];
  create(a: InitializerArgs): DescribableInitializer;
}

// Defaults are the Keras constructor defaults (random_initializers.py, constant_initializers.py).
const ENTRIES: readonly Entry[] = [
  { className: 'GlorotUniform', name: 'glorot_uniform', args: ['seed'], create: (a) => new GlorotUniform(a.seed()) },
  { className: 'GlorotNormal', name: 'glorot_normal', args: ['seed'], create: (a) => new GlorotNormal(a.seed()) },
  { className: 'HeUniform', name: 'he_uniform', args: ['seed'], create: (a) => new HeUniform(a.seed()) },
  { className: 'HeNormal', name: 'he_normal', args: ['seed'], create: (a) => new HeNormal(a.seed()) },
  { className: 'LecunUniform', name: 'lecun_uniform', args: ['seed'], create: (a) => new LecunUniform(a.seed()) },
  { className: 'LecunNormal', name: 'lecun_normal', args: ['seed'], create: (a) => new LecunNormal(a.seed()) },
  {
    className: 'RandomUniform', name: 'random_uniform', args: ['minval', 'maxval', 'seed'],
    create: (a) => new RandomUniform(a.number('minval', -0.05), a.number('maxval', 0.05), a.seed()),
  },
  {
    className: 'RandomNormal', name: 'random_normal', args: ['mean', 'stddev', 'seed'],
    create: (a) => new RandomNormal(a.number('mean', 0.0), a.number('stddev', 0.05), a.seed()),
  },
  {
    className: 'TruncatedNormal', name: 'truncated_normal', args: ['mean', 'stddev', 'seed'],
    create: (a) => new TruncatedNormal(a.number('mean', 0.0), a.number('stddev', 0.05), a.seed()),
  },
  {
    className: 'VarianceScaling', name: 'variance_scaling', args: ['scale', 'mode', 'distribution', 'seed'],
    // Keras lower-cases `distribution` and reads "normal" as "truncated_normal".
    create: (a) => new VarianceScaling(
      a.positive('scale', 1.0),
      a.choice('mode', 'fan_in', FAN_MODES),
      a.choice('distribution', 'truncated_normal', VARIANCE_SCALING_DISTRIBUTIONS, (s) => (s.toLowerCase() === 'normal' ? 'truncated_normal' : s.toLowerCase())),
      a.seed(),
    ),
  },
  { className: 'Zeros', name: 'zeros', args: [], create: () => new Zeros() },
  { className: 'Ones', name: 'ones', args: [], create: () => new Ones() },
  { className: 'Constant', name: 'constant', args: ['value'], create: (a) => new Constant(a.number('value', 0.0)) },
];

/** The snake_case names HyperLab supports, for pickers and completions. */
export const INITIALIZER_NAMES: readonly string[] = ENTRIES.map((e) => e.name);

/** Keras' ALL_OBJECTS_DICT: class names, their snake_case forms, and the aliases Keras adds. */
const BY_NAME: ReadonlyMap<string, Entry> = (() => {
  const map = new Map<string, Entry>();
  for (const e of ENTRIES) {
    map.set(e.className, e);
    map.set(e.name, e);
  }
  const alias = (name: string, target: string): void => { map.set(name, map.get(target)!); };
  alias('uniform', 'random_uniform');
  alias('normal', 'random_normal');
  alias('one', 'ones');
  alias('zero', 'zeros');
  return map;
})();

/** Keras initializers HyperLab does not implement: named in the error instead of "unknown". */
const UNSUPPORTED = new Set(['Orthogonal', 'orthogonal', 'OrthogonalInitializer', 'orthogonal_initializer', 'Identity', 'identity', 'IdentityInitializer', 'STFTInitializer']);

const ALLOWED = msg('one of {0} (or its Keras class name, e.g. GlorotUniform), or {1}', INITIALIZER_NAMES.join(', '), '{"class_name": ..., "config": {...}}');

function unknownName(key: string, name: string): ConfigError {
  if (UNSUPPORTED.has(name)) return new ConfigError(key, name, msg('an initializer HyperLab implements ({0} is a Keras initializer HyperLab does not support): {1}', name, ALLOWED));
  // Prefer a match that differs only in case ('Glorot_Uniform'), then one that also drops underscores.
  const squash = (s: string): string => s.toLowerCase().replace(/_/g, '');
  const keys = [...BY_NAME.keys()];
  const near = keys.find((k) => k.toLowerCase() === name.toLowerCase()) ?? keys.find((k) => squash(k) === squash(name));
  return new ConfigError(key, name, near === undefined ? ALLOWED : msg('{0} (Keras names are case-sensitive: did you mean "{1}"?)', ALLOWED, near));
}

/** The top-level keys of a serialized Keras object that are not constructor arguments. */
const IDENTIFIER_KEYS = ['class_name', 'config', 'module', 'registered_name'];

function createInitializer(identifier: unknown, key: string): DescribableInitializer {
  let name: string;
  let config: unknown;
  if (typeof identifier === 'string') {
    name = identifier;
  } else if (typeof identifier === 'object' && identifier !== null && !Array.isArray(identifier) && 'class_name' in identifier) {
    const obj = identifier as Record<string, unknown>;
    if (typeof obj.class_name !== 'string') throw new ConfigError(`${key}.class_name`, obj.class_name, msg('an initializer class name such as "GlorotUniform"'));
    name = obj.class_name;
    // Keras' nested {"class_name": "Constant", "config": {"value": 0.1}} or the flat {"class_name": "Constant", "value": 0.1}.
    const flat = Object.fromEntries(Object.entries(obj).filter(([k]) => !IDENTIFIER_KEYS.includes(k)));
    if (Object.keys(flat).length === 0) config = obj.config;
    else if (obj.config !== undefined && obj.config !== null) {
      const first = Object.keys(flat)[0]!;
      throw new ConfigError(`${key}.${first}`, flat[first], msg('its place under "config" (give arguments either flat or under "config", not both)'));
    } else config = flat;
  } else {
    throw new ConfigError(key, identifier, msg('an initializer: {0}', ALLOWED));
  }
  const entry = BY_NAME.get(name);
  if (entry === undefined) throw unknownName(key, name);
  return entry.create(InitializerArgs.read(config, key, entry.className, entry.args));
}

/**
 * Resolves a Keras initializer identifier, e.g. 'glorot_uniform', 'HeNormal',
 * {"class_name": "Constant", "config": {"value": 0.1}}. `key` names the setting in errors
 * ("layers[0].kernel_initializer"). Throws ConfigError for unknown names or arguments.
 */
export function getInitializer(config: InitializerIdentifier, key: string): Initializer {
  return createInitializer(config, key);
}

/**
 * The concrete spread an initializer gives a weight with these fans, e.g. glorot_uniform with
 * (784, 512) → uniform with limit √(6 / 1296) ≈ 0.06804. For a Dense kernel (input_dim, units) the
 * fans are (input_dim, units); for a bias (units,) both are units (computeFans.ts).
 * Throws ConfigError, like getInitializer, when `config` is not a valid identifier.
 */
export function describeInitializer(config: InitializerIdentifier, fanIn: number, fanOut: number, key = 'initializer'): InitializerDescription {
  return createInitializer(config, key).describe(fanIn, fanOut);
}
