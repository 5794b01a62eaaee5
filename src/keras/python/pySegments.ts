/**
 * Parses long Python files in segments. @lezer/python 1.1.19 reports false syntax errors in long files:
 * top-level statements separated by blank lines or comments pile up on the LR stack until @lezer/lr cuts
 * it (Rec.CutDepth), about every thousand statements (`"c = 3\n\n" * 4000` gives 24 errors). So the
 * text is cut at safe top-level boundaries (column 0, outside brackets and strings, not an
 * elif/else/except/finally/decorated def) every few hundred lines, each segment is parsed alone, and
 * the segment trees are joined into one Script tree with document positions. Unchanged segments keep
 * their tree from the previous call, so a keystroke reparses one segment.
 *
 * An unclosed bracket (`plt.plot(history[` typed near the top) would make the rest of the file one bracketed
 * segment, and @lezer/lr overflows the stack recovering from a few thousand lines of it. Two guards: a line
 * that starts at column 0 with a keyword no bracket may contain (`def`, `class`, `import`, ...) closes any
 * open bracket for the cut, since in valid code it cannot be inside one; and a segment whose parse still
 * throws is parsed again in pieces cut at every column-0 line, a piece that throws too becoming one error
 * node, so the rest of the file is still read.
 */
import { type NodeSet, type NodeType, Tree, type TreeBuffer } from '@lezer/common';
import type { ParseHelper, PendingParse } from './parseHelper';

/** What the segmenter needs of an @lezer/lr parser (its LRParser has all of it). */
export interface SegmentParser {
  parse(text: string): Tree;
  readonly topNode: NodeType;
  readonly nodeSet: NodeSet;
}

const SEGMENT_LINES = 300;
/** Lines of a piece when a segment that threw is parsed again in pieces. */
const FALLBACK_LINES = 50;
const CONTINUATIONS = /^(elif|else|except|finally)\b/;
/** Statements that never occur inside brackets in valid Python (not `if`, `for`, `async`, `else`, `from`: comprehensions, conditional expressions, `yield from`). */
const CLOSES_BRACKETS = /^(def|class|import|return|while|with|try|raise|del|pass|global|nonlocal|assert|break|continue)\b/;

/**
 * Start offsets of the segments (the first is 0): top-level statement starts at least `minLines` apart.
 * With `ignoreBrackets`, every column-0 line counts as a statement start (the fallback for a segment
 * the parser could not handle).
 */
export function segmentStarts(text: string, minLines = SEGMENT_LINES, ignoreBrackets = false): number[] {
  const starts = [0];
  let depth = 0, lines = 0, i = 0, continued = false, decorated = false;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === HASH) { i = text.indexOf('\n', i); if (i < 0) break; continue; }
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) { i = skipString(text, i); continue; }
    if (c === OPEN_PAREN || c === OPEN_SQUARE || c === OPEN_BRACE) depth++;
    else if (c === CLOSE_PAREN || c === CLOSE_SQUARE || c === CLOSE_BRACE) depth = Math.max(0, depth - 1);
    else if (c === BACKSLASH && text.charCodeAt(i + 1) === NEWLINE) { continued = true; i += 2; continue; }
    else if (c === NEWLINE) {
      lines++;
      const next = i + 1;
      if (startsName(text.charCodeAt(next))) {
        const head = text.slice(next, next + 12);
        if (ignoreBrackets || (depth > 0 && CLOSES_BRACKETS.test(head))) depth = 0;
        if (depth === 0 && !continued && !decorated && lines >= minLines && !CONTINUATIONS.test(head)) {
          starts.push(next);
          lines = 0;
        }
        decorated = false;
      } else if (text.charCodeAt(next) === AT) {
        decorated = true;
      }
      continued = false;
    }
    i++;
  }
  return starts;
}

const HASH = 35, DOUBLE_QUOTE = 34, SINGLE_QUOTE = 39, BACKSLASH = 92, NEWLINE = 10, AT = 64;
const OPEN_PAREN = 40, CLOSE_PAREN = 41, OPEN_SQUARE = 91, CLOSE_SQUARE = 93, OPEN_BRACE = 123, CLOSE_BRACE = 125;

