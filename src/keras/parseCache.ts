/**
 * Incremental parsing for the editor's keystrokes: keeps the last tree a parser produced and, for the next
 * text, tells @lezer which part changed (the span between the common prefix and the common suffix) so it
 * reuses the untouched subtrees (TreeFragment). One parse per call still; an edit to a 5,000-line file
 * reparses a few lines instead of the whole file. A cold text parses in full.
 */
import { type Parser, type Tree, TreeFragment } from '@lezer/common';

export class ParseCache {
  private last: { readonly text: string; readonly fragments: readonly TreeFragment[] } | null = null;

  constructor(private readonly parser: Parser) {}

  parse(text: string): Tree {
    const fragments = this.last ? TreeFragment.applyChanges(this.last.fragments, [changedRange(this.last.text, text)]) : [];
    const tree = this.parser.parse(text, fragments);
    this.last = { text, fragments: TreeFragment.addTree(tree, fragments) };
    return tree;
  }
}

/** The changed span between two texts, as @lezer's ChangedRange (A = old text, B = new text). */
function changedRange(a: string, b: string): { fromA: number; toA: number; fromB: number; toB: number } {
  const max = Math.min(a.length, b.length);
  let start = 0;
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length, endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  return { fromA: start, toA: endA, fromB: start, toB: endB };
}
