/**
 * Reads JavaScript / TypeScript statements in order for the TF.js reader: imports of @tensorflow/tfjs,
 * `const`/`let`/`var` declarations (with `{layers} = tf` destructuring), assignments, expression statements,
 * functions (function declarations and arrow functions, read at each call with its arguments, or once at
 * the end with unknown ones), and control flow with the same loop/if frames as the Python reader. Nodes
 * are the TypeScript compiler's.
 */
import type * as TS from 'typescript';
import { type Sym, pySym, unknownSym } from '../graph/symbolic';
import { msg } from '../message';
import { binaryOp, truthy } from '../python/pyArith';
import type { ReaderFunction, ReaderParam } from '../readerContext';
import type { JsContext } from './jsContext';
import { evalJs, evalJsSpanned } from './jsEval';
import { isTfjsModule } from './tfjsNames';

export function execJsBlock(ctx: JsContext, nodes: readonly TS.Statement[]): void {
  for (const node of nodes) {
    if (!ctx.takeStep()) return;
    execJs(ctx, node);
  }
}

function execJs(ctx: JsContext, node: TS.Statement): void {
  const { ts } = ctx;
  if (ts.isImportDeclaration(node)) return execImport(ctx, node);
  if (ts.isVariableStatement(node)) return execDeclarations(ctx, node.declarationList);
  if (ts.isExpressionStatement(node)) return execExpression(ctx, node.expression);
  if (ts.isExportAssignment(node)) return void evalJs(ctx, node.expression);
  if (ts.isBlock(node)) return execJsBlock(ctx, node.statements);
  if (ts.isFunctionDeclaration(node)) {
    if (node.name && node.body) defineJsFunction(ctx, node, node.name.text);
    return;
  }
  if (ts.isIfStatement(node)) return execIf(ctx, node);
  if (ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node) || ts.isWhileStatement(node) || ts.isDoStatement(node)) return execLoop(ctx, node);
  if (ts.isTryStatement(node)) {
    for (const b of [node.tryBlock, node.catchClause?.block, node.finallyBlock]) if (b) execJsBlock(ctx, b.statements);
    return;
  }
  if (ts.isSwitchStatement(node)) return ctx.inFrame('if', () => { for (const clause of node.caseBlock.clauses) execJsBlock(ctx, clause.statements); });
  if (ts.isReturnStatement(node)) return execReturn(ctx, node);
}

function execImport(ctx: JsContext, node: TS.ImportDeclaration): void {
  const { ts } = ctx;
  if (!ts.isStringLiteral(node.moduleSpecifier) || !isTfjsModule(node.moduleSpecifier.text)) return;
  const clause = node.importClause;
  if (!clause) return;
  if (clause.name) ctx.bind(clause.name.text, { sym: 'module', path: 'tfjs', fromImport: true });
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) ctx.bind(bindings.name.text, { sym: 'module', path: 'tfjs', fromImport: true });
  if (bindings && ts.isNamedImports(bindings)) {
    for (const el of bindings.elements) ctx.bind(el.name.text, { sym: 'module', path: `tfjs.${(el.propertyName ?? el.name).text}`, fromImport: true });
  }
}

function execDeclarations(ctx: JsContext, list: TS.VariableDeclarationList): void {
  for (const d of list.declarations) {
    const value = d.initializer ? valueOf(ctx, d.initializer, d.name) : pySym({ kind: 'none' });
    bindTarget(ctx, d.name, value);
  }
}

/** Arrow functions and function expressions become functions of the file; anything else is evaluated. */
function valueOf(ctx: JsContext, node: TS.Expression, target: TS.Node): Sym {
  const { ts } = ctx;
  let inner: TS.Expression = node;
  while (ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner) || ts.isSatisfiesExpression(inner)) inner = inner.expression;
  if (ts.isArrowFunction(inner) || ts.isFunctionExpression(inner)) {
    const fn = defineJsFunction(ctx, inner, ctx.text(target));
    return fn ? { sym: 'function', id: fn.id, name: fn.name } : unknownSym(msg('is a function'));
  }
  return evalJsSpanned(ctx, node);
}

