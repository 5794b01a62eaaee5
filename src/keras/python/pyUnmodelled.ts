/**
 * What the Python reader does with source it cannot read (a node the parser could not make sense of, an
 * argument list broken by a syntax error): the models and layers it names may be changed by it, so they are
 * marked (graph/reach.ts markAnything) and never keep a number the skipped code could change. Every
 * construct of the grammar the reader understands is read elsewhere; this is only the last resort.
 */
import type { SyntaxNode } from '@lezer/common';
import { changedAt, markAnything, rootsOf } from '../graph/reach';
import type { Root } from '../graph/symbolic';
import type { ReaderContext } from '../readerContext';

/** The models and layers bound to the names (and `self.x` paths) used inside `node`. */
export function rootsNamedIn(ctx: ReaderContext, node: SyntaxNode): Root[] {
  const roots: Root[] = [];
  const cursor = node.cursor();
  do {
    if (cursor.name === 'VariableName') {
      const bound = ctx.lookup(ctx.src.slice(cursor));
      if (bound) rootsOf(bound, roots);
    } else if (cursor.name === 'MemberExpression') {
      const text = ctx.src.slice(cursor);
      if (/^[A-Za-z_][\w.]*$/.test(text)) {
        const bound = ctx.lookup(text);
        if (bound) rootsOf(bound, roots);
      }
    }
  } while (cursor.next() && cursor.from < node.to);
  return roots;
}

/** Marks what `node` names as possibly changed by it. */
export function unmodelled(ctx: ReaderContext, node: SyntaxNode): void {
  const roots = rootsNamedIn(ctx, node);
  if (roots.length > 0) markAnything(ctx, roots, changedAt(ctx.src.nodeSpan(node).line, ctx.src.short(node)));
}
