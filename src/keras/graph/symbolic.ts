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

/**
 * The output of a layer application (`index`: which of its outputs, for a layer that returns several such as
 * an LSTM with return_state=True; 0 when absent), or why a value used as a tensor cannot be followed.
 */
export type TensorRef = { readonly app: number; readonly index?: number } | { readonly unknown: Message };

export interface LayerObject {
  readonly uid: number;
  readonly call: LayerCall;
  /** Keras' name for it: name= or the automatic one; '?' in it marks a number HyperLab cannot count. */
  readonly name: string;
  readonly isInput: boolean;
  /** Why the layer's numbers are unknown whatever its inputs (syntax error, **kwargs, nested model, an attribute set later), or null. */
  note: Message | null;
  /** Ids of its applications in creation order; the first is its own node, later ones share its weights. */
  readonly applications: number[];
  /** Set by `layer.trainable = False/True` after creation. */
  trainable: boolean | null;
  /** Code HyperLab does not follow may set `trainable` on this layer: the trainable split of its models is unknown. */
  trainableUnknown: Message | null;
  /** The speculative read (an uncalled function read at the end) that created it; 0 outside such reads. */
  readonly readId: number;
}

/**
 * The other arguments of a layer application, besides its main input (the first argument):
 * `layer(x, initial_state=s, training=False)`, MultiHeadAttention's `mha(query, value)`. Positional ones are
 * named '#1', '#2', ... (the rule binds them to its call() signature). Tensors are kept as references.
 */
export interface CallExtra {
  readonly name: string;
  /** The tensors of the argument (a tensor, or a list / dict of them); null when the argument holds no tensor. */
  readonly tensors: readonly TensorRef[] | null;
  /** Its value when it is not a tensor (`training=False`). */
  readonly value: PyValue;
}

export interface Application {
  readonly id: number;
  readonly layer: LayerObject;
  /** The main input (the call's first argument; a merge layer's list). */
  readonly inputs: readonly TensorRef[];
  /** How the main input is passed: '#0' (positionally) or its keyword ('inputs'). */
  readonly mainName: string;
  /** The call's other arguments, tensors included (`initial_state=`, `mask=`, ...). */
  readonly extras: readonly CallExtra[];
  readonly frames: readonly Frame[];
}

export interface SequentialEntry {
  readonly layer: LayerObject;
  /** Why the entry's presence or count is uncertain (added in a loop or an if), or null. */
  uncertain: Message | null;
  /** Source offset of the statement that added it. */
  readonly at: number;
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
  /** The speculative read (an uncalled function read at the end) that created it; 0 outside such reads. */
  readonly readId: number;
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

/** A model or layer object of this file that other values may refer to. */
export type Root = ModelBuild | LayerObject;

/** A value during interpretation. */
export type Sym =
  | { readonly sym: 'py'; readonly value: PyValue }
  /** An imported module or a path inside one: 'keras.layers', 'tensorflow', 'keras.layers.Dense'. */
  | { readonly sym: 'module'; readonly path: string; readonly fromImport: boolean }
  | { readonly sym: 'layer'; readonly layer: LayerObject }
  | { readonly sym: 'tensor'; readonly ref: TensorRef }
  | { readonly sym: 'model'; readonly model: ModelBuild }
  /**
   * Tuples and lists. A list changed in place (`sizes.append(8)`, `sizes[0] = 16`) changes `items` for every
   * name bound to it, as in Python; `truncated` says why the items after the known ones cannot be known (a
   * syntax error, `*rest`, an append inside a loop), and a change HyperLab cannot follow empties `items`.
   */
  | { readonly sym: 'list'; readonly items: Sym[]; readonly span: SourceSpan; truncated: Message | null }
  /** A dict; `incomplete` says why some of its keys cannot be seen (`{**other, ...}`, a computed key). */
  | { readonly sym: 'dict'; readonly entries: Map<string, Sym>; readonly span: SourceSpan; incomplete: Message | null }
  /**
   * Something reached from models or layers of this file that HyperLab does not follow exactly:
   * `model.layers`, `model.get_layer('d')`, a loop variable over them, what an unknown function returns
   * when given them. Changes made through it (`l.trainable = False`) mark its roots.
   */
  | { readonly sym: 'derived'; readonly roots: readonly Root[]; readonly reason: Message }
  | { readonly sym: 'function'; readonly id: number; readonly name: string }
  /** A class defined in this file (a custom layer or model). */
  | { readonly sym: 'class'; readonly name: string };

export function pySym(value: PyValue): Sym {
  return { sym: 'py', value };
}

export function unknownSym(reason: Message, span?: SourceSpan): Sym {
  return { sym: 'py', value: span ? { kind: 'unknown', reason, span } : { kind: 'unknown', reason } };
}
