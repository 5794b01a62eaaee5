/**
 * TensorFlow.js calls, for the JS/TS reader: `tf.sequential({layers: [...]})`, `tf.model({inputs,
 * outputs})`, `tf.input({shape})`, `tf.layers.dense({...})` (a Keras layer with snake_case kwargs),
 * `layer.apply(x, {initialState})` (the tensors of its kwargs are inputs of the node too), `model.add /
 * compile / fit`, arrays changed in place (`push`), `require('@tensorflow/tfjs')`, functions of the file,
 * and TF.js optimizers / regularizers / callbacks kept for hovers. A call HyperLab does not follow returns
 * something derived from the models and layers it is given, and the functions handed to it may run with
 * them (jsFunctions.ts). The graph records are the same as for Python, so shapes, counts and summaries
 * follow Keras' rules.
 */
import type * as TS from 'typescript';
import type { LayerCall, PyValue } from '../kerasModel';
import { type CallExtra, type LayerObject, type ModelBuild, type SequentialBuild, type Sym, unknownSym } from '../graph/symbolic';
import { changedAt, derivedFrom, isForeign, markAnything, markStructure, reasonOf, rootsOf } from '../graph/reach';
import { forgetItems } from '../python/pyCollections';
import { extraFrames } from '../graph/graphBuilder';
import { msg } from '../message';
import { toPy } from '../python/pyArgs';
import { holdsAppliedTensor, tensorRefs } from '../python/pyKeras';
import type { JsContext } from './jsContext';
import { evalJs, evalJsSpanned } from './jsEval';
import { callJsFunction } from './jsFunctions';
import { camelToSnake, isTfjsModule, kerasKwargs, tfjsLayerClass, tfjsOtherClass } from './tfjsNames';

interface JsSite {
  readonly node: TS.CallExpression | TS.NewExpression;
  readonly callee: TS.Expression;
  readonly args: readonly Sym[];
}

export function evalJsCall(ctx: JsContext, node: TS.CallExpression): Sym {
  const { ts } = ctx;
  const callee = node.expression;
  const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : null;
  const objSym = method !== null && ts.isPropertyAccessExpression(callee) ? evalJs(ctx, callee.expression) : null;
  const args = node.arguments.filter((a) => !ctx.isMissing(a)).map((a) => evalJsSpanned(ctx, a));
  const site: JsSite = { node, callee, args };
  const reflective = reflectiveCall(ctx, site);
  if (reflective) return reflective;
  if (objSym && method !== null) {
    if (objSym.sym !== 'module') return methodCall(ctx, objSym, method, site);
    return tfjsPath(ctx, `${objSym.path}.${method}`, objSym.fromImport, site);
  }
  const fn = evalJs(ctx, callee);
  if (fn.sym === 'function') return callJsFunction(ctx, fn.id, args);
  if (fn.sym === 'module') return tfjsPath(ctx, fn.path, fn.fromImport, site);
  if (ts.isIdentifier(callee) && callee.text === 'require') return requireCall(args);
  // A method or layer reached from a model (`const add = model.add; add(layer)`) may change it.
  if (fn.sym === 'derived') markStructure(ctx, fn.roots, changedAt(ctx.span(node).line, ctx.short(node)));
  return genericCall(ctx, site, fn);
}

/**
 * Library functions known to change or reflectively call what they are given: `eval` / `Function` (code in a
 * string can reach anything), `Object.assign`, `Object.defineProperty`, `Reflect.*`. Null for any other call.
 */
function reflectiveCall(ctx: JsContext, site: JsSite): Sym | null {
  // Most calls are not reflective: look at the callee's shape before building any text or message.
  const ts = ctx.ts, callee = site.callee;
  const head = ts.isIdentifier(callee) ? callee.text
    : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) ? callee.expression.text : '';
  if (head !== 'eval' && head !== 'Function' && head !== 'Object' && head !== 'Reflect') return null;
  const text = ctx.text(callee);
  const everything = text === 'eval' || text === 'Function';
  if (!everything && !/^(Object\.(assign|defineProperty|defineProperties|setPrototypeOf)|Reflect\.\w+)$/.test(text)) return null;
  if (ctx.lookup(head) !== undefined) return null;
  const why = changedAt(ctx.span(site.node).line, ctx.short(site.node));
  markAnything(ctx, everything ? ctx.allRoots() : site.args.flatMap((a) => rootsOf(a)), why);
  return unknownSym(msg('is computed by `{0}()` when the code runs', text));
}

