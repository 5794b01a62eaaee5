/**
 * Python calls, dispatched on what the callee is: a method of a model (add, compile, ...), a Keras path
 * (layers, Sequential, Model, Input, optimizers, ...), a layer object or model applied to tensors, a
 * function of this file (its body is read at the call with the call's arguments, like Python runs it),
 * a class of this file (a custom layer), a builtin, or anything else (kept as a 'call' value, or as a
 * tensor nobody can follow when tensors go in).
 */
import type { SyntaxNode } from '@lezer/common';
import { type LayerObject, type Root, type Sym, unknownSym } from '../graph/symbolic';
import { changedAt, derivedFrom, isForeign, markAnything, markStructure, rootsOf } from '../graph/reach';
import { children } from '../sourceText';
import { type CallArgs, buildLayerCall, evalBuiltin, readArgs, stringArg, toPy } from './pyArgs';
import { setAttributeOf } from './pyAssign';
import type { ReaderContext } from '../readerContext';
import { dottedName, evalExpr } from './pyEval';
import { callFunction } from './pyFunctions';
import { type CallSite, applyLayer, constructLayer, makeFunctional, makeInput, makeSequential, modelAsLayer, modelMethod } from './pyKeras';
import { kerasRef, mergeHelperClass } from './kerasPath';
import { collectionMethod } from './pyCollections';
import { unmodelled } from './pyUnmodelled';
import { msg } from '../message';

export function evalCall(ctx: ReaderContext, node: SyntaxNode): Sym {
  const callee = node.firstChild;
  const argList = node.lastChild?.name === 'ArgList' ? node.lastChild : null;
  if (!callee || !argList) {
    unmodelled(ctx, node);
    return unknownSym(msg('has a syntax error'));
  }
  if (callee.name === 'MemberExpression') {
    const parts = children(callee);
    // A callee glued onto a broken line (`a(b` + newline + `c.d(e)`): only the part before the error counts.
    if (parts[1]?.type.isError) {
      unmodelled(ctx, argList);
      return evalExpr(ctx, callee);
    }
    if (parts[1]?.name === '.' && parts[2]) {
      const dotted = dottedName(ctx, callee);
      const bound = dotted !== null ? ctx.lookup(dotted) : undefined;
      if (!bound) return methodCall(ctx, node, callee, argList, evalExpr(ctx, parts[0]!), ctx.src.slice(parts[2]));
    }
  }
  const fn = evalExpr(ctx, callee);
  switch (fn.sym) {
    case 'module': return callPath(ctx, fn.path, fn.fromImport, site(ctx, node, callee, argList));
    case 'layer': return applyLayer(ctx, fn.layer, readArgs(ctx, argList));
    case 'model': return applyLayer(ctx, modelAsLayer(ctx, fn.model), readArgs(ctx, argList));
    case 'function': return callFunction(ctx, fn.id, node, argList);
    case 'class': return { sym: 'layer', layer: constructLayer(ctx, fn.name, false, site(ctx, node, callee, argList)) };
    case 'derived': {
      // A method or layer reached from a model (`getattr(model, 'add')(...)`, `model.layers[0](x)`) may change it.
      markStructure(ctx, fn.roots, changedAt(ctx.src.nodeSpan(node).line, ctx.src.short(node)));
      return genericCall(ctx, site(ctx, node, callee, argList), fn);
    }
    default: return genericCall(ctx, site(ctx, node, callee, argList), fn);
  }
}

/** `obj.method(...)` on what `obj` is: a model, a layer, a module path, a list or dict, something derived from models. */
function methodCall(ctx: ReaderContext, node: SyntaxNode, callee: SyntaxNode, argList: SyntaxNode, obj: Sym, method: string): Sym {
  switch (obj.sym) {
    case 'model': return modelMethod(ctx, obj.model, method, site(ctx, node, callee, argList));
    case 'layer': return method === '__call__' ? applyLayer(ctx, obj.layer, readArgs(ctx, argList)) : layerMethod(ctx, obj.layer, method, site(ctx, node, callee, argList));
    case 'module': return callPath(ctx, `${obj.path}.${method}`, obj.fromImport, site(ctx, node, callee, argList));
    case 'list': case 'dict': {
      const s = site(ctx, node, callee, argList);
      escape(ctx, s.args, [obj]);
      return collectionMethod(ctx, obj, method, s.args.positional, node);
    }
    case 'derived': {
      const s = site(ctx, node, callee, argList);
      // `.add` / `.pop` / `.build` on something reached from models may change their structure.
      if (STRUCTURAL_METHODS.has(method)) markStructure(ctx, obj.roots, changedAt(ctx.src.nodeSpan(node).line, ctx.src.short(node)));
      return genericCall(ctx, s, obj);
    }
    default: return genericCall(ctx, site(ctx, node, callee, argList), obj);
  }
}

