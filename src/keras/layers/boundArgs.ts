/**
 * Binds one layer call's arguments to its Keras constructor signature, the way Python does: positional
 * arguments fill the parameters in order, keywords by name; too many positionals or a value given twice is a
 * TypeError in Python and a problem here. Typed readers then return the value as Keras would use it, throw
 * `Unknowable` (with the source's reason) when the value is not statically known, and throw `LayerProblem`
 * when Keras would reject it. Not a parser: values arrive already read as `PyValue`s.
 */
import type { Dim, LayerProblemReport, PyValue } from '../kerasModel';
import { unknownSize } from './declaredInputShape';
import { type Message, msg, said } from '../message';
import { Unknowable, problem } from './layerRule';

export interface Warning extends LayerProblemReport {
  readonly severity: 'warning' | 'info';
}

/** Python's repr of a value, for messages: (28, 28, 1), 'relu', None, True. */
export function pyRepr(value: PyValue): string {
  switch (value.kind) {
    case 'number': return String(value.value);
    case 'string': return JSON.stringify(value.value).replace(/^"|"$/g, "'");
    case 'bool': return value.value ? 'True' : 'False';
    case 'none': return 'None';
    case 'tuple': return value.items.length === 1 ? `(${pyRepr(value.items[0]!)},)` : `(${value.items.map(pyRepr).join(', ')})`;
    case 'call': return `${value.callee}(...)`;
    case 'unknown': return '?';
  }
}

export class BoundArgs {
  private readonly values = new Map<string, PyValue>();
  /** Non-fatal findings while reading arguments (deprecated or ignored arguments). */
  readonly warnings: Warning[] = [];

  private constructor(readonly className: string) {}

