/**
 * Python control flow for the statement reader: `if` / `elif` / `else` (a condition known statically runs
 * only its branch), `for` / `while` (the body is read once inside a loop frame: what happens in it is
 * uncertain, and the names it assigns change from one iteration to the next), `try` (a `raise` ends the
 * `try` body; handlers may or may not run), `with` and `match`. Loop and `with` variables taken from models
 * or layers (`for l in model.layers`) stay 'derived' from them, so changes made through them are seen.
 */
import type { SyntaxNode } from '@lezer/common';
import { unknownSym } from '../graph/symbolic';
import { derivedFrom, rootsOf } from '../graph/reach';
import { children } from '../sourceText';
import { truthy } from './pyArith';
import type { ReaderContext } from '../readerContext';
import { evalExpr } from './pyEval';
import { assignTarget } from './pyAssign';
import { bodyOf, execBlock } from './pyStatements';
import { msg } from '../message';

/** The Body nodes and conditions of an if/elif/else chain. */
function ifBranches(node: SyntaxNode): { cond: SyntaxNode | null; body: SyntaxNode }[] {
  const out: { cond: SyntaxNode | null; body: SyntaxNode }[] = [];
  const parts = children(node);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if ((p.name === 'if' || p.name === 'elif') && parts[i + 2]?.name === 'Body') out.push({ cond: parts[i + 1]!, body: parts[i + 2]! });
    else if (p.name === 'else' && parts[i + 1]?.name === 'Body') out.push({ cond: null, body: parts[i + 1]! });
  }
  return out;
}

function isMainGuard(ctx: ReaderContext, cond: SyntaxNode): boolean {
  return /^__name__\s*==\s*['"]__main__['"]$/.test(ctx.src.slice(cond).trim());
}

export function execIf(ctx: ReaderContext, node: SyntaxNode): void {
  const branches = ifBranches(node);
  for (const [i, b] of branches.entries()) {
    if (b.cond && isMainGuard(ctx, b.cond)) return execBlock(ctx, bodyOf(b.body));
    const c = b.cond ? evalExpr(ctx, b.cond) : null;
    const known = c === null ? true : c.sym === 'py' && c.value.kind !== 'unknown' && c.value.kind !== 'call' ? truthy(c.value) : null;
    if (known === true) return execBlock(ctx, bodyOf(b.body));
    if (known === false) continue;
    // Unknown condition: this branch and every later one may run (their conditions too).
    for (const rest of branches.slice(i)) {
      ctx.inFrame('if', () => {
        if (rest.cond && rest !== b) evalExpr(ctx, rest.cond);
        execBlock(ctx, bodyOf(rest.body));
      });
    }
    return;
  }
}

/** Statements that are a scope of their own: names bound inside them are not the loop's. */
const OWN_SCOPE = new Set(['FunctionDefinition', 'ClassDefinition', 'LambdaExpression', 'ArrayComprehensionExpression',
  'ComprehensionExpression', 'SetComprehensionExpression', 'DictionaryComprehensionExpression']);

/** Assignment-like nodes whose children before the operator (or `in`, `as`) are targets. */
function targetsOf(n: SyntaxNode): SyntaxNode[] {
  const parts = children(n);
  switch (n.name) {
    case 'AssignStatement': case 'UpdateStatement': {
      const last = parts.map((p) => p.name).lastIndexOf(n.name === 'AssignStatement' ? 'AssignOp' : 'UpdateOp');
      return parts.slice(0, Math.max(0, last));
    }
    case 'ForStatement': return parts.slice(1, Math.max(1, parts.findIndex((p) => p.name === 'in')));
    case 'NamedExpression': return parts.slice(0, 1);
    case 'WithStatement': return parts.filter((_, i) => parts[i - 1]?.name === 'as');
    case 'DeleteStatement': return parts.slice(1);
    default: return [];
  }
}

/**
 * Names bound anywhere in a loop (they change from one iteration to the next): assignment, loop, `with`
 * and walrus targets (unpacked ones too), `del`, imports and definitions; nested function bodies excluded.
 */
export function boundNames(ctx: ReaderContext, body: SyntaxNode): Set<string> {
  const out = new Set<string>();
  const names = (t: SyntaxNode): void => {
    if (t.name === 'VariableName') out.add(ctx.src.slice(t));
    else if (t.name === 'TupleExpression' || t.name === 'ArrayExpression' || t.name === 'ParenthesizedExpression') children(t).forEach(names);
  };
  const stack: SyntaxNode[] = [body];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.name === 'FunctionDefinition' || n.name === 'ClassDefinition') {
      const name = n.getChild('VariableName');
      if (name) out.add(ctx.src.slice(name));
    }
    if (n.name === 'ImportStatement') for (const c of children(n)) if (c.name === 'VariableName') out.add(ctx.src.slice(c));
    targetsOf(n).forEach(names);
    if (OWN_SCOPE.has(n.name) && n !== body) {
      if (n.name !== 'FunctionDefinition' && n.name !== 'ClassDefinition' && n.name !== 'LambdaExpression') {
        // A walrus inside a comprehension still binds in the loop's body.
        for (let c = n.firstChild; c; c = c.nextSibling) stack.push(c);
      }
      continue;
    }
    for (let c = n.firstChild; c; c = c.nextSibling) stack.push(c);
  }
  return out;
}

