/**
 * The source text the readers work on, whatever parsed it: source spans (1-based lines, 0-based columns),
 * the text of a range, and a fast "is there a syntax error inside this range" test over the error ranges
 * collected once per parse (from a @lezer tree's error nodes for Python, from the TypeScript parser's
 * diagnostics for TensorFlow.js files). Also the child lists of @lezer nodes. No language rules here.
 */
import { type NodeType, type SyntaxNode, Tree, type TreeBuffer } from '@lezer/common';
import type { SourceSpan } from './kerasModel';

/** A range of the text: a @lezer node, or what a TypeScript node covers without its leading trivia. */
export interface TextRange {
  readonly from: number;
  readonly to: number;
}

export class SourceText {
  private readonly lineStarts: number[] = [0];
  private hint = 0;
  /** Sorted offsets of the syntax errors. */
  readonly errors: number[] = [];

  /** `errorRanges`: the syntax errors as [from, to), outermost first, in document order. */
  constructor(readonly text: string, readonly errorRanges: readonly (readonly [number, number])[]) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
    for (const [from] of errorRanges) this.errors.push(from);
    this.errors.sort((a, b) => a - b);
  }

  /** The text of a @lezer parse, its error nodes as the syntax errors. */
  static ofTree(text: string, tree: Tree): SourceText {
    const errors: [number, number][] = [];
    collectErrors(tree, 0, errors);
    return new SourceText(text, errors);
  }

  span(from: number, to: number): SourceSpan {
    // Spans are mostly asked for in document order: try the line of the previous answer first.
    const h = this.hint;
    if (from >= this.lineStarts[h]! && (h + 1 >= this.lineStarts.length || from < this.lineStarts[h + 1]!)) {
      return { line: h + 1, column: from - this.lineStarts[h]!, from, to };
    }
    let lo = 0, hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= from) lo = mid; else hi = mid - 1;
    }
    this.hint = lo;
    return { line: lo + 1, column: from - this.lineStarts[lo]!, from, to };
  }

  nodeSpan(node: TextRange): SourceSpan {
    return this.span(node.from, node.to);
  }

  slice(node: TextRange): string {
    return this.text.slice(node.from, node.to);
  }

  /** Source text shortened for messages: one line, at most `max` characters. */
  short(node: TextRange, max = 40): string {
    const s = this.text.slice(node.from, Math.min(node.to, node.from + 4 * max)).replace(/\s+/g, ' ').trim();
    return s.length > max ? `${s.slice(0, max - 1)}…` : s;
  }

  /** True when a parse error lies inside [from, to]. */
  hasErrorIn(from: number, to: number): boolean {
    let lo = 0, hi = this.errors.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.errors[mid]! < from) lo = mid + 1; else hi = mid;
    }
    return lo < this.errors.length && this.errors[lo]! <= to;
  }

  /** The first error offset inside [from, to], or null. */
  firstErrorIn(from: number, to: number): number | null {
    for (const e of this.errors) if (e >= from && e <= to) return e;
    return null;
  }
}

/**
 * Appends the error nodes of `tree` (placed at `offset`) as [from, to), in pre-order like a cursor walk would
 * visit them, but reading the trees' flat buffers directly: a cursor creates an object per node, and a
 * 5,000-line file has some 60,000 nodes. A TreeBuffer stores its nodes in pre-order as (type, from, to,
 * end index) quadruples relative to its own position (@lezer/common's TreeBuffer).
 */
function collectErrors(tree: Tree, offset: number, out: [number, number][]): void {
  // An explicit stack: error recovery can nest trees thousands deep (an unclosed bracket before a long tail).
  const stack: [Tree | TreeBuffer, number][] = [[tree, offset]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, at] = top;
    if (!(node instanceof Tree)) {
      collectBufferErrors(node, at, out);
      continue;
    }
    if (node.type.isError) out.push([at, at + node.length]);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i]!, at + node.positions[i]!]);
  }
}

/** Each buffer's errors relative to it: buffers are immutable and a segment kept from the previous parse keeps them. */
const bufferErrors = new WeakMap<TreeBuffer, readonly (readonly [number, number])[]>();
const NO_ERRORS: readonly (readonly [number, number])[] = [];

function collectBufferErrors(buffer: TreeBuffer, at: number, out: [number, number][]): void {
  let errors = bufferErrors.get(buffer);
  if (!errors) {
    const { types } = buffer.set;
    const data = buffer.buffer;
    const found: [number, number][] = [];
    // Error recovery can leave ids of tokens that are not node types (no entry in the set): not errors.
    for (let i = 0; i < data.length; i += 4) if (types[data[i]!]?.isError) found.push([data[i + 1]!, data[i + 2]!]);
    errors = found.length > 0 ? found : NO_ERRORS;
    bufferErrors.set(buffer, errors);
  }
  for (const [from, to] of errors) out.push([at + from, at + to]);
}

/**
 * The child nodes, without comments (which lezer keeps in the tree wherever they appear) and without the
 * typeless tokens @lezer/lr's error recovery can leave in a tree (ids outside the node set).
 */
export function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if ((c.type as NodeType | undefined) && c.name !== 'Comment' && c.name !== 'LineComment' && c.name !== 'BlockComment') out.push(c);
  }
  return out;
}

const PUNCTUATION = new Set(['(', ')', '[', ']', '{', '}', ',', ':', ';', '.']);

/** Children that are not brackets, commas or other punctuation. */
export function meaningfulChildren(node: SyntaxNode): SyntaxNode[] {
  return children(node).filter((c) => !PUNCTUATION.has(c.name));
}
