/**
 * Evaluates JavaScript / TypeScript expressions as far as they can be known statically, for TF.js code:
 * literals, names (imports of @tensorflow/tfjs are module paths), arrays, object literals (configs, with
 * `...spread` of known objects), arithmetic, `a ? b : c`, TypeScript casts (`x as T`, `<T>x`, `x!`,
 * `satisfies`), `await`, member paths and calls (handed to jsCalls). Unknown values carry a reason, as in
 * the Python reader. Nodes are the TypeScript compiler's.
 */
import type * as TS from 'typescript';
import { type Sym, pySym, unknownSym } from '../graph/symbolic';
import { type Message, msg } from '../message';
import { binaryOp, truthy, unaryOp } from '../python/pyArith';
import { withSpan } from '../python/pyEval';
import { evalJsCall } from './jsCalls';
import type { JsContext } from './jsContext';

const MAX_DEPTH = 150;

export function evalJs(ctx: JsContext, node: TS.Node): Sym {
  if (ctx.depth > MAX_DEPTH) return unknownSym(msg('is nested too deeply for HyperLab to read'));
  ctx.depth++;
  try {
    return evalNode(ctx, node);
  } finally {
    ctx.depth--;
  }
}

/** evalJs with the span where the value is written (attached where values are stored, as in pyEval). */
export function evalJsSpanned(ctx: JsContext, node: TS.Node): Sym {
  const sym = evalJs(ctx, node);
  return sym.sym === 'py' && !sym.value.span ? pySym(withSpan(sym.value, ctx.span(node))) : sym;
}

const runtime = (ctx: JsContext, node: TS.Node): Sym => unknownSym(msg('is only known when the code runs (`{0}`)', ctx.short(node)));

function evalNode(ctx: JsContext, node: TS.Node): Sym {
  const { ts } = ctx;
  if (ctx.isMissing(node)) return unknownSym(msg('has a syntax error'));
  if (ts.isNumericLiteral(node)) return jsNumber(node.text);
  if (ts.isBigIntLiteral(node)) return unknownSym(msg('is a BigInt ({0})', node.text));
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return pySym({ kind: 'string', value: node.text });
  if (ts.isTemplateExpression(node)) return unknownSym(msg('is a template string computed when the code runs (`{0}`)', ctx.short(node)));
  if (ts.isIdentifier(node)) return jsName(ctx, node.text);
  if (ts.isArrayLiteralExpression(node)) return jsArray(ctx, node);
  if (ts.isObjectLiteralExpression(node)) return jsObject(ctx, node);
  if (ts.isPrefixUnaryExpression(node)) return jsUnary(ctx, node);
  if (ts.isPostfixUnaryExpression(node)) return unknownSym(msg('changes when the code runs (`{0}`)', ctx.short(node)));
  if (ts.isBinaryExpression(node)) return jsBinary(ctx, node);
  if (ts.isConditionalExpression(node)) return jsConditional(ctx, node);
  if (ts.isPropertyAccessExpression(node)) return jsMember(ctx, node, node.name.text, null);
  if (ts.isElementAccessExpression(node)) return jsMember(ctx, node, null, node.argumentExpression);
  if (ts.isCallExpression(node)) return evalJsCall(ctx, node);
  // Wrappers that do not change the value: (x), x as T, <T>x, x!, x satisfies T, await x.
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isTypeAssertionExpression(node) || ts.isNonNullExpression(node)
    || ts.isSatisfiesExpression(node) || ts.isAwaitExpression(node)) return evalJs(ctx, node.expression);
  switch (node.kind) {
    case ts.SyntaxKind.TrueKeyword: return pySym({ kind: 'bool', value: true });
    case ts.SyntaxKind.FalseKeyword: return pySym({ kind: 'bool', value: false });
    case ts.SyntaxKind.NullKeyword: return pySym({ kind: 'none' });
    default: return runtime(ctx, node);
  }
}

function jsNumber(text: string): Sym {
  const value = Number(text.replace(/_/g, ''));
  return Number.isFinite(value) ? pySym({ kind: 'number', value }) : unknownSym(msg('is not a number HyperLab can read ({0})', text));
}

function jsName(ctx: JsContext, name: string): Sym {
  const bound = ctx.lookup(name);
  if (bound) return bound;
  if (name === 'undefined') return pySym({ kind: 'none' });
  if (name === 'tf' && ctx.guessKeras) return { sym: 'module', path: 'tfjs', fromImport: false };
  return unknownSym(msg('is not defined in this file (`{0}`)', name));
}

function jsArray(ctx: JsContext, node: TS.ArrayLiteralExpression): Sym {
  const items: Sym[] = [];
  let truncated: Message | null = null;
  for (const c of node.elements) {
    if (ctx.ts.isOmittedExpression(c)) {
      items.push(unknownSym(msg('is an empty slot of the array'), ctx.span(node)));
      continue;
    }
    if (ctx.isMissing(c)) {
      truncated = msg('has a syntax error at line {0}', ctx.span(c).line);
      break;
    }
    if (ctx.ts.isSpreadElement(c)) {
      truncated = msg('spreads another array, which HyperLab does not expand');
      break;
    }
    items.push(evalJsSpanned(ctx, c));
  }
  return { sym: 'list', items, span: ctx.span(node), truncated };
}

