/**
 * The values HyperLab's source interpreters (Python and TensorFlow.js) compute while they read a file:
 * plain values (PyValue), imported module paths, Keras layer objects, symbolic tensors, models under
 * construction, lists and functions. Also the records a file builds up: layer objects with their
 * applications, and Sequential / functional model builds before they are frozen into ModelGraphs.
 * Types only; the GraphBuilder owns the records.
 */
import type { LayerCall, PyValue, SourceSpan } from '../kerasModel';
import type { Message } from '../message';

/** A loop or conditional the interpreter is inside: counts inside it are unknown from outside. */
export interface Frame {
  readonly id: number;
  readonly kind: 'loop' | 'if';
}

/** The output of a layer application, or why a value used as a tensor cannot be followed. */
export type TensorRef = { readonly app: number } | { readonly unknown: Message };

export interface LayerObject {
  readonly uid: number;
  readonly call: LayerCall;
  /** Keras' name for it: name= or the automatic one; '?' in it marks a number HyperLab cannot count. */
  readonly name: string;
  readonly isInput: boolean;
  /** Why the layer's numbers are unknown whatever its inputs (syntax error, **kwargs, nested model), or null. */
  readonly note: Message | null;
  /** Ids of its applications in creation order; the first is its own node, later ones share its weights. */
  readonly applications: number[];
  /** Set by `layer.trainable = False/True` after creation. */
  trainable: boolean | null;
}

export interface Application {
  readonly id: number;
  readonly layer: LayerObject;
  readonly inputs: readonly TensorRef[];
  readonly frames: readonly Frame[];
}

export interface SequentialEntry {
  readonly layer: LayerObject;
  /** Why the entry's presence or count is uncertain (added in a loop or an if), or null. */
  readonly uncertain: Message | null;
}

interface ModelBuildBase {
  readonly span: SourceSpan;
  /** The name Keras gives the model: name= or the automatic 'sequential', 'functional_1', ... */
  readonly kerasName: string;
  /** name= when given as a string. */
  readonly explicitName: string | null;
  varName: string | null;
  readonly frames: readonly Frame[];
  unknownReason: Message | null;
  compile: LayerCall | null;
  fit: LayerCall | null;
  /** `model.trainable = ...` */
  trainable: boolean | null;
  /** Some `.trainable =` on this model's layers could not be followed: the trainable split is unknown. */
  trainableUnknown: Message | null;
}

export interface SequentialBuild extends ModelBuildBase {
  readonly kind: 'sequential';
  readonly entries: SequentialEntry[];
  /** The shape passed to model.build(...), batch axis included, when called. */
  buildShape: PyValue | null;
  /** Keras has put an InputLayer at the bottom of the stack (from Input, input_shape= or build()). */
  hasInputLayer: boolean;
}

export interface FunctionalBuild extends ModelBuildBase {
  readonly kind: 'functional';
  readonly inputs: readonly TensorRef[];
  readonly outputs: readonly TensorRef[];
}

export type ModelBuild = SequentialBuild | FunctionalBuild;

/** A value during interpretation. */
export type Sym =
  | { readonly sym: 'py'; readonly value: PyValue }
  /** An imported module or a path inside one: 'keras.layers', 'tensorflow', 'keras.layers.Dense'. */
  | { readonly sym: 'module'; readonly path: string; readonly fromImport: boolean }
  | { readonly sym: 'layer'; readonly layer: LayerObject }
  | { readonly sym: 'tensor'; readonly ref: TensorRef }
  | { readonly sym: 'model'; readonly model: ModelBuild }
  | { readonly sym: 'list'; readonly items: readonly Sym[]; readonly span: SourceSpan; readonly truncated: Message | null }
  | { readonly sym: 'dict'; readonly entries: ReadonlyMap<string, Sym>; readonly span: SourceSpan }
  | { readonly sym: 'function'; readonly id: number; readonly name: string }
  /** A class defined in this file (a custom layer or model). */
  | { readonly sym: 'class'; readonly name: string };

export function pySym(value: PyValue): Sym {
  return { sym: 'py', value };
}

export function unknownSym(reason: Message, span?: SourceSpan): Sym {
  return { sym: 'py', value: span ? { kind: 'unknown', reason, span } : { kind: 'unknown', reason } };
}