/** The value of a loop variable: derived from the iterable's models and layers, else unknown. */
function perIteration(ctx: ReaderContext, iterable: SyntaxNode | undefined, target: SyntaxNode, value: ReturnType<typeof evalExpr> | null) {
  const why = msg('takes a new value at each loop iteration (`{0}`)', ctx.src.short(target));
  return value && iterable ? derivedFrom(rootsOf(value), why) : unknownSym(why);
}

export function execLoop(ctx: ReaderContext, node: SyntaxNode): void {
  const parts = children(node);
  const bodies = parts.filter((p) => p.name === 'Body');
  const body = bodies[0];
  ctx.inFrame('loop', () => {
    if (node.name === 'ForStatement') {
      const inAt = parts.findIndex((p) => p.name === 'in');
      const iterable = parts[inAt + 1];
      const value = iterable && iterable.name !== 'Body' ? evalExpr(ctx, iterable) : null;
      const targets = parts.slice(1, Math.max(1, inAt)).filter((p) => p.name !== ',' && p.name !== 'async' && p.name !== 'for');
      for (const t of targets) assignTarget(ctx, t, perIteration(ctx, iterable, t, value));
    } else if (parts[1] && parts[1].name !== 'Body') {
      evalExpr(ctx, parts[1]);
    }
    if (!body) return;
    for (const name of boundNames(ctx, body)) {
      const cur = ctx.lookup(name);
      if (!cur || cur.sym === 'py' || cur.sym === 'list' || cur.sym === 'dict') ctx.bind(name, unknownSym(msg('changes from one loop iteration to the next (`{0}`)', name)));
    }
    execBlock(ctx, bodyOf(body));
  });
  // `else:` runs when the loop ends without `break`: once, after it.
  for (const extra of bodies.slice(1)) execBlock(ctx, bodyOf(extra));
}

export function execTry(ctx: ReaderContext, node: SyntaxNode): void {
  const parts = children(node);
  let raised = false;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.name !== 'Body') continue;
    const keyword = parts.slice(0, i).reverse().find((k) => ['try', 'except', 'else', 'finally'].includes(k.name))?.name;
    if (keyword === 'try') {
      const saved = { returned: ctx.returned, stopped: ctx.stopped };
      execBlock(ctx, bodyOf(p));
      if (ctx.raising) {
        // The exception leaves the `try` body; a handler (or nothing, if none matches) runs next.
        raised = true;
        ctx.raising = false;
        Object.assign(ctx, saved);
      }
    } else if (keyword === 'except') {
      ctx.inFrame('if', () => execBlock(ctx, bodyOf(p)));
    } else if (keyword === 'else') {
      if (!raised) ctx.inFrame('if', () => execBlock(ctx, bodyOf(p)));
    } else {
      execBlock(ctx, bodyOf(p));
    }
  }
}

export function execWith(ctx: ReaderContext, node: SyntaxNode): void {
  const parts = children(node);
  let last: ReturnType<typeof evalExpr> | null = null;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.name === 'as' && parts[i + 1]) {
      assignTarget(ctx, parts[i + 1]!, derivedFrom(rootsOf(last ?? undefined), msg('is the value of a `with` statement')));
    } else if (p.name !== 'with' && p.name !== 'async' && p.name !== 'Body' && p.name !== ',' && parts[i - 1]?.name !== 'as') {
      last = evalExpr(ctx, p);
    }
  }
  execBlock(ctx, bodyOf(node.getChild('Body')));
}

/** The names a `case` pattern captures (`case [a, *rest]`, `case Point(x=px) as p`). */
function captures(ctx: ReaderContext, pattern: SyntaxNode, out: SyntaxNode[] = []): SyntaxNode[] {
  for (const c of children(pattern)) {
    if (c.name === 'VariableName') {
      const parent = pattern.name;
      if (parent === 'CapturePattern' || (parent === 'AsPattern' && c.prevSibling?.name === 'as') || (parent === 'MappingPattern' && c.prevSibling?.name === '**')) out.push(c);
    } else if (c.name !== 'Body' && c.name !== 'Guard') {
      captures(ctx, c, out);
    }
  }
  return out;
}

export function execMatch(ctx: ReaderContext, node: SyntaxNode): void {
  const subjectNode = children(node)[1];
  const subject = subjectNode && subjectNode.name !== 'MatchBody' ? evalExpr(ctx, subjectNode) : undefined;
  const body = node.getChild('MatchBody');
  for (const clause of body ? children(body) : []) {
    if (clause.name !== 'MatchClause') continue;
    ctx.inFrame('if', () => {
      for (const name of captures(ctx, clause)) {
        assignTarget(ctx, name, derivedFrom(rootsOf(subject), msg('is captured by a `case` pattern (`{0}`)', ctx.src.slice(name))));
      }
      const guard = clause.getChild('Guard');
      if (guard) for (const e of children(guard).filter((c) => c.name !== 'if')) evalExpr(ctx, e);
      execBlock(ctx, bodyOf(clause.getChild('Body')));
    });
  }
}
