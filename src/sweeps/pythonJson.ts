/**
 * JSON as Python's json module writes and reads it, for Optuna's journal: `dumps` formats like
 * json.dumps (", " and ": " separators, floats in repr form so 1.0 stays a float and 1e-05 keeps its
 * two-digit exponent), and `loads` also accepts the bare NaN, Infinity and -Infinity Python writes for
 * non-finite floats (which JSON.parse refuses). Not a general JSON library: no indentation, no
 * sorting, and dumps refuses non-finite numbers (HyperLab never writes them).
 */

/** A number Python holds as a float (json.dumps prints 1.0, not 1). */
export class PyFloat {
  constructor(readonly value: number) {}
}

export const pyFloat = (x: number): PyFloat => new PyFloat(x);

/** repr(float) of CPython: the shortest round-trip digits, fixed notation for 1e-4 <= |x| < 1e16. */
export function pyFloatRepr(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`pyFloatRepr: ${x} is not finite (Python would write NaN/Infinity, which HyperLab never writes)`);
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const [mant, expText] = Math.abs(x).toExponential().split('e') as [string, string];
  const exp = Number(expText);
  const digits = mant.replace('.', '');
  if (exp >= -4 && exp < 16) {
    if (exp >= digits.length - 1) return `${sign}${digits}${'0'.repeat(exp - digits.length + 1)}.0`;
    if (exp >= 0) return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
    return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  }
  const m = digits.length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
  return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/** json.dumps(value) with Python's default separators; JS integers print as ints, PyFloat as floats. */
export function pyDumps(value: unknown): string {
  if (value instanceof PyFloat) return pyFloatRepr(value.value);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`pyDumps: ${value} is not finite`);
    return Number.isInteger(value) && Math.abs(value) < 1e16 ? String(value) : pyFloatRepr(value);
  }
  if (typeof value === 'string') return asciiString(value);
  if (Array.isArray(value)) return `[${value.map(pyDumps).join(', ')}]`;
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).map(([k, v]) => `${asciiString(k)}: ${pyDumps(v)}`);
    return `{${parts.join(', ')}}`;
  }
  throw new Error(`pyDumps: cannot write a ${typeof value}`);
}

/** json.dumps' ensure_ascii: everything outside printable ASCII as \uXXXX. */
function asciiString(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const SENTINEL = '\u0000pyjson:';
const NON_FINITE: Readonly<Record<string, number>> = { NaN: Number.NaN, Infinity: Infinity, '-Infinity': -Infinity };

/** json.loads: JSON plus Python's NaN / Infinity / -Infinity. Throws SyntaxError on anything else. */
export function pyLoads(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    if (!/NaN|Infinity/.test(text)) throw e;
  }
  // Quote the bare tokens outside strings, then turn them back into numbers.
  let out = '', inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') { inString = true; out += c; continue; }
    const token = text.startsWith('-Infinity', i) ? '-Infinity' : text.startsWith('Infinity', i) ? 'Infinity' : text.startsWith('NaN', i) ? 'NaN' : null;
    if (token) {
      out += JSON.stringify(SENTINEL + token);
      i += token.length - 1;
    } else out += c;
  }
  return JSON.parse(out, (_k, v: unknown) => (typeof v === 'string' && v.startsWith(SENTINEL) ? NON_FINITE[v.slice(SENTINEL.length)] : v)) as unknown;
}
