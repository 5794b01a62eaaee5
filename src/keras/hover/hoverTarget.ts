/**
 * What is under the cursor, found by offsets in the analysis: a layer call of a model (its callee, or one
 * of its arguments: an activation name, an initializer, a regularizer, a Dropout rate, any other argument),
 * or another Keras call (an optimizer, EarlyStopping, a regularizer or initializer written on its own, a
 * loss class, compile/fit and their arguments), or a string in compile (optimizer='adam',
 * loss='binary_crossentropy'). Model layers are searched first, then the other calls from the innermost
 * out, so `l2(0.01)` inside `Dense(...)` is found with its layer. No Markdown here.
 */
import type { DocumentAnalysis, LayerCall, LayerSummary, ModelSummary, PyValue } from '../kerasModel';
import { findRule } from '../layers/layerRegistry';
import { type CallArgument, type SourceLanguage, type Span, argumentAt, callArguments, contains } from './callArguments';
import { EARLY_STOPPING_SIGNATURE } from './earlyStoppingHover';
import { lossInfo } from './lossHover';
import { kerasOptimizerName, optimizerSignature, optimizerSpec } from './optimizerFacts';
import { COMPILE_SIGNATURE, FIT_SIGNATURE } from './trainingHover';

export interface HoverInput {
  readonly analysis: DocumentAnalysis;
  readonly text: string;
  readonly language: SourceLanguage;
  /** Character offset of the cursor (document.offsetAt(position)). */
  readonly offset: number;
}

export type HoverTarget =
  | { readonly kind: 'layer'; readonly model: ModelSummary; readonly layer: LayerSummary; readonly args: readonly CallArgument[]; readonly focus: string | null }
  | { readonly kind: 'activation'; readonly name: string; readonly argName: string; readonly layer: LayerSummary | null }
  | { readonly kind: 'initializer' | 'regularizer'; readonly value: PyValue; readonly argName: string | null; readonly layer: LayerSummary | null; readonly model: ModelSummary | null }
  | { readonly kind: 'dropout'; readonly rate: PyValue; readonly layer: LayerSummary }
  | { readonly kind: 'optimizer'; readonly className: string; readonly args: readonly CallArgument[]; readonly fromString: string | null; readonly focus: string | null }
  | { readonly kind: 'loss'; readonly value: PyValue; readonly model: ModelSummary | null }
  | { readonly kind: 'earlyStopping' | 'fit' | 'compile'; readonly args: readonly CallArgument[]; readonly focus: string | null };

export interface LocatedTarget {
  readonly target: HoverTarget;
  readonly span: Span;
}

const INITIALIZER_CLASSES = /^(GlorotUniform|GlorotNormal|HeUniform|HeNormal|LecunUniform|LecunNormal|RandomUniform|RandomNormal|TruncatedNormal|VarianceScaling|Zeros|Ones|Constant|Orthogonal|Identity|glorot_uniform|glorot_normal|he_uniform|he_normal|lecun_uniform|lecun_normal|random_uniform|random_normal|truncated_normal|zeros|ones|constant)$/;
const REGULARIZER_CLASSES = /^(l1|l2|L1|L2|L1L2|l1_l2)$/;

export function locate(input: HoverInput): LocatedTarget | null {
  for (const model of input.analysis.models) {
    for (const layer of model.layers) {
      const found = inLayer(input, model, layer);
      if (found) return found;
    }
  }
  const calls = [...input.analysis.kerasCalls].filter((c) => contains(c.span, input.offset)).sort((a, b) => (a.span.to - a.span.from) - (b.span.to - b.span.from));
  for (const call of calls) {
    const found = inCall(input, call);
    if (found) return found;
  }
  return null;
}

function inLayer(input: HoverInput, model: ModelSummary, layer: LayerSummary): LocatedTarget | null {
  const { call } = layer.node;
  if (!contains(call.span, input.offset)) return null;
  const args = callArguments(call, findRule(call.className)?.signature ?? [], input.text, input.language);
  if (contains(call.calleeSpan, input.offset)) return { target: { kind: 'layer', model, layer, args, focus: null }, span: call.calleeSpan };
  const hit = argumentAt(args, input.offset);
  if (!hit) return null;
  const { arg, span } = hit;
  const valueSpan = arg.value.span;
  const onValue = valueSpan !== undefined && contains(valueSpan, input.offset) ? valueSpan : span;
  if ((arg.name === 'activation' || arg.name === 'recurrent_activation') && arg.value.kind === 'string') {
    return { target: { kind: 'activation', name: arg.value.value, argName: arg.name, layer }, span: onValue };
  }
  if (arg.name.endsWith('_initializer') && (arg.value.kind === 'string' || arg.value.kind === 'call')) {
    return { target: { kind: 'initializer', value: arg.value, argName: arg.name, layer, model }, span };
  }
  if (arg.name.endsWith('_regularizer') && (arg.value.kind === 'string' || arg.value.kind === 'call')) {
    return { target: { kind: 'regularizer', value: arg.value, argName: arg.name, layer, model }, span };
  }
  if (arg.name === 'rate' && call.className === 'Dropout') return { target: { kind: 'dropout', rate: arg.value, layer }, span };
  return { target: { kind: 'layer', model, layer, args, focus: arg.name }, span };
}

