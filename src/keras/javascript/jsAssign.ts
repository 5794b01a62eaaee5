/**
 * Assignments in TF.js code, which are expressions in JavaScript (`a = b = 3`, `f(x = 3)`): declarations bind
 * in the current scope, plain assignments in the scope that owns the name (readerContext.ts `assign`);
 * destructuring (`const {layers} = tf`), compound (`+=`, `??=`) and update (`n++`) operators; properties of
 * objects and items of arrays changed in place (`config.units = 32`, `sizes[0] = 16`, seen through every
 * name bound to them); `layer.trainable = false` and other attributes of layers and models
 * (graph/attributes.ts). What cannot be followed marks what it may change.
 */
import type * as TS from 'typescript';
import { type Sym, pySym, unknownSym } from '../graph/symbolic';
import { changedAt, markAnything, rootsOf } from '../graph/reach';
import { setObjectAttribute } from '../graph/attributes';
import { msg } from '../message';
import { binaryOp } from '../python/pyArith';
import { forgetItems } from '../python/pyCollections';
import type { JsContext } from './jsContext';
import { evalJs, evalJsSpanned } from './jsEval';
import { defineJsFunction } from './jsFunctions';

/** Arrow functions and function expressions become functions of the file; anything else is evaluated. */
export function valueOf(ctx: JsContext, node: TS.Expression, target: TS.Node): Sym {
  const { ts } = ctx;
  let inner: TS.Expression = node;
  while (ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner) || ts.isSatisfiesExpression(inner)) inner = inner.expression;
  if (ts.isArrowFunction(inner) || ts.isFunctionExpression(inner)) {
    const fn = defineJsFunction(ctx, inner, ctx.text(target));
    return fn ? { sym: 'function', id: fn.id, name: fn.name } : unknownSym(msg('is a function'));
  }
  return evalJsSpanned(ctx, node);
}

/** Binds a declaration (`declare`) or assignment target: a name, a destructuring pattern, a property or an item. */
export function bindTarget(ctx: JsContext, target: TS.Node, value: Sym, declare: boolean): void {
  const { ts } = ctx;
  const bind = (name: string, v: Sym): void => (declare ? ctx.bindHere(name, v) : ctx.assign(name, v));
  if (ts.isIdentifier(target)) {
    if (value.sym === 'model') ctx.nameModel(value.model, target.text);
    bind(target.text, value);
  } else if (ts.isObjectBindingPattern(target) || ts.isObjectLiteralExpression(target)) {
    destructureObject(ctx, target, value, bind);
  } else if (ts.isArrayBindingPattern(target) || ts.isArrayLiteralExpression(target)) {
    const items = value.sym === 'list' && !value.truncated ? value.items : null;
    target.elements.forEach((el, i) => {
      const name = ts.isBindingElement(el) ? el.name : el;
      if (ts.isOmittedExpression(name) || ts.isSpreadElement(name) || (ts.isBindingElement(el) && el.dotDotDotToken)) return;
      const item = items?.[i] ?? (value.sym === 'tensor' && 'app' in value.ref ? { sym: 'tensor' as const, ref: { app: value.ref.app, index: i } } : derivedOf(value, msg('is destructured from an array')));
      bindTarget(ctx, name, item, declare);
    });
  } else if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) {
    setProperty(ctx, target, value);
  } else if (ts.isParenthesizedExpression(target)) {
    bindTarget(ctx, target.expression, value, declare);
  }
}

/** What is taken out of a value HyperLab cannot read: derived from its models and layers, else unknown. */
function derivedOf(value: Sym, why: ReturnType<typeof msg>): Sym {
  const roots = rootsOf(value);
  return roots.length > 0 ? { sym: 'derived', roots, reason: why } : unknownSym(why);
}