/** `new X(...)`: a class HyperLab does not follow (TF.js layers are made by factory functions). */
export function evalNew(ctx: JsContext, node: TS.NewExpression): Sym {
  const callee = evalJs(ctx, node.expression);
  const args = (node.arguments ?? []).filter((a) => !ctx.isMissing(a)).map((a) => evalJsSpanned(ctx, a));
  return genericCall(ctx, { node, callee: node.expression, args }, callee);
}

/**
 * A call HyperLab does not follow: functions handed to it may be called by it with anything it was given;
 * its result is a tensor when tensors go in, else derived from the models and layers it was given, else a
 * 'call' value.
 */
function genericCall(ctx: JsContext, site: JsSite, receiver: Sym | null): Sym {
  const roots = [...rootsOf(receiver ?? undefined), ...site.args.flatMap((a) => rootsOf(a))];
  const visit = (a: Sym): void => {
    if (a.sym === 'function') {
      const fn = ctx.functions[a.id];
      if (fn) fn.escapedWith = [...(fn.escapedWith ?? []), ...roots];
    } else if (a.sym === 'list') a.items.forEach(visit);
    else if (a.sym === 'dict') for (const v of a.entries.values()) visit(v);
  };
  site.args.forEach(visit);
  const callee = ctx.short(site.callee, 60);
  if ((receiver !== null && holdsAppliedTensor(receiver)) || site.args.some(holdsAppliedTensor)) {
    return { sym: 'tensor', ref: { unknown: msg('comes from `{0}(...)`, which HyperLab does not follow', callee) } };
  }
  if (roots.length > 0) return derivedFrom(roots, msg('is returned by `{0}(...)`, which HyperLab does not follow', callee));
  return { sym: 'py', value: { kind: 'call', callee, args: site.args.map(toPy), kwargs: {}, span: ctx.span(site.node) } };
}

function requireCall(args: readonly Sym[]): Sym {
  const spec = args[0]?.sym === 'py' && args[0].value.kind === 'string' ? args[0].value.value : null;
  return spec && isTfjsModule(spec) ? { sym: 'module', path: 'tfjs', fromImport: true } : unknownSym(msg('is a module HyperLab does not read'));
}

function config(args: readonly Sym[], index = 0): ReadonlyMap<string, Sym> {
  const a = args[index];
  return a?.sym === 'dict' ? a.entries : new Map();
}

function layerCall(ctx: JsContext, className: string, fromImport: boolean, site: JsSite): LayerCall {
  const cfg = new Map<string, PyValue>();
  for (const [k, v] of config(site.args)) cfg.set(k, toPy(v));
  const { args, kwargs } = kerasKwargs(className, cfg);
  return { className, isKeras: fromImport, args, kwargs, span: ctx.span(site.node), calleeSpan: ctx.span(site.callee) };
}

function makeLayer(ctx: JsContext, className: string, fromImport: boolean, site: JsSite, isInput = false): LayerObject {
  const call = layerCall(ctx, className, fromImport, site);
  const name = call.kwargs['name'];
  const { from, to } = ctx.range(site.node);
  const syntax = ctx.src.hasErrorIn(from, to) ? msg('This layer call has a syntax error.') : null;
  const first = site.args[0];
  const incomplete = first?.sym === 'dict' && first.incomplete ? msg('Its configuration {0}.', first.incomplete) : null;
  const note = syntax ?? incomplete ?? (first && first.sym !== 'dict' && first.sym !== 'list' ? msg('Its configuration is not an object literal HyperLab can read.') : null);
  return ctx.builder.createLayer({ call, isInput, note, explicitName: name?.kind === 'string' ? name.value : null }, ctx.naming());
}

