/**
 * What the TF.js reader does with code it does not read (a class body, a `with` statement, an expression
 * form it does not model): the models and layers bound to the names it uses may be changed by it, so they
 * are marked (graph/reach.ts markAnything) and never keep a number the skipped code could change.
 */
import type * as TS from 'typescript';
import { changedAt, markAnything, rootsOf } from '../graph/reach';
import type { Root } from '../graph/symbolic';
import type { JsContext } from './jsContext';

/** The models and layers bound to the identifiers used inside `node`. */
function rootsNamedIn(ctx: JsContext, node: TS.Node): Root[] {
  const roots: Root[] = [];
  const visit = (n: TS.Node): void => {
    if (ctx.ts.isIdentifier(n)) {
      const bound = ctx.lookup(n.text);
      if (bound) rootsOf(bound, roots);
    }
    n.forEachChild(visit);
  };
  visit(node);
  return roots;
}

export function jsUnmodelled(ctx: JsContext, node: TS.Node): void {
  const roots = rootsNamedIn(ctx, node);
  if (roots.length > 0) markAnything(ctx, roots, changedAt(ctx.span(node).line, ctx.short(node)));
}
