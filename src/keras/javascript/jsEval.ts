/**
 * Evaluates JavaScript / TypeScript expressions as far as they can be known statically, for TF.js code:
 * literals, names (imports of @tensorflow/tfjs are module paths), arrays, object literals (configs, with
 * `...spread` of known objects), arithmetic, `a ? b : c`, TypeScript casts (`x as T`, `x!`), `await`,
 * member paths and calls (handed to jsCalls). Unknown values carry a reason, as in the Python reader.
 */
import type { SyntaxNode } from '@lezer/common';
import { type Sym, pySym, unknownSym } from '../graph/symbolic';
import type { ReaderContext } from '../readerContext';
import { children } from '../sourceText';
import { binaryOp, truthy, unaryOp } from '../python/pyArith';
import { withSpan } from '../python/pyEval';
import { evalJsCall } from './jsCalls';
import { type Message, msg } from '../message';

const MAX_DEPTH = 150;
const JS_TO_PY_OPS: Readonly<Record<string, string>> = { '===': '==', '!==': '!=', '&&': 'and', '||': 'or' };

export function evalJs(ctx: ReaderContext, node: SyntaxNode): Sym {
  if (ctx.depth > MAX_DEPTH) return unknownSym(msg('is nested too deeply for HyperLab to read'));
  ctx.depth++;
  try {
    return evalNode(ctx, node);
  } finally {
    ctx.depth--;
  }
}

/** evalJs with the span where the value is written (attached where values are stored, as in pyEval). */
export function evalJsSpanned(ctx: ReaderContext, node: SyntaxNode): Sym {
  const sym = evalJs(ctx, node);
  return sym.sym === 'py' && !sym.value.span ? pySym(withSpan(sym.value, ctx.src.nodeSpan(node))) : sym;
}

function evalNode(ctx: ReaderContext, node: SyntaxNode): Sym {
  if (node.type.isError) return unknownSym(msg('has a syntax error'));
  const text = () => ctx.src.slice(node);
  switch (node.name) {
    case 'Number': return jsNumber(text());
    case 'String': return jsString(text());
    case 'TemplateString': return node.getChild('Interpolation') ? unknownSym(msg('is a template string computed when the code runs (`{0}`)', ctx.src.short(node))) : pySym({ kind: 'string', value: text().slice(1, -1) });
    case 'BooleanLiteral': return pySym({ kind: 'bool', value: text() === 'true' });
    case 'null': return pySym({ kind: 'none' });
    case 'VariableName': return jsName(ctx, text());
    case 'ArrayExpression': return jsArray(ctx, node);
    case 'ObjectExpression': return jsObject(ctx, node);
    case 'ParenthesizedExpression': { const inner = children(node).filter((c) => c.name !== '(' && c.name !== ')'); return inner.length === 1 ? evalJs(ctx, inner[0]!) : unknownSym(msg('has a syntax error')); }
    case 'UnaryExpression': return jsUnary(ctx, node);
    case 'BinaryExpression': return jsBinary(ctx, node);
    case 'ConditionalExpression': return jsConditional(ctx, node);
    case 'PostfixExpression': { const [inner, op] = children(node); return inner && op && ctx.src.slice(op) === '!' ? evalJs(ctx, inner) : unknownSym(msg('changes when the code runs (`{0}`)', ctx.src.short(node))); }
    case 'AwaitExpression': { const inner = node.lastChild; return inner && inner.name !== 'await' ? evalJs(ctx, inner) : unknownSym(msg('has a syntax error')); }
    case 'MemberExpression': return jsMember(ctx, node);
    case 'CallExpression': return evalJsCall(ctx, node);
    default: return unknownSym(msg('is only known when the code runs (`{0}`)', ctx.src.short(node)));
  }
}

function jsNumber(text: string): Sym {
  if (text.endsWith('n')) return unknownSym(msg('is a BigInt ({0})', text));
  const value = Number(text.replace(/_/g, ''));
  return Number.isFinite(value) ? pySym({ kind: 'number', value }) : unknownSym(msg('is not a number HyperLab can read ({0})', text));
}

function jsString(text: string): Sym {
  const body = text.slice(1, text.length > 1 && text.endsWith(text[0]!) ? -1 : undefined);
  return pySym({ kind: 'string', value: body.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[c] ?? c) });
}

function jsName(ctx: ReaderContext, name: string): Sym {
  const bound = ctx.lookup(name);
  if (bound) return bound;
  if (name === 'undefined') return pySym({ kind: 'none' });
  if (name === 'tf' && ctx.guessKeras) return { sym: 'module', path: 'tfjs', fromImport: false };
  return unknownSym(msg('is not defined in this file (`{0}`)', name));
}

