/**
 * Python source for the values of layer calls, each written one of several equivalent ways chosen by a
 * seeded Rng: a number as a literal, a module constant (`UNITS_3 = 64`) or arithmetic on one (`HALF_3 * 2`,
 * `(63 + 1)`, `int(64)`), a shape as a tuple or a list, strings in either quote, and the positional /
 * keyword split of a call's arguments (bound by the layer's Keras signature). The constants it needs are
 * collected for the file's header. Test-only.
 */
import type { Rng } from '../../../src/engine/rng';
import type { PyValue } from '../../../src/keras/kerasModel';
import { findRule } from '../../../src/keras/layers/layerRegistry';
import type { Call } from './modelProgram';

export class ValueWriter {
  /** `NAME = value` lines the values refer to. */
  readonly constants: string[] = [];
  private readonly quote: string;

  constructor(private readonly rng: Rng, private readonly layerRef: (cls: string) => string) {
    this.quote = rng.int(2) === 0 ? "'" : '"';
  }

  value(v: PyValue): string {
    switch (v.kind) {
      case 'number': return this.number(v.value);
      case 'string': return `${this.quote}${v.value}${this.quote}`;
      case 'bool': return v.value ? 'True' : 'False';
      case 'none': return 'None';
      case 'tuple': return this.sequence(v.items.map((i) => this.value(i)));
      case 'call': return `${this.layerRef(v.callee)}(${this.args({ className: v.callee, args: v.args, kwargs: v.kwargs }).join(', ')})`;
      case 'unknown': throw new Error('a value known only at run time cannot be written');
    }
  }

  /** `(a, b)` or `[a, b]`; one item `(a,)` or `[a]`. */
  sequence(items: readonly string[]): string {
    if (this.rng.int(2) === 0) return `[${items.join(', ')}]`;
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
  }

  number(n: number): string {
    const literal = Number.isInteger(n) ? String(n) : repr(n);
    if (n < 0) return this.rng.int(3) === 0 ? this.constant(literal) : literal;
    switch (this.rng.int(6)) {
      case 0: return this.constant(literal);
      case 1: return Number.isInteger(n) && n >= 2 && n % 2 === 0 ? `${this.constant(String(n / 2))} * 2` : literal;
      case 2: return Number.isInteger(n) && n >= 1 ? `(${n - 1} + 1)` : literal;
      case 3: return Number.isInteger(n) ? `int(${n})` : literal;
      default: return literal;
    }
  }

  private constant(text: string): string {
    const name = `C_${this.constants.length}`;
    this.constants.push(`${name} = ${text}`);
    return name;
  }

  /**
   * A call's arguments: the leading ones of the layer's signature positionally (any number of them, as long as
   * they are all given), the rest by keyword in a random order.
   */
  args(call: Call): string[] {
    const signature = findRule(call.className)?.signature ?? [];
    const given = new Map<string, PyValue>();
    call.args.forEach((v, i) => given.set(signature[i] ?? `#${i}`, v));
    for (const [k, v] of Object.entries(call.kwargs)) given.set(k, v);
    let maxPositional = 0;
    while (maxPositional < signature.length && given.has(signature[maxPositional]!)) maxPositional++;
    // Arguments the signature does not know (a positional beyond it) stay positional, as written.
    const unnamed = call.args.length > signature.length;
    const positional = unnamed ? call.args.length : Math.max(0, Math.min(maxPositional, this.rng.int(maxPositional + 2)));
    const out: string[] = [];
    const names = unnamed ? [] : signature.slice(0, positional);
    if (unnamed) call.args.forEach((v) => out.push(this.value(v)));
    for (const name of names) out.push(this.value(given.get(name)!));
    const keywords = [...given.entries()].filter(([k]) => !names.includes(k) && !k.startsWith('#'));
    for (let i = keywords.length - 1; i > 0; i--) {
      const j = this.rng.int(i + 1);
      [keywords[i], keywords[j]] = [keywords[j]!, keywords[i]!];
    }
    for (const [k, v] of keywords) out.push(`${k}=${this.value(v)}`);
    return out;
  }
}

/** Python's repr of a float: the shortest text that reads back the same number, as JavaScript prints it. */
function repr(n: number): string {
  const s = String(n);
  return /e/.test(s) ? s.replace('e+', 'e') : s;
}