function inCall(input: HoverInput, call: LayerCall): LocatedTarget | null {
  const name = call.className.split('.').pop() ?? call.className;
  const spec = optimizerSpec(name);
  if (call.isKeras && spec) {
    const args = callArguments(call, optimizerSignature(spec), input.text, input.language);
    const hit = argumentAt(args, input.offset);
    return { target: { kind: 'optimizer', className: spec.className, args, fromString: null, focus: hit?.arg.name ?? null }, span: hit?.span ?? call.calleeSpan };
  }
  const other = call.isKeras ? kerasOptimizerName(name) : undefined;
  if (other !== undefined) return { target: { kind: 'optimizer', className: other, args: [], fromString: null, focus: null }, span: call.calleeSpan };
  if (name === 'EarlyStopping') return withArguments(input, call, 'earlyStopping', EARLY_STOPPING_SIGNATURE);
  if (INITIALIZER_CLASSES.test(name) || REGULARIZER_CLASSES.test(name)) {
    const value: PyValue = { kind: 'call', callee: name, args: call.args, kwargs: call.kwargs, span: call.span };
    const owner = ownerLayer(input.analysis, call);
    const kind = REGULARIZER_CLASSES.test(name) ? 'regularizer' : 'initializer';
    return { target: { kind, value, argName: owner?.argName ?? null, layer: owner?.layer ?? null, model: owner?.model ?? null }, span: call.calleeSpan };
  }
  if (lossInfo(name) && /^[A-Z]/.test(name)) {
    const value: PyValue = { kind: 'call', callee: name, args: call.args, kwargs: call.kwargs, span: call.span };
    return { target: { kind: 'loss', value, model: compiledModel(input, call) }, span: call.calleeSpan };
  }
  if (call.className === 'compile') return inCompile(input, call);
  if (call.className === 'fit') return withArguments(input, call, 'fit', FIT_SIGNATURE);
  return null;
}

function withArguments(input: HoverInput, call: LayerCall, kind: 'earlyStopping' | 'fit' | 'compile', signature: readonly string[]): LocatedTarget | null {
  const args = callArguments(call, signature, input.text, input.language);
  if (contains(call.calleeSpan, input.offset)) return { target: { kind, args, focus: null }, span: call.calleeSpan };
  const hit = argumentAt(args, input.offset);
  return hit ? { target: { kind, args, focus: hit.arg.name }, span: hit.span } : null;
}

function inCompile(input: HoverInput, call: LayerCall): LocatedTarget | null {
  const args = callArguments(call, COMPILE_SIGNATURE, input.text, input.language);
  const hit = argumentAt(args, input.offset);
  if (hit?.arg.name === 'loss' && (hit.arg.value.kind === 'string' || hit.arg.value.kind === 'call')) {
    return { target: { kind: 'loss', value: hit.arg.value, model: compiledModel(input, call) }, span: hit.span };
  }
  if (hit?.arg.name === 'optimizer' && hit.arg.value.kind === 'string' && (optimizerSpec(hit.arg.value.value) || kerasOptimizerName(hit.arg.value.value))) {
    return { target: { kind: 'optimizer', className: hit.arg.value.value, args: [], fromString: hit.arg.value.value, focus: null }, span: hit.span };
  }
  if (hit?.arg.name === 'optimizer' && hit.arg.value.kind === 'call') {
    const spec = optimizerSpec(hit.arg.value.callee.split('.').pop() ?? '');
    if (spec) {
      const value = hit.arg.value;
      const optimizerArgs: CallArgument[] = [...value.args.map((v, i) => ({ name: optimizerSignature(spec)[i] ?? `#${i}`, value: v, spans: [] })), ...Object.entries(value.kwargs).map(([k, v]) => ({ name: k, value: v, spans: [] }))];
      return { target: { kind: 'optimizer', className: spec.className, args: optimizerArgs, fromString: null, focus: null }, span: hit.span };
    }
  }
  return withArguments(input, call, 'compile', COMPILE_SIGNATURE);
}

/**
 * The model a compile() call (or a loss inside it) belongs to: the model whose recorded compile contains it,
 * else the latest model defined before the call under the variable name the call is made on
 * (`model.compile(...)`), since a model compiled twice records only its last compile.
 */
function compiledModel(input: HoverInput, call: LayerCall): ModelSummary | null {
  const { analysis, text } = input;
  const within = (outer: Span, inner: Span): boolean => outer.from <= inner.from && inner.to <= outer.to;
  // A loss object assigned to a variable first: the compile's loss value has the object's span.
  const uses = (c: LayerCall): boolean => within(c.span, call.span) || (c.kwargs['loss']?.span?.from === call.span.from && c.kwargs['loss'].span.to === call.span.to);
  const recorded = analysis.models.find((m) => m.graph.compile !== null && uses(m.graph.compile));
  if (recorded) return recorded;
  const compile = analysis.kerasCalls.find((c) => c.className === 'compile' && uses(c));
  if (!compile) return null;
  const receiver = text.slice(compile.calleeSpan.from, compile.calleeSpan.to).replace(/\s+/g, '').replace(/\.compile$/, '');
  const candidates = analysis.models.filter((m) => m.graph.name === receiver && m.graph.span.from < compile.span.from);
  return candidates.sort((a, b) => b.graph.span.from - a.graph.span.from)[0] ?? null;
}

/** The layer argument whose value is this call (also through a variable: the value's span is where it was written). */
function ownerLayer(analysis: DocumentAnalysis, call: LayerCall): { model: ModelSummary; layer: LayerSummary; argName: string } | null {
  for (const model of analysis.models) {
    for (const layer of model.layers) {
      for (const [argName, value] of Object.entries(layer.node.call.kwargs)) {
        if (value.span && value.span.from === call.span.from && value.span.to === call.span.to) return { model, layer, argName };
      }
    }
  }
  return null;
}
