/**
 * Evaluates JavaScript / TypeScript expressions as far as they can be known statically, for TF.js code:
 * literals, template strings, names (imports of @tensorflow/tfjs are module paths), arrays, object literals
 * (configs, with `...spread` of known objects), arithmetic, `a ? b : c`, the comma operator, TypeScript casts
 * (`x as T`, `<T>x`, `x!`, `satisfies`), `await`, `typeof` / `void`, assignments and `++` (jsAssign.ts),
 * functions (jsFunctions.ts), member paths and calls (jsCalls.ts). Every sub-expression that may run is
 * read; a form it does not model marks what it names (jsUnmodelled.ts). Unknown values carry a reason, as
 * in the Python reader. Nodes are the TypeScript compiler's.
 */
import type * as TS from 'typescript';
import { type Sym, pySym, unknownSym } from '../graph/symbolic';
import { type Message, msg } from '../message';
import { binaryOp, truthy, unaryOp } from '../python/pyArith';
import { withSpan } from '../python/pyEval';
import { derivedFrom, rootsOf } from '../graph/reach';
import { bindTarget, evalAssignment, evalUpdate } from './jsAssign';
import { evalJsCall, evalNew } from './jsCalls';
import type { JsContext } from './jsContext';
import { defineJsFunction } from './jsFunctions';
import { jsUnmodelled } from './jsUnmodelled';

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
  if (ts.isTemplateExpression(node)) {
    for (const span of node.templateSpans) evalJs(ctx, span.expression);
    return unknownSym(msg('is a template string computed when the code runs (`{0}`)', ctx.short(node)));
  }
  if (ts.isIdentifier(node)) return jsName(ctx, node.text);
  if (ts.isArrayLiteralExpression(node)) return jsArray(ctx, node);
  if (ts.isObjectLiteralExpression(node)) return jsObject(ctx, node);
  if (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) {
    const K = ts.SyntaxKind;
    if (node.operator === K.PlusPlusToken || node.operator === K.MinusMinusToken) return evalUpdate(ctx, node);
    if (ts.isPrefixUnaryExpression(node)) return jsUnary(ctx, node);
  }
  if (ts.isBinaryExpression(node)) return jsBinary(ctx, node);
  if (ts.isConditionalExpression(node)) return jsConditional(ctx, node);
  if (ts.isPropertyAccessExpression(node)) return jsMember(ctx, node, node.name.text, null);
  if (ts.isElementAccessExpression(node)) return jsMember(ctx, node, null, node.argumentExpression);
  if (ts.isCallExpression(node)) return evalJsCall(ctx, node);
  if (ts.isNewExpression(node)) return evalNew(ctx, node);
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
    const fn = defineJsFunction(ctx, node, ts.isFunctionExpression(node) && node.name ? node.name.text : 'arrow function');
    return fn ? { sym: 'function', id: fn.id, name: fn.name } : unknownSym(msg('is a function'));
  }
  // Wrappers that do not change the value: (x), x as T, <T>x, x!, x satisfies T, await x.
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isTypeAssertionExpression(node) || ts.isNonNullExpression(node)
    || ts.isSatisfiesExpression(node) || ts.isAwaitExpression(node)) return evalJs(ctx, node.expression);
  if (ts.isTypeOfExpression(node) || ts.isVoidExpression(node) || ts.isSpreadElement(node)) {
    const inner = evalJs(ctx, node.expression);
    return derivedFrom(rootsOf(inner), msg('is only known when the code runs (`{0}`)', ctx.short(node)));
  }
  switch (node.kind) {
    case ts.SyntaxKind.TrueKeyword: return pySym({ kind: 'bool', value: true });
    case ts.SyntaxKind.FalseKeyword: return pySym({ kind: 'bool', value: false });
    case ts.SyntaxKind.NullKeyword: return pySym({ kind: 'none' });
    case ts.SyntaxKind.ThisKeyword: return jsName(ctx, 'this');
    default:
      jsUnmodelled(ctx, node);
      return runtime(ctx, node);
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
    if (truncated) {
      if (!ctx.isMissing(c)) evalJs(ctx, c);
      continue;
    }
    if (ctx.ts.isOmittedExpression(c)) {
      items.push(unknownSym(msg('is an empty slot of the array'), ctx.span(node)));
      continue;
    }
    if (ctx.isMissing(c)) {
      truncated = msg('has a syntax error at line {0}', ctx.span(c).line);
      continue;
    }
    if (ctx.ts.isSpreadElement(c)) {
      evalJs(ctx, c.expression);
      truncated = msg('spreads another array, which HyperLab does not expand');
      continue;
    }
    items.push(evalJsSpanned(ctx, c));
  }
  return { sym: 'list', items, span: ctx.span(node), truncated };
}