function tfjsPath(ctx: JsContext, path: string, fromImport: boolean, site: JsSite): Sym {
  const segs = path.split('.');
  if (segs[0] !== 'tfjs') return { sym: 'py', value: { kind: 'call', callee: path, args: site.args.map(toPy), kwargs: {}, span: ctx.span(site.node) } };
  const rest = segs.slice(1);
  if (rest.join('.') === 'sequential') return makeSequential(ctx, site);
  if (rest.join('.') === 'model') return makeModel(ctx, site);
  if (rest.join('.') === 'input' || rest.join('.') === 'layers.input') {
    const layer = makeLayer(ctx, 'Input', fromImport, site, true);
    return { sym: 'tensor', ref: ctx.builder.apply(layer, [], ctx.graphFrames) };
  }
  if (rest[0] === 'layers' && rest.length === 2) {
    const className = tfjsLayerClass(rest[1]!);
    if (site.args[0]?.sym === 'list') {
      // tf.layers.concatenate([a, b]) applies the new layer at once.
      const layer = makeLayer(ctx, className, fromImport, { ...site, args: site.args.slice(1) });
      return { sym: 'tensor', ref: ctx.builder.apply(layer, tensorRefs(site.args[0]), ctx.graphFrames) };
    }
    return { sym: 'layer', layer: makeLayer(ctx, className, fromImport, site, className === 'InputLayer') };
  }
  const className = tfjsOtherClass(rest[0] ?? '', rest[rest.length - 1] ?? '');
  ctx.kerasCalls.push(layerCall(ctx, className, fromImport, site));
  return { sym: 'py', value: { kind: 'call', callee: className, args: [], kwargs: {}, span: ctx.span(site.node) } };
}

function makeSequential(ctx: JsContext, site: JsSite): Sym {
  const cfg = config(site.args);
  const name = cfg.get('name');
  const call = layerCall(ctx, 'Sequential', true, site);
  ctx.kerasCalls.push(call);
  const model = ctx.builder.newSequential({ span: call.span, explicitName: name?.sym === 'py' && name.value.kind === 'string' ? name.value.value : null, frames: [...ctx.graphFrames] }, ctx.naming());
  const list = cfg.get('layers');
  if (list?.sym === 'list') {
    for (const item of list.items) addItem(ctx, model, item, item.sym === 'py' && item.value.span ? item.value.span.from : call.span.from);
    if (list.truncated) model.unknownReason ??= msg('The layer list {0}; layers after that point are unknown.', list.truncated);
  } else if (list) {
    model.unknownReason = msg('The layer list {0}.', reasonOf(list) ?? msg('is not an array HyperLab can read'));
  }
  return { sym: 'model', model };
}

function addItem(ctx: JsContext, model: SequentialBuild, item: Sym, at: number): void {
  if (item.sym === 'layer') {
    ctx.builder.addToSequential(model, item.layer, ctx.graphFrames, ctx.naming(), true, at);
    return;
  }
  const reason = reasonOf(item) ?? msg('is not a layer HyperLab can follow');
  const call: LayerCall = { className: '?', isKeras: false, args: [], kwargs: {}, span: model.span, calleeSpan: model.span };
  const layer = ctx.builder.createLayer({ call, isInput: false, note: msg('This item {0}.', reason), explicitName: '?' }, ctx.naming());
  model.unknownReason ??= msg('An item of the model {0}.', reason);
  ctx.builder.addToSequential(model, layer, ctx.graphFrames, ctx.naming(), true, at);
}

function makeModel(ctx: JsContext, site: JsSite): Sym {
  const cfg = config(site.args);
  const name = cfg.get('name');
  const call = layerCall(ctx, 'Model', true, site);
  ctx.kerasCalls.push(call);
  const spec = { span: call.span, explicitName: name?.sym === 'py' && name.value.kind === 'string' ? name.value.value : null, frames: [...ctx.graphFrames] };
  return { sym: 'model', model: ctx.builder.newFunctional(spec, tensorRefs(cfg.get('inputs')), tensorRefs(cfg.get('outputs')), ctx.naming()) };
}

const STRUCTURAL = new Set(['add', 'pop', 'build', 'addWeight', 'call', 'apply', 'bind']);

/** Array methods that change the array in place; any other method leaves it as it is. */
const MUTATING = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin']);