function bindTarget(ctx: JsContext, target: TS.Node, value: Sym): void {
  const { ts } = ctx;
  if (ts.isIdentifier(target)) {
    if (value.sym === 'model') ctx.nameModel(value.model, target.text);
    ctx.bind(target.text, value);
  } else if (ts.isObjectBindingPattern(target)) {
    for (const el of target.elements) {
      if (!ts.isIdentifier(el.name)) continue;
      const key = el.propertyName;
      const field = key === undefined ? el.name.text : ts.isIdentifier(key) || ts.isStringLiteral(key) ? key.text : null;
      if (field === null) continue;
      const sym: Sym = value.sym === 'module' ? { sym: 'module', path: `${value.path}.${field}`, fromImport: value.fromImport }
        : value.sym === 'dict' ? value.entries.get(field) ?? unknownSym(msg('has no field {0}', field)) : unknownSym(msg('is destructured from a value known when the code runs (`{0}`)', field));
      ctx.bind(el.name.text, sym);
    }
  } else if (ts.isArrayBindingPattern(target)) {
    for (const el of target.elements) if (ts.isBindingElement(el) && ts.isIdentifier(el.name)) ctx.bind(el.name.text, unknownSym(msg('is destructured from an array')));
  }
}

/** Assignment operators as the arithmetic they apply (`+=` is `+`). */
function compoundOperator(ts: typeof TS, kind: TS.SyntaxKind): string | null {
  const K = ts.SyntaxKind;
  switch (kind) {
    case K.PlusEqualsToken: return '+';
    case K.MinusEqualsToken: return '-';
    case K.AsteriskEqualsToken: return '*';
    case K.SlashEqualsToken: return '/';
    case K.PercentEqualsToken: return '%';
    case K.AsteriskAsteriskEqualsToken: return '**';
    default: return null;
  }
}

function execExpression(ctx: JsContext, node: TS.Expression): void {
  const { ts } = ctx;
  if (!ts.isBinaryExpression(node) || node.operatorToken.kind < ts.SyntaxKind.FirstAssignment || node.operatorToken.kind > ts.SyntaxKind.LastAssignment) {
    evalJs(ctx, node);
    return;
  }
  const target = node.left;
  const value = valueOf(ctx, node.right, target);
  if (!ts.isIdentifier(target)) return;
  if (node.operatorToken.kind === ts.SyntaxKind.EqualsToken) return bindTarget(ctx, target, value);
  const op = compoundOperator(ts, node.operatorToken.kind);
  const cur = ctx.lookup(target.text);
  ctx.bind(target.text, op !== null && cur?.sym === 'py' && value.sym === 'py' ? pySym(binaryOp(op, cur.value, value.value)) : unknownSym(msg('is updated with `{0}`', ctx.short(node))));
}

function execIf(ctx: JsContext, node: TS.IfStatement): void {
  const c = evalJs(ctx, node.expression);
  const known = c.sym === 'py' && c.value.kind !== 'unknown' && c.value.kind !== 'call' ? truthy(c.value) : null;
  const branches = node.elseStatement ? [node.thenStatement, node.elseStatement] : [node.thenStatement];
  if (known !== null) {
    const branch = known ? node.thenStatement : node.elseStatement;
    if (branch) execJs(ctx, branch);
    return;
  }
  for (const b of branches) ctx.inFrame('if', () => execJs(ctx, b));
}

/** Names assigned anywhere in a loop (they change from one iteration to the next); nested functions excluded. */
function assignedInLoop(ctx: JsContext, loop: TS.Node): Set<string> {
  const { ts } = ctx;
  const out = new Set<string>();
  const visit = (n: TS.Node): void => {
    if (ts.isFunctionDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n)) return;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment && ts.isIdentifier(n.left)) out.add(n.left.text);
    if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && ts.isIdentifier(n.operand)) out.add(n.operand.text);
    n.forEachChild(visit);
  };
  visit(loop);
  return out;
}

