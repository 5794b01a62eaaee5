/**
 * Small structural checks used by the protocol guards on both sides of a boundary. Messages arrive as
 * `unknown` (postMessage carries plain JSON); nothing is trusted until one of these has looked at it.
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function isArrayOf<T>(value: unknown, item: (v: unknown) => v is T): value is T[] {
  return Array.isArray(value) && value.every(item);
}

/** True when `value` is a record whose listed keys are all strings (extra keys are rejected). */
export function isStringTable<K extends string>(value: unknown, keys: readonly K[]): value is Record<K, string> {
  if (!isRecord(value)) return false;
  const present = Object.keys(value);
  return present.length === keys.length && keys.every((k) => isString(value[k]));
}

/** For exhaustive switches over discriminated unions: a new message type is a compile error. */
export function assertNever(value: never): never {
  throw new Error(`unexpected message: ${JSON.stringify(value)}`);
}