/** `{units: 64, inputShape: [784], ...base}`; computed keys and methods are skipped. */
export function jsObject(ctx: JsContext, node: TS.ObjectLiteralExpression): Sym {
  const { ts } = ctx;
  const entries = new Map<string, Sym>();
  for (const prop of node.properties) {
    if (ts.isSpreadAssignment(prop)) {
      const spread = evalJs(ctx, prop.expression);
      if (spread.sym === 'dict') for (const [k, v] of spread.entries) entries.set(k, v);
    } else if (ts.isShorthandPropertyAssignment(prop)) {
      entries.set(prop.name.text, jsName(ctx, prop.name.text));
    } else if (ts.isPropertyAssignment(prop)) {
      const key = ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name) || ts.isNumericLiteral(prop.name) ? prop.name.text : null;
      if (key !== null) entries.set(key, evalJsSpanned(ctx, prop.initializer));
    }
  }
  return { sym: 'dict', entries, span: ctx.span(node) };
}

function jsUnary(ctx: JsContext, node: TS.PrefixUnaryExpression): Sym {
  const { SyntaxKind } = ctx.ts;
  const op = node.operator === SyntaxKind.MinusToken ? '-' : node.operator === SyntaxKind.PlusToken ? '+' : node.operator === SyntaxKind.ExclamationToken ? 'not' : null;
  if (op === null) return unknownSym(msg('changes when the code runs (`{0}`)', ctx.short(node)));
  const v = evalJs(ctx, node.operand);
  return v.sym === 'py' ? pySym(unaryOp(op, v.value)) : runtime(ctx, node);
}

/** JavaScript operators as the Python ones pyArith evaluates (`===` is `==`, `&&` is `and`, ...). */
function pythonOperator(ts: typeof TS, kind: TS.SyntaxKind): string | null {
  const K = ts.SyntaxKind;
  switch (kind) {
    case K.PlusToken: return '+';
    case K.MinusToken: return '-';
    case K.AsteriskToken: return '*';
    case K.SlashToken: return '/';
    case K.PercentToken: return '%';
    case K.AsteriskAsteriskToken: return '**';
    case K.EqualsEqualsEqualsToken: case K.EqualsEqualsToken: return '==';
    case K.ExclamationEqualsEqualsToken: case K.ExclamationEqualsToken: return '!=';
    case K.LessThanToken: return '<';
    case K.LessThanEqualsToken: return '<=';
    case K.GreaterThanToken: return '>';
    case K.GreaterThanEqualsToken: return '>=';
    case K.AmpersandAmpersandToken: return 'and';
    case K.BarBarToken: return 'or';
    case K.QuestionQuestionToken: return '??';
    default: return null;
  }
}

function jsBinary(ctx: JsContext, node: TS.BinaryExpression): Sym {
  const py = pythonOperator(ctx.ts, node.operatorToken.kind);
  if (py === null) return runtime(ctx, node);
  const a = evalJs(ctx, node.left);
  if (py === 'and' || py === 'or' || py === '??') {
    if (a.sym !== 'py' || a.value.kind === 'unknown') return a;
    const useRight = py === '??' ? a.value.kind === 'none' : truthy(a.value) === (py === 'and');
    return useRight ? evalJs(ctx, node.right) : a;
  }
  const b = evalJs(ctx, node.right);
  if (a.sym === 'py' && b.sym === 'py') return pySym(binaryOp(py, a.value, b.value));
  return runtime(ctx, node);
}

function jsConditional(ctx: JsContext, node: TS.ConditionalExpression): Sym {
  const c = evalJs(ctx, node.condition);
  if (c.sym !== 'py' || c.value.kind === 'unknown') return unknownSym(msg('depends on a condition known only when the code runs (`{0}`)', ctx.short(node.condition)));
  return evalJs(ctx, truthy(c.value) ? node.whenTrue : node.whenFalse);
}

function jsMember(ctx: JsContext, node: TS.PropertyAccessExpression | TS.ElementAccessExpression, prop: string | null, indexNode: TS.Expression | null): Sym {
  const base = evalJs(ctx, node.expression);
  if (prop !== null && base.sym === 'module') return { sym: 'module', path: `${base.path}.${prop}`, fromImport: base.fromImport };
  const index = indexNode ? evalJs(ctx, indexNode) : null;
  if (index?.sym === 'py' && index.value.kind === 'number' && base.sym === 'list' && !base.truncated) return base.items[index.value.value] ?? unknownSym(msg('is out of range'));
  const why = msg('is only known when the code runs (`{0}`)', ctx.short(node));
  return base.sym === 'tensor' || base.sym === 'model' ? { sym: 'tensor', ref: { unknown: why } } : unknownSym(why);
}