function methodCall(ctx: JsContext, obj: Sym, method: string, site: JsSite): Sym {
  if (obj.sym === 'layer' && method === 'apply') return applyLayer(ctx, obj.layer, site.args);
  if (obj.sym === 'model') return modelMethod(ctx, obj.model, method, site);
  if (obj.sym === 'list' && MUTATING.has(method)) {
    const why = msg('is changed at line {0} (`{1}`)', ctx.span(site.node).line, ctx.short(site.node));
    if (method === 'push' && ctx.certain && !obj.truncated) obj.items.push(...site.args);
    else if (method === 'push') obj.truncated ??= why;
    else forgetItems(obj, why);
  }
  // `.add` / `.pop` on something reached from models, or a method of one called through `.call` / `.apply` / `.bind`.
  if (obj.sym === 'derived' && STRUCTURAL.has(method)) markStructure(ctx, obj.roots, changedAt(ctx.span(site.node).line, ctx.short(site.node)));
  return genericCall(ctx, site, obj);
}

/**
 * `layer.apply(x, {initialState: s, training: false})`: `x` is the main input; the tensors of the kwargs
 * object are inputs of the node too (their names in Keras' spelling), so the layers that produce them belong
 * to the model.
 */
function applyLayer(ctx: JsContext, layer: LayerObject, args: readonly Sym[]): Sym {
  const extras: CallExtra[] = [];
  const kwargs = args[1];
  if (kwargs?.sym === 'dict') {
    for (const [k, v] of kwargs.entries) extras.push({ name: camelToSnake(k), tensors: v.sym === 'py' && v.value.kind !== 'unknown' ? null : tensorRefs(v), value: toPy(v) });
    if (kwargs.incomplete) extras.push({ name: '**', tensors: [{ unknown: kwargs.incomplete }], value: { kind: 'unknown', reason: kwargs.incomplete } });
  } else if (kwargs) {
    extras.push({ name: '#1', tensors: tensorRefs(kwargs), value: toPy(kwargs) });
  }
  return { sym: 'tensor', ref: ctx.builder.apply(layer, tensorRefs(args[0]), ctx.graphFrames, extras) };
}

function modelMethod(ctx: JsContext, model: ModelBuild, method: string, site: JsSite): Sym {
  const result = derivedFrom([model], msg('is the result of `{0}()`, known when the code runs', method));
  if (method === 'apply') return applyLayer(ctx, modelAsLayer(ctx, model), site.args);
  if (isForeign(ctx, model)) {
    if ((method === 'add' || method === 'pop') && model.kind === 'sequential') markStructure(ctx, [model], ctx.speculation ?? msg('HyperLab cannot tell when this model changes.'));
    return result;
  }
  if (method === 'add' && model.kind === 'sequential') addItem(ctx, model, site.args[0] ?? unknownSym(msg('is missing')), site.node.getStart(ctx.sf));
  else if (method === 'pop' && model.kind === 'sequential') {
    if (extraFrames(ctx.graphFrames, model.frames) !== null) model.unknownReason ??= msg('A layer is removed inside a loop or an `if`; HyperLab cannot follow it.');
    else model.entries.pop();
  } else if (method === 'compile' || method === 'fit') {
    const cfgIndex = method === 'compile' ? 0 : 2;
    const call = layerCall(ctx, method, true, { ...site, args: site.args.slice(cfgIndex) });
    const withData = method === 'fit' ? { ...call, args: site.args.slice(0, 2).map(toPy) } : call;
    ctx.kerasCalls.push(withData);
    if (method === 'compile') model.compile = withData; else model.fit = withData;
  }
  return result;
}

/** A model used as a layer (`model.apply(x)`): a placeholder, since nested models are not analysed. */
function modelAsLayer(ctx: JsContext, model: ModelBuild): LayerObject {
  const call: LayerCall = { className: model.kind === 'sequential' ? 'Sequential' : 'Functional', isKeras: true, args: [], kwargs: {}, span: model.span, calleeSpan: model.span };
  return ctx.builder.createLayer({ call, isInput: false, note: msg('Nested models are not analysed yet.'), explicitName: model.kerasName }, ctx.naming());
}
