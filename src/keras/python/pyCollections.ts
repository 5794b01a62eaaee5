/**
 * Lists and dicts changed in place, as Python does it: `sizes.append(8)`, `sizes.extend([4, 2])`, `sizes[0] =
 * 16`, `config['units'] = 32`, `del config['units']`. A list or dict is one object however many names are
 * bound to it, so the change is seen through every name. Outside loops and ifs, appends and assignments of
 * known items are followed exactly; anything else (an unknown index, another method, a change inside a
 * loop) makes the items after the known ones, or all of them, unknown, with the reason.
 */
import type { SyntaxNode } from '@lezer/common';
import type { Sym } from '../graph/symbolic';
import { changedAt, markAnything, rootsOf } from '../graph/reach';
import type { ReaderContext } from '../readerContext';
import { evalExpr } from './pyEval';
import { type Message, msg } from '../message';

type ListSym = Extract<Sym, { sym: 'list' }>;
type DictSym = Extract<Sym, { sym: 'dict' }>;

/** Nothing about the list's items can be trusted any more. */
export function forgetItems(list: ListSym, why: Message): void {
  list.items.length = 0;
  list.truncated ??= why;
}

function indexOf(ctx: ReaderContext, node: SyntaxNode | undefined, length: number): number | null {
  if (!node) return null;
  const k = evalExpr(ctx, node);
  if (k.sym !== 'py' || k.value.kind !== 'number' || !Number.isInteger(k.value.value)) return null;
  const i = k.value.value < 0 ? length + k.value.value : k.value.value;
  return i >= 0 && i < length ? i : null;
}

function keyOf(ctx: ReaderContext, node: SyntaxNode | undefined): string | null {
  if (!node) return null;
  const k = evalExpr(ctx, node);
  return k.sym === 'py' && k.value.kind === 'string' ? k.value.value : null;
}

/** `obj[key] = value` (or `del obj[key]` when value is null). */
export function setItem(ctx: ReaderContext, target: SyntaxNode, objNode: SyntaxNode, value: Sym | null): void {
  const obj = evalExpr(ctx, objNode);
  const inner = target.getChildren('[').length === 1 ? keyNodes(target) : [];
  const why = msg('is changed at line {0} (`{1}`)', ctx.src.nodeSpan(target).line, ctx.src.short(target));
  const exact = ctx.certain && inner.length === 1;
  if (obj.sym === 'list') {
    const i = exact && !obj.truncated ? indexOf(ctx, inner[0], obj.items.length) : null;
    if (i !== null && value) obj.items[i] = value;
    else if (i !== null && i === obj.items.length - 1) obj.items.pop();
    else forgetItems(obj, why);
  } else if (obj.sym === 'dict') {
    const key = exact ? keyOf(ctx, inner[0]) : null;
    if (key !== null && value) obj.entries.set(key, value);
    else if (key !== null) obj.entries.delete(key);
    else obj.incomplete ??= why;
  } else {
    const roots = rootsOf(obj);
    if (roots.length > 0) markAnything(ctx, roots, changedAt(ctx.src.nodeSpan(target).line, ctx.src.short(target)));
  }
}

function keyNodes(target: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  let inside = false;
  for (let c = target.firstChild; c; c = c.nextSibling) {
    if (c.name === '[') inside = true;
    else if (c.name === ']') inside = false;
    else if (inside && c.name !== 'Comment') out.push(c);
  }
  return out;
}

/**
 * A method called on a list or dict value: `append` / `extend` of a list and `update` of a dict with a
 * literal are followed outside loops and ifs; any other method may change it (`insert`, `pop`, `sort`,
 * `clear`, ...), so its items are forgotten. Returns the call's value (unknown).
 */
export function collectionMethod(ctx: ReaderContext, obj: ListSym | DictSym, method: string, args: readonly Sym[], call: SyntaxNode): Sym {
  const why = msg('is changed at line {0} (`{1}`)', ctx.src.nodeSpan(call).line, ctx.src.short(call));
  const result: Sym = { sym: 'py', value: { kind: 'unknown', reason: msg('is the result of `{0}()`, known when the code runs', method) } };
  if (READ_ONLY.has(method)) return result;
  const plain = ctx.certain;
  if (obj.sym === 'list') {
    if (method === 'append' && args.length === 1 && plain) obj.items.push(args[0]!);
    else if (method === 'extend' && args[0]?.sym === 'list' && !args[0].truncated && plain) obj.items.push(...args[0].items);
    else if ((method === 'append' || method === 'extend') && !obj.truncated) obj.truncated = why;
    else forgetItems(obj, why);
  } else if (method === 'update' && args[0]?.sym === 'dict' && plain) {
    for (const [k, v] of args[0].entries) obj.entries.set(k, v);
    if (args[0].incomplete) obj.incomplete ??= args[0].incomplete;
  } else {
    obj.incomplete ??= why;
  }
  return result;
}

/** Methods that leave a list or dict unchanged. */
const READ_ONLY = new Set(['copy', 'count', 'index', 'get', 'keys', 'values', 'items']);
