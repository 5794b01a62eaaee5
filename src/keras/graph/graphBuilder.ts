/**
 * The language-independent side of reading a Keras program: the interpreters (python/, javascript/) tell
 * the GraphBuilder what the code does — a layer is constructed, applied to tensors, added to a Sequential,
 * a Model is made from inputs and outputs — and it keeps the records, gives Keras' automatic names in
 * construction order, and marks what happens inside loops and ifs as uncertain. It does not compute shapes
 * or parameters (the layer rules do) and does not read source text.
 */
import type { LayerCall, SourceSpan } from '../kerasModel';
import { type LayerNames, type NamingContext, kerasSnakeCase } from './layerNames';
import type { Application, CallExtra, Frame, FunctionalBuild, LayerObject, ModelBuild, SequentialBuild, TensorRef } from './symbolic';
import { type Message, msg } from '../message';

export interface LayerSpec {
  readonly call: LayerCall;
  readonly isInput: boolean;
  readonly note: Message | null;
  /** name= when given as a string. */
  readonly explicitName: string | null;
}

export interface ModelSpec {
  readonly span: SourceSpan;
  readonly explicitName: string | null;
  readonly frames: readonly Frame[];
}

/** Which extra frames `inner` has beyond what it shares with `outer`: a loop, an if, or none. */
export function extraFrames(inner: readonly Frame[], outer: readonly Frame[]): 'loop' | 'if' | null {
  let i = 0;
  while (i < inner.length && i < outer.length && inner[i]!.id === outer[i]!.id) i++;
  const extra = inner.slice(i);
  if (extra.some((f) => f.kind === 'loop')) return 'loop';
  return extra.length > 0 ? 'if' : null;
}

export class GraphBuilder {
  readonly layers: LayerObject[] = [];
  readonly apps: Application[] = [];
  readonly models: ModelBuild[] = [];
  /** The speculative read new objects belong to (ReaderContext.speculate sets it); 0 outside one. */
  readId = 0;

  /**
   * `prefixOf` gives Keras' name prefix for a class ('dense'); `declaresInput` tells whether a layer call
   * carries input_shape=/input_dim=/batch_input_shape= (Keras then puts an InputLayer under a Sequential).
   */
  constructor(
    readonly names: LayerNames,
    private readonly prefixOf: (className: string) => string,
    private readonly declaresInput: (call: LayerCall) => boolean,
    /** Name prefixes a layer's first call uses up (the sublayers Keras creates when it builds: MultiHeadAttention's Softmax and Dropout). */
    private readonly buildNames: (className: string) => readonly string[] = () => [],
  ) {}

  createLayer(spec: LayerSpec, ctx: NamingContext): LayerObject {
    const className = spec.isInput ? 'InputLayer' : spec.call.className;
    const name = spec.explicitName ?? this.autoLayerName(className, spec.isInput, ctx);
    const layer: LayerObject = {
      uid: this.layers.length, call: spec.call, name, isInput: spec.isInput, note: spec.note, applications: [], trainable: null,
      trainableUnknown: null, readId: this.readId,
    };
    this.layers.push(layer);
    return layer;
  }

  private autoLayerName(className: string, isInput: boolean, ctx: NamingContext): string {
    if (this.names.style === 'tfjs' && isInput) return this.names.tfjsUid('input');
    const prefix = isInput ? 'input_layer' : this.prefixOf(className) || kerasSnakeCase(className);
    return this.names.next(prefix, className, ctx);
  }

  /**
   * Applies a layer to input tensors (an Input layer to none) and returns its output tensor; `extras` are the
   * call's other arguments (`initial_state=`, `mask=`, `training=`), whose tensors are inputs of the node too.
   */
  apply(layer: LayerObject, inputs: readonly TensorRef[], frames: readonly Frame[], extras: readonly CallExtra[] = [], mainName = '#0', ctx?: NamingContext): TensorRef {
    if (layer.applications.length === 0 && this.names.style === 'keras') {
      const naming = ctx ?? { inLoop: frames.some((f) => f.kind === 'loop'), inIf: frames.some((f) => f.kind === 'if') };
      for (const prefix of this.buildNames(layer.call.className)) this.names.next(prefix, prefix, naming);
    }
    const app: Application = { id: this.apps.length, layer, inputs, mainName, extras, frames: [...frames] };
    this.apps.push(app);
    layer.applications.push(app.id);
    return { app: app.id };
  }

