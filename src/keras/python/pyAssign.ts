/**
 * Python assignment targets: names, dotted attributes kept as names ('self.model'), tuple unpacking (`a, b =
 * 1, 2`, and the several outputs of one layer: `out, h, c = LSTM(8, return_state=True)(x)`), items of lists
 * and dicts (`sizes[0] = 16`, changed in place for every name bound to them), `x.trainable = False` on a
 * layer or a model (its parameters move to non-trainable), other attributes of layers and models, and `del`.
 * What cannot be followed marks what it may change (graph/reach.ts). A model keeps the first variable it is
 * assigned to as its name.
 */
import type { SyntaxNode } from '@lezer/common';
import { type Sym, unknownSym } from '../graph/symbolic';
import { changedAt, markStructure, rootsOf } from '../graph/reach';
import { setObjectAttribute } from '../graph/attributes';
import { children } from '../sourceText';
import type { ReaderContext } from '../readerContext';
import { dottedName, evalExpr } from './pyEval';
import { setItem } from './pyCollections';
import { type Message, msg } from '../message';

/** Several targets of one `=`: `a, b = value`. */
export function assignTargets(ctx: ReaderContext, targets: readonly SyntaxNode[], value: Sym): void {
  if (targets.length === 1) assignTarget(ctx, targets[0]!, value);
  else unpack(ctx, targets, value);
}

function unpack(ctx: ReaderContext, targets: readonly SyntaxNode[], value: Sym): void {
  const items = value.sym === 'list' && !value.truncated ? value.items
    : value.sym === 'py' && value.value.kind === 'tuple' ? value.value.items.map((v): Sym => ({ sym: 'py', value: v })) : null;
  const starred = targets.some((t) => t.name === '*');
  targets.filter((t) => t.name !== '*').forEach((t, i) => {
    let item: Sym;
    if (items && items.length === targets.length && !starred) item = items[i]!;
    else if (value.sym === 'tensor' && 'app' in value.ref && !starred) item = { sym: 'tensor', ref: { app: value.ref.app, index: i } };
    else if (value.sym === 'tensor') item = { sym: 'tensor', ref: { unknown: msg('is unpacked from several outputs of a layer (`{0}`)', ctx.src.short(t)) } };
    else if (value.sym === 'derived') item = value;
    else item = unknownSym(unpackedFrom(ctx.src.short(t)));
    assignTarget(ctx, t, item);
  });
}

export function assignTarget(ctx: ReaderContext, target: SyntaxNode, value: Sym): void {
  if (target.name === 'TupleExpression' || target.name === 'ArrayExpression' || target.name === 'ParenthesizedExpression') {
    assignTargets(ctx, children(target).filter((c) => !['(', ')', '[', ']', ','].includes(c.name)), value);
    return;
  }
  if (target.name === 'MemberExpression') {
    const [objNode, op, prop] = children(target);
    if (objNode && op?.name === '[') return setItem(ctx, target, objNode, value);
    if (objNode && prop?.name === 'PropertyName' && setAttribute(ctx, target, objNode, ctx.src.slice(prop), value)) return;
  }
  const name = dottedName(ctx, target);
  if (name === null) return;
  if (value.sym === 'model') ctx.nameModel(value.model, name);
  ctx.bind(name, value);
}

/**
 * `obj.attr = value` on a layer, a model or something derived from them; false when `obj` is none of these
 * (the target is then an ordinary dotted name, such as `self.model`).
 */
function setAttribute(ctx: ReaderContext, target: SyntaxNode, objNode: SyntaxNode, attr: string, value: Sym): boolean {
  return setAttributeOf(ctx, evalExpr(ctx, objNode), attr, value, target);
}

/** `setattr(obj, attr, value)` and `obj.attr = value` once `obj` is read; `at` is the code, for the reasons. */
export function setAttributeOf(ctx: ReaderContext, obj: Sym, attr: string, value: Sym, at: SyntaxNode): boolean {
  return setObjectAttribute(ctx, obj, attr, value, { line: ctx.src.nodeSpan(at).line, text: ctx.src.short(at) });
}

/** `del x`, `del self.model`, `del sizes[0]`. */
export function deleteTarget(ctx: ReaderContext, target: SyntaxNode): void {
  const why = msg('is deleted at line {0} (`{1}`)', ctx.src.nodeSpan(target).line, ctx.src.short(target));
  if (target.name === 'TupleExpression' || target.name === 'ParenthesizedExpression' || target.name === 'ArrayExpression') {
    for (const c of children(target).filter((n) => !['(', ')', '[', ']', ','].includes(n.name))) deleteTarget(ctx, c);
    return;
  }
  const [objNode, op] = children(target);
  if (target.name === 'MemberExpression' && objNode && op?.name === '[') return setItem(ctx, target, objNode, null);
  const name = dottedName(ctx, target);
  if (name !== null) {
    ctx.bind(name, unknownSym(why));
    return;
  }
  const roots = rootsOf(objNode ? evalExpr(ctx, objNode) : undefined);
  if (roots.length > 0) markStructure(ctx, roots, changedAt(ctx.src.nodeSpan(target).line, `del ${ctx.src.short(target)}`));
}

/** Why a name unpacked from a value read only at run time (`(x_train, y_train), ... = load_data()`) is unknown. */
export function unpackedFrom(source: string): Message {
  return msg('is unpacked from `{0}` when the code runs', source);
}

/** The source a reason of unpackedFrom names, or null for any other reason (the hovers look the dataset up by it). */
export function unpackedSource(reason: Message): string | null {
  const source = reason.args[0];
  return reason.text === unpackedFrom('').text && typeof source === 'string' ? source : null;
}
