/**
 * The arguments of one call as a hover needs them: each with its Keras name (positional arguments bound to
 * the callee's signature, as Python binds them), its value, and where it is written, so that hovering
 * `patience=3` (the keyword or the value) finds the argument. The analysis gives value spans; keyword names
 * are located here by reading the call's own source text between its brackets (strings and comments
 * skipped), because a value reached through a variable has its span where the variable was assigned.
 * Not a parser: the call's extent and arguments come from the analysis.
 */
import type { LayerCall, PyValue } from '../kerasModel';

export interface Span {
  readonly from: number;
  readonly to: number;
}

export interface CallArgument {
  readonly name: string;
  readonly value: PyValue;
  /** Where hovering finds this argument: the keyword and/or the value, when they are inside the call. */
  readonly spans: readonly Span[];
}

type CallSpans = Pick<LayerCall, 'span' | 'calleeSpan'>;

export type SourceLanguage = 'python' | 'javascript' | 'typescript';

export function contains(span: Span | undefined, offset: number): boolean {
  return span !== undefined && span.from <= offset && offset <= span.to;
}

function inside(inner: Span | undefined, outer: Span): inner is Span {
  return inner !== undefined && inner.from >= outer.from && inner.to <= outer.to;
}

/** camelCase (TF.js configs) to Keras' snake_case, as the analysis converts keys. */
function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toLowerCase();
}

/**
 * The arguments of `call` in order: positional ones named by `signature` (or `#0`, `#1`... beyond it), then
 * keywords; TF.js config keys are already in Keras spelling in the analysis.
 */
export function callArguments(call: Pick<LayerCall, 'args' | 'kwargs'> & CallSpans, signature: readonly string[], text: string, language: SourceLanguage): CallArgument[] {
  const keywords = keywordSpans(text, call, language);
  const out: CallArgument[] = call.args.map((value, i) => ({
    name: signature[i] ?? `#${i}`,
    value,
    spans: inside(value.span, call.span) ? [value.span] : [],
  }));
  for (const [name, value] of Object.entries(call.kwargs)) {
    const key = keywords.get(name);
    const spans: Span[] = [];
    if (key && inside(value.span, call.span) && value.span.from >= key.to) spans.push({ from: key.from, to: value.span.to });
    else {
      if (key) spans.push(key);
      if (inside(value.span, call.span)) spans.push(value.span);
    }
    out.push({ name, value, spans });
  }
  return out;
}

/** The argument under `offset`, with the span to highlight. */
export function argumentAt(args: readonly CallArgument[], offset: number): { arg: CallArgument; span: Span } | null {
  for (const arg of args) {
    const span = arg.spans.find((s) => contains(s, offset));
    if (span) return { arg, span };
  }
  return null;
}

const OPEN = '([{';
const CLOSE = ')]}';

/**
 * Keyword names written in the call: `name=` at the top level of a Python call, `name:` at the top level
 * of a TF.js config object `{...}` passed to the call.
 */
export function keywordSpans(text: string, call: CallSpans, language: SourceLanguage): Map<string, Span> {
  const found = new Map<string, Span>();
  const python = language === 'python';
  const stack: string[] = [];
  let i = call.calleeSpan.to;
  const end = Math.min(call.span.to, text.length);
  while (i < end) {
    const c = text[i]!;
    if (c === '"' || c === "'" || (!python && c === '`')) { i = skipString(text, i, end); continue; }
    if (python && c === '#') { i = skipLine(text, i, end); continue; }
    if (!python && c === '/' && text[i + 1] === '/') { i = skipLine(text, i, end); continue; }
    if (!python && c === '/' && text[i + 1] === '*') { const close = text.indexOf('*/', i + 2); i = close < 0 ? end : close + 2; continue; }
    if (OPEN.includes(c)) { stack.push(c); i++; continue; }
    if (CLOSE.includes(c)) { stack.pop(); i++; continue; }
    const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(i, Math.min(end, i + 80)));
    if (word) {
      const after = skipSpace(text, i + word[0].length, end);
      const topLevel = python ? stack.length === 1 && stack[0] === '(' : stack.length === 2 && stack[1] === '{';
      const isKeyword = python ? text[after] === '=' && text[after + 1] !== '=' : text[after] === ':';
      const name = python ? word[0] : snake(word[0]);
      if (topLevel && isKeyword && !found.has(name) && isArgumentStart(text, i, call.calleeSpan.to)) found.set(name, { from: i, to: i + word[0].length });
      i += word[0].length;
      continue;
    }
    i++;
  }
  return found;
}

/** The keyword follows `(`, `{` or `,` (skipping spaces and newlines), not `obj.` or another word. */
function isArgumentStart(text: string, at: number, floor: number): boolean {
  let j = at - 1;
  while (j >= floor && /\s/.test(text[j]!)) j--;
  return j >= floor && '({,'.includes(text[j]!);
}

function skipSpace(text: string, i: number, end: number): number {
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

function skipLine(text: string, i: number, end: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 || nl > end ? end : nl + 1;
}

/** Past a quoted string (single, double or triple quotes; backslash escapes). */
function skipString(text: string, i: number, end: number): number {
  const q = text[i]!;
  const triple = text.startsWith(q.repeat(3), i);
  const close = triple ? q.repeat(3) : q;
  let j = i + close.length;
  while (j < end) {
    if (text[j] === '\\') { j += 2; continue; }
    if (text.startsWith(close, j)) return j + close.length;
    if (!triple && text[j] === '\n' && q !== '`') return j;
    j++;
  }
  return end;
}
