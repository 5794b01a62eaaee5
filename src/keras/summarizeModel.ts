/**
 * Walks one model graph and asks the layer rules what Keras would build at every node: a Sequential is a
 * chain fed by its Input / InputLayer, the first layer's input_shape= or model.build(...); a functional
 * model feeds each node the output shapes of its inputs. A model with no input shape anywhere is unbuilt
 * (Keras' summary prints "0 (unbuilt)"; HyperLab says unknown, and why). A shared layer's parameters count
 * once; totals are null as soon as any count they need is unknown. Layer problems become diagnostics.
 */
import type { Diagnostic, Dim, LayerOutcome, LayerSummary, ModelGraph, ModelNode, ModelSummary, NodeArgument, ParamCount, PyValue, Shape, TensorInput } from './kerasModel';
import type { BuiltModel } from './graph/freezeModel';
import { type CallArgument, applyLayer, declaredInputShape } from './layers/applyLayer';
import { MAIN_INPUT_NAMES } from './layers/callSignatures';
import { unknownSize } from './layers/declaredInputShape';
import { type Message, msg, said } from './message';
import { candidateInputs, onceBuiltLayers } from './onceBuilt';

export const UNBUILT_REASON = msg('the model has no input shape (unbuilt): add input_shape=... to the first layer or keras.Input(shape=...)');

function unknownOutcome(reason: Message): LayerOutcome {
  return { outputShape: null, params: null, unknownReason: reason, formula: null, problems: [] };
}

/** The reason an unreadable declared input shape gives, from the call's shape arguments. */
function declarationReason(node: ModelNode): Message {
  for (const key of ['input_shape', 'batch_input_shape', 'input_dim', 'shape', 'batch_shape', 'input_length']) {
    const v = node.call.kwargs[key];
    if (v?.kind === 'unknown') return msg('{0}: {1}', key, v.reason);
    if (v?.kind === 'tuple') for (const item of v.items) if (item.kind === 'unknown') return msg('{0}: {1}', key, item.reason);
  }
  return msg('the declared input shape cannot be read statically');
}

/** A model.build(...) argument as a Shape (batch axis included), or the reason it is not one. */
function buildShapeOf(value: PyValue): Shape | Message {
  if (value.kind === 'unknown') return msg('{0}: {1}', 'model.build', value.reason);
  if (value.kind !== 'tuple') return msg('model.build takes a shape tuple such as (None, 784)');
  const dims: Dim[] = [];
  for (const item of value.items) {
    const unknown = unknownSize(item);
    if (unknown) dims.push(unknown);
    else if (item.kind === 'none') dims.push(null);
    else if (item.kind === 'number' && Number.isInteger(item.value) && item.value >= 0) dims.push(item.value);
    else return msg('model.build takes a shape tuple such as (None, 784)');
  }
  return dims;
}

type SequentialInput = { readonly shape: Shape | null; readonly reason: Message | null } | 'unbuilt';

/** Where a Sequential's first layer gets its input shape. */
function sequentialInput(graph: ModelGraph, built: BuiltModel): SequentialInput {
  const first = graph.nodes[0];
  if (!first) return 'unbuilt';
  if (first.isInput) return { shape: null, reason: null }; // the Input node's own outcome feeds the chain
  const declared = declaredInputShape(first.call);
  if (declared !== undefined) return { shape: declared, reason: declared === null ? declarationReason(first) : null };
  if (built.buildShape) {
    const s = buildShapeOf(built.buildShape);
    return Array.isArray(s) ? { shape: s, reason: null } : { shape: null, reason: s as Message };
  }
  return 'unbuilt';
}

function withTrainable(node: ModelNode, built: BuiltModel): ModelNode['call'] {
  const t = built.trainable.get(node.id);
  return t === undefined ? node.call : { ...node.call, kwargs: { ...node.call.kwargs, trainable: { kind: 'bool', value: t } } };
}

function outcomeFor(node: ModelNode, inputs: readonly (Shape | null)[], built: BuiltModel, inputReason: Message | null, callArgs: readonly CallArgument[]): LayerOutcome {
  const note = built.notes.get(node.id);
  if (note) return unknownOutcome(note);
  const outcome = applyLayer(withTrainable(node, built), inputs, callArgs);
  if (inputReason && outcome.outputShape === null) return { ...outcome, unknownReason: inputReason };
  if (built.trainableUnknown && outcome.params && outcome.params.trainable + outcome.params.nonTrainable > 0) {
    return { ...outcome, params: null, unknownReason: built.trainableUnknown };
  }
  return outcome;
}

/** The argument of a node's call that is its main input: the first positional one, or its keyword (`inputs=`). */
function mainArgument(node: ModelNode): NodeArgument | undefined {
  if (node.args.length === 1) return node.args[0];
  return node.args.find((a) => a.name === '#0') ?? node.args.find((a) => MAIN_INPUT_NAMES.has(a.name));
}

