/**
 * Python literals to values: numbers (`1_000`, `0x1F`, `1e-3`, `.5`; complex numbers are not followed)
 * and strings (quotes, triple quotes, r/b/u prefixes, the common backslash escapes). F-strings with
 * replacement fields are computed at run time and stay unknown. Also Python's own arithmetic where it
 * differs from JavaScript: floor division and modulo round toward minus infinity.
 */
import type { PyValueData } from '../kerasModel';
import { msg } from '../message';

const PLAIN_NUMBER = /^(?:[1-9]\d*|0)(?:\.\d*)?$|^\.\d+$/;

export function parsePythonNumber(text: string): PyValueData {
  // Plain decimal literals (nearly all of them) need none of the cases below.
  if (PLAIN_NUMBER.test(text)) return { kind: 'number', value: Number(text) };
  const t = text.replace(/_/g, '').toLowerCase();
  if (t.endsWith('j')) return { kind: 'unknown', reason: msg('is a complex number ({0})', text) };
  let value: number;
  if (/^0x[0-9a-f]+$/.test(t)) value = parseInt(t.slice(2), 16);
  else if (/^0o[0-7]+$/.test(t)) value = parseInt(t.slice(2), 8);
  else if (/^0b[01]+$/.test(t)) value = parseInt(t.slice(2), 2);
  else value = Number(t);
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'unknown', reason: msg('is not a number HyperLab can read ({0})', text) };
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };

/** The value of one string literal token such as `r'a\b'` or `"""doc"""`; null when it is not a plain string. */
export function parsePythonString(text: string): string | null {
  const m = /^([a-zA-Z]*)('''|"""|'|")/.exec(text);
  if (!m) return null;
  const prefix = m[1]!.toLowerCase();
  if (prefix.includes('f')) return null;
  const quote = m[2]!;
  const start = m[0].length;
  const end = text.endsWith(quote) && text.length >= start + quote.length ? text.length - quote.length : text.length;
  const body = text.slice(start, end);
  if (prefix.includes('r')) return body;
  return body.replace(/\\(.)/gs, (all, c: string) => ESCAPES[c] ?? (c === '\n' ? '' : all));
}

/** Python's `a // b` (floor division) and `a % b` (sign of the divisor). */
export function pyFloorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

export function pyMod(a: number, b: number): number {
  return a - b * Math.floor(a / b);
}