  newSequential(spec: ModelSpec, ctx: NamingContext): SequentialBuild {
    const model: SequentialBuild = {
      kind: 'sequential', span: spec.span, explicitName: spec.explicitName, varName: null, frames: spec.frames,
      kerasName: spec.explicitName ?? this.modelName('sequential', ctx), entries: [], buildShape: null, hasInputLayer: false,
      unknownReason: null, compile: null, fit: null, trainable: null, trainableUnknown: null, readId: this.readId,
    };
    this.models.push(model);
    return model;
  }

  /**
   * `model.add(layer)` (and each item of `Sequential([...])`). Mirrors keras/src/models/sequential.py:
   * the first layer's input_shape= creates an InputLayer (an automatic 'input_layer' name), and every
   * rebuild once an InputLayer is at the bottom creates a Functional (an automatic 'functional' name).
   */
  addToSequential(model: SequentialBuild, layer: LayerObject, frames: readonly Frame[], ctx: NamingContext, rebuild = true, at = layer.call.span.from): void {
    const extra = extraFrames(frames, model.frames);
    const uncertain = extra === 'loop' ? msg('This layer is added in a loop; HyperLab cannot unroll it.')
      : extra === 'if' ? msg('This layer is added inside an `if`; HyperLab cannot tell whether it runs.') : null;
    if (extra && !model.unknownReason) {
      model.unknownReason = extra === 'loop' ? msg('Layers are added in a loop; HyperLab cannot unroll it.')
        : msg('A layer is added inside an `if`; HyperLab cannot tell whether it runs.');
    }
    if (model.entries.length === 0 && !layer.isInput && this.declaresInput(layer.call)) {
      this.inputLayerName(ctx);
      model.hasInputLayer = true;
    }
    if (layer.isInput && model.entries.length === 0) model.hasInputLayer = true;
    model.entries.push({ layer, uncertain, at });
    if (rebuild) this.maybeRebuild(model, ctx);
  }

  /** Keras' Sequential._maybe_rebuild: builds (a new Functional) when an InputLayer and a layer are present. */
  maybeRebuild(model: SequentialBuild, ctx: NamingContext): void {
    const realLayers = model.entries.filter((e) => !e.layer.isInput).length;
    if (model.hasInputLayer && realLayers > 0 && this.names.style === 'keras') this.names.next('functional', 'Functional', ctx);
  }

  /** `model.build(shape)`: an InputLayer when none yet, and a Functional. */
  buildSequential(model: SequentialBuild, ctx: NamingContext): void {
    if (!model.hasInputLayer) this.inputLayerName(ctx);
    model.hasInputLayer = true;
    if (this.names.style === 'keras') this.names.next('functional', 'Functional', ctx);
  }

  newFunctional(spec: ModelSpec, inputs: readonly TensorRef[], outputs: readonly TensorRef[], ctx: NamingContext): FunctionalBuild {
    const model: FunctionalBuild = {
      kind: 'functional', span: spec.span, explicitName: spec.explicitName, varName: null, frames: spec.frames,
      kerasName: spec.explicitName ?? this.modelName('functional', ctx), inputs, outputs,
      unknownReason: null, compile: null, fit: null, trainable: null, trainableUnknown: null, readId: this.readId,
    };
    this.models.push(model);
    return model;
  }

  private inputLayerName(ctx: NamingContext): void {
    if (this.names.style === 'keras') this.names.next('input_layer', 'InputLayer', ctx);
  }

  /**
   * Keras 3 names Sequential models 'sequential', 'sequential_1', ... and functional ones from the
   * 'functional' counter, which every Sequential build also advances. (Some Keras 3 releases run
   * Functional.__init__ twice for keras.Model(...) and print 'functional_1' for the first model; HyperLab
   * counts one name per model.)
   */
  private modelName(kind: 'sequential' | 'functional', ctx: NamingContext): string {
    if (this.names.style === 'tfjs') return this.names.tfjsUid(kind === 'sequential' ? 'sequential_' : 'model');
    return kind === 'sequential' ? this.names.next('sequential', 'Sequential', ctx) : this.names.next('functional', 'Functional', ctx);
  }
}