/** The tensors of a node's main input (its first argument): the previous layer in a Sequential. */
export function mainInputs(node: ModelNode): TensorInput[] {
  if (node.args.length === 0) return node.inputs.map((n) => ({ node: n, output: 0 }));
  return (mainArgument(node)?.tensors ?? []).filter((t): t is TensorInput => t !== null);
}

const NO_ARGUMENTS: readonly CallArgument[] = [];

/** The other arguments of a node's call, with the shapes of their tensors (null where unknown). */
function callArguments(node: ModelNode, shapeAt: (t: TensorInput) => Shape | null): readonly CallArgument[] {
  if (node.args.length <= 1) return NO_ARGUMENTS;
  const main = mainArgument(node);
  return node.args.filter((a) => a !== main).map((a) => ({
    name: a.name, value: a.value, tensors: a.tensors ? a.tensors.map((t) => (t ? shapeAt(t) : null)) : null,
  }));
}

/** The shape of output `output` of a layer (a layer with several outputs lists them in outputShapes). */
function shapeOf(outcome: LayerOutcome | undefined, output: number): Shape | null {
  if (!outcome) return null;
  return output === 0 ? outcome.outputShape : outcome.outputShapes?.[output] ?? null;
}

function layerOutcomes(graph: ModelGraph, built: BuiltModel, start: SequentialInput | null): LayerSummary[] {
  const out: LayerSummary[] = [];
  for (const node of graph.nodes) {
    if (start === 'unbuilt') {
      out.push({ node, outcome: unknownOutcome(UNBUILT_REASON) });
      continue;
    }
    const feedsFirst = start !== null && node.inputs.length === 0 && !node.isInput;
    const shapeAt = (t: TensorInput): Shape | null => shapeOf(out[t.node]?.outcome, t.output);
    const inputs = feedsFirst ? [start.shape] : mainInputs(node).map(shapeAt);
    out.push({ node, outcome: outcomeFor(node, node.isInput ? [] : inputs, built, feedsFirst ? start.reason : null, callArguments(node, shapeAt)) });
  }
  return out;
}

function totalsOf(graph: ModelGraph, layers: readonly LayerSummary[], built: BuiltModel): ParamCount | null {
  if (graph.unknownReason || built.trainableUnknown) return null;
  let trainable = 0, nonTrainable = 0;
  for (const { node, outcome } of layers) {
    if (node.sharedWith !== null) continue;
    if (!outcome.params) return null;
    trainable += outcome.params.trainable;
    nonTrainable += outcome.params.nonTrainable;
  }
  // Each layer's count is exact (applyLayer refuses larger ones); a sum past 2^53 - 1 would not be.
  if (!Number.isSafeInteger(trainable + nonTrainable)) return null;
  // model.trainable = False: Keras' model-level trainable_weights is empty, whatever its layers say.
  return built.modelTrainable === false ? { trainable: 0, nonTrainable: trainable + nonTrainable } : { trainable, nonTrainable };
}

function layerDiagnostics(layers: readonly LayerSummary[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const { node, outcome } of layers) {
    for (const p of outcome.problems) {
      const key = `${node.call.span.from}:${p.code}:${p.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ severity: p.severity, message: p.message, text: p.text, code: p.code, span: node.call.span });
    }
  }
  return out;
}

export interface SummarizeOptions {
  /**
   * Give an unbuilt Sequential the numbers it will have once built (onceBuilt.ts): Keras 3 builds it on its
   * first call. TensorFlow.js refuses such a model outright, so its reader leaves this off.
   */
  readonly onceBuilt?: boolean;
}

export function summarizeModel(built: BuiltModel, options: SummarizeOptions = {}): ModelSummary {
  const { graph } = built;
  const start = graph.kind === 'sequential' ? sequentialInput(graph, built) : null;
  const unbuilt = start === 'unbuilt' && graph.nodes.length > 0;
  const onceBuilt = unbuilt && (options.onceBuilt ?? true);
  const layers = onceBuilt
    ? onceBuiltLayers(candidateInputs().map((input) => layerOutcomes(graph, built, { shape: input, reason: null })), UNBUILT_REASON)
    : layerOutcomes(graph, built, start);
  const diagnostics = layerDiagnostics(layers);
  if (unbuilt) {
    diagnostics.push({
      severity: 'warning', code: 'unbuilt-model', span: graph.span,
      ...said(msg('Model {0} has no input shape, so Keras cannot build it before training (its summary says "0 (unbuilt)"): add input_shape=... to the first layer or start with keras.Input(shape=...).', graph.name)),
    });
  }
  return { graph, layers, totals: totalsOf(graph, layers, built), diagnostics, onceBuilt };
}