/** `{units: 64, inputShape: [784], ...base}`; a computed key, a method or a spread of an unknown object make it incomplete. */
export function jsObject(ctx: JsContext, node: TS.ObjectLiteralExpression): Sym {
  const { ts } = ctx;
  const entries = new Map<string, Sym>();
  let incomplete: Message | null = null;
  for (const prop of node.properties) {
    if (ts.isSpreadAssignment(prop)) {
      const spread = evalJs(ctx, prop.expression);
      if (spread.sym === 'dict') {
        for (const [k, v] of spread.entries) entries.set(k, v);
        incomplete ??= spread.incomplete;
      } else {
        incomplete ??= msg('spreads `{0}`, which HyperLab cannot read', ctx.short(prop.expression));
      }
    } else if (ts.isShorthandPropertyAssignment(prop)) {
      entries.set(prop.name.text, jsName(ctx, prop.name.text));
    } else if (ts.isPropertyAssignment(prop)) {
      const key = ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name) || ts.isNumericLiteral(prop.name) ? prop.name.text : null;
      if (key === null && ts.isComputedPropertyName(prop.name)) evalJs(ctx, prop.name.expression);
      const value = evalJsSpanned(ctx, prop.initializer);
      if (key !== null) entries.set(key, value);
      else incomplete ??= msg('has a key computed when the code runs (`{0}`)', ctx.short(prop.name));
    } else {
      // A method, getter or setter: its body runs when it is called, which HyperLab does not follow.
      jsUnmodelled(ctx, prop);
      incomplete ??= msg('has a method (`{0}`)', ctx.short(prop));
    }
  }
  return { sym: 'dict', entries, span: ctx.span(node), incomplete };
}

function jsUnary(ctx: JsContext, node: TS.PrefixUnaryExpression): Sym {
  const { SyntaxKind } = ctx.ts;
  const op = node.operator === SyntaxKind.MinusToken ? '-' : node.operator === SyntaxKind.PlusToken ? '+' : node.operator === SyntaxKind.ExclamationToken ? 'not' : null;
  const v = evalJs(ctx, node.operand);
  if (op === null) return unknownSym(msg('changes when the code runs (`{0}`)', ctx.short(node)));
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
  const { ts } = ctx;
  const kind = node.operatorToken.kind;
  if (kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment) return jsAssignment(ctx, node);
  if (kind === ts.SyntaxKind.CommaToken) {
    evalJs(ctx, node.left);
    return evalJs(ctx, node.right);
  }
  const py = pythonOperator(ts, kind);
  const a = evalJs(ctx, node.left);
  if (py === 'and' || py === 'or' || py === '??') {
    if (a.sym !== 'py' || a.value.kind === 'unknown' || a.value.kind === 'call') {
      // The right side may or may not run.
      let b: Sym = a;
      ctx.inFrame('if', () => { b = evalJs(ctx, node.right); });
      return derivedFrom([...rootsOf(a), ...rootsOf(b)], msg('is only known when the code runs (`{0}`)', ctx.short(node)));
    }
    const useRight = py === '??' ? a.value.kind === 'none' : truthy(a.value) === (py === 'and');
    return useRight ? evalJs(ctx, node.right) : a;
  }
  const b = evalJs(ctx, node.right);
  if (py !== null && a.sym === 'py' && b.sym === 'py') return pySym(binaryOp(py, a.value, b.value));
  return runtime(ctx, node);
}

