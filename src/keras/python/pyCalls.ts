/**
 * Python calls, dispatched on what the callee is: a method of a model (add, compile, ...), a Keras path
 * (layers, Sequential, Model, Input, optimizers, ...), a layer object or model applied to tensors, a
 * function of this file (its body is read at the call with the call's arguments, like Python runs it),
 * a class of this file (a custom layer), a builtin, or anything else (kept as a 'call' value, or as a
 * tensor nobody can follow when tensors go in).
 */
import type { SyntaxNode } from '@lezer/common';
import { type Sym, unknownSym } from '../graph/symbolic';
import { children } from '../sourceText';
import { type CallArgs, buildLayerCall, evalBuiltin, readArgs, toPy } from './pyArgs';
import type { ReaderContext } from '../readerContext';
import { dottedName, evalExpr } from './pyEval';
import { callFunction } from './pyFunctions';
import { type CallSite, applyLayer, constructLayer, makeFunctional, makeInput, makeSequential, modelAsLayer, modelMethod } from './pyKeras';
import { kerasRef, mergeHelperClass } from './kerasPath';
import { msg } from '../message';

export function evalCall(ctx: ReaderContext, node: SyntaxNode): Sym {
  const callee = node.firstChild;
  const argList = node.lastChild?.name === 'ArgList' ? node.lastChild : null;
  if (!callee || !argList) return unknownSym(msg('has a syntax error'));
  const parts = children(callee);
  // A callee glued onto a broken line (`a(b` + newline + `c.d(e)`): only the part before the error counts.
  if (callee.name === 'MemberExpression' && parts[1]?.type.isError) return evalExpr(ctx, callee);
  if (callee.name === 'MemberExpression' && parts[1]?.name === '.' && parts[2]) {
    const dotted = dottedName(ctx, callee);
    const bound = dotted !== null ? ctx.lookup(dotted) : undefined;
    if (!bound) {
      const obj = evalExpr(ctx, parts[0]!);
      if (obj.sym === 'model') return modelMethod(ctx, obj.model, ctx.src.slice(parts[2]), site(ctx, node, callee, argList));
      if (obj.sym === 'layer' && ctx.src.slice(parts[2]) === '__call__') return applyLayer(ctx, obj.layer, readArgs(ctx, argList));
      if (obj.sym === 'module') return callPath(ctx, `${obj.path}.${ctx.src.slice(parts[2])}`, obj.fromImport, site(ctx, node, callee, argList));
      return genericCall(ctx, site(ctx, node, callee, argList));
    }
  }
  const fn = evalExpr(ctx, callee);
  switch (fn.sym) {
    case 'module': return callPath(ctx, fn.path, fn.fromImport, site(ctx, node, callee, argList));
    case 'layer': return applyLayer(ctx, fn.layer, readArgs(ctx, argList));
    case 'model': return applyLayer(ctx, modelAsLayer(ctx, fn.model), readArgs(ctx, argList));
    case 'function': return callFunction(ctx, fn.id, node, argList);
    case 'class': return { sym: 'layer', layer: constructLayer(ctx, fn.name, false, site(ctx, node, callee, argList)) };
    default: return genericCall(ctx, site(ctx, node, callee, argList));
  }
}

function site(ctx: ReaderContext, node: SyntaxNode, callee: SyntaxNode, argList: SyntaxNode): CallSite {
  return { node, callee, args: readArgs(ctx, argList) };
}

function callPath(ctx: ReaderContext, path: string, fromImport: boolean, s: CallSite): Sym {
  if (path.startsWith('builtins.')) return evalBuiltin(path.slice('builtins.'.length), s.args);
  const ref = kerasRef(path);
  if (!ref) return genericCall(ctx, s);
  const { category, name } = ref;
  const top = category === '' || category === 'models';
  if (top && name === 'Sequential') return makeSequential(ctx, s);
  if (top && name === 'Model') return makeFunctional(ctx, s);
  if ((category === '' || category === 'layers') && name === 'Input') return makeInput(ctx, s);
  if (category === 'layers') return layerPath(ctx, name, fromImport, s);
  if (category === 'ops' && hasTensor(s.args)) return opaqueTensor(ctx, s);
  ctx.kerasCalls.push(buildLayerCall(ctx, name, fromImport, s.node, s.callee, s.args));
  return { sym: 'py', value: { kind: 'call', callee: name, args: s.args.positional.map(toPy), kwargs: kwargsOf(s.args), span: ctx.src.nodeSpan(s.node) } };
}

function layerPath(ctx: ReaderContext, name: string, fromImport: boolean, s: CallSite): Sym {
  const merge = mergeHelperClass(name);
  if (merge) {
    // layers.concatenate(inputs, axis=-1, **kwargs) is Concatenate(axis=-1, **kwargs)(inputs).
    const ctorArgs: CallArgs = { ...s.args, positional: [], positionalNodes: [] };
    const layer = constructLayer(ctx, merge, fromImport, { ...s, args: ctorArgs });
    return applyLayer(ctx, layer, { ...s.args, positional: s.args.positional.slice(0, 1) });
  }
  if (!/^[A-Z]/.test(name)) return genericCall(ctx, s);
  const isInput = name === 'InputLayer';
  return { sym: 'layer', layer: constructLayer(ctx, name, fromImport, s, isInput) };
}

function kwargsOf(args: CallArgs): Record<string, ReturnType<typeof toPy>> {
  const out: Record<string, ReturnType<typeof toPy>> = {};
  for (const [k, v] of args.keyword) out[k] = toPy(v);
  return out;
}

function hasTensor(args: CallArgs): boolean {
  const isT = (s: Sym): boolean => s.sym === 'tensor' || (s.sym === 'list' && s.items.some(isT));
  return args.positional.some(isT) || [...args.keyword.values()].some(isT);
}

function opaqueTensor(ctx: ReaderContext, s: CallSite): Sym {
  return { sym: 'tensor', ref: { unknown: msg('comes from `{0}(...)`, which HyperLab does not follow', ctx.src.short(s.callee)) } };
}

/** A call HyperLab does not interpret: a tensor when tensors go in, else a 'call' value. */
function genericCall(ctx: ReaderContext, s: CallSite): Sym {
  if (hasTensor(s.args)) return opaqueTensor(ctx, s);
  const callee = ctx.src.short(s.callee, 60);
  return { sym: 'py', value: { kind: 'call', callee, args: s.args.positional.map(toPy), kwargs: kwargsOf(s.args), span: ctx.src.nodeSpan(s.node) } };
}

