/**
 * Reads Python statements in order, the way the program would run them once: imports, assignments
 * (tuple unpacking, attribute targets such as `self.model` or `layer.trainable = False`), expression
 * statements, `def` and `class`, and control flow. Loops and ifs are read once inside a frame: what
 * happens in them is marked uncertain (layers added in a loop) and plain values assigned in them are
 * unknown afterwards; an `if` on a condition known statically runs only its branch.
 */
import type { SyntaxNode } from '@lezer/common';
import { type Sym, unknownSym } from '../graph/symbolic';
import { children } from '../sourceText';
import { binaryOp, truthy } from './pyArith';
import type { ReaderContext } from '../readerContext';
import { dottedName, evalExpr, evalSpanned } from './pyEval';
import { defineFunction } from './pyFunctions';
import { execImport } from './pyImports';
import { assignTarget, assignTargets } from './pyAssign';
import { msg } from '../message';

export function execBlock(ctx: ReaderContext, nodes: readonly SyntaxNode[]): void {
  for (const node of nodes) {
    if (!ctx.takeStep()) return;
    execStatement(ctx, node);
  }
}

function bodyOf(node: SyntaxNode | null | undefined): SyntaxNode[] {
  return node ? children(node).filter((c) => c.name !== ':') : [];
}

function execStatement(ctx: ReaderContext, node: SyntaxNode): void {
  switch (node.name) {
    case 'ImportStatement': return execImport(ctx, node);
    case 'AssignStatement': return execAssign(ctx, node);
    case 'UpdateStatement': return execUpdate(ctx, node);
    case 'ExpressionStatement': { const e = node.firstChild; if (e) evalExpr(ctx, e); return; }
    case 'IfStatement': return execIf(ctx, node);
    case 'ForStatement': case 'WhileStatement': return execLoop(ctx, node);
    case 'TryStatement': return execTry(ctx, node);
    case 'WithStatement': return execWith(ctx, node);
    case 'MatchStatement': return execMatch(ctx, node);
    case 'FunctionDefinition': return execDef(ctx, node);
    case 'ClassDefinition': return execClass(ctx, node);
    case 'DecoratedStatement': { const inner = node.lastChild; if (inner) execStatement(ctx, inner); return; }
    case 'ReturnStatement': return execReturn(ctx, node);
    default: return;
  }
}

function execAssign(ctx: ReaderContext, node: SyntaxNode): void {
  const parts = children(node);
  const ops = parts.map((p, i) => (p.name === 'AssignOp' ? i : -1)).filter((i) => i >= 0);
  const last = ops.at(-1);
  if (last === undefined) return;
  const valueNodes = parts.slice(last + 1).filter((p) => p.name !== ',');
  const value = valueNodes.length === 1 ? evalSpanned(ctx, valueNodes[0]!) : tupleOf(ctx, valueNodes, node);
  let start = 0;
  for (const op of ops) {
    assignTargets(ctx, parts.slice(start, op).filter((p) => p.name !== ',' && p.name !== 'TypeDef'), value);
    start = op + 1;
  }
}

function tupleOf(ctx: ReaderContext, nodes: SyntaxNode[], whole: SyntaxNode): Sym {
  return { sym: 'list', items: nodes.map((n) => evalSpanned(ctx, n)), span: ctx.src.nodeSpan(whole), truncated: null };
}

function execUpdate(ctx: ReaderContext, node: SyntaxNode): void {
  const [target, op, valueNode] = children(node);
  if (!target || !op || !valueNode) return;
  const value = evalExpr(ctx, valueNode);
  const name = dottedName(ctx, target);
  if (!name) return;
  const cur = ctx.lookup(name);
  const opText = ctx.src.slice(op).slice(0, -1);
  ctx.bind(name, cur?.sym === 'py' && value.sym === 'py'
    ? { sym: 'py', value: binaryOp(opText, cur.value, value.value) }
    : unknownSym(msg('is updated with `{0}`', ctx.src.short(node))));
}

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

function execIf(ctx: ReaderContext, node: SyntaxNode): void {
  const branches = ifBranches(node);
  for (const [i, b] of branches.entries()) {
    if (b.cond && isMainGuard(ctx, b.cond)) return execBlock(ctx, bodyOf(b.body));
    const c = b.cond ? evalExpr(ctx, b.cond) : null;
    const known = c === null ? true : c.sym === 'py' && c.value.kind !== 'unknown' && c.value.kind !== 'call' ? truthy(c.value) : null;
    if (known === true) return execBlock(ctx, bodyOf(b.body));
    if (known === false) continue;
    // Unknown condition: this branch and every later one may run.
    for (const rest of branches.slice(i)) ctx.inFrame('if', () => execBlock(ctx, bodyOf(rest.body)));
    return;
  }
}

