/**
 * Rewrites an existing Python file into an equivalent one, as text, with a seeded Rng: adjacent one-line
 * module statements joined with `;` (a trailing comment moves to the end), a `;` after a statement, an
 * assignment continued with a backslash after its `=`, trailing comments, blank lines between module
 * statements, indentation in tabs, CRLF line ends. Positions come from @lezer/python's tree, so strings
 * and brackets are never cut. The program means the same; only its layout changes. Test-only.
 */
import { parser } from '@lezer/python';
import type { SyntaxNode } from '@lezer/common';
import type { Rng } from '../../../src/engine/rng';

export interface TextVariant {
  readonly text: string;
  readonly choices: readonly string[];
}

const SIMPLE = new Set(['AssignStatement', 'ExpressionStatement', 'ImportStatement', 'PassStatement']);

interface Edit {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

function apply(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.from - a.from)) out = out.slice(0, e.from) + e.insert + out.slice(e.to);
  return out;
}

const lineEnd = (text: string, at: number): number => {
  const i = text.indexOf('\n', at);
  return i < 0 ? text.length : i;
};

/** Ranges of string literals (a line end inside one is not the end of a line of code). */
function stringRanges(top: SyntaxNode): [number, number][] {
  const out: [number, number][] = [];
  const cursor = top.cursor();
  do {
    if (cursor.name === 'String' || cursor.name === 'FormatString' || cursor.name === 'ContinuedString') out.push([cursor.from, cursor.to]);
  } while (cursor.next());
  return out;
}

export function pythonTextVariant(original: string, rng: Rng): TextVariant {
  const choices: string[] = [];
  const tree = parser.parse(original);
  let broken = false;
  tree.iterate({ enter: (n) => { if (n.type.isError) broken = true; } });
  if (broken) return { text: original, choices: ['has syntax errors: unchanged'] };
  const statements: SyntaxNode[] = [];
  for (let c = tree.topNode.firstChild; c; c = c.nextSibling) if (c.name !== 'Comment') statements.push(c);
  const edits: Edit[] = [];
  const oneLine = (n: SyntaxNode): boolean => !original.slice(n.from, n.to).includes('\n') && SIMPLE.has(n.name);
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i]!;
    const next = statements[i + 1];
    const end = lineEnd(original, s.to);
    const trailing = original.slice(s.to, end);
    if (next && oneLine(s) && oneLine(next) && !trailing.includes(';') && original.slice(end + 1, next.from) === '' && rng.int(3) === 0) {
      // `a = 1  # c` + newline + `b = 2` -> `a = 1; b = 2  # c`
      edits.push({ from: s.to, to: next.from, insert: '; ' });
      if (trailing.trim()) edits.push({ from: lineEnd(original, next.to), to: lineEnd(original, next.to), insert: trailing });
      choices.push(`joined line ${lineOf(original, s.from)} with the next`);
      i++;
      continue;
    }
    if (oneLine(s) && !trailing.includes('#') && rng.int(8) === 0) edits.push({ from: s.to, to: s.to, insert: ';' });
    const op = s.name === 'AssignStatement' && oneLine(s) ? s.getChild('AssignOp') : null;
    if (op && rng.int(6) === 0) {
      edits.push({ from: op.to, to: op.to, insert: ' \\\n   ' });
      choices.push(`continued line ${lineOf(original, s.from)}`);
    }
    if (rng.int(6) === 0) edits.push({ from: s.from, to: s.from, insert: '\n' });
  }
  let text = apply(original, edits);
  text = addComments(text, rng);
  if (rng.int(3) === 0 && !/^\t/m.test(text) && !/^( {4})* {1,3}\S/m.test(linesOutsideStrings(text))) {
    text = text.replace(/^( {4})+/gm, (spaces) => '\t'.repeat(spaces.length / 4));
    choices.push('tabs');
  }
  if (rng.int(4) === 0) {
    text = text.replace(/\n/g, '\r\n');
    choices.push('CRLF');
  }
  return { text, choices };
}

/** The text's lines that start outside string literals (for the tabs check). */
function linesOutsideStrings(text: string): string {
  const strings = stringRanges(parser.parse(text).topNode);
  return text.split('\n').filter((_, i, lines) => {
    const at = lines.slice(0, i).join('\n').length + (i > 0 ? 1 : 0);
    return !strings.some(([a, b]) => a < at && at < b);
  }).join('\n');
}

/** `  # note` at the end of some lines that do not end inside a string or with a backslash. */
function addComments(text: string, rng: Rng): string {
  const strings = stringRanges(parser.parse(text).topNode);
  const edits: Edit[] = [];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    if (text[at - 1] === '\\' || text[at - 1] === '\r' || strings.some(([a, b]) => a < at && at < b)) continue;
    if (rng.int(7) === 0) edits.push({ from: at, to: at, insert: '  # note' });
  }
  return apply(text, edits);
}

function lineOf(text: string, at: number): number {
  return text.slice(0, at).split('\n').length;
}
