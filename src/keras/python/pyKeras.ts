/**
 * What Keras calls do, for the Python reader: constructing a layer (and its automatic name), applying it to
 * tensors, keras.Input, Sequential(...) with its list, keras.Model(inputs, outputs), the functional merge
 * helpers (layers.concatenate([a, b])), and the model methods add / pop / build / compile / fit. Every
 * Keras call that is not a layer of a model is also kept for hovers (optimizers, callbacks, regularizers).
 */
import type { SyntaxNode } from '@lezer/common';
import type { LayerCall } from '../kerasModel';
import type { CallExtra, LayerObject, ModelBuild, SequentialBuild, Sym, TensorRef } from '../graph/symbolic';
import { derivedFrom, isForeign, markStructure, reasonOf } from '../graph/reach';
import { extraFrames } from '../graph/graphBuilder';
import { callSignature } from '../layers/callSignatures';
import { canonicalClassName } from '../layers/layerNames';
import { pySym, unknownSym } from '../graph/symbolic';
import { children } from '../sourceText';
import { type CallArgs, buildLayerCall, stringArg, toPy } from './pyArgs';
import type { ReaderContext } from '../readerContext';
import { type Message, msg } from '../message';

export interface CallSite {
  readonly node: SyntaxNode;
  readonly callee: SyntaxNode;
  readonly args: CallArgs;
}

export function constructLayer(ctx: ReaderContext, className: string, isKeras: boolean, site: CallSite, isInput = false): LayerObject {
  const call = buildLayerCall(ctx, className, isKeras, site.node, site.callee, site.args);
  const syntax = ctx.src.hasErrorIn(site.node.from, site.node.to) ? msg('This layer call has a syntax error.') : null;
  return ctx.builder.createLayer({ call, isInput, note: syntax ?? site.args.unpackNote, explicitName: stringArg(site.args.keyword.get('name')) }, ctx.naming());
}

/** A Sym used where Keras expects tensors (a tensor, or a list or dict of them), as tensor references. */
export function tensorRefs(sym: Sym | undefined): TensorRef[] {
  if (!sym) return [{ unknown: msg('is missing') }];
  if (sym.sym === 'tensor') return [sym.ref];
  if (sym.sym === 'list') {
    const refs = sym.items.flatMap((i) => tensorRefs(i));
    return sym.truncated ? [...refs, { unknown: sym.truncated }] : refs;
  }
  if (sym.sym === 'dict') {
    // Keras flattens a dict of tensors in key order (tree.flatten).
    const refs = [...sym.entries.keys()].sort().flatMap((k) => tensorRefs(sym.entries.get(k)));
    return sym.incomplete ? [...refs, { unknown: sym.incomplete }] : refs;
  }
  const why = reasonOf(sym);
  if (why) return [{ unknown: why }];
  if (sym.sym === 'py' && sym.value.kind === 'call') return [{ unknown: msg('comes from `{0}(...)`, which HyperLab does not follow', sym.value.callee) }];
  return [{ unknown: msg('is not a Keras tensor') }];
}

/** True when `sym` holds a tensor some layer made (what tensorRefs would list as applied), without building the list. */
export function holdsAppliedTensor(sym: Sym): boolean {
  if (sym.sym === 'tensor') return 'app' in sym.ref;
  if (sym.sym === 'list') return sym.items.some(holdsAppliedTensor);
  if (sym.sym === 'dict') { for (const v of sym.entries.values()) if (holdsAppliedTensor(v)) return true; }
  return false;
}

/** Call arguments that never hold tensors: an unknown value there is not a tensor HyperLab failed to follow. */
const FLAG_ARGUMENTS = new Set(['training', 'return_attention_scores', 'use_causal_mask', 'return_state', 'return_sequences']);

/** True when a call argument holds, or may hold, tensors (an unknown value may be one). */
function mayHoldTensors(name: string, sym: Sym): boolean {
  if (sym.sym === 'tensor' || sym.sym === 'derived') return true;
  if (sym.sym === 'list') return sym.items.some((i) => mayHoldTensors(name, i)) || (sym.truncated !== null && !FLAG_ARGUMENTS.has(name));
  if (sym.sym === 'dict') return [...sym.entries.values()].some((i) => mayHoldTensors(name, i)) || (sym.incomplete !== null && !FLAG_ARGUMENTS.has(name));
  // A value known only at run time, or the result of a call HyperLab does not follow, may be a tensor.
  return sym.sym === 'py' && (sym.value.kind === 'unknown' || sym.value.kind === 'call') && !FLAG_ARGUMENTS.has(name);
}