/** [A-Za-z_]: a line starting with it at column 0 may start a statement. */
function startsName(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
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

/** Segments this long in all (uncached) are worth splitting with the parse helper, when there is one. */
const PARALLEL_MIN_CHARS = 32_000;

export class SegmentedParser {
  private previous = new Map<string, Tree>();
  private helper: ParseHelper | null = null;

  constructor(private readonly parser: SegmentParser) {}

  /** Lets long cold parses use a second thread (parseHelper.ts); null goes back to this thread only. */
  useHelper(helper: ParseHelper | null): void {
    this.helper?.dispose();
    this.helper = helper;
  }

  parse(text: string): Tree {
    const starts = segmentStarts(text);
    const segments = starts.map((from, k) => text.slice(from, starts[k + 1] ?? text.length));
    const trees = this.treesOf(segments);
    this.previous = new Map(segments.map((s, k) => [s, trees[k]!]));
    if (segments.length === 1) return trees[0]!;
    const children: (Tree | TreeBuffer)[] = [];
    const positions: number[] = [];
    trees.forEach((tree, k) => {
      tree.children.forEach((child, c) => {
        children.push(child);
        positions.push(starts[k]! + tree.positions[c]!);
      });
    });
    return new Tree(this.parser.topNode, children, positions, text.length);
  }

  /** The segments' trees: kept from the previous call, parsed here, or (long cold files) half of them parsed by the helper meanwhile. */
  private treesOf(segments: readonly string[]): Tree[] {
    const trees: (Tree | undefined)[] = segments.map((s) => this.previous.get(s));
    const todo = segments.map((_, k) => k).filter((k) => trees[k] === undefined);
    const chars = todo.reduce((n, k) => n + segments[k]!.length, 0);
    const remote: number[] = [];
    let pending: PendingParse | null = null;
    if (this.helper && todo.length > 1 && chars >= PARALLEL_MIN_CHARS) {
      // The helper takes the last segments, about half of the text; this thread parses the first ones meanwhile.
      let taken = 0;
      while (todo.length > 1) {
        const last = todo.at(-1)!;
        if (taken + segments[last]!.length > chars / 2) break;
        taken += segments[last]!.length;
        remote.unshift(todo.pop()!);
      }
      pending = remote.length ? this.helper.begin(remote.map((k) => segments[k]!)) : null;
      if (!pending) todo.push(...remote.splice(0));
    }
    for (const k of todo) trees[k] ??= parseSegmentSafely(this.parser, segments[k]!);
    if (pending) {
      const got = pending.wait();
      remote.forEach((k, i) => { trees[k] = got?.[i] ?? parseSegmentSafely(this.parser, segments[k]!); });
    }
    return trees.map((t, k) => t ?? parseSegmentSafely(this.parser, segments[k]!));
  }
}

/** One segment's tree; when @lezer/lr throws on it (a stack overflow in its error recovery), the joined trees of its pieces. */
export function parseSegmentSafely(parser: SegmentParser, segment: string): Tree {
  try {
    return parser.parse(segment);
  } catch {
    const starts = segmentStarts(segment, FALLBACK_LINES, true);
    const children: (Tree | TreeBuffer)[] = [];
    const positions: number[] = [];
    starts.forEach((from, k) => {
      const piece = parsePiece(parser, segment.slice(from, starts[k + 1] ?? segment.length));
      piece.children.forEach((child, c) => {
        children.push(child);
        positions.push(from + piece.positions[c]!);
      });
    });
    return new Tree(parser.topNode, children, positions, segment.length);
  }
}

/** A piece of a segment that threw: its own tree, or one error node over it when it throws again. */
function parsePiece(parser: SegmentParser, piece: string): Tree {
  try {
    return parser.parse(piece);
  } catch {
    const error = new Tree(parser.nodeSet.types[0]!, [], [], piece.length);
    return new Tree(parser.topNode, [error], [0], piece.length);
  }
}
