/**
 * Walks one model graph and asks the layer rules what Keras would build at every node: a Sequential is a
 * chain fed by its Input / InputLayer, the first layer's input_shape= or model.build(...); a functional
 * model feeds each node the output shapes of its inputs. A model with no input shape anywhere is unbuilt
 * (Keras' summary prints "0 (unbuilt)"; HyperLab says unknown, and why). A shared layer's parameters count
 * once; totals are null as soon as any count they need is unknown. Layer problems become diagnostics.
 */
import type { Diagnostic, LayerOutcome, LayerSummary, ModelGraph, ModelNode, ModelSummary, ParamCount, PyValue, Shape } from './kerasModel';
import type { BuiltModel } from './graph/freezeModel';
import { applyLayer, declaredInputShape } from './layers/applyLayer';
import { type Message, msg, said } from './message';

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
  const dims: (number | null)[] = [];
  for (const item of value.items) {
    if (item.kind === 'none') dims.push(null);
    else if (item.kind === 'number' && Number.isInteger(item.value) && item.value >= 0) dims.push(item.value);
    else return item.kind === 'unknown' ? msg('{0}: {1}', 'model.build', item.reason) : msg('model.build takes a shape tuple such as (None, 784)');
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

function outcomeFor(node: ModelNode, inputs: readonly (Shape | null)[], built: BuiltModel, inputReason: Message | null): LayerOutcome {
  const note = built.notes.get(node.id);
  if (note) return unknownOutcome(note);
  const outcome = applyLayer(withTrainable(node, built), inputs);
  if (inputReason && outcome.outputShape === null) return { ...outcome, unknownReason: inputReason };
  if (built.trainableUnknown && outcome.params && outcome.params.trainable + outcome.params.nonTrainable > 0) {
    return { ...outcome, params: null, unknownReason: built.trainableUnknown };
  }
  return outcome;
}

function layerOutcomes(graph: ModelGraph, built: BuiltModel): LayerSummary[] {
  const start = graph.kind === 'sequential' ? sequentialInput(graph, built) : null;
  const out: LayerSummary[] = [];
  for (const node of graph.nodes) {
    if (start === 'unbuilt') {
      out.push({ node, outcome: unknownOutcome(UNBUILT_REASON) });
      continue;
    }
    const feedsFirst = start !== null && node.inputs.length === 0 && !node.isInput;
    const inputs = feedsFirst ? [start.shape] : node.inputs.map((i) => out[i]?.outcome.outputShape ?? null);
    out.push({ node, outcome: outcomeFor(node, node.isInput ? [] : inputs, built, feedsFirst ? start.reason : null) });
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
  return Number.isSafeInteger(trainable + nonTrainable) ? { trainable, nonTrainable } : null;
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

export function summarizeModel(built: BuiltModel): ModelSummary {
  const { graph } = built;
  const layers = layerOutcomes(graph, built);
  const diagnostics = layerDiagnostics(layers);
  if (graph.kind === 'sequential' && sequentialInput(graph, built) === 'unbuilt' && graph.nodes.length > 0) {
    diagnostics.push({
      severity: 'warning', code: 'unbuilt-model', span: graph.span,
      ...said(msg('Model {0} has no input shape, so Keras cannot build it before training (its summary says "0 (unbuilt)"): add input_shape=... to the first layer or start with keras.Input(shape=...).', graph.name)),
    });
  }
  return { graph, layers, totals: totalsOf(graph, layers, built), diagnostics };
}
