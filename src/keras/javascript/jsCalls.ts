/**
 * TensorFlow.js calls, for the JS/TS reader: `tf.sequential({layers: [...]})`, `tf.model({inputs,
 * outputs})`, `tf.input({shape})`, `tf.layers.dense({...})` (a Keras layer with snake_case kwargs),
 * `layer.apply(x)`, `model.add / compile / fit`, `require('@tensorflow/tfjs')`, functions of the file, and
 * TF.js optimizers / regularizers / callbacks kept for hovers. The graph records are the same as for
 * Python, so shapes, counts and summaries follow Keras' rules.
 */
import type * as TS from 'typescript';
import type { LayerCall, PyValue } from '../kerasModel';
import { type LayerObject, type ModelBuild, type SequentialBuild, type Sym, unknownSym } from '../graph/symbolic';
import { msg } from '../message';
import { toPy } from '../python/pyArgs';
import { tensorRefs } from '../python/pyKeras';
import type { JsContext } from './jsContext';
import { evalJs, evalJsSpanned } from './jsEval';
import { callJsFunction } from './jsStatements';
import { isTfjsModule, kerasKwargs, tfjsLayerClass, tfjsOtherClass } from './tfjsNames';

interface JsSite {
  readonly node: TS.CallExpression;
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
  if (objSym && method !== null) {
    if (objSym.sym !== 'module') return methodCall(ctx, objSym, method, site);
    return tfjsPath(ctx, `${objSym.path}.${method}`, objSym.fromImport, site);
  }
  const fn = evalJs(ctx, callee);
  if (fn.sym === 'function') return callJsFunction(ctx, fn.id, args);
  if (fn.sym === 'module') return tfjsPath(ctx, fn.path, fn.fromImport, site);
  if (ts.isIdentifier(callee) && callee.text === 'require') return requireCall(args);
  return { sym: 'py', value: { kind: 'call', callee: ctx.short(callee, 60), args: args.map(toPy), kwargs: {}, span: ctx.span(node) } };
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
  const note = syntax ?? (site.args[0] && site.args[0].sym !== 'dict' && site.args[0].sym !== 'list' ? msg('Its configuration is not an object literal HyperLab can read.') : null);
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
    return { sym: 'tensor', ref: ctx.builder.apply(layer, [], ctx.frames) };
  }
  if (rest[0] === 'layers' && rest.length === 2) {
    const className = tfjsLayerClass(rest[1]!);
    if (site.args[0]?.sym === 'list') {
      // tf.layers.concatenate([a, b]) applies the new layer at once.
      const layer = makeLayer(ctx, className, fromImport, { ...site, args: site.args.slice(1) });
      return { sym: 'tensor', ref: ctx.builder.apply(layer, tensorRefs(site.args[0]), ctx.frames) };
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
  const model = ctx.builder.newSequential({ span: call.span, explicitName: name?.sym === 'py' && name.value.kind === 'string' ? name.value.value : null, frames: [...ctx.frames] }, ctx.naming());
  const list = cfg.get('layers');
  if (list?.sym === 'list') {
    for (const item of list.items) addItem(ctx, model, item);
    if (list.truncated) model.unknownReason ??= msg('The layer list {0}; layers after that point are unknown.', list.truncated);
  } else if (list) {
    model.unknownReason = msg('The layer list {0}.', list.sym === 'py' && list.value.kind === 'unknown' ? list.value.reason : msg('is not an array HyperLab can read'));
  }
  return { sym: 'model', model };
}

function addItem(ctx: JsContext, model: SequentialBuild, item: Sym): void {
  if (item.sym === 'layer') {
    ctx.builder.addToSequential(model, item.layer, ctx.frames, ctx.naming());
    return;
  }
  const reason = item.sym === 'py' && item.value.kind === 'unknown' ? item.value.reason : msg('is not a layer HyperLab can follow');
  const call: LayerCall = { className: '?', isKeras: false, args: [], kwargs: {}, span: model.span, calleeSpan: model.span };
  const layer = ctx.builder.createLayer({ call, isInput: false, note: msg('This item {0}.', reason), explicitName: '?' }, ctx.naming());
  model.unknownReason ??= msg('An item of the model {0}.', reason);
  ctx.builder.addToSequential(model, layer, ctx.frames, ctx.naming());
}

function makeModel(ctx: JsContext, site: JsSite): Sym {
  const cfg = config(site.args);
  const name = cfg.get('name');
  const call = layerCall(ctx, 'Model', true, site);
  ctx.kerasCalls.push(call);
  const spec = { span: call.span, explicitName: name?.sym === 'py' && name.value.kind === 'string' ? name.value.value : null, frames: [...ctx.frames] };
  return { sym: 'model', model: ctx.builder.newFunctional(spec, tensorRefs(cfg.get('inputs')), tensorRefs(cfg.get('outputs')), ctx.naming()) };
}

function methodCall(ctx: JsContext, obj: Sym, method: string, site: JsSite): Sym {
  if (obj.sym === 'layer' && method === 'apply') return { sym: 'tensor', ref: ctx.builder.apply(obj.layer, tensorRefs(site.args[0]), ctx.frames) };
  if (obj.sym === 'model') return modelMethod(ctx, obj.model, method, site);
  if (tensorRefs(site.args[0]).some((r) => 'app' in r)) return { sym: 'tensor', ref: { unknown: msg('comes from `{0}(...)`, which HyperLab does not follow', ctx.short(site.callee)) } };
  return unknownSym(msg('is the result of `{0}()`, known when the code runs', ctx.short(site.callee)));
}

function modelMethod(ctx: JsContext, model: ModelBuild, method: string, site: JsSite): Sym {
  if (method === 'add' && model.kind === 'sequential') addItem(ctx, model, site.args[0] ?? unknownSym(msg('is missing')));
  else if (method === 'compile' || method === 'fit') {
    const cfgIndex = method === 'compile' ? 0 : 2;
    const call = layerCall(ctx, method, true, { ...site, args: site.args.slice(cfgIndex) });
    const withData = method === 'fit' ? { ...call, args: site.args.slice(0, 2).map(toPy) } : call;
    ctx.kerasCalls.push(withData);
    if (method === 'compile') model.compile = withData; else model.fit = withData;
  }
  return unknownSym(msg('is the result of `{0}()`, known when the code runs', method));
}