/**
 * `layer(x, initial_state=s, training=False)`: the first argument (or `inputs=`) is the main input, whose
 * shapes the rules use; every other argument is kept with the node, and the tensors in any of them are
 * inputs of the node too (Keras' node.input_tensors), so the layers that produce them belong to the model.
 */
export function applyLayer(ctx: ReaderContext, layer: LayerObject, args: CallArgs): Sym {
  // The main input's keyword is the first parameter of the class's call(): `inputs`, `sequences` (RNNs), `query`.
  const keyword = args.positional.length === 0 ? callSignature(canonicalClassName(layer.call.className))?.[0] ?? 'inputs' : '';
  const byKeyword = args.positional.length === 0 && args.keyword.has(keyword);
  const mainName = byKeyword ? keyword : '#0';
  const main = byKeyword ? args.keyword.get('inputs') : args.positional[0];
  const extras: CallExtra[] = [];
  if (args.positional.length > 1 || args.keyword.size > (byKeyword ? 1 : 0)) {
    const extra = (name: string, sym: Sym): CallExtra => ({ name, tensors: mayHoldTensors(name, sym) ? tensorRefs(sym) : null, value: toPy(sym) });
    args.positional.slice(1).forEach((sym, i) => extras.push(extra(`#${i + 1}`, sym)));
    for (const [name, sym] of args.keyword) if (name !== mainName) extras.push(extra(name, sym));
  }
  const inputs = args.unpackNote && !main ? [{ unknown: args.unpackNote }] : tensorRefs(main);
  if (args.unpackNote) extras.push({ name: '**', tensors: [{ unknown: args.unpackNote }], value: { kind: 'unknown', reason: args.unpackNote } });
  return { sym: 'tensor', ref: ctx.builder.apply(layer, inputs, ctx.graphFrames, extras, mainName, ctx.naming()) };
}

export function makeInput(ctx: ReaderContext, site: CallSite): Sym {
  const layer = constructLayer(ctx, 'Input', true, site, true);
  return { sym: 'tensor', ref: ctx.builder.apply(layer, [], ctx.graphFrames) };
}

const nestedLayers = new WeakMap<ModelBuild, LayerObject>();

/** A model used as a layer (nested model): one placeholder layer object per model. */
export function modelAsLayer(ctx: ReaderContext, model: ModelBuild): LayerObject {
  let layer = nestedLayers.get(model);
  if (!layer) {
    const className = model.kind === 'sequential' ? 'Sequential' : 'Functional';
    const call: LayerCall = { className, isKeras: true, args: [], kwargs: {}, span: model.span, calleeSpan: model.span };
    layer = ctx.builder.createLayer({ call, isInput: false, note: msg('Nested models are not analysed yet.'), explicitName: model.kerasName }, ctx.naming());
    nestedLayers.set(model, layer);
  }
  return layer;
}

function placeholderLayer(ctx: ReaderContext, text: string, span: LayerCall['span'], note: Message): LayerObject {
  const call: LayerCall = { className: text, isKeras: false, args: [], kwargs: {}, span, calleeSpan: span };
  return ctx.builder.createLayer({ call, isInput: false, note, explicitName: '?' }, ctx.naming());
}

/** One item of `Sequential([...])` or the argument of `model.add(...)` (`at`: where the statement is). */
export function addItem(ctx: ReaderContext, model: SequentialBuild, item: Sym, itemNode: SyntaxNode | undefined, rebuild: boolean, at?: number): void {
  let layer: LayerObject | null = null;
  if (item.sym === 'layer') layer = item.layer;
  else if (item.sym === 'model') layer = modelAsLayer(ctx, item.model);
  else if (item.sym === 'tensor' && 'app' in item.ref) {
    const origin = ctx.builder.apps[item.ref.app]?.layer;
    if (origin?.isInput) layer = origin;
  }
  if (!layer) {
    const reason = reasonOf(item) ?? msg('is not a layer HyperLab can follow');
    const span = itemNode ? ctx.src.nodeSpan(itemNode) : model.span;
    layer = placeholderLayer(ctx, itemNode ? ctx.src.short(itemNode, 30) : '?', span, msg('This item {0}.', reason));
    model.unknownReason ??= msg('An item of the model {0}.', reason);
  }
  ctx.builder.addToSequential(model, layer, ctx.graphFrames, ctx.naming(), rebuild, at ?? itemNode?.from ?? model.span.from);
  const error = itemNode ? ctx.src.firstErrorIn(itemNode.from, itemNode.to) : null;
  if (error !== null) model.unknownReason ??= msg('A syntax error at line {0} breaks the model\'s definition; layers after it are unknown.', ctx.src.span(error, error).line);
}

