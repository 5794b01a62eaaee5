/**
 * Evaluates Python expressions as far as they can be known without running the program: literals,
 * names (imports are module paths), tuples, lists, dicts and sets, + - * / // % ** and parentheses,
 * comparisons and `and`/`or`/`not`, `a if c else b`, f-strings, indexing and slicing, attributes
 * (pyMembers.ts), calls (pyCalls.ts), comprehensions, `lambda` and `:=` (pyScopedExpressions.ts), `await`
 * and `yield`. Every sub-expression that may run is read, even when the value stays unknown, so a call
 * inside one is never missed (a branch whose condition is unknown is read as an `if`). What cannot be known
 * becomes an unknown PyValue whose reason is a predicate meant to follow the argument's name: "units comes
 * from the function argument `n`".
 */
import type { NodeType, SyntaxNode } from '@lezer/common';
import type { PyValue, SourceSpan } from '../kerasModel';
import { type Sym, pySym, unknownSym } from '../graph/symbolic';
import { children } from '../sourceText';
import { binaryOp, truthy, unaryOp } from './pyArith';
import type { ReaderContext } from '../readerContext';
import { evalCall } from './pyCalls';
import { resolveName } from './pyNames';
import { parsePythonNumber, parsePythonString } from './pyLiterals';
import { member } from './pyMembers';
import { evalComprehension, evalLambda, evalNamed } from './pyScopedExpressions';
import { unmodelled } from './pyUnmodelled';
import { derivedFrom, rootsOf } from '../graph/reach';
import { type Message, msg } from '../message';

const MAX_DEPTH = 150;

export function evalExpr(ctx: ReaderContext, node: SyntaxNode): Sym {
  if (ctx.depth > MAX_DEPTH) return unknownSym(msg('is nested too deeply for HyperLab to read'), ctx.src.nodeSpan(node));
  ctx.depth++;
  try {
    return evalNode(ctx, node);
  } finally {
    ctx.depth--;
  }
}

/**
 * A value with the span where it is written, unless it already has one (a constant keeps the span of its
 * definition). Spans are attached where values are stored — arguments, assignments, list items — rather
 * than at every subexpression, which keeps a 5,000-line file fast.
 */
export function spanned(ctx: ReaderContext, sym: Sym, node: SyntaxNode): Sym {
  if (sym.sym !== 'py' || sym.value.span) return sym;
  return pySym(withSpan(sym.value, ctx.src.nodeSpan(node)));
}

/** The value with a span, built per kind so every object has one fixed shape (spreading is slow here). */
export function withSpan(v: PyValue, span: SourceSpan): PyValue {
  switch (v.kind) {
    case 'number': return { kind: 'number', value: v.value, span };
    case 'string': return { kind: 'string', value: v.value, span };
    case 'bool': return { kind: 'bool', value: v.value, span };
    case 'none': return { kind: 'none', span };
    case 'tuple': return { kind: 'tuple', items: v.items, span };
    case 'unknown': return { kind: 'unknown', reason: v.reason, span };
    case 'call': return v;
  }
}

/** evalExpr, then spanned. */
export function evalSpanned(ctx: ReaderContext, node: SyntaxNode): Sym {
  return spanned(ctx, evalExpr(ctx, node), node);
}

function evalNode(ctx: ReaderContext, node: SyntaxNode): Sym {
  if (node.type.isError) {
    unmodelled(ctx, node);
    return unknownSym(msg('has a syntax error'));
  }
  switch (node.name) {
    case 'Number': return pySym(parsePythonNumber(ctx.src.slice(node)));
    case 'String': case 'FormatString': return stringSym(ctx, node);
    case 'ContinuedString': return continuedString(ctx, node);
    case 'Boolean': return pySym({ kind: 'bool', value: ctx.src.slice(node) === 'True' });
    case 'None': return pySym({ kind: 'none' });
    case 'VariableName': return resolveName(ctx, ctx.src.slice(node));
    case 'ParenthesizedExpression': return parenthesized(ctx, node);
    case 'TupleExpression': case 'ArrayExpression': return evalList(ctx, node);
    case 'DictionaryExpression': return evalDict(ctx, node);
    case 'UnaryExpression': return unary(ctx, node);
    case 'BinaryExpression': return binary(ctx, node);
    case 'ConditionalExpression': return conditional(ctx, node);
    case 'MemberExpression': return member(ctx, node);
    case 'CallExpression': return evalCall(ctx, node);
    case 'ArrayComprehensionExpression': case 'ComprehensionExpression':
    case 'SetComprehensionExpression': case 'DictionaryComprehensionExpression':
      return evalComprehension(ctx, node);
    case 'LambdaExpression': return evalLambda(ctx, node);
    case 'NamedExpression': return evalNamed(ctx, node);
    // A set, `await x`, `yield x`: the parts are read; the value is only known when the code runs.
    case 'SetExpression': case 'AwaitExpression': case 'YieldExpression': return evalParts(ctx, node);
    case 'Ellipsis': return unknownSym(msg('is `...`'));
    default:
      unmodelled(ctx, node);
      return unknownSym(msg('is only known when the code runs (`{0}`)', ctx.src.short(node)));
  }
}