/** Names assigned anywhere in a loop body (they change from one iteration to the next). */
function assignedIn(ctx: ReaderContext, body: SyntaxNode): string[] {
  const out: string[] = [];
  const stack: SyntaxNode[] = [body];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.name === 'FunctionDefinition' || n.name === 'ClassDefinition') continue;
    if (n.name === 'AssignStatement' || n.name === 'UpdateStatement') {
      for (let c = n.firstChild; c && c.name !== 'AssignOp' && c.name !== 'UpdateOp'; c = c.nextSibling) {
        if (c.name === 'VariableName') out.push(ctx.src.slice(c));
      }
    }
    for (let c = n.firstChild; c; c = c.nextSibling) if (c.name.endsWith('Statement') || c.name === 'Body') stack.push(c);
  }
  return out;
}

function execLoop(ctx: ReaderContext, node: SyntaxNode): void {
  const parts = children(node);
  const bodies = parts.filter((p) => p.name === 'Body');
  ctx.inFrame('loop', () => {
    if (node.name === 'ForStatement') {
      const inAt = parts.findIndex((p) => p.name === 'in');
      const iterable = parts[inAt + 1];
      if (iterable && iterable.name !== 'Body') evalExpr(ctx, iterable);
      const targets = parts.slice(1, Math.max(1, inAt)).filter((p) => p.name !== ',');
      for (const t of targets) assignTarget(ctx, t, unknownSym(msg('takes a new value at each loop iteration (`{0}`)', ctx.src.short(t))));
    } else if (parts[1] && parts[1].name !== 'Body') {
      evalExpr(ctx, parts[1]);
    }
    const body = bodies[0];
    if (!body) return;
    for (const name of new Set(assignedIn(ctx, body))) {
      const cur = ctx.lookup(name);
      if (!cur || cur.sym === 'py' || cur.sym === 'list') ctx.bind(name, unknownSym(msg('changes from one loop iteration to the next (`{0}`)', name)));
    }
    execBlock(ctx, bodyOf(body));
  });
  for (const extra of bodies.slice(1)) execBlock(ctx, bodyOf(extra));
}

function execTry(ctx: ReaderContext, node: SyntaxNode): void {
  const parts = children(node);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.name !== 'Body') continue;
    const keyword = parts.slice(0, i).reverse().find((k) => ['try', 'except', 'else', 'finally'].includes(k.name))?.name;
    if (keyword === 'except') ctx.inFrame('if', () => execBlock(ctx, bodyOf(p)));
    else execBlock(ctx, bodyOf(p));
  }
}

function execWith(ctx: ReaderContext, node: SyntaxNode): void {
  const parts = children(node);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.name === 'as' && parts[i + 1]) assignTarget(ctx, parts[i + 1]!, unknownSym(msg('is the value of a `with` statement')));
    else if (p.name !== 'with' && p.name !== 'Body' && p.name !== ',' && parts[i - 1]?.name !== 'as') evalExpr(ctx, p);
  }
  execBlock(ctx, bodyOf(node.getChild('Body')));
}

function execMatch(ctx: ReaderContext, node: SyntaxNode): void {
  const body = node.getChild('MatchBody');
  for (const clause of body ? children(body) : []) {
    if (clause.name === 'MatchClause') ctx.inFrame('if', () => execBlock(ctx, bodyOf(clause.getChild('Body'))));
  }
}

function execDef(ctx: ReaderContext, node: SyntaxNode): void {
  const fn = defineFunction(ctx, node);
  if (fn) ctx.bind(fn.name, { sym: 'function', id: fn.id, name: fn.name });
}

/** A class of the file is a custom layer (or model) when called; its methods are read at the end. */
function execClass(ctx: ReaderContext, node: SyntaxNode): void {
  const name = node.getChild('VariableName');
  if (!name) return;
  ctx.bind(ctx.src.slice(name), { sym: 'class', name: ctx.src.slice(name) });
  for (const stmt of bodyOf(node.getChild('Body'))) {
    const def = stmt.name === 'DecoratedStatement' ? stmt.lastChild : stmt;
    if (def?.name === 'FunctionDefinition') defineFunction(ctx, def);
  }
}

function execReturn(ctx: ReaderContext, node: SyntaxNode): void {
  const value = node.lastChild && node.lastChild.name !== 'return' ? evalExpr(ctx, node.lastChild) : ({ sym: 'py', value: { kind: 'none' } } as Sym);
  if (ctx.frames.length === 0) {
    ctx.returned ??= value;
    ctx.stopped = true;
  } else {
    ctx.returned = unknownSym(msg('depends on which `return` runs'));
  }
}