/** `setattr(layer, 'trainable', False)` is `layer.trainable = False`; an attribute name HyperLab cannot read marks the object. */
function setattrCall(ctx: ReaderContext, s: CallSite): Sym {
  const [obj, attr, value] = s.args.positional;
  const name = stringArg(attr);
  const result = unknownSym(msg('is the result of `{0}()`, known when the code runs', 'setattr'));
  if (!obj) return result;
  if (name !== null && value) setAttributeOf(ctx, obj, name, value, s.node);
  else markAnything(ctx, rootsOf(obj), changedAt(ctx.src.nodeSpan(s.node).line, ctx.src.short(s.node)));
  return result;
}

/** Methods that change a model's structure or a layer's weights, or call what they are given (`__call__`). */
const STRUCTURAL_METHODS = new Set(['add', 'pop', 'build', 'add_weight', 'add_variable', '__call__', 'call']);

/** `layer.method(...)`: `build` / `add_weight` change its weights before the model builds; anything else only reads it. */
function layerMethod(ctx: ReaderContext, layer: LayerObject, method: string, s: CallSite): Sym {
  const why = changedAt(ctx.src.nodeSpan(s.node).line, ctx.src.short(s.node));
  if (STRUCTURAL_METHODS.has(method)) {
    if (isForeign(ctx, layer)) markStructure(ctx, [layer], ctx.speculation ?? why);
    else layer.note ??= why;
  }
  return genericCall(ctx, s, { sym: 'layer', layer });
}

function site(ctx: ReaderContext, node: SyntaxNode, callee: SyntaxNode, argList: SyntaxNode): CallSite {
  return { node, callee, args: readArgs(ctx, argList) };
}

function callPath(ctx: ReaderContext, path: string, fromImport: boolean, s: CallSite): Sym {
  if (path === 'builtins.setattr') return setattrCall(ctx, s);
  if (path === 'builtins.exec' || path === 'builtins.eval') {
    // Code in a string can do anything to anything the file has made.
    markAnything(ctx, ctx.allRoots(), changedAt(ctx.src.nodeSpan(s.node).line, ctx.src.short(s.node)));
    return unknownSym(msg('is computed by `{0}()` when the code runs', path.slice('builtins.'.length)));
  }
  if (path === 'builtins.globals' || path === 'builtins.locals' || path === 'builtins.vars') {
    return derivedFrom(s.args.positional.length > 0 ? rootsOf(s.args.positional[0]) : ctx.allRoots(), msg('is computed by `{0}()` when the code runs', path.slice('builtins.'.length)));
  }
  if (path.startsWith('builtins.')) return evalBuiltin(path.slice('builtins.'.length), s.args);
  const ref = kerasRef(path);
  if (!ref) return genericCall(ctx, s);
  if (ref.ofClass) {
    // A method called through its class (`keras.Sequential.add(model, layer)`) changes the object it is given.
    markAnything(ctx, [...s.args.positional, ...s.args.keyword.values()].flatMap((a) => rootsOf(a)), changedAt(ctx.src.nodeSpan(s.node).line, ctx.src.short(s.node)));
    return genericCall(ctx, s);
  }
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

/** Function values among the arguments may be called by the code they are handed to, with anything it was given. */
function escape(ctx: ReaderContext, args: CallArgs, receiver: readonly Sym[]): Root[] {
  // Most calls (print(...), np.zeros(...)) hand over neither models nor functions: nothing is allocated for them.
  const roots: Root[] = [];
  for (const r of receiver) rootsOf(r, roots);
  for (const a of args.positional) rootsOf(a, roots);
  for (const a of args.keyword.values()) rootsOf(a, roots);
  for (const a of args.positional) if (a.sym === 'function' || a.sym === 'list' || a.sym === 'dict') handOver(ctx, a, roots);
  for (const a of args.keyword.values()) if (a.sym === 'function' || a.sym === 'list' || a.sym === 'dict') handOver(ctx, a, roots);
  return roots;
}

/** The functions in `a` (itself, or in a list or dict) may now be called with anything reachable from `roots`. */
function handOver(ctx: ReaderContext, a: Sym, roots: readonly Root[]): void {
  if (a.sym === 'function') {
    const fn = ctx.functions[a.id];
    if (fn) fn.escapedWith = [...(fn.escapedWith ?? []), ...roots];
  } else if (a.sym === 'list') for (const item of a.items) handOver(ctx, item, roots);
  else if (a.sym === 'dict') for (const v of a.entries.values()) handOver(ctx, v, roots);
}

/**
 * A call HyperLab does not interpret (a library function, a method of an unknown object): a tensor when
 * tensors go in, something derived from the models and layers it is given (its result may be one of their
 * parts), else a 'call' value. Functions handed to it may be called by it (`escape`).
 */
function genericCall(ctx: ReaderContext, s: CallSite, receiver?: Sym): Sym {
  const roots = escape(ctx, s.args, receiver ? [receiver] : []);
  if (hasTensor(s.args)) return opaqueTensor(ctx, s);
  const callee = ctx.src.short(s.callee, 60);
  if (roots.length > 0) return derivedFrom(roots, msg('is returned by `{0}(...)`, which HyperLab does not follow', callee));
  return { sym: 'py', value: { kind: 'call', callee, args: s.args.positional.map(toPy), kwargs: kwargsOf(s.args), span: ctx.src.nodeSpan(s.node) } };
}
