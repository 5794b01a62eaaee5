/**
 * Reads Python statements in order, the way the program would run them once: imports, assignments
 * (tuple unpacking, attribute targets such as `self.model` or `layer.trainable = False`), expression
 * statements, `;`-separated statement groups, `def` and `class`, `del`, `global` / `nonlocal`, `raise`,
 * `assert`, and control flow (pyControlFlow.ts). Every statement form of the grammar is read or, for the
 * few with no effect on values (`pass`, `type X = ...`), named here as such: nothing is skipped silently
 * (the soundness rule in analyzeDocument.ts); a node the parser could not make sense of marks what it names.
 */
import type { NodeType, SyntaxNode } from '@lezer/common';
import { type Sym, pySym, unknownSym } from '../graph/symbolic';
import { children } from '../sourceText';
import { binaryOp } from './pyArith';
import type { ReaderContext } from '../readerContext';
import { dottedName, evalExpr, evalSpanned } from './pyEval';
import { defineFunction } from './pyFunctions';
import { execImport } from './pyImports';
import { assignTarget, assignTargets, deleteTarget } from './pyAssign';
import { execIf, execLoop, execMatch, execTry, execWith } from './pyControlFlow';
import { unmodelled } from './pyUnmodelled';
import { splitPythonArgs } from './pyTree';
import { msg } from '../message';

export function execBlock(ctx: ReaderContext, nodes: readonly SyntaxNode[]): void {
  for (const node of nodes) {
    if (!ctx.takeStep()) return;
    execStatement(ctx, node);
  }
}

export function bodyOf(node: SyntaxNode | null | undefined): SyntaxNode[] {
  return node ? children(node).filter((c) => c.name !== ':') : [];
}

/** Keywords and punctuation of simple statements, which are not expressions. */
const NOT_EXPRESSIONS = new Set([',', 'Comment', 'assert', 'print', 'yield', 'del', 'raise', 'from']);

/** Reads the expressions of a simple statement (after its keyword, without commas). */
function evalExpressionsOf(ctx: ReaderContext, node: SyntaxNode): void {
  // (A token @lezer/lr's error recovery left without a node type is not an expression either.)
  for (let c = node.firstChild; c; c = c.nextSibling) if ((c.type as NodeType | undefined) && !NOT_EXPRESSIONS.has(c.name)) evalExpr(ctx, c);
}

/** The expressions of a simple statement, as nodes. */
function expressionsOf(node: SyntaxNode): SyntaxNode[] {
  return children(node).filter((c) => !NOT_EXPRESSIONS.has(c.name));
}

function execStatement(ctx: ReaderContext, node: SyntaxNode): void {
  switch (node.name) {
    case 'ImportStatement': return execImport(ctx, node);
    case 'AssignStatement': return execAssign(ctx, node);
    case 'UpdateStatement': return execUpdate(ctx, node);
    case 'StatementGroup': return execBlock(ctx, children(node).filter((c) => c.name !== ';'));
    case 'ExpressionStatement': case 'AssertStatement': case 'PrintStatement': case 'YieldStatement':
      return evalExpressionsOf(ctx, node);
    case 'IfStatement': return execIf(ctx, node);
    case 'ForStatement': case 'WhileStatement': return execLoop(ctx, node);
    case 'TryStatement': return execTry(ctx, node);
    case 'WithStatement': return execWith(ctx, node);
    case 'MatchStatement': return execMatch(ctx, node);
    case 'FunctionDefinition': return execDef(ctx, node);
    case 'ClassDefinition': return execClass(ctx, node);
    case 'DecoratedStatement': return execDecorated(ctx, node);
    case 'ReturnStatement': return execReturn(ctx, node);
    case 'RaiseStatement': return execRaise(ctx, node);
    case 'DeleteStatement': for (const t of expressionsOf(node)) deleteTarget(ctx, t); return;
    case 'ScopeStatement': return execScope(ctx, node);
    // No effect on any value: `pass`; `break` / `continue` (their loop is read once, as uncertain); `type X = int`.
    case 'PassStatement': case 'BreakStatement': case 'ContinueStatement': case 'TypeDefinition': return;
    default: return unmodelled(ctx, node);
  }
}