/** `x ||= y`, `x &&= y`, `x ??= y` assign only when the left side says so; the others always. */
function jsAssignment(ctx: JsContext, node: TS.BinaryExpression): Sym {
  const K = ctx.ts.SyntaxKind;
  const op = node.operatorToken.kind;
  if (op !== K.BarBarEqualsToken && op !== K.AmpersandAmpersandEqualsToken && op !== K.QuestionQuestionEqualsToken) return evalAssignment(ctx, node);
  const cur = evalJs(ctx, node.left);
  if (cur.sym === 'py' && cur.value.kind !== 'unknown' && cur.value.kind !== 'call') {
    const assigns = op === K.QuestionQuestionEqualsToken ? cur.value.kind === 'none' : truthy(cur.value) === (op === K.AmpersandAmpersandEqualsToken);
    if (!assigns) return cur;
    const value = evalJs(ctx, node.right);
    bindTarget(ctx, node.left, value, false);
    return value;
  }
  ctx.inFrame('if', () => bindTarget(ctx, node.left, evalJs(ctx, node.right), false));
  return unknownSym(msg('is only known when the code runs (`{0}`)', ctx.short(node)));
}

function jsConditional(ctx: JsContext, node: TS.ConditionalExpression): Sym {
  const c = evalJs(ctx, node.condition);
  if (c.sym === 'py' && c.value.kind !== 'unknown' && c.value.kind !== 'call') return evalJs(ctx, truthy(c.value) ? node.whenTrue : node.whenFalse);
  const roots: ReturnType<typeof rootsOf> = [];
  for (const branch of [node.whenTrue, node.whenFalse]) ctx.inFrame('if', () => void rootsOf(evalJs(ctx, branch), roots));
  return derivedFrom(roots, msg('depends on a condition known only when the code runs (`{0}`)', ctx.short(node.condition)));
}

/**
 * `obj.prop` / `obj[key]`: module paths, items of known arrays and objects, a functional model's `inputs` /
 * `outputs` and a layer's `output`; anything else reached from models or layers is derived from them.
 */
function jsMember(ctx: JsContext, node: TS.PropertyAccessExpression | TS.ElementAccessExpression, prop: string | null, indexNode: TS.Expression | null): Sym {
  const base = evalJs(ctx, node.expression);
  if (prop !== null && base.sym === 'module') return { sym: 'module', path: `${base.path}.${prop}`, fromImport: base.fromImport };
  const index = indexNode ? evalJs(ctx, indexNode) : null;
  const key = prop ?? (index?.sym === 'py' && (index.value.kind === 'string' || index.value.kind === 'number') ? index.value.value : null);
  if (typeof key === 'number' && base.sym === 'list' && !base.truncated) return base.items[key] ?? unknownSym(msg('is out of range'));
  if (key === 'length' && base.sym === 'list' && !base.truncated) return pySym({ kind: 'number', value: base.items.length });
  if (typeof key === 'string' && base.sym === 'dict' && !base.incomplete) return base.entries.get(key) ?? pySym({ kind: 'none' });
  const why = msg('is only known when the code runs (`{0}`)', ctx.short(node));
  if (base.sym === 'layer' && key === 'output' && base.layer.applications.length > 0) return { sym: 'tensor', ref: { app: base.layer.applications[0]! } };
  if (base.sym === 'model' && base.model.kind === 'functional' && (key === 'outputs' || key === 'inputs')) {
    const refs = key === 'outputs' ? base.model.outputs : base.model.inputs;
    return { sym: 'list', items: refs.map((ref): Sym => ({ sym: 'tensor', ref })), span: ctx.span(node), truncated: null };
  }
  if (base.sym === 'tensor' || (base.sym === 'model' && (key === 'outputs' || key === 'inputs' || key === 'output' || key === 'input'))) return { sym: 'tensor', ref: { unknown: why } };
  return derivedFrom(rootsOf(base), why);
}
