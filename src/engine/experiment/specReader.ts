/**
 * Small readers for untrusted JSON (experiment files): each takes a value and its dotted key path and
 * either returns it typed or throws a ConfigError that names the key, the value and what is allowed.
 */
import { ConfigError } from '../configError';
import { MAX_SEED, SEED_RANGE_TEXT } from '../rng';
import { type Message, msg } from '../../shared/message';

export type JsonObject = Record<string, unknown>;

export function readObject(value: unknown, key: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(key, value, msg('an object'));
  return value as JsonObject;
}

/** Throws on the first key of `obj` that is not in `allowed`. */
export function rejectUnknownKeys(obj: JsonObject, allowed: readonly string[], key: string): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) throw new ConfigError(key ? `${key}.${k}` : k, obj[k], msg('no such key; allowed keys are {0}', allowed.join(', ')));
  }
}

interface NumberRule {
  readonly min?: number;
  readonly max?: number;
  /** Exclusive bounds. */
  readonly above?: number;
  readonly below?: number;
  readonly integer?: boolean;
}

function describeRule(rule: NumberRule): Message {
  const kind = rule.integer ? msg('an integer') : msg('a number');
  const bounds: string[] = [];
  if (rule.min !== undefined) bounds.push(`>= ${rule.min}`);
  if (rule.above !== undefined) bounds.push(`> ${rule.above}`);
  if (rule.max !== undefined) bounds.push(`<= ${rule.max}`);
  if (rule.below !== undefined) bounds.push(`< ${rule.below}`);
  return bounds.length === 0 ? kind : msg('{0} {1}', kind, bounds.join(' '));
}

export function readNumber(value: unknown, key: string, rule: NumberRule = {}): number {
  const ok =
    typeof value === 'number' && Number.isFinite(value) &&
    (!rule.integer || Number.isInteger(value)) &&
    (rule.min === undefined || value >= rule.min) && (rule.max === undefined || value <= rule.max) &&
    (rule.above === undefined || value > rule.above) && (rule.below === undefined || value < rule.below);
  if (!ok) throw new ConfigError(key, value, describeRule(rule));
  return value;
}

export function optionalNumber(value: unknown, key: string, fallback: number, rule: NumberRule = {}): number {
  return value === undefined ? fallback : readNumber(value, key, rule);
}

export function optionalBoolean(value: unknown, key: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new ConfigError(key, value, msg('true or false'));
  return value;
}

export function readString(value: unknown, key: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new ConfigError(key, value, msg('a non-empty string'));
  return value;
}

export function readOneOf<T extends string>(value: unknown, key: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) throw new ConfigError(key, value, msg('one of {0}', allowed.map((a) => JSON.stringify(a)).join(', ')));
  return value as T;
}

/** A shape: a non-empty list of positive integers (Keras' input_shape without the batch axis). */
export function readShape(value: unknown, key: string): number[] {
  if (!Array.isArray(value) || value.length === 0) throw new ConfigError(key, value, msg('a non-empty list of positive integers, e.g. [784]'));
  return value.map((d, i) => readNumber(d, `${key}[${i}]`, { integer: true, min: 1 }));
}

/** What float32-range errors say is allowed (the engine computes in float32, as Keras' default floatx). */
export const FLOAT32_TEXT: Message = msg('a number within float32 range (magnitude at most 3.4028235e38; the engine computes in float32, where a larger value becomes Infinity)');

/** A finite number that stays finite as a float32: 1e39 would become Infinity in a Float32Array. */
export function readFloat32(value: unknown, key: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ConfigError(key, value, msg('a finite number'));
  if (!Number.isFinite(Math.fround(value))) throw new ConfigError(key, value, FLOAT32_TEXT);
  return value;
}

/** A numeric matrix given as nested lists, flattened row-major, with every row of the same width. */
export function readMatrix(value: unknown, key: string): { data: Float32Array; rows: number; cols: number } {
  if (!Array.isArray(value) || value.length === 0) throw new ConfigError(key, value, msg('a non-empty list of rows'));
  const rows = value.length;
  const first: unknown = value[0];
  const cols = Array.isArray(first) ? first.length : 1;
  const data = new Float32Array(rows * cols);
  value.forEach((row: unknown, r) => {
    const cells: unknown[] = Array.isArray(row) ? row : [row];
    if (cells.length !== cols) throw new ConfigError(`${key}[${r}]`, row, msg('a row of {0} numbers like row 0', cols));
    cells.forEach((c, j) => (data[r * cols + j] = readFloat32(c, Array.isArray(row) ? `${key}[${r}][${j}]` : `${key}[${r}]`)));
  });
  return { data, rows, cols };
}

/** A random seed: an integer 0..2^32 - 1, the range Keras accepts (rng.ts MAX_SEED). */
export function readSeed(value: unknown, key: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_SEED) throw new ConfigError(key, value, SEED_RANGE_TEXT);
  return value;
}

/**
 * A model or layer name: a non-empty string without "/", as Keras 3 requires of every operation's name
 * (keras/src/ops/operation.py: "Argument `name` must be a string and cannot contain character `/`").
 */
export function readName(value: unknown, key: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.includes('/')) throw new ConfigError(key, value, msg('a non-empty string without "/" (a Keras name)'));
  return value;
}