  /** Python's binding of `args`/`kwargs` to `signature`; throws LayerProblem for a TypeError. */
  static bind(className: string, signature: readonly string[], args: readonly PyValue[], kwargs: Readonly<Record<string, PyValue>>): BoundArgs {
    const bound = new BoundArgs(className);
    if (args.length > signature.length) {
      const names = signature.length ? ` (${signature.slice(0, 4).join(', ')}${signature.length > 4 ? ', ...' : ''})` : '';
      throw problem('invalid-argument', signature.length === 1
        ? msg('{0} takes at most 1 positional argument{1} but gets {2}; pass the others by keyword', className, names, args.length)
        : msg('{0} takes at most {1} positional arguments{2} but gets {3}; pass the others by keyword', className, signature.length, names, args.length));
    }
    args.forEach((value, i) => bound.values.set(signature[i]!, value));
    for (const [name, value] of Object.entries(kwargs)) {
      if (bound.values.has(name)) {
        throw problem('invalid-argument', msg('{0} gets two values for {1}: one by position and one as {1}=', className, name));
      }
      bound.values.set(name, value);
    }
    return bound;
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  raw(name: string): PyValue | undefined {
    return this.values.get(name);
  }

  names(): string[] {
    return [...this.values.keys()];
  }

  /** The value, or undefined when absent; throws Unknowable when the source value cannot be known. */
  known(name: string): PyValue | undefined {
    const value = this.values.get(name);
    if (value?.kind === 'unknown') throw new Unknowable(msg('{0}: {1}', name, value.reason));
    return value;
  }

  /** Absent or None. */
  isNone(name: string): boolean {
    const value = this.known(name);
    return value === undefined || value.kind === 'none';
  }

  required(name: string): PyValue {
    const value = this.known(name);
    if (value === undefined) throw problem('invalid-argument', msg('{0} needs {1}; it is a required argument', this.className, name));
    return value;
  }

  /** A number; booleans count as 0/1 as in Python. */
  number(name: string, fallback?: number): number {
    const value = this.known(name);
    if (value === undefined) return this.fallback(name, fallback);
    return this.asNumber(name, value);
  }

  int(name: string, fallback?: number): number {
    const value = this.known(name);
    if (value === undefined) return this.fallback(name, fallback);
    return this.asInt(name, value);
  }

  positiveInt(name: string, fallback?: number): number {
    const n = this.int(name, fallback);
    if (n <= 0) throw problem('invalid-argument', msg('{0} {1} must be a positive integer, got {2}', this.className, name, n));
    return n;
  }

  /**
   * A size for an output shape (units, filters): a positive integer, or an unknown size with the reason when
   * the source value is only known at run time, so the rest of the shape still propagates.
   */
  size(name: string): Dim {
    const value = this.values.get(name);
    const unknown = value ? unknownSize(value) : null;
    if (unknown) return { unknown: msg('comes from {0}, which {1}', name, unknown.unknown) };
    return this.positiveInt(name);
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.known(name);
    if (value === undefined || value.kind === 'none') return fallback;
    if (value.kind === 'bool') return value.value;
    if (value.kind === 'number') return value.value !== 0;
    if (value.kind === 'call') throw computed(name, value);
    throw problem('invalid-argument', msg('{0} {1} must be True or False, got {2}', this.className, name, pyRepr(value)));
  }

  /** A string, or null for None/absent. */
  optionalString(name: string): string | null {
    const value = this.known(name);
    if (value === undefined || value.kind === 'none') return null;
    if (value.kind === 'string') return value.value;
    if (value.kind === 'call') throw computed(name, value);
    throw problem('invalid-argument', msg('{0} {1} must be a string, got {2}', this.className, name, pyRepr(value)));
  }

  string(name: string, fallback: string): string {
    return this.optionalString(name) ?? fallback;
  }

  /**
   * Keras' standardize_tuple: an int is repeated `rank` times, a tuple/list must have `rank` ints; values
   * must be positive (or ≥ 0 when `allowZero`).
   */
  intTuple(name: string, rank: number, fallback: number | readonly number[], allowZero = false): number[] {
    const value = this.known(name);
    let items: number[];
    if (value === undefined || value.kind === 'none') {
      items = typeof fallback === 'number' ? Array<number>(rank).fill(fallback) : [...fallback];
    } else if (value.kind === 'tuple') {
      items = value.items.map((item) => this.asInt(name, item));
      if (items.length !== rank) {
        throw problem('invalid-argument', msg('{0} {1} must be an integer or a tuple of {2} integers, got {3}', this.className, name, rank, pyRepr(value)));
      }
    } else {
      items = Array<number>(rank).fill(this.asInt(name, value));
    }
    for (const n of items) {
      if (n < 0 || (!allowZero && n === 0)) {
        throw problem('invalid-argument', allowZero
          ? msg('{0} {1} must contain non-negative integers, got {2}', this.className, name, formatInts(items))
          : msg('{0} {1} must contain positive integers, got {2}', this.className, name, formatInts(items)));
      }
    }
    return items;
  }

  warn(code: string, text: Message, severity: 'warning' | 'info' = 'warning'): void {
    this.warnings.push({ severity, code, ...said(text) });
  }

  private fallback(name: string, fallback: number | undefined): number {
    if (fallback === undefined) throw problem('invalid-argument', msg('{0} needs {1}; it is a required argument', this.className, name));
    return fallback;
  }

  private asNumber(name: string, value: PyValue): number {
    if (value.kind === 'unknown') throw new Unknowable(msg('{0}: {1}', name, value.reason));
    if (value.kind === 'number') return value.value;
    if (value.kind === 'bool') return value.value ? 1 : 0;
    if (value.kind === 'call') throw computed(name, value);
    throw problem('invalid-argument', msg('{0} {1} must be a number, got {2}', this.className, name, pyRepr(value)));
  }

  private asInt(name: string, value: PyValue): number {
    const n = this.asNumber(name, value);
    if (!Number.isInteger(n)) throw problem('invalid-argument', msg('{0} {1} must be an integer, got {2}', this.className, name, pyRepr(value)));
    return n;
  }
}

/** A call's result where a plain value is expected (`units=get_units()`): only known when the code runs. */
function computed(name: string, value: Extract<PyValue, { kind: 'call' }>): Unknowable {
  return new Unknowable(msg('{0}: is computed by `{1}(...)` when the code runs', name, value.callee));
}

function formatInts(items: readonly number[]): string {
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

