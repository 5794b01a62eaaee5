/**
 * The text-level pieces Apply to Code builds its edits from: a text edit, Python literals, line
 * boundaries, the comment lines that belong to the statement below them, arguments added to or taken
 * out of a call, and the refusal that stops an apply with its reason. Pure string work over the source;
 * what to change is decided in layerEdits.ts, optimizerEdits.ts and applyToCode.ts.
 */
import type { LayerCall, PyValue } from '../kerasModel';
import { type Message, msg, renderMessage } from '../message';

export interface TextEdit { readonly from: number; readonly to: number; readonly text: string }

/** Stops an apply: nothing is edited and the user reads `text`. */
export class Refused extends Error {
  constructor(readonly text: Message) {
    super(renderMessage(text));
  }
}

/** Python's spelling of a value; strings in the quote the file uses. */
export function py(v: number | boolean | string, quote = '"'): string {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return String(v);
  return quote === "'" ? `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : JSON.stringify(v);
}

/** The quote the file's Keras calls use for strings (double unless single quotes are all it uses). */
export function fileQuote(source: string, calls: readonly LayerCall[]): string {
  let single = 0, double = 0;
  for (const call of calls) {
    for (const v of [...call.args, ...Object.values(call.kwargs)]) {
      if (v.kind !== 'string' || !v.span) continue;
      if (source[v.span.from] === "'") single++;
      else if (source[v.span.from] === '"') double++;
    }
  }
  return single > double ? "'" : '"';
}

/** A literal written in the code (number, string, True/False, None), with its span; null for anything else. */
export function literal(value: PyValue | undefined): (PyValue & { span: NonNullable<PyValue['span']> }) | null {
  if (!value?.span) return null;
  return value.kind === 'number' || value.kind === 'string' || value.kind === 'bool' || value.kind === 'none' ? (value as PyValue & { span: NonNullable<PyValue['span']> }) : null;
}

export const lineStart = (source: string, at: number): number => source.lastIndexOf('\n', at - 1) + 1;

/** The offset of the line's newline (or the end of the text). */
export function lineEnd(source: string, at: number): number {
  const i = source.indexOf('\n', at);
  return i < 0 ? source.length : i;
}

/** After the line's newline: where a whole-line deletion ends. */
export const nextLine = (source: string, at: number): number => Math.min(source.length, lineEnd(source, at) + 1);

/** Whether only spaces come before `at` on its line. */
export const startsLine = (source: string, at: number): boolean => /^[ \t]*$/.test(source.slice(lineStart(source, at), at));

/** The line's leading spaces. */
export const indentOf = (source: string, at: number): string => /^[ \t]*/.exec(source.slice(lineStart(source, at)))![0];

/** The start of the comment lines directly above the line of `at` (no blank line between), else of that line. */
export function attachedStart(source: string, at: number): number {
  let start = lineStart(source, at);
  while (start > 0) {
    const previous = lineStart(source, start - 1);
    if (!/^[ \t]*#/.test(source.slice(previous, start - 1))) break;
    start = previous;
  }
  return start;
}

/** One line with single spaces, for messages. */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').replace(/\(\s/g, '(').replace(/\s\)/g, ')').replace(/\[\s/g, '[').replace(/,\s?\]/g, ']').trim();

/** The source of a call, shortened for messages. */
export function shown(source: string, from: number, to: number, max = 80): string {
  const text = oneLine(source.slice(from, to));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** `name=value` as the call's last argument (before its closing parenthesis). */
export function addKeywords(source: string, call: LayerCall, args: readonly string[]): TextEdit {
  const close = call.span.to - 1;
  if (source[close] !== ')') throw new Refused(msg('cannot find the end of {0}(...) at line {1}', call.className, call.span.line));
  const empty = /\(\s*$/.test(source.slice(call.span.from, close));
  const trailingComma = /,\s*$/.test(source.slice(call.span.from, close));
  return { from: close, to: close, text: `${empty || trailingComma ? '' : ', '}${args.join(', ')}` };
}

/** Where `name=value` is written in the call, from the keyword to the end of the value; null when not found. */
export function keywordRange(source: string, call: LayerCall, name: string): { from: number; to: number } | null {
  const value = call.kwargs[name];
  if (!value?.span) return null;
  const before = source.slice(call.span.from, value.span.from);
  const m = new RegExp(`\\b${name}\\s*=\\s*$`).exec(before);
  return m ? { from: call.span.from + m.index, to: value.span.to } : null;
}

/** Removes `name=value` and the comma that separates it from its neighbours. */
export function removeKeyword(source: string, range: { from: number; to: number }): TextEdit {
  const before = /,\s*$/.exec(source.slice(0, range.from));
  if (before) return { from: before.index, to: range.to, text: '' };
  const after = /^\s*,\s*/.exec(source.slice(range.to));
  return { from: range.from, to: range.to + (after ? after[0].length : 0), text: '' };
}

/** The source with the edits applied (edits sorted by position, none overlapping). */
export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  let out = '', at = 0;
  for (const e of [...edits].sort((a, b) => a.from - b.from)) {
    out += source.slice(at, e.from) + e.text;
    at = e.to;
  }
  return out + source.slice(at);
}

/** The text of [from, to) after the edits that fall inside it. */
export function editedSlice(source: string, from: number, to: number, edits: readonly TextEdit[]): string {
  const inside = edits.filter((e) => e.from >= from && e.to <= to).map((e) => ({ ...e, from: e.from - from, to: e.to - from }));
  return applyEdits(source.slice(from, to), inside);
}