function jsArray(ctx: ReaderContext, node: SyntaxNode): Sym {
  const items: Sym[] = [];
  let truncated: Message | null = null;
  for (const c of children(node)) {
    if (c.name === '[' || c.name === ']' || c.name === ',') continue;
    if (c.type.isError) { truncated = msg('has a syntax error at line {0}', ctx.src.span(c.from, c.from).line); break; }
    if (c.name === 'Spread') { truncated = msg('spreads another array, which HyperLab does not expand'); break; }
    items.push(evalJsSpanned(ctx, c));
  }
  return { sym: 'list', items, span: ctx.src.nodeSpan(node), truncated };
}

/** `{units: 64, inputShape: [784], ...base}`; computed keys are skipped. */
export function jsObject(ctx: ReaderContext, node: SyntaxNode): Sym {
  const entries = new Map<string, Sym>();
  for (const prop of children(node).filter((c) => c.name === 'Property')) {
    const parts = children(prop);
    const first = parts[0];
    if (!first) continue;
    if (first.name === 'Spread' && parts[1]) {
      const spread = evalJs(ctx, parts[1]);
      if (spread.sym === 'dict') for (const [k, v] of spread.entries) entries.set(k, v);
      continue;
    }
    const key = first.name === 'PropertyDefinition' ? ctx.src.slice(first) : first.name === 'String' ? ctx.src.slice(first).slice(1, -1) : null;
    if (key === null) continue;
    const valueNode = parts[2];
    entries.set(key, valueNode ? evalJsSpanned(ctx, valueNode) : jsName(ctx, key));
  }
  return { sym: 'dict', entries, span: ctx.src.nodeSpan(node) };
}

function jsUnary(ctx: ReaderContext, node: SyntaxNode): Sym {
  const [op, arg] = children(node);
  if (!op || !arg) return unknownSym(msg('has a syntax error'));
  const v = evalJs(ctx, arg);
  const opText = ctx.src.slice(op);
  if (v.sym !== 'py') return unknownSym(msg('is only known when the code runs (`{0}`)', ctx.src.short(node)));
  return pySym(unaryOp(opText === '!' ? 'not' : opText, v.value));
}

function jsBinary(ctx: ReaderContext, node: SyntaxNode): Sym {
  const [left, op, right] = children(node);
  if (!left || !op) return unknownSym(msg('has a syntax error'));
  const opText = ctx.src.slice(op);
  if (opText === 'as' || opText === 'satisfies') return evalJs(ctx, left);
  if (!right) return unknownSym(msg('has a syntax error'));
  const a = evalJs(ctx, left);
  const py = JS_TO_PY_OPS[opText] ?? opText;
  if (py === 'and' || py === 'or' || py === '??') {
    if (a.sym !== 'py' || a.value.kind === 'unknown') return a;
    const useRight = py === '??' ? a.value.kind === 'none' : truthy(a.value) === (py === 'and');
    return useRight ? evalJs(ctx, right) : a;
  }
  const b = evalJs(ctx, right);
  if (a.sym === 'py' && b.sym === 'py') return pySym(binaryOp(py, a.value, b.value));
  return unknownSym(msg('is only known when the code runs (`{0}`)', ctx.src.short(node)));
}

function jsConditional(ctx: ReaderContext, node: SyntaxNode): Sym {
  const parts = children(node).filter((c) => c.name !== 'LogicOp');
  const [cond, then, otherwise] = parts;
  if (!cond || !then || !otherwise) return unknownSym(msg('has a syntax error'));
  const c = evalJs(ctx, cond);
  if (c.sym !== 'py' || c.value.kind === 'unknown') return unknownSym(msg('depends on a condition known only when the code runs (`{0}`)', ctx.src.short(cond)));
  return evalJs(ctx, truthy(c.value) ? then : otherwise);
}

function jsMember(ctx: ReaderContext, node: SyntaxNode): Sym {
  const parts = children(node);
  const obj = parts[0];
  const prop = parts.find((p) => p.name === 'PropertyName');
  if (!obj) return unknownSym(msg('has a syntax error'));
  const base = evalJs(ctx, obj);
  if (prop && base.sym === 'module') return { sym: 'module', path: `${base.path}.${ctx.src.slice(prop)}`, fromImport: base.fromImport };
  const index = parts[1]?.name === '[' && parts[2] ? evalJs(ctx, parts[2]) : null;
  if (index?.sym === 'py' && index.value.kind === 'number' && base.sym === 'list' && !base.truncated) return base.items[index.value.value] ?? unknownSym(msg('is out of range'));
  const why = msg('is only known when the code runs (`{0}`)', ctx.src.short(node));
  return base.sym === 'tensor' || base.sym === 'model' ? { sym: 'tensor', ref: { unknown: why } } : unknownSym(why);
}