function execAssign(ctx: ReaderContext, node: SyntaxNode): void {
  const parts = children(node);
  const ops = parts.map((p, i) => (p.name === 'AssignOp' ? i : -1)).filter((i) => i >= 0);
  const last = ops.at(-1);
  if (last === undefined) {
    // `x: int` declares without assigning; anything else here is a broken assignment.
    if (!parts.some((p) => p.type.isError)) return;
    return unmodelled(ctx, node);
  }
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
  if (!target || !op || !valueNode) return unmodelled(ctx, node);
  const value = evalExpr(ctx, valueNode);
  const name = dottedName(ctx, target);
  const why = msg('is updated with `{0}`', ctx.src.short(node));
  if (!name) {
    // `x[i] += 1`, `f().a += 1`: the object changes in a way HyperLab does not follow.
    assignTarget(ctx, target, unknownSym(why));
    return;
  }
  const cur = ctx.lookup(name);
  const opText = ctx.src.slice(op).slice(0, -1);
  ctx.bind(name, cur?.sym === 'py' && value.sym === 'py' ? pySym(binaryOp(opText, cur.value, value.value)) : unknownSym(why));
}

function execDef(ctx: ReaderContext, node: SyntaxNode): void {
  const fn = defineFunction(ctx, node);
  if (fn) ctx.bind(fn.name, { sym: 'function', id: fn.id, name: fn.name });
}

/** Decorators run when the definition does (their arguments are read); the name keeps the function or class. */
function execDecorated(ctx: ReaderContext, node: SyntaxNode): void {
  for (const part of children(node)) {
    if (part.name === 'Decorator') {
      // `@name(args)`: the tree lays the name and its ArgList side by side; the arguments are what may run.
      const args = part.getChild('ArgList');
      if (args) {
        const nodes = splitPythonArgs(args, ctx.src);
        for (const n of [...nodes.positional, ...nodes.keyword.values(), ...nodes.unpacked.map((u) => u.node)]) evalExpr(ctx, n);
      }
    }
    else execStatement(ctx, part);
  }
}

/**
 * A class of the file is a custom layer (or model) when called; its methods are read at the end. The other
 * statements of its body run when the class is defined, in a scope of their own (the class attributes).
 */
function execClass(ctx: ReaderContext, node: SyntaxNode): void {
  const name = node.getChild('VariableName');
  if (!name) return unmodelled(ctx, node);
  const args = node.getChild('ArgList');
  if (args) for (const base of children(args).filter((c) => !['(', ')', ','].includes(c.name))) evalExpr(ctx, base);
  ctx.inScope('class', () => execBlock(ctx, bodyOf(node.getChild('Body'))));
  ctx.bind(ctx.src.slice(name), { sym: 'class', name: ctx.src.slice(name) });
}

function execReturn(ctx: ReaderContext, node: SyntaxNode): void {
  const value = node.lastChild && node.lastChild.name !== 'return' ? evalExpr(ctx, node.lastChild) : pySym({ kind: 'none' });
  if (ctx.frames.length === 0) {
    ctx.returned ??= value;
    ctx.stopped = true;
  } else {
    ctx.returned = unknownSym(msg('depends on which `return` runs'));
  }
}

/** `raise` ends the body it is in (a `try` catches it: pyControlFlow.ts); inside a loop or an `if` it may not run. */
function execRaise(ctx: ReaderContext, node: SyntaxNode): void {
  evalExpressionsOf(ctx, node);
  if (ctx.frames.length > 0) return;
  ctx.returned ??= unknownSym(msg('raises an exception (line {0})', ctx.src.nodeSpan(node).line));
  ctx.stopped = true;
  ctx.raising = true;
}

/** `global x` / `nonlocal x`: later assignments in this body go to the module's / enclosing function's name. */
function execScope(ctx: ReaderContext, node: SyntaxNode): void {
  const how = node.firstChild?.name === 'nonlocal' ? 'nonlocal' : 'global';
  for (const c of children(node)) if (c.name === 'VariableName') ctx.scope.declare(ctx.src.slice(c), how);
}