/** Reads every sub-expression of `node`; the value is unknown, derived from the models and layers in them. */
function evalParts(ctx: ReaderContext, node: SyntaxNode): Sym {
  const roots = children(node).filter((c) => !/^[a-z]+$|^[{}(),*]$/.test(c.name)).flatMap((c) => rootsOf(evalExpr(ctx, c)));
  return derivedFrom(roots, msg('is only known when the code runs (`{0}`)', ctx.src.short(node)));
}

function stringSym(ctx: ReaderContext, node: SyntaxNode): Sym {
  const text = ctx.src.slice(node);
  const fields = node.name === 'FormatString' ? node.getChildren('FormatReplacement') : [];
  // The fields of an f-string run when it is built: `f"{model.count_params()}"`.
  for (const field of fields) for (const e of children(field).filter((c) => c.name !== '{' && c.name !== '}' && !c.name.startsWith('Format'))) evalExpr(ctx, e);
  const value = fields.length > 0 ? null : parsePythonString(node.name === 'FormatString' ? text.replace(/^([a-zA-Z]*)[fF]/, '$1') : text);
  return value === null ? unknownSym(msg('is an f-string computed when the code runs (`{0}`)', ctx.src.short(node))) : pySym({ kind: 'string', value });
}

function continuedString(ctx: ReaderContext, node: SyntaxNode): Sym {
  let out = '';
  for (const part of children(node)) {
    const s = stringSym(ctx, part);
    if (s.sym !== 'py' || s.value.kind !== 'string') return s;
    out += s.value.value;
  }
  return pySym({ kind: 'string', value: out });
}

function parenthesized(ctx: ReaderContext, node: SyntaxNode): Sym {
  const inner = children(node).filter((c) => c.name !== '(' && c.name !== ')');
  return inner.length === 1 ? evalExpr(ctx, inner[0]!) : unknownSym(msg('has a syntax error'));
}

const LIST_PUNCTUATION = new Set(['(', ')', '[', ']', ',', 'Comment']);

/** The items of a list or tuple literal (its children without brackets, commas and comments). */
function listItems(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if ((c.type as NodeType | undefined) && !LIST_PUNCTUATION.has(c.name)) out.push(c);
  return out;
}

/** `[a, b]` / `(a, b)`: items up to the first syntax error or `*rest` (the rest is marked truncated, and still read). */
export function evalList(ctx: ReaderContext, node: SyntaxNode): Sym {
  const items: Sym[] = [];
  let truncated: Message | null = null;
  const parts = listItems(node);
  for (let i = 0; i < parts.length; i++) {
    const c = parts[i]!;
    if (truncated) {
      if (!c.type.isError && c.name !== '*') evalExpr(ctx, c);
      else if (c.type.isError) unmodelled(ctx, c);
      continue;
    }
    if (c.type.isError) {
      truncated = msg('has a syntax error at line {0}', ctx.src.span(c.from, c.from).line);
      unmodelled(ctx, c);
      continue;
    }
    if (c.name === '*') {
      truncated = msg('unpacks `{0}`, which HyperLab does not expand', ctx.src.short(parts[i + 1] ?? c));
      continue;
    }
    items.push(evalSpanned(ctx, c));
  }
  return { sym: 'list', items, span: ctx.src.nodeSpan(node), truncated };
}

/** `{"units": 64, **base}`: string keys (what `**config` can pass to a layer); anything else makes it incomplete. */
function evalDict(ctx: ReaderContext, node: SyntaxNode): Sym {
  const entries = new Map<string, Sym>();
  let incomplete: Message | null = null;
  const parts = children(node).filter((c) => !['{', '}', ','].includes(c.name));
  let i = 0;
  while (i < parts.length) {
    const first = parts[i]!;
    if (first.name === '**' && parts[i + 1]) {
      const spread = evalExpr(ctx, parts[i + 1]!);
      if (spread.sym === 'dict') {
        for (const [k, v] of spread.entries) entries.set(k, v);
        incomplete ??= spread.incomplete;
      } else {
        incomplete ??= msg('unpacks `{0}`, which HyperLab cannot read', ctx.src.short(parts[i + 1]!));
      }
      i += 2;
      continue;
    }
    const value = parts[i + 2];
    if (parts[i + 1]?.name !== ':' || !value) {
      incomplete ??= msg('has a syntax error at line {0}', ctx.src.nodeSpan(first).line);
      for (const rest of parts.slice(i)) if (rest.name !== ':' && rest.name !== '**') evalExpr(ctx, rest);
      break;
    }
    const k = evalExpr(ctx, first);
    const v = evalSpanned(ctx, value);
    if (k.sym === 'py' && k.value.kind === 'string') entries.set(k.value.value, v);
    else incomplete ??= msg('has a key HyperLab cannot read (`{0}`)', ctx.src.short(first));
    i += 3;
  }
  return { sym: 'dict', entries, span: ctx.src.nodeSpan(node), incomplete };
}