type Loop = TS.ForStatement | TS.ForOfStatement | TS.ForInStatement | TS.WhileStatement | TS.DoStatement;

function execLoop(ctx: JsContext, node: Loop): void {
  const { ts } = ctx;
  for (const name of assignedInLoop(ctx, node)) {
    const cur = ctx.lookup(name);
    if (!cur || cur.sym === 'py' || cur.sym === 'list' || cur.sym === 'dict') ctx.bind(name, unknownSym(msg('changes from one loop iteration to the next (`{0}`)', name)));
  }
  ctx.inFrame('loop', () => {
    const init = ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node) ? node.initializer : undefined;
    if (init && ts.isVariableDeclarationList(init)) {
      for (const d of init.declarations) if (ts.isIdentifier(d.name)) ctx.bind(d.name.text, unknownSym(msg('takes a new value at each loop iteration (`{0}`)', d.name.text)));
    }
    execJs(ctx, node.statement);
  });
}

function execReturn(ctx: JsContext, node: TS.ReturnStatement): void {
  const value = node.expression ? evalJs(ctx, node.expression) : pySym({ kind: 'none' });
  if (ctx.frames.length === 0) {
    ctx.returned ??= value;
    ctx.stopped = true;
  } else {
    ctx.returned = unknownSym(msg('depends on which `return` runs'));
  }
}

type FunctionNode = TS.FunctionDeclaration | TS.ArrowFunction | TS.FunctionExpression;

function defineJsFunction(ctx: JsContext, node: FunctionNode, name: string): ReaderFunction<TS.Node> | null {
  const { ts } = ctx;
  const body = node.body;
  if (!body) return null;
  const params: ReaderParam[] = [];
  for (const p of node.parameters) {
    if (!ts.isIdentifier(p.name)) continue;
    params.push({ name: p.name.text, star: p.dotDotDotToken ? '*' : '', defaultValue: p.initializer ? evalJs(ctx, p.initializer) : null });
  }
  const fn: ReaderFunction<TS.Node> = { id: ctx.functions.length, name, body, params, defOffset: node.getStart(ctx.sf), running: false, calls: 0 };
  ctx.functions.push(fn);
  if (ts.isFunctionDeclaration(node)) ctx.bind(name, { sym: 'function', id: fn.id, name });
  return fn;
}

function runJsFunction(ctx: JsContext, fn: ReaderFunction<TS.Node>, values: Map<string, Sym>): Sym {
  return ctx.inFunction(fn, values, () => {
    if (ctx.ts.isBlock(fn.body)) execJsBlock(ctx, fn.body.statements);
    else ctx.returned = evalJs(ctx, fn.body);
  });
}

function paramValues(fn: ReaderFunction<TS.Node>, args: readonly Sym[] | undefined): Map<string, Sym> {
  const out = new Map<string, Sym>();
  fn.params.forEach((p, i) => {
    const given = p.star ? undefined : args?.[i];
    out.set(p.name, given ?? (args && p.defaultValue ? p.defaultValue : unknownSym(msg('comes from the function argument `{0}`', p.name))));
  });
  return out;
}

export function callJsFunction(ctx: JsContext, id: number, args: readonly Sym[]): Sym {
  const fn = ctx.functions[id];
  if (!fn || fn.running) return unknownSym(msg('is returned by a recursive call HyperLab does not follow'));
  fn.calls++;
  return runJsFunction(ctx, fn, paramValues(fn, args));
}

export function runUncalledJsFunctions(ctx: JsContext): void {
  for (const fn of ctx.functions) {
    if (fn.calls > 0 || fn.running) continue;
    fn.calls++;
    runJsFunction(ctx, fn, paramValues(fn, undefined));
  }
}
