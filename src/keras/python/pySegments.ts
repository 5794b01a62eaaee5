/**
 * Parses long Python files in segments. @lezer/python 1.1.19 reports false syntax errors in long files:
 * top-level statements separated by blank lines or comments pile up on the LR stack until @lezer/lr cuts
 * it (Rec.CutDepth), about every thousand statements (`"c = 3\n\n" * 4000` gives 24 errors). So the
 * text is cut at safe top-level boundaries (column 0, outside brackets and strings, not an
 * elif/else/except/finally/decorated def) every few hundred lines, each segment is parsed alone, and
 * the segment trees are joined into one Script tree with document positions. Unchanged segments keep
 * their tree from the previous call, so a keystroke reparses one segment.
 */
import { type Parser, Tree, type TreeBuffer } from '@lezer/common';

const SEGMENT_LINES = 300;
const CONTINUATIONS = /^(elif|else|except|finally)\b/;

/** Start offsets of the segments (the first is 0). */
export function segmentStarts(text: string, minLines = SEGMENT_LINES): number[] {
  const starts = [0];
  let depth = 0, lines = 0, i = 0, continued = false, decorated = false;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '#') { while (i < text.length && text[i] !== '\n') i++; continue; }
    if (c === '"' || c === "'") { i = skipString(text, i); continue; }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if (c === '\\' && text[i + 1] === '\n') { continued = true; i += 2; continue; }
    else if (c === '\n') {
      lines++;
      const next = i + 1;
      const head = text.slice(next, next + 12);
      if (depth === 0 && !continued && !decorated && lines >= minLines && /^[A-Za-z_]/.test(head) && !CONTINUATIONS.test(head)) {
        starts.push(next);
        lines = 0;
      }
      if (/^[A-Za-z_@]/.test(head)) decorated = head.startsWith('@');
      continued = false;
    }
    i++;
  }
  return starts;
}

/** The offset after a string literal starting at `i` (triple-quoted or not; unterminated ends at the line). */
function skipString(text: string, i: number): number {
  const q = text[i]!;
  const triple = text.startsWith(q.repeat(3), i);
  const close = triple ? q.repeat(3) : q;
  let j = i + close.length;
  while (j < text.length) {
    if (text[j] === '\\') { j += 2; continue; }
    if (!triple && text[j] === '\n') return j;
    if (text.startsWith(close, j)) return j + close.length;
    j++;
  }
  return j;
}

export class SegmentedParser {
  private previous = new Map<string, Tree>();

  constructor(private readonly parser: Parser) {}

  parse(text: string): Tree {
    const starts = segmentStarts(text);
    const children: (Tree | TreeBuffer)[] = [];
    const positions: number[] = [];
    const next = new Map<string, Tree>();
    let type: Tree['type'] | null = null;
    starts.forEach((from, k) => {
      const segment = text.slice(from, starts[k + 1] ?? text.length);
      const tree = this.previous.get(segment) ?? next.get(segment) ?? this.parser.parse(segment);
      next.set(segment, tree);
      type = tree.type;
      tree.children.forEach((child, c) => {
        children.push(child);
        positions.push(from + tree.positions[c]!);
      });
    });
    this.previous = next;
    return starts.length === 1 ? next.get(text)! : new Tree(type!, children, positions, text.length);
  }
}
