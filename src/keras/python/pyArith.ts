/**
 * Python's operators on values already known statically: arithmetic with Python's floor division and
 * modulo, tuple and string concatenation and repetition, comparisons, truthiness and indexing. Anything
 * else (an unknown operand, an operator on mismatched kinds) gives an unknown value that keeps the
 * operand's reason, so "units comes from the function argument `n`" survives `n * 2`.
 */
import type { PyValue, PyValueData } from '../kerasModel';
import type { Sym } from '../graph/symbolic';
import { pyFloorDiv, pyMod } from './pyLiterals';
import { msg } from '../message';

function unknownOf(...values: PyValue[]): PyValueData {
  const u = values.find((v) => v.kind === 'unknown');
  return u && u.kind === 'unknown' ? { kind: 'unknown', reason: u.reason } : { kind: 'unknown', reason: msg('is only known when the code runs') };
}

function num(v: PyValue): number | null {
  if (v.kind === 'number') return v.value;
  if (v.kind === 'bool') return v.value ? 1 : 0;
  return null;
}

export function truthy(v: PyValue): boolean {
  switch (v.kind) {
    case 'number': return v.value !== 0;
    case 'string': return v.value.length > 0;
    case 'bool': return v.value;
    case 'none': return false;
    case 'tuple': return v.items.length > 0;
    default: return true;
  }
}

export function unaryOp(op: string, v: PyValue): PyValueData {
  if (op === 'not') return v.kind === 'unknown' ? unknownOf(v) : { kind: 'bool', value: !truthy(v) };
  const n = num(v);
  if (n === null) return unknownOf(v);
  if (op === '-') return { kind: 'number', value: -n };
  if (op === '+') return { kind: 'number', value: n };
  if (op === '~' && Number.isInteger(n)) return { kind: 'number', value: -n - 1 };
  return unknownOf(v);
}

function arith(op: string, a: number, b: number): number | null {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return b === 0 ? null : a / b;
    case '//': return b === 0 ? null : pyFloorDiv(a, b);
    case '%': return b === 0 ? null : pyMod(a, b);
    case '**': return a ** b;
    default: return null;
  }
}

function compare(op: string, a: number | string, b: number | string): boolean | null {
  switch (op) {
    case '==': return a === b;
    case '!=': return a !== b;
    case '<': return a < b;
    case '>': return a > b;
    case '<=': return a <= b;
    case '>=': return a >= b;
    default: return null;
  }
}

function sequenceOp(op: string, a: PyValue, b: PyValue): PyValueData | null {
  if (op === '+' && a.kind === 'tuple' && b.kind === 'tuple') return { kind: 'tuple', items: [...a.items, ...b.items] };
  if (op === '+' && a.kind === 'string' && b.kind === 'string') return { kind: 'string', value: a.value + b.value };
  if (op === '*' && (a.kind === 'tuple' || a.kind === 'string') && b.kind === 'number') return repeat(a, b.value);
  if (op === '*' && a.kind === 'number' && (b.kind === 'tuple' || b.kind === 'string')) return repeat(b, a.value);
  return null;
}

function repeat(v: PyValue, times: number): PyValueData | null {
  if (!Number.isInteger(times) || times > 10_000) return null;
  const n = Math.max(0, times);
  if (v.kind === 'string') return { kind: 'string', value: v.value.repeat(n) };
  if (v.kind === 'tuple') return { kind: 'tuple', items: Array.from({ length: n }, () => v.items).flat() };
  return null;
}

export function binaryOp(op: string, a: PyValue, b: PyValue): PyValueData {
  if (a.kind === 'unknown' || b.kind === 'unknown') return unknownOf(a, b);
  const seq = sequenceOp(op, a, b);
  if (seq) return seq;
  const x = num(a), y = num(b);
  if (x !== null && y !== null) {
    const r = arith(op, x, y);
    if (r !== null && Number.isFinite(r)) return { kind: 'number', value: r };
    const c = compare(op, x, y);
    if (c !== null) return { kind: 'bool', value: c };
  }
  if (a.kind === 'string' && b.kind === 'string') {
    const c = compare(op, a.value, b.value);
    if (c !== null) return { kind: 'bool', value: c };
  }
  if (op === 'is' || op === 'is not') {
    if (a.kind === 'none' || b.kind === 'none') return { kind: 'bool', value: (a.kind === b.kind) === (op === 'is') };
  }
  return { kind: 'unknown', reason: msg('is only known when the code runs ({0} on {1} and {2})', op, a.kind, b.kind) };
}

/** `seq[i]` with Python's negative indices; undefined index (a bare ':') or out of range gives null. */
export function indexValue(seq: readonly Sym[], index: number | null | undefined): Sym | null {
  if (index === null || index === undefined || !Number.isInteger(index)) return null;
  const i = index < 0 ? seq.length + index : index;
  return seq[i] ?? null;
}

