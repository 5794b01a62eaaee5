/**
 * Turns a model build (what the interpreter recorded) into the ModelGraph of the shared contract, plus the
 * notes the summarizer needs and the contract does not carry: why a node is unknown whatever its inputs,
 * `trainable` set after construction, the shape given to model.build(). A Sequential becomes a chain; a
 * functional model becomes the nodes reachable from its outputs back to its inputs through every tensor
 * argument of every call (`initial_state=`, `mask=` too, as Keras' node.input_tensors), in creation order
 * (which is topological), with a shared layer's later applications pointing at its first one.
 */
import type { ModelGraph, ModelNode, NodeArgument, PyValue, TensorInput } from '../kerasModel';
import { extraFrames } from './graphBuilder';
import type { Application, FunctionalBuild, LayerObject, ModelBuild, SequentialBuild, TensorRef } from './symbolic';
import { type Message, msg } from '../message';

/** A ModelGraph that also carries the name Keras' summary prints in `Model: "..."`. */
export type KerasModelGraph = ModelGraph & { readonly kerasName: string };

export interface BuiltModel {
  readonly graph: KerasModelGraph;
  /** Node id -> why its numbers are unknown whatever its inputs. */
  readonly notes: ReadonlyMap<number, Message>;
  /** Node id -> `trainable` set after construction (`layer.trainable = False`, `model.trainable = False`). */
  readonly trainable: ReadonlyMap<number, boolean>;
  readonly buildShape: PyValue | null;
  readonly trainableUnknown: Message | null;
  /**
   * `model.trainable` as last set (null when never): with False, Keras counts every weight of the model as
   * non-trainable in its totals, even a layer's added afterwards (Layer.trainable_weights is empty).
   */
  readonly modelTrainable: boolean | null;
}

export function freezeModel(model: ModelBuild, apps: readonly Application[]): BuiltModel {
  return model.kind === 'sequential' ? freezeSequential(model) : freezeFunctional(model, apps);
}

function graphName(model: ModelBuild): string {
  return model.explicitName ?? model.varName ?? model.kerasName;
}

function freezeSequential(model: SequentialBuild): BuiltModel {
  const notes = new Map<number, Message>();
  const trainable = new Map<number, boolean>();
  let trainableUnknown = model.trainableUnknown;
  const nodes: ModelNode[] = model.entries.map((entry, id) => {
    const note = entry.uncertain ?? entry.layer.note;
    if (note) notes.set(id, note);
    const t = entry.layer.trainable;
    if (t !== null) trainable.set(id, t);
    trainableUnknown ??= entry.layer.trainableUnknown;
    return { id, call: entry.layer.call, isInput: entry.layer.isInput, inputs: id > 0 ? [id - 1] : [], args: [], sharedWith: null, name: entry.layer.name };
  });
  const graph: KerasModelGraph = {
    name: graphName(model), variable: model.varName, kerasName: model.kerasName, kind: 'sequential', span: model.span, nodes,
    outputs: nodes.length > 0 ? [nodes.length - 1] : [], unknownReason: model.unknownReason, compile: model.compile, fit: model.fit,
  };
  return { graph, notes, trainable, buildShape: model.buildShape, trainableUnknown, modelTrainable: model.trainable };
}

/** Every tensor an application takes: its main input, then the tensors of its other arguments. */
function allRefs(app: Application): readonly TensorRef[] {
  return app.extras.length === 0 ? app.inputs : [...app.inputs, ...app.extras.flatMap((e) => e.tensors ?? [])];
}

/**
 * The layers of a model as it is now (a Sequential's entries, a functional model's layers from its outputs back
 * to its inputs): what `model.trainable = ...` sets, as Keras' setter does for every sublayer at that moment.
 */
export function currentLayers(model: ModelBuild, apps: readonly Application[]): LayerObject[] {
  if (model.kind === 'sequential') return model.entries.map((e) => e.layer).filter((l) => !l.isInput);
  return reachableApps(model, apps).map((id) => apps[id]!.layer).filter((l) => !l.isInput);
}

/** App ids reachable from the outputs, stopping at Input layers and at the model's declared inputs. */
function reachableApps(model: FunctionalBuild, apps: readonly Application[]): number[] {
  const stop = new Set<number>();
  for (const ref of model.inputs) if ('app' in ref) stop.add(ref.app);
  const seen = new Set<number>();
  const stack: number[] = [];
  for (const ref of model.outputs) if ('app' in ref) stack.push(ref.app);
  while (stack.length > 0) {
    const id = stack.pop()!;
    const app = apps[id];
    if (seen.has(id) || !app) continue;
    seen.add(id);
    if (app.layer.isInput || stop.has(id)) continue;
    for (const ref of allRefs(app)) if ('app' in ref) stack.push(ref.app);
  }
  for (const id of stop) if (apps[id]?.layer.isInput) seen.add(id); // unused Inputs stay in the model, as in Keras
  return [...seen].sort((a, b) => a - b);
}