function unary(ctx: ReaderContext, node: SyntaxNode): Sym {
  const [op, arg] = children(node);
  if (!op || !arg) return unknownSym(msg('has a syntax error'));
  const v = evalExpr(ctx, arg);
  return v.sym === 'py' ? pySym(unaryOp(ctx.src.slice(op), v.value)) : unknownSym(msg('is only known when the code runs (`{0}`)', ctx.src.short(node)));
}

function binary(ctx: ReaderContext, node: SyntaxNode): Sym {
  const [left, op, right] = children(node);
  if (!left || !op || !right) return unknownSym(msg('has a syntax error'));
  const error = ctx.src.firstErrorIn(node.from, node.to);
  if (error !== null) return brokenBinary(ctx, left, error);
  const opText = ctx.src.slice(op);
  const a = evalExpr(ctx, left);
  if (opText === 'and' || opText === 'or') {
    if (a.sym !== 'py' || a.value.kind === 'unknown' || a.value.kind === 'call') {
      // The right side may or may not run.
      let b: Sym = a;
      ctx.inFrame('if', () => { b = evalExpr(ctx, right); });
      return derivedFrom([...rootsOf(a), ...rootsOf(b)], msg('is only known when the code runs (`{0}`)', ctx.src.short(node)));
    }
    return truthy(a.value) === (opText === 'and') ? evalExpr(ctx, right) : a;
  }
  const b = evalExpr(ctx, right);
  const pa = asPlain(a), pb = asPlain(b);
  if (pa && pb) return pySym(binaryOp(opText, pa, pb));
  if (a.sym === 'tensor' || b.sym === 'tensor') return { sym: 'tensor', ref: { unknown: msg('comes from `{0}`, an operation HyperLab does not follow', ctx.src.short(node)) } };
  return unknownSym(msg('is only known when the code runs (`{0}`)', ctx.src.short(node)));
}

/**
 * An operator expression with a syntax error inside: the parser's recovery glued the rest of a broken
 * list onto it (`[a, b, // comment ...]`). The list on the left keeps the items before the error.
 */
function brokenBinary(ctx: ReaderContext, left: SyntaxNode, error: number): Sym {
  const why = msg('has a syntax error at line {0}', ctx.src.span(error, error).line);
  const a = evalExpr(ctx, left);
  if (a.sym === 'list') return { ...a, truncated: a.truncated ?? why };
  return unknownSym(why);
}

/** A list of plain values as a tuple PyValue; a py value as itself; anything else null. */
function asPlain(s: Sym): PyValue | null {
  if (s.sym === 'py') return s.value;
  if (s.sym === 'list' && !s.truncated) {
    const items = s.items.map(asPlain);
    return items.every((i): i is PyValue => i !== null) ? { kind: 'tuple', items } : null;
  }
  return null;
}

function conditional(ctx: ReaderContext, node: SyntaxNode): Sym {
  const parts = children(node).filter((c) => c.name !== 'if' && c.name !== 'else');
  const [then, cond, otherwise] = parts;
  if (!then || !cond || !otherwise) return unknownSym(msg('has a syntax error'));
  const c = evalExpr(ctx, cond);
  if (c.sym === 'py' && c.value.kind !== 'unknown' && c.value.kind !== 'call') return evalExpr(ctx, truthy(c.value) ? then : otherwise);
  // Either branch may run.
  const roots: ReturnType<typeof rootsOf> = [];
  for (const branch of [then, otherwise]) ctx.inFrame('if', () => void rootsOf(evalExpr(ctx, branch), roots));
  return derivedFrom(roots, msg('depends on a condition known only when the code runs (`{0}`)', ctx.src.short(cond)));
}

/** `a.b` as a dotted name when it is only names ('self.model'), else null. */
export function dottedName(ctx: ReaderContext, node: SyntaxNode): string | null {
  if (node.name === 'VariableName') return ctx.src.slice(node);
  if (node.name !== 'MemberExpression') return null;
  // Sibling by sibling rather than children(): this runs for every attribute and call of a file.
  const obj = node.firstChild;
  const dot = nonComment(obj?.nextSibling ?? null);
  const prop = nonComment(dot?.nextSibling ?? null);
  if (!obj || dot?.name !== '.' || prop?.name !== 'PropertyName') return null;
  const base = dottedName(ctx, obj);
  return base === null ? null : `${base}.${ctx.src.slice(prop)}`;
}

function nonComment(c: SyntaxNode | null): SyntaxNode | null {
  while (c && c.name === 'Comment') c = c.nextSibling;
  return c;
}