function destructureObject(ctx: JsContext, target: TS.ObjectBindingPattern | TS.ObjectLiteralExpression, value: Sym, bind: (name: string, v: Sym) => void): void {
  const { ts } = ctx;
  const fieldOf = (field: string): Sym => {
    if (value.sym === 'module') return { sym: 'module', path: `${value.path}.${field}`, fromImport: value.fromImport };
    if (value.sym === 'dict' && !value.incomplete) return value.entries.get(field) ?? unknownSym(msg('has no field {0}', field));
    return derivedOf(value, msg('is destructured from a value known when the code runs (`{0}`)', field));
  };
  const elements = ts.isObjectBindingPattern(target) ? target.elements : target.properties;
  for (const el of elements) {
    if (ts.isBindingElement(el)) {
      if (!ts.isIdentifier(el.name)) continue;
      const key = el.propertyName;
      const field = key === undefined ? el.name.text : ts.isIdentifier(key) || ts.isStringLiteral(key) ? key.text : null;
      bind(el.name.text, field === null ? unknownSym(msg('is destructured with a computed key')) : fieldOf(field));
    } else if (ts.isShorthandPropertyAssignment(el)) {
      bind(el.name.text, fieldOf(el.name.text));
    } else if (ts.isPropertyAssignment(el) && (ts.isIdentifier(el.name) || ts.isStringLiteral(el.name))) {
      bindTarget(ctx, el.initializer, fieldOf(el.name.text), false);
    }
  }
}

/** `obj.prop = value` / `obj[key] = value`: an object's or array's content, a layer's or model's attribute. */
function setProperty(ctx: JsContext, target: TS.PropertyAccessExpression | TS.ElementAccessExpression, value: Sym): void {
  const { ts } = ctx;
  const obj = evalJs(ctx, target.expression);
  const keySym = ts.isElementAccessExpression(target) ? evalJs(ctx, target.argumentExpression) : null;
  const key = ts.isPropertyAccessExpression(target) ? target.name.text : keySym?.sym === 'py' && (keySym.value.kind === 'string' || keySym.value.kind === 'number') ? keySym.value.value : null;
  const why = msg('is changed at line {0} (`{1}`)', ctx.span(target).line, ctx.short(target));
  const plain = ctx.certain;
  if (obj.sym === 'dict') {
    if (typeof key === 'string' && plain) obj.entries.set(key, value);
    else obj.incomplete ??= why;
  } else if (obj.sym === 'list') {
    if (typeof key === 'number' && Number.isInteger(key) && key >= 0 && key < obj.items.length && plain && !obj.truncated) obj.items[key] = value;
    else forgetItems(obj, why);
  } else if (typeof key === 'string' && setObjectAttribute(ctx, obj, key, value, { line: ctx.span(target).line, text: ctx.short(target) })) {
    return;
  } else {
    const roots = rootsOf(obj);
    if (roots.length > 0) markAnything(ctx, roots, changedAt(ctx.span(target).line, ctx.short(target)));
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

/** `target = value`, `target += value`, `target ??= value`: the assignment, and its value. */
export function evalAssignment(ctx: JsContext, node: TS.BinaryExpression): Sym {
  const { ts } = ctx;
  const target = node.left;
  if (node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const value = valueOf(ctx, node.right, target);
    bindTarget(ctx, target, value, false);
    return value;
  }
  const cur = evalJs(ctx, target);
  const right = evalJs(ctx, node.right);
  const op = compoundOperator(ts, node.operatorToken.kind);
  const value = op !== null && cur.sym === 'py' && right.sym === 'py' ? pySym(binaryOp(op, cur.value, right.value)) : unknownSym(msg('is updated with `{0}`', ctx.short(node)));
  bindTarget(ctx, target, value, false);
  return value;
}

/** `n++`, `--n`: the name takes its new value. */
export function evalUpdate(ctx: JsContext, node: TS.PrefixUnaryExpression | TS.PostfixUnaryExpression): Sym {
  const { ts } = ctx;
  const cur = evalJs(ctx, node.operand);
  const delta = node.operator === ts.SyntaxKind.PlusPlusToken ? 1 : -1;
  const next = cur.sym === 'py' && cur.value.kind === 'number' ? pySym({ kind: 'number', value: cur.value.value + delta }) : unknownSym(msg('changes when the code runs (`{0}`)', ctx.short(node)));
  bindTarget(ctx, node.operand, next, false);
  return ts.isPrefixUnaryExpression(node) ? next : cur;
}