/** Why an application inside a loop or an `if` makes the layer (and the model) uncertain, or null. */
function uncertainNote(app: Application, model: FunctionalBuild): { readonly layer: Message; readonly model: Message } | null {
  const extra = extraFrames(app.frames, model.frames);
  if (extra === 'loop') return { layer: msg('This layer is applied in a loop; HyperLab cannot unroll it.'), model: msg('Layers are applied in a loop; HyperLab cannot unroll it.') };
  if (extra === 'if') return { layer: msg('This layer is applied inside an `if`; HyperLab cannot tell whether it runs.'), model: msg('Layers are applied inside an `if`; HyperLab cannot tell whether it runs.') };
  return null;
}

function freezeFunctional(model: FunctionalBuild, apps: readonly Application[]): BuiltModel {
  const ids = reachableApps(model, apps);
  const nodeOf = new Map(ids.map((appId, nodeId) => [appId, nodeId]));
  const notes = new Map<number, Message>();
  const trainable = new Map<number, boolean>();
  let unknownReason = model.unknownReason;
  let trainableUnknown = model.trainableUnknown;
  const tensorOf = (ref: TensorRef): TensorInput | null => {
    const node = 'app' in ref ? nodeOf.get(ref.app) : undefined;
    return node === undefined || !('app' in ref) ? null : { node, output: ref.index ?? 0 };
  };
  const nodes: ModelNode[] = ids.map((appId, id) => {
    const app = apps[appId]!;
    for (const ref of app.layer.isInput ? [] : app.inputs) {
      if (tensorOf(ref) === null) notes.set(id, 'unknown' in ref ? msg('An input of this layer {0}.', ref.unknown) : msg('An input of this layer is outside the model.'));
    }
    const args = app.layer.isInput ? [] : nodeArguments(app, tensorOf);
    for (const extra of app.extras) {
      const lost = (extra.tensors ?? []).find((ref) => tensorOf(ref) === null);
      // A tensor of another argument that cannot be followed: the layers that produce it may be missing from the model.
      if (lost) unknownReason ??= msg('The `{0}=` argument of layer {1} {2}; layers that feed it may be missing.', extra.name, app.layer.name, 'unknown' in lost ? lost.unknown : msg('is outside the model'));
    }
    const uncertain = uncertainNote(app, model);
    const note = uncertain?.layer ?? app.layer.note;
    if (note && !notes.has(id)) notes.set(id, note);
    if (uncertain) unknownReason ??= uncertain.model;
    const t = app.layer.trainable;
    if (t !== null) trainable.set(id, t);
    trainableUnknown ??= app.layer.trainableUnknown;
    const first = app.layer.applications.find((a) => nodeOf.has(a));
    const sharedWith = first !== undefined && first !== appId ? nodeOf.get(first)! : null;
    const inputs = args.flatMap((a) => (a.tensors ?? []).flatMap((t) => (t ? [t.node] : [])));
    return { id, call: app.layer.call, isInput: app.layer.isInput, inputs, args, sharedWith, name: app.layer.name };
  });
  const outputs: number[] = [];
  for (const ref of model.outputs) {
    const n = 'app' in ref ? nodeOf.get(ref.app) : undefined;
    if (n !== undefined) outputs.push(n);
    else unknownReason ??= 'unknown' in ref ? msg('An output of the model {0}.', ref.unknown) : msg('An output of the model cannot be followed.');
  }
  if (model.outputs.length === 0) unknownReason ??= msg('HyperLab cannot tell which tensors are the outputs of this model.');
  const graph: KerasModelGraph = {
    name: graphName(model), variable: model.varName, kerasName: model.kerasName, kind: 'functional', span: model.span, nodes, outputs,
    unknownReason, compile: model.compile, fit: model.fit,
  };
  return { graph, notes, trainable, buildShape: null, trainableUnknown, modelTrainable: model.trainable };
}

/** The call's arguments in Keras' order: positional ones first, then keywords sorted by name (tree.flatten of the kwargs dict). */
function nodeArguments(app: Application, tensorOf: (ref: TensorRef) => TensorInput | null): NodeArgument[] {
  const main: NodeArgument = { name: app.mainName, tensors: app.inputs.map(tensorOf), value: null };
  if (app.extras.length === 0) return [main];
  const others = app.extras.map((e): NodeArgument => ({ name: e.name, tensors: e.tensors ? e.tensors.map(tensorOf) : null, value: e.tensors ? null : e.value }));
  const all = [main, ...others];
  const positional = all.filter((a) => a.name.startsWith('#')).sort((a, b) => Number(a.name.slice(1)) - Number(b.name.slice(1)));
  const keywords = all.filter((a) => !a.name.startsWith('#')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [...positional, ...keywords];
}
