/**
 * Reads the keyword arguments of a Keras optimizer or learning-rate schedule the way the Python
 * constructor would receive them: unknown names are refused (Keras raises "Argument(s) not
 * recognized"), missing ones take the Keras default, and every refusal is a ConfigError naming the
 * argument, the value and what is accepted. It also splits a Keras identifier dict
 * ({"class_name": ..., "config": {...}} or the flat {"class_name": ..., arg: ...}) into name and args.
 * It knows no optimizer: callers pass the allowed names and ranges.
 */
import { type Message, msg } from '../../shared/message';
import { ConfigError } from '../configError';

export type ArgRecord = Readonly<Record<string, unknown>>;

/** A closed or half-open interval of accepted numbers; `hi` may be Infinity. */
export interface Interval {
  readonly lo: number;
  readonly hi: number;
  readonly loOpen?: boolean;
  readonly hiOpen?: boolean;
}

export const UNIT: Interval = { lo: 0, hi: 1 };
export const UNIT_OPEN_TOP: Interval = { lo: 0, hi: 1, hiOpen: true };
export const NON_NEGATIVE: Interval = { lo: 0, hi: Infinity };
export const POSITIVE: Interval = { lo: 0, hi: Infinity, loOpen: true };
export const ANY_NUMBER: Interval = { lo: -Infinity, hi: Infinity };

export function describeInterval(r: Interval): Message {
  if (r.lo === -Infinity && r.hi === Infinity) return msg('a finite number');
  if (r.hi === Infinity) return msg('a number {0}', `${r.loOpen ? '>' : '>='} ${r.lo}`);
  return msg('a number in {0}', `${r.loOpen ? '(' : '['}${r.lo}, ${r.hi}${r.hiOpen ? ')' : ']'}`);
}

export function inInterval(v: number, r: Interval): boolean {
  return Number.isFinite(v) && (r.loOpen ? v > r.lo : v >= r.lo) && (r.hiOpen ? v < r.hi : v <= r.hi);
}

export function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !ArrayBuffer.isView(x);
}

// Hints for names Keras 2 took and Keras 3 refuses or ignores (base_optimizer.py __init__ pops `decay`
// with a warning and raises on anything else, `lr` included).
const RENAMED: Readonly<Record<string, Message>> = {
  lr: msg('Keras 3 spells it learning_rate'),
  decay: msg('Keras 3 ignores decay; pass a schedule as learning_rate, e.g. {0}', '{"class_name": "ExponentialDecay", "config": {...}}'),
};

export class OptimizerArgs {
  constructor(
    private readonly raw: ArgRecord,
    readonly key: string,
    readonly owner: string,
    allowed: readonly string[],
  ) {
    for (const name of Object.keys(raw)) {
      if (allowed.includes(name) || raw[name] === undefined) continue;
      const allowedText = msg('no such argument: {0} takes {1}', owner, allowed.join(', '));
      const hint = Object.hasOwn(RENAMED, name) ? RENAMED[name] : undefined;
      throw new ConfigError(`${key}.${name}`, raw[name], hint === undefined ? allowedText : msg('{0}; {1}', allowedText, hint));
    }
  }

  /** True when the argument was given (undefined counts as not given, like an omitted kwarg). */
  has(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.raw, name) && this.raw[name] !== undefined;
  }

  value(name: string): unknown {
    return this.has(name) ? this.raw[name] : undefined;
  }

  fail(name: string, value: unknown, allowed: Message): never {
    throw new ConfigError(`${this.key}.${name}`, value, allowed);
  }

  number(name: string, fallback: number, range: Interval): number {
    if (!this.has(name)) return fallback;
    const v = this.raw[name];
    if (typeof v !== 'number' || !inInterval(v, range)) this.fail(name, v, msg('{0} for {1}', describeInterval(range), `${this.owner}(${name}=...)`));
    return v;
  }

  /** A number in range, or null (Python None); absent → `fallback`. */
  optionalNumber(name: string, fallback: number | null, range: Interval): number | null {
    if (!this.has(name)) return fallback;
    const v = this.raw[name];
    if (v === null) return null;
    if (typeof v !== 'number' || !inInterval(v, range)) this.fail(name, v, msg('None or {0} for {1}', describeInterval(range), `${this.owner}(${name}=...)`));
    return v;
  }

  boolean(name: string, fallback: boolean): boolean {
    if (!this.has(name)) return fallback;
    const v = this.raw[name];
    if (typeof v !== 'boolean') this.fail(name, v, msg('true or false for {0}', `${this.owner}(${name}=...)`));
    return v;
  }

  /** A string; null or absent → `fallback` (Keras replaces name=None by a default name). */
  string(name: string, fallback: string): string {
    if (!this.has(name) || this.raw[name] === null) return fallback;
    const v = this.raw[name];
    if (typeof v !== 'string') this.fail(name, v, msg('a string for {0}', `${this.owner}(${name}=...)`));
    return v;
  }
}

/** Name and arguments of a Keras identifier. */
export interface SplitIdentifier {
  readonly className: string;
  readonly args: ArgRecord;
}

// keras.saving.serialize_keras_object writes these beside class_name and config.
const ENVELOPE_KEYS = ['class_name', 'config', 'module', 'registered_name'];

/**
 * A string is a class name with no arguments (keras.optimizers.get builds {"class_name": s,
 * "config": {}}); a dict holds class_name and either `config` (Keras' serialized form) or the
 * arguments themselves (the flat form HyperLab's experiment files also accept).
 */
export function splitIdentifier(identifier: unknown, key: string, what: Message): SplitIdentifier {
  if (typeof identifier === 'string') return { className: identifier, args: {} };
  if (!isPlainObject(identifier) || typeof identifier.class_name !== 'string') {
    throw new ConfigError(key, identifier, msg('a {0} name or a {1} dict', what, '{"class_name": ..., "config": {...}}'));
  }
  const className = identifier.class_name;
  if (!Object.prototype.hasOwnProperty.call(identifier, 'config')) {
    const args: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(identifier)) if (k !== 'class_name') args[k] = v;
    return { className, args };
  }
  for (const k of Object.keys(identifier)) {
    if (!ENVELOPE_KEYS.includes(k)) {
      throw new ConfigError(`${key}.${k}`, identifier[k], msg('arguments inside "config" (beside it only {0})', ENVELOPE_KEYS.join(', ')));
    }
  }
  const config = identifier.config;
  if (config === null || config === undefined) return { className, args: {} };
  if (!isPlainObject(config)) throw new ConfigError(`${key}.config`, config, msg('a dict of {0} arguments', className));
  return { className, args: config };
}
