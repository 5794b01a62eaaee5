/**
 * Syntax errors as diagnostics (code 'syntax', severity error): one per line, at most a few dozen per
 * document, from the syntax errors the parse left (@lezer/python's error nodes, the TypeScript parser's
 * diagnostics; SourceText.errorRanges). The analysis goes on with whatever parsed; these only tell the
 * user where the code is broken.
 */
import type { Diagnostic } from './kerasModel';
import { type Message, msg, said } from './message';
import type { SourceText } from './sourceText';

const MAX_SYNTAX_DIAGNOSTICS = 25;

export function syntaxDiagnostics(src: SourceText): Diagnostic[] {
  const out: Diagnostic[] = [];
  const lines = new Set<number>();
  for (const [from, to] of src.errorRanges) {
    if (out.length >= MAX_SYNTAX_DIAGNOSTICS) break;
    const span = src.span(from, Math.max(to, Math.min(src.text.length, from + 1)));
    if (lines.has(span.line)) continue;
    lines.add(span.line);
    out.push({ severity: 'error', ...said(syntaxMessage(src, from, to)), span, code: 'syntax' });
  }
  return out;
}

function syntaxMessage(src: SourceText, from: number, to: number): Message {
  const text = src.text.slice(from, to).trim().split('\n')[0]!.slice(0, 30);
  if (text) return msg('Syntax error: unexpected {0} (is a bracket, a comma or a colon missing before it?). HyperLab still analyses the code it could read.', `\`${text}\``);
  return from >= src.text.length
    ? msg('Syntax error: the code ends before this statement is complete.')
    : msg('Syntax error: something is missing here (a bracket, a comma or an operand?).');
}
