/**
 * Python expressions that bind names: comprehensions (`[Dense(n) for n in sizes if n]`, read like a `for`
 * loop: once, inside a loop frame and a scope of their own, so what they construct or change is uncertain
 * and their variables do not leak), the walrus `(x := value)` (binds in the enclosing body, PEP 572) and
 * `lambda` (a function of the file whose body is one expression, read when it is called or, like any
 * uncalled function, at the end).
 */
import type { SyntaxNode } from '@lezer/common';
import { type Sym, unknownSym } from '../graph/symbolic';
import { derivedFrom, rootsOf } from '../graph/reach';
import { children } from '../sourceText';
import type { ReaderContext } from '../readerContext';
import { evalExpr } from './pyEval';
import { assignTarget } from './pyAssign';
import { defineLambda } from './pyFunctions';
import { msg } from '../message';

const BRACKETS = new Set(['(', ')', '[', ']', '{', '}', ',', ':']);

export function evalComprehension(ctx: ReaderContext, node: SyntaxNode): Sym {
  const parts = children(node).filter((c) => !BRACKETS.has(c.name));
  const firstFor = parts.findIndex((c) => c.name === 'for' || c.name === 'async');
  const elements = parts.slice(0, Math.max(0, firstFor));
  const clauses = firstFor < 0 ? [] : parts.slice(firstFor);
  const roots: ReturnType<typeof rootsOf> = [];
  ctx.inFrame('loop', () => ctx.inScope('comprehension', () => {
    for (let i = 0; i < clauses.length; i++) {
      const c = clauses[i]!;
      if (c.name === 'for') {
        const inAt = clauses.findIndex((p, j) => j > i && p.name === 'in');
        if (inAt < 0) break;
        const iterable = clauses[inAt + 1];
        const value = iterable ? evalExpr(ctx, iterable) : undefined;
        const why = msg('takes a new value at each iteration of a comprehension');
        for (const t of clauses.slice(i + 1, inAt)) bindTarget(ctx, t, derivedFrom(rootsOf(value), why));
        i = inAt + 1;
      } else if (c.name === 'if' && clauses[i + 1]) {
        evalExpr(ctx, clauses[++i]!);
      }
    }
    for (const e of elements) rootsOf(evalExpr(ctx, e), roots);
  }));
  return derivedFrom(roots, msg('is built by a comprehension; HyperLab cannot unroll it'));
}

/** A comprehension variable (`for x, y in ...`): bound in the comprehension's own scope. */
function bindTarget(ctx: ReaderContext, target: SyntaxNode, value: Sym): void {
  if (target.name === 'VariableName') ctx.bindHere(ctx.src.slice(target), value);
  else if (target.name === 'TupleExpression' || target.name === 'ParenthesizedExpression' || target.name === 'ArrayExpression') {
    for (const c of children(target).filter((n) => !BRACKETS.has(n.name))) bindTarget(ctx, c, value);
  } else {
    assignTarget(ctx, target, value);
  }
}

/** `(name := value)`: the value, also bound to the name. */
export function evalNamed(ctx: ReaderContext, node: SyntaxNode): Sym {
  const [target, , valueNode] = children(node);
  if (!target || !valueNode) return unknownSym(msg('has a syntax error'));
  const value = evalExpr(ctx, valueNode);
  assignTarget(ctx, target, value);
  return value;
}

export function evalLambda(ctx: ReaderContext, node: SyntaxNode): Sym {
  const fn = defineLambda(ctx, node);
  return fn ? { sym: 'function', id: fn.id, name: fn.name } : unknownSym(msg('has a syntax error'));
}
