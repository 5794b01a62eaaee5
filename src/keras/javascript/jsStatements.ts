/**
 * Reads JavaScript / TypeScript statements in order for the TF.js reader: imports of @tensorflow/tfjs,
 * `const`/`let`/`var` declarations (with `{layers} = tf` destructuring), expression statements (assignments
 * are expressions: jsAssign.ts), functions (jsFunctions.ts), control flow with the same loop/if frames as the
 * Python reader (`for ... of` over models' layers keeps its variable derived from them), `throw`, `try`,
 * `switch` and labels. Statements without effect on values (types, interfaces, `debugger`) are named as
 * such; the rest (a class body, `with`) marks the models and layers it names (jsUnmodelled.ts): nothing is
 * skipped silently. Nodes are the TypeScript compiler's.
 */
import type * as TS from 'typescript';
import { type Sym, pySym, unknownSym } from '../graph/symbolic';
import { derivedFrom, rootsOf } from '../graph/reach';
import { msg } from '../message';
import { truthy } from '../python/pyArith';
import type { JsContext } from './jsContext';
import { bindTarget, valueOf } from './jsAssign';
import { evalJs } from './jsEval';
import { defineJsFunction } from './jsFunctions';
import { jsUnmodelled } from './jsUnmodelled';
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
  if (ts.isExpressionStatement(node)) return void evalJs(ctx, node.expression);
  if (ts.isExportAssignment(node)) return void evalJs(ctx, node.expression);
  if (ts.isBlock(node)) return execJsBlock(ctx, node.statements);
  if (ts.isFunctionDeclaration(node)) {
    if (node.name && node.body) defineJsFunction(ctx, node, node.name.text);
    return;
  }
  if (ts.isIfStatement(node)) return execIf(ctx, node);
  if (ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node) || ts.isWhileStatement(node) || ts.isDoStatement(node)) return execLoop(ctx, node);
  if (ts.isTryStatement(node)) return execTry(ctx, node);
  if (ts.isSwitchStatement(node)) return execSwitch(ctx, node);
  if (ts.isReturnStatement(node)) return execReturn(ctx, node);
  if (ts.isThrowStatement(node)) return execThrow(ctx, node);
  if (ts.isLabeledStatement(node)) return execJs(ctx, node.statement);
  // No effect on any value: types, interfaces, `;`, `debugger`, `break` / `continue` (their loop is read once, as uncertain).
  if (ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isEmptyStatement(node) || ts.isDebuggerStatement(node)
    || ts.isBreakStatement(node) || ts.isContinueStatement(node) || ts.isExportDeclaration(node) || ts.isImportEqualsDeclaration(node)) return;
  if (ts.isClassDeclaration(node) && node.name) ctx.bind(node.name.text, { sym: 'class', name: node.name.text });
  jsUnmodelled(ctx, node);
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

export function execDeclarations(ctx: JsContext, list: TS.VariableDeclarationList): void {
  for (const d of list.declarations) {
    const value = d.initializer ? valueOf(ctx, d.initializer, d.name) : pySym({ kind: 'none' });
    bindTarget(ctx, d.name, value, true);
  }
}

function isKnown(c: Sym): boolean {
  return c.sym === 'py' && c.value.kind !== 'unknown' && c.value.kind !== 'call';
}

function execIf(ctx: JsContext, node: TS.IfStatement): void {
  const c = evalJs(ctx, node.expression);
  const branches = node.elseStatement ? [node.thenStatement, node.elseStatement] : [node.thenStatement];
  if (c.sym === 'py' && isKnown(c)) {
    const branch = truthy(c.value) ? node.thenStatement : node.elseStatement;
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
    if (ts.isFunctionDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isClassLike(n)) return;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment && ts.isIdentifier(n.left)) out.add(n.left.text);
    if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && ts.isIdentifier(n.operand)) out.add(n.operand.text);
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name)) out.add(n.name.text);
    n.forEachChild(visit);
  };
  visit(loop);
  return out;
}

type Loop = TS.ForStatement | TS.ForOfStatement | TS.ForInStatement | TS.WhileStatement | TS.DoStatement;

function execLoop(ctx: JsContext, node: Loop): void {
  const { ts } = ctx;
  // The first initializer and iterable run once, before the loop.
  const iterable = ts.isForOfStatement(node) || ts.isForInStatement(node) ? evalJs(ctx, node.expression) : null;
  if (ts.isForStatement(node) && node.initializer) {
    if (ts.isVariableDeclarationList(node.initializer)) execDeclarations(ctx, node.initializer);
    else evalJs(ctx, node.initializer);
  }
  for (const name of assignedInLoop(ctx, node)) {
    const cur = ctx.lookup(name);
    if (!cur || cur.sym === 'py' || cur.sym === 'list' || cur.sym === 'dict') ctx.assign(name, unknownSym(msg('changes from one loop iteration to the next (`{0}`)', name)));
  }
  ctx.inFrame('loop', () => {
    if (ts.isForOfStatement(node) || ts.isForInStatement(node)) {
      const why = msg('takes a new value at each loop iteration (`{0}`)', ctx.short(node.initializer));
      const value = ts.isForOfStatement(node) && iterable ? derivedFrom(rootsOf(iterable), why) : unknownSym(why);
      if (ts.isVariableDeclarationList(node.initializer)) for (const d of node.initializer.declarations) bindTarget(ctx, d.name, value, true);
      else bindTarget(ctx, node.initializer, value, false);
    }
    if (ts.isForStatement(node) || ts.isWhileStatement(node) || ts.isDoStatement(node)) {
      const cond = ts.isForStatement(node) ? node.condition : node.expression;
      if (cond) evalJs(ctx, cond);
    }
    execJs(ctx, node.statement);
    if (ts.isForStatement(node) && node.incrementor) evalJs(ctx, node.incrementor);
  });
}

/** `try`: a `throw` ends the `try` block; the `catch` block may or may not run; `finally` runs. */
function execTry(ctx: JsContext, node: TS.TryStatement): void {
  const saved = { returned: ctx.returned, stopped: ctx.stopped };
  execJsBlock(ctx, node.tryBlock.statements);
  const raised = ctx.raising;
  if (raised) {
    ctx.raising = false;
    Object.assign(ctx, saved);
  }
  const clause = node.catchClause;
  if (clause) {
    ctx.inFrame('if', () => {
      const v = clause.variableDeclaration;
      if (v) bindTarget(ctx, v.name, unknownSym(msg('is the exception caught by `catch`')), true);
      execJsBlock(ctx, clause.block.statements);
    });
  }
  if (node.finallyBlock) execJsBlock(ctx, node.finallyBlock.statements);
}

function execSwitch(ctx: JsContext, node: TS.SwitchStatement): void {
  evalJs(ctx, node.expression);
  ctx.inFrame('if', () => {
    for (const clause of node.caseBlock.clauses) {
      if (ctx.ts.isCaseClause(clause)) evalJs(ctx, clause.expression);
      execJsBlock(ctx, clause.statements);
    }
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

function execThrow(ctx: JsContext, node: TS.ThrowStatement): void {
  evalJs(ctx, node.expression);
  if (ctx.frames.length > 0) return;
  ctx.returned ??= unknownSym(msg('raises an exception (line {0})', ctx.span(node).line));
  ctx.stopped = true;
  ctx.raising = true;
}
