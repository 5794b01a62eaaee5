/**
 * Python attribute access and subscripts: module paths (`keras.layers.Dense`), dotted names bound as such
 * (`self.model`), a functional model's `inputs` / `outputs` and a layer's `output` (tensors of the graph),
 * items and slices of known tuples, lists and dicts, and everything else reached from a model or a layer
 * (`model.layers`, `model.layers[0]`, `layer.kernel`) as a value derived from them (graph/reach.ts). Index
 * expressions are always read.
 */
import type { SyntaxNode } from '@lezer/common';
import { type Sym, type TensorRef, pySym, unknownSym } from '../graph/symbolic';
import { derivedFrom, rootsOf } from '../graph/reach';
import { children } from '../sourceText';
import { indexValue } from './pyArith';
import type { ReaderContext } from '../readerContext';
import { dottedName, evalExpr } from './pyEval';
import { msg } from '../message';

export function member(ctx: ReaderContext, node: SyntaxNode): Sym {
  const parts = children(node);
  const obj = parts[0];
  if (!obj) return unknownSym(msg('has a syntax error'));
  // `f(x` + newline + `y.g(...)`: the parser glued the next line on after an error; keep the part before it.
  if (parts[1]?.type.isError) return evalExpr(ctx, obj);
  if (parts[1]?.name === '[') return subscript(ctx, node, obj, parts.slice(2, -1));
  const dotted = dottedName(ctx, node);
  const bound = dotted !== null ? ctx.lookup(dotted) : undefined;
  if (bound) return bound;
  const prop = parts[2] ? ctx.src.slice(parts[2]) : '';
  const base = evalExpr(ctx, obj);
  if (base.sym === 'module') return { sym: 'module', path: `${base.path}.${prop}`, fromImport: base.fromImport };
  const why = msg('is only known when the code runs (`{0}`)', ctx.src.short(node));
  if (base.sym === 'layer' && prop === 'output' && base.layer.applications.length > 0) return { sym: 'tensor', ref: { app: base.layer.applications[0]! } };
  if (base.sym === 'model' && base.model.kind === 'functional') {
    const refs = prop === 'outputs' || prop === 'output' ? base.model.outputs : prop === 'inputs' || prop === 'input' ? base.model.inputs : null;
    if (refs) return tensorsOf(ctx, node, refs, prop.endsWith('s'), why);
  }
  if (base.sym === 'tensor' || (base.sym === 'model' && /^(inputs?|outputs?)$/.test(prop))) return { sym: 'tensor', ref: { unknown: why } };
  return derivedFrom(rootsOf(base), why);
}

/** A model's `outputs` (a list) or `output` (the single tensor, or the list when there are several). */
function tensorsOf(ctx: ReaderContext, node: SyntaxNode, refs: readonly TensorRef[], plural: boolean, why: ReturnType<typeof msg>): Sym {
  if (!plural && refs.length === 1) return { sym: 'tensor', ref: refs[0]! };
  if (refs.length === 0) return { sym: 'tensor', ref: { unknown: why } };
  return { sym: 'list', items: refs.map((ref): Sym => ({ sym: 'tensor', ref })), span: ctx.src.nodeSpan(node), truncated: null };
}

export function subscript(ctx: ReaderContext, node: SyntaxNode, obj: SyntaxNode, inner: SyntaxNode[]): Sym {
  const base = evalExpr(ctx, obj);
  const why = msg('is only known when the code runs (`{0}`)', ctx.src.short(node));
  const values = new Map<SyntaxNode, Sym>();
  for (const c of inner) if (c.name !== ':' && c.name !== ',') values.set(c, evalExpr(ctx, c));
  const colon = inner.findIndex((c) => c.name === ':');
  const bound = (c: SyntaxNode | undefined): number | null | undefined => {
    if (!c || c.name === ':') return undefined;
    const v = values.get(c);
    return v?.sym === 'py' && v.value.kind === 'number' ? v.value.value : null;
  };
  if (base.sym === 'dict' && inner.length === 1 && !base.incomplete) {
    const key = values.get(inner[0]!);
    if (key?.sym === 'py' && key.value.kind === 'string') return base.entries.get(key.value.value) ?? unknownSym(msg('is not in the dict (`{0}`)', ctx.src.short(node)));
  }
  const items = base.sym === 'list' && !base.truncated ? base.items : null;
  if (base.sym === 'py' || items) {
    const value = base.sym === 'py' ? base.value : null;
    const seq = items ?? (value?.kind === 'tuple' ? value.items.map(pySym) : null);
    if (seq && inner.length === 1) return indexValue(seq, bound(inner[0])) ?? unknownSym(why);
    if (seq && colon >= 0 && inner.length <= 3 && inner.filter((c) => c.name === ':').length === 1) {
      const lo = colon > 0 ? bound(inner[0]) : undefined, hi = bound(inner[colon + 1]);
      if (lo !== null && hi !== null) return sliceSeq(seq, lo, hi, ctx, node);
    }
  }
  if (base.sym === 'tensor' || base.sym === 'model') return { sym: 'tensor', ref: { unknown: why } };
  return derivedFrom(rootsOf(base), why);
}

function sliceSeq(seq: readonly Sym[], lo: number | undefined, hi: number | undefined, ctx: ReaderContext, node: SyntaxNode): Sym {
  const n = seq.length;
  const norm = (i: number | undefined, dflt: number) => i === undefined ? dflt : Math.min(n, Math.max(0, i < 0 ? n + i : i));
  return { sym: 'list', items: seq.slice(norm(lo, 0), norm(hi, n)), span: ctx.src.nodeSpan(node), truncated: null };
}
