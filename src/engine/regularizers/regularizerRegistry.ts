/**
 * Keras regularizer identifiers → engine regularizers, as keras/src/regularizers/__init__.py `get`
 * resolves them: None → no regularizer; a string looked up in ALL_OBJECTS_DICT (the class names L1,
 * L2, L1L2 and their to_snake_case forms l1, l2, l1l2) and built with the constructor defaults; or a
 * {"class_name", "config"} dict. Note that to_snake_case("L1L2") is "l1l2": Keras 3 has no 'l1_l2'
 * string (get raises "Could not interpret regularizer identifier"), and 'l1l2' means
 * L1L2(l1=0.0, l2=0.0), no penalty at all — the docstring's "'l1_l2' uses 0.01 and 0.01" is a
 * Keras 2 leftover. Penalties themselves are in l1.ts, l2.ts and l1L2.ts.
 */
import { FLOAT32_TEXT } from '../experiment/specReader';
import { msg } from '../../shared/message';
import { ConfigError } from '../configError';
import { L1 } from './l1';
import { L1L2 } from './l1L2';
import { L2 } from './l2';
import type { Regularizer } from './regularizer';

interface Entry {
  readonly className: string;
  readonly args: readonly string[];
  create(arg: (name: string, fallback: number) => number): Regularizer;
}

// Defaults as in the Keras constructors, which also map an explicit None to the default.
const L1_ENTRY: Entry = { className: 'L1', args: ['l1'], create: (arg) => new L1(arg('l1', 0.01)) };
const L2_ENTRY: Entry = { className: 'L2', args: ['l2'], create: (arg) => new L2(arg('l2', 0.01)) };
const L1L2_ENTRY: Entry = { className: 'L1L2', args: ['l1', 'l2'], create: (arg) => new L1L2(arg('l1', 0.0), arg('l2', 0.0)) };

/** Keras' ALL_OBJECTS_DICT, minus the base Regularizer and OrthogonalRegularizer. */
const BY_NAME: ReadonlyMap<string, Entry> = new Map([
  ['L1', L1_ENTRY], ['l1', L1_ENTRY],
  ['L2', L2_ENTRY], ['l2', L2_ENTRY],
  ['L1L2', L1L2_ENTRY], ['l1l2', L1L2_ENTRY],
]);

/** The snake_case names HyperLab supports, for pickers and completions. */
export const REGULARIZER_NAMES: readonly string[] = ['l1', 'l2', 'l1l2'];

const ALLOWED = msg('one of {0} (or {1}), {2}, or None', 'l1, l2, l1l2', 'L1, L2, L1L2', '{"class_name": "L2", "config": {"l2": 0.01}}');

function unknownName(key: string, name: string): ConfigError {
  if (name === 'l1_l2') {
    return new ConfigError(key, name, msg('{0}; Keras 3 rejects the string \'l1_l2\' ({1}): write L1L2(l1=0.01, l2=0.01), i.e. {2} (the string \'l1l2\' gives l1=0, l2=0)',
      ALLOWED, '"Could not interpret regularizer identifier"', '{"class_name": "L1L2", "config": {"l1": 0.01, "l2": 0.01}}'));
  }
  if (name === 'OrthogonalRegularizer' || name === 'orthogonal_regularizer') {
    return new ConfigError(key, name, msg('a regularizer HyperLab implements ({0} is a Keras regularizer HyperLab does not support): {1}', name, ALLOWED));
  }
  return new ConfigError(key, name, ALLOWED);
}

/** A penalty factor as Keras' validate_float_arg accepts it: a finite number >= 0; None → default. */
function readFactor(config: Record<string, unknown>, key: string, className: string, name: string, fallback: number): number {
  const v = config[name];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new ConfigError(`${key}.${name}`, v, msg('a non-negative number for {0}', `${className}(${name}=...)`));
  if (!Number.isFinite(Math.fround(v))) throw new ConfigError(`${key}.${name}`, v, FLOAT32_TEXT);
  return v;
}

function build(entry: Entry, config: unknown, key: string): Regularizer {
  const args: Record<string, unknown> = {};
  if (config !== undefined && config !== null) {
    if (typeof config !== 'object' || Array.isArray(config)) throw new ConfigError(`${key}.config`, config, msg('a dict of {0} arguments', entry.className));
    Object.assign(args, config);
  }
  const extra = Object.keys(args).find((k) => !entry.args.includes(k));
  if (extra !== undefined) throw new ConfigError(`${key}.config`, extra, msg('an argument of {0}, which takes {1}', entry.className, msg('only {0}', entry.args.join(', '))));
  return entry.create((name, fallback) => readFactor(args, key, entry.className, name, fallback));
}

/** The top-level keys of a serialized Keras object that are not constructor arguments. */
const IDENTIFIER_KEYS = ['class_name', 'config', 'module', 'registered_name'];

/**
 * The arguments of a dict identifier: Keras' nested {"class_name": "L2", "config": {"l2": 0.01}} or the
 * experiment file's flat {"class_name": "L2", "l2": 0.01}; mixing both is an error.
 */
function flatOrNestedConfig(obj: Record<string, unknown>, key: string): unknown {
  const flat = Object.fromEntries(Object.entries(obj).filter(([k]) => !IDENTIFIER_KEYS.includes(k)));
  if (Object.keys(flat).length === 0) return obj.config;
  if (obj.config !== undefined && obj.config !== null) {
    throw new ConfigError(`${key}.${Object.keys(flat)[0]}`, flat[Object.keys(flat)[0]!], msg('its place under "config" (give arguments either flat or under "config", not both)'));
  }
  return flat;
}

/**
 * Resolves a Keras regularizer identifier: null/undefined → null; 'l2' → L2(0.01);
 * {"class_name": "L1L2", "config": {"l1": 0.001, "l2": 0.01}} → L1L2(0.001, 0.01). The dict form also
 * takes class_name 'l1_l2', the Python alias keras.regularizers.l1_l2 of the L1L2 class (defaults 0, 0).
 * `key` names the setting in errors. Throws ConfigError for unknown names, arguments or values.
 */
export function getRegularizer(config: unknown, key: string): Regularizer | null {
  if (config === null || config === undefined) return null;
  if (typeof config === 'string') {
    const entry = BY_NAME.get(config);
    if (entry === undefined) throw unknownName(key, config);
    return build(entry, undefined, key);
  }
  if (typeof config === 'object' && !Array.isArray(config) && 'class_name' in config) {
    const obj = config as Record<string, unknown>;
    const name = obj.class_name;
    if (typeof name !== 'string') throw new ConfigError(`${key}.class_name`, name, msg('a regularizer class name such as "L2"'));
    const entry = name === 'l1_l2' ? L1L2_ENTRY : BY_NAME.get(name);
    if (entry === undefined) throw unknownName(key, name);
    return build(entry, flatOrNestedConfig(obj, key), key);
  }
  throw new ConfigError(key, config, ALLOWED);
}
