/**
 * Reads the arguments of a Python call once: each argument evaluated to a Sym (layers built inside
 * arguments are constructed here, in Python's left-to-right order), then the LayerCall record the
 * contract describes (PyValues with spans). `**config` from a literal dict is merged; any other unpacking
 * is recorded as a note, because HyperLab cannot see the arguments it supplies.
 */
import type { SyntaxNode } from '@lezer/common';
import type { LayerCall, PyValue } from '../kerasModel';
import { type Sym, unknownSym } from '../graph/symbolic';
import type { ReaderContext } from '../readerContext';
import { evalExpr, evalSpanned } from './pyEval';
import { splitPythonArgs } from './pyTree';
import { type Message, msg } from '../message';

export interface CallArgs {
  readonly positional: readonly Sym[];
  readonly keyword: ReadonlyMap<string, Sym>;
  readonly positionalNodes: readonly SyntaxNode[];
  /** Why some arguments cannot be seen (`*args`, `**options`), or null. */
  readonly unpackNote: Message | null;
}

export function readArgs(ctx: ReaderContext, argList: SyntaxNode | null): CallArgs {
  if (!argList) return { positional: [], keyword: new Map(), positionalNodes: [], unpackNote: null };
  const nodes = splitPythonArgs(argList, ctx.src);
  const positional = nodes.positional.map((n) => evalSpanned(ctx, n));
  const keyword = new Map<string, Sym>();
  for (const [k, n] of nodes.keyword) keyword.set(k, evalSpanned(ctx, n));
  let unpackNote: Message | null = null;
  for (const u of nodes.unpacked) {
    const s = evalExpr(ctx, u.node);
    if (u.star === '**' && s.sym === 'dict') {
      for (const [k, v] of s.entries) if (!keyword.has(k)) keyword.set(k, v);
      if (s.incomplete) unpackNote ??= msg('Its arguments are unpacked from `{0}`, which {1}.', `**${ctx.src.short(u.node)}`, s.incomplete);
    } else {
      unpackNote ??= msg('Its arguments are unpacked from `{0}`; HyperLab cannot see them.', `${u.star}${ctx.src.short(u.node)}`);
    }
  }
  return { positional, keyword, positionalNodes: nodes.positional, unpackNote };
}

/** A Sym as the PyValue a LayerCall argument holds. */
export function toPy(sym: Sym): PyValue {
  switch (sym.sym) {
    case 'py': return sym.value;
    case 'list': {
      if (sym.truncated) return { kind: 'unknown', reason: sym.truncated, span: sym.span };
      return { kind: 'tuple', items: sym.items.map(toPy), span: sym.span };
    }
    case 'layer': {
      const c = sym.layer.call;
      return { kind: 'call', callee: c.className, args: c.args, kwargs: c.kwargs, span: c.span };
    }
    case 'tensor': return { kind: 'unknown', reason: msg('is a tensor') };
    case 'model': return { kind: 'unknown', reason: msg('is the model `{0}`', sym.model.kerasName), span: sym.model.span };
    case 'dict': return { kind: 'unknown', reason: msg('is a dict'), span: sym.span };
    case 'module': return { kind: 'unknown', reason: msg('is a reference to `{0}`', sym.path) };
    case 'function': return { kind: 'unknown', reason: msg('is the function `{0}`', sym.name) };
    case 'class': return { kind: 'unknown', reason: msg('is the class `{0}`', sym.name) };
    case 'derived': return { kind: 'unknown', reason: sym.reason };
  }
}

export function buildLayerCall(ctx: ReaderContext, className: string, isKeras: boolean, node: SyntaxNode, callee: SyntaxNode, args: CallArgs): LayerCall {
  const kwargs: Record<string, PyValue> = {};
  for (const [k, v] of args.keyword) kwargs[k] = toPy(v);
  return {
    className, isKeras, args: args.positional.map(toPy), kwargs,
    span: ctx.src.nodeSpan(node), calleeSpan: ctx.src.nodeSpan(callee),
  };
}

/** The string value of an argument, or null. */
export function stringArg(sym: Sym | undefined): string | null {
  return sym?.sym === 'py' && sym.value.kind === 'string' ? sym.value.value : null;
}

/** Python's round(): halves go to the even neighbour. */
function pyRound(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function numbersOf(args: readonly Sym[]): number[] | PyValue {
  const single = args.length === 1 ? toPy(args[0]!) : null;
  const values = single?.kind === 'tuple' ? single.items : args.map(toPy);
  const out: number[] = [];
  for (const v of values) {
    if (v.kind === 'unknown') return v;
    if (v.kind !== 'number') return { kind: 'unknown', reason: msg('is not a number') };
    out.push(v.value);
  }
  return out;
}

/** int(), float(), round(), abs(), min(), max(), len(), sum(), tuple(), list(), bool() on known values. */
export function evalBuiltin(name: string, args: CallArgs): Sym {
  const first = args.positional[0];
  if (name === 'len' && first) {
    const v = toPy(first);
    if (v.kind === 'tuple') return { sym: 'py', value: { kind: 'number', value: v.items.length } };
    if (v.kind === 'string') return { sym: 'py', value: { kind: 'number', value: v.value.length } };
  }
  if ((name === 'tuple' || name === 'list') && first && (first.sym === 'list' || (first.sym === 'py' && first.value.kind === 'tuple'))) return first;
  const nums = numbersOf(args.positional);
  if (!Array.isArray(nums)) return { sym: 'py', value: nums };
  const x = nums[0];
  let value: number | boolean | undefined;
  if (name === 'int' && x !== undefined) value = Math.trunc(x);
  else if (name === 'float' && x !== undefined) value = x;
  else if (name === 'round' && x !== undefined && nums.length === 1) value = pyRound(x);
  else if (name === 'abs' && x !== undefined) value = Math.abs(x);
  else if ((name === 'min' || name === 'max') && nums.length > 0) value = name === 'min' ? Math.min(...nums) : Math.max(...nums);
  else if (name === 'sum') value = nums.reduce((a, b) => a + b, 0);
  else if (name === 'bool' && x !== undefined) value = x !== 0;
  if (value === undefined) return unknownSym(msg('is computed by `{0}()` when the code runs', name));
  return { sym: 'py', value: typeof value === 'boolean' ? { kind: 'bool', value } : { kind: 'number', value } };
}