export function makeSequential(ctx: ReaderContext, site: CallSite): Sym {
  const { args } = site;
  const layersArg = args.positional[0] ?? args.keyword.get('layers');
  const name = stringArg(args.keyword.get('name') ?? args.positional[2]);
  ctx.kerasCalls.push(buildLayerCall(ctx, 'Sequential', true, site.node, site.callee, args));
  const model = ctx.builder.newSequential({ span: ctx.src.nodeSpan(site.node), explicitName: name, frames: [...ctx.graphFrames] }, ctx.naming());
  if (layersArg?.sym === 'list') {
    const itemNodes = listItemNodes(site.args.positionalNodes[0]);
    layersArg.items.forEach((item, i) => addItem(ctx, model, item, itemNodes[i], false));
    if (layersArg.truncated) model.unknownReason ??= msg('The layer list {0}; layers after that point are unknown.', layersArg.truncated);
    ctx.builder.maybeRebuild(model, ctx.naming());
  } else if (layersArg && !(layersArg.sym === 'py' && layersArg.value.kind === 'none')) {
    const why = reasonOf(layersArg) ?? msg('is not a list HyperLab can read');
    model.unknownReason = msg('The layer list {0}.', why);
  }
  return { sym: 'model', model };
}

/** The item nodes of the list literal a Sequential gets (found through a broken expression too). */
function listItemNodes(node: SyntaxNode | undefined): SyntaxNode[] {
  let n: SyntaxNode | null = node ?? null;
  while (n && n.name === 'BinaryExpression') n = n.firstChild;
  if (!n || (n.name !== 'ArrayExpression' && n.name !== 'TupleExpression')) return [];
  return children(n).filter((c) => !['[', ']', '(', ')', ','].includes(c.name));
}

export function makeFunctional(ctx: ReaderContext, site: CallSite): Sym {
  const { args } = site;
  ctx.kerasCalls.push(buildLayerCall(ctx, 'Model', true, site.node, site.callee, args));
  const inputs = tensorRefs(args.keyword.get('inputs') ?? args.positional[0]);
  const outputs = tensorRefs(args.keyword.get('outputs') ?? args.positional[1]);
  const name = stringArg(args.keyword.get('name') ?? args.positional[2]);
  const spec = { span: ctx.src.nodeSpan(site.node), explicitName: name, frames: [...ctx.graphFrames] };
  return { sym: 'model', model: ctx.builder.newFunctional(spec, inputs, outputs, ctx.naming()) };
}

/**
 * `model.add / pop / build / compile / fit / summary ...`. In a speculative read, a model created outside it
 * is marked instead of changed; any other method only reads the model (its result is derived from it).
 */
export function modelMethod(ctx: ReaderContext, model: ModelBuild, method: string, site: CallSite): Sym {
  const { args } = site;
  // add, build and compile return None; anything else (pop's layer, fit's History, ...) is derived from the model.
  const result = method === 'add' || method === 'build' || method === 'compile' ? pySym({ kind: 'none' }) : derivedFrom([model], msg('is the result of `{0}()`, known when the code runs', method));
  const structural = (method === 'add' || method === 'pop' || method === 'build') && model.kind === 'sequential';
  if (isForeign(ctx, model)) {
    if (structural) markStructure(ctx, [model], ctx.speculation ?? msg('HyperLab cannot tell when this model changes.'));
    return result;
  }
  if (method === 'add' && model.kind === 'sequential') {
    addItem(ctx, model, args.positional[0] ?? args.keyword.get('layer') ?? unknownSym(msg('is missing')), site.args.positionalNodes[0], true, site.node.from);
  } else if (method === 'pop' && model.kind === 'sequential') {
    if (extraFrames(ctx.graphFrames, model.frames) !== null) model.unknownReason ??= msg('A layer is removed inside a loop or an `if`; HyperLab cannot follow it.');
    else model.entries.pop();
  } else if (method === 'build' && model.kind === 'sequential') {
    const shape = args.positional[0] ?? args.keyword.get('input_shape');
    model.buildShape = shape ? toPy(shape) : { kind: 'unknown', reason: msg('is missing') };
    ctx.builder.buildSequential(model, ctx.naming());
  } else if (method === 'compile' || method === 'fit') {
    const call = buildLayerCall(ctx, method, true, site.node, site.callee, args);
    ctx.kerasCalls.push(call);
    if (method === 'compile') model.compile = call; else model.fit = call;
  }
  return result;
}
