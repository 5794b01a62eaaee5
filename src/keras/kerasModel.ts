/**
 * The data that flows through HyperLab's Keras code intelligence, from Python (or TensorFlow.js) source
 * to summaries: values read statically from the source (or why they could not be), layer calls, model
 * graphs, and the per-layer and per-model results that CodeLenses, hovers, diagnostics and
 * `hyperlab summary` show. Types only; no 'vscode', no parsing, no rules.
 */
import type { Message } from './message';

/**
 * A value read from source code, or the reason it cannot be known without running the code. `span` is
 * where the value is written (for a value reached through a constant, where the constant's value is).
 */
export type PyValue = PyValueData & { readonly span?: SourceSpan };

export type PyValueData =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'none' }
  /** Tuples and lists alike. */
  | { readonly kind: 'tuple'; readonly items: readonly PyValue[] }
  /**
   * A call used as an argument, e.g. regularizers.l2(0.01), initializers.Constant(0.1), or the layer
   * wrapped by Bidirectional(LSTM(64)). `callee` is the canonical Keras name when the import resolves
   * ('LSTM', 'l2', 'Constant'), else the dotted source text.
   */
  | { readonly kind: 'call'; readonly callee: string; readonly args: readonly PyValue[]; readonly kwargs: Readonly<Record<string, PyValue>>; readonly span: SourceSpan }
  | { readonly kind: 'unknown'; readonly reason: Message };

/** Where something is in the source: 1-based line, 0-based column, and character offsets [from, to). */
export interface SourceSpan {
  readonly line: number;
  readonly column: number;
  readonly from: number;
  readonly to: number;
}

/** One call of a Keras layer class (or of something that looks like one), as written in the source. */
export interface LayerCall {
  /** Canonical Keras class name ('Dense', 'Conv2D') when the name resolves to Keras, else the source text. */
  readonly className: string;
  /** True when className resolved through a Keras import (keras, tensorflow.keras, tf.keras, from-imports, aliases). */
  readonly isKeras: boolean;
  readonly args: readonly PyValue[];
  readonly kwargs: Readonly<Record<string, PyValue>>;
  /** The whole call expression `layers.Dense(64, activation="relu")`. */
  readonly span: SourceSpan;
  /** Just the callee `layers.Dense`, for hovers. */
  readonly calleeSpan: SourceSpan;
}

/**
 * A dimension: a number; null for None (the batch axis, or a length Keras itself leaves open); or a size the
 * code fixes but HyperLab cannot read statically (`Input(shape=(x_train.shape[1], 4))`), with the reason.
 * The rest of a shape still propagates around an unknown size: GRU(16) after (None, ?, 4) is (None, 16).
 */
export type Dim = number | null | UnknownDim;

export interface UnknownDim {
  readonly unknown: Message;
}

/** A tensor shape including the batch axis, as Keras prints it: [null, 28, 28, 1] is (None, 28, 28, 1). */
export type Shape = readonly Dim[];

export interface ParamCount {
  readonly trainable: number;
  readonly nonTrainable: number;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  readonly severity: Severity;
  /** In English (the CLI's JSON contract, logs, tests). */
  readonly message: string;
  /** The same message as its English template and arguments, which the editor shows in its language. */
  readonly text: Message;
  readonly span: SourceSpan;
  /** Machine-readable kind, for quick fixes: 'loss-activation-mismatch', 'dropout-rate', 'unbuilt-model', 'impossible-shape', 'syntax', ... */
  readonly code: string;
}

/** What the layer rules conclude about one layer given its input shapes. */
export interface LayerOutcome {
  /** Output shape with the batch axis, or null when it cannot be known statically. */
  readonly outputShape: Shape | null;
  /** For a layer that returns several tensors (an LSTM with return_state=True): each one's shape, the first being outputShape. */
  readonly outputShapes?: readonly (Shape | null)[];
  /** Parameter counts, or null when unknown. */
  readonly params: ParamCount | null;
  /** Why shape or params are unknown, for the hover. */
  readonly unknownReason: Message | null;
  /** The parameter formula with the numbers, e.g. '784 × 512 + 512 = 401,920'; null for layers without weights or when unknown. */
  readonly formula: string | null;
  /** Problems found in this layer's arguments or shapes (spans are filled in by the caller). */
  readonly problems: readonly LayerProblemReport[];
}

/** A problem the layer rules found, before the caller places it on the layer call. */
export interface LayerProblemReport {
  readonly severity: Severity;
  readonly message: string;
  readonly text: Message;
  readonly code: string;
}

/** A tensor a node takes: the output `output` (0 unless its layer returns several) of node `node`. */
export interface TensorInput {
  readonly node: number;
  readonly output: number;
}

/** One argument of a layer application in a functional model: `x`, `initial_state=[h, c]`, `training=False`. */
export interface NodeArgument {
  /** The keyword, or '#0', '#1', ... for positional arguments. */
  readonly name: string;
  /** The tensors it holds (a tensor, or a list or dict of them), null where one cannot be followed; null when it holds none. */
  readonly tensors: readonly (TensorInput | null)[] | null;
  /** Its value when it holds no tensor. */
  readonly value: PyValue | null;
}

/** One node of a model graph: an Input or a layer application. */
export interface ModelNode {
  readonly id: number;
  /** The layer call, or for an Input node its call `Input(shape=...)`. */
  readonly call: LayerCall;
  readonly isInput: boolean;
  /**
   * Ids of the nodes whose outputs feed this one, in Keras' order (node.input_tensors: positional arguments,
   * then keyword arguments by name); empty for inputs and for a Sequential's first layer.
   */
  readonly inputs: readonly number[];
  /** The arguments of the call (functional models); empty for a Sequential's layers, whose input is the previous layer. */
  readonly args: readonly NodeArgument[];
  /** When the same layer object is applied again (a shared layer), the id of its first application: its params count once. */
  readonly sharedWith: number | null;
  /** The Keras layer name: the `name=` argument, else Keras' automatic one (dense, dense_1, ...). */
  readonly name: string;
}

export interface ModelGraph {
  /** The Model's name= argument, else the Python variable it is assigned to, else Keras' automatic name. */
  readonly name: string;
  /** The Python (or JavaScript) variable the model is assigned to, or null when it is not assigned to one. */
  readonly variable: string | null;
  readonly kind: 'sequential' | 'functional';
  /** The line of the model's definition (the Sequential(...) / Model(...) call). */
  readonly span: SourceSpan;
  readonly nodes: readonly ModelNode[];
  /** Node ids of the model's outputs (functional), or the last node (sequential). */
  readonly outputs: readonly number[];
  /** Why part of the model cannot be followed statically (layers added in a loop, a function's argument, ...), or null. */
  readonly unknownReason: Message | null;
  /** compile(...) and fit(...) calls on this model, when present, for hovers, diagnostics and training. */
  readonly compile: LayerCall | null;
  readonly fit: LayerCall | null;
}

export interface LayerSummary {
  readonly node: ModelNode;
  readonly outcome: LayerOutcome;
}

export interface ModelSummary {
  readonly graph: ModelGraph;
  readonly layers: readonly LayerSummary[];
  /** Totals; null when any layer's count is unknown. */
  readonly totals: ParamCount | null;
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Keras 3 has not built this model (its summary prints "0 (unbuilt)" until the first call): the numbers are
   * those it will have once built, which the code alone fixes (onceBuilt.ts).
   */
  readonly onceBuilt: boolean;
}

/** Everything the code intelligence knows about one document version. */
export interface DocumentAnalysis {
  readonly models: readonly ModelSummary[];
  /**
   * Every call in the document that resolves to Keras and is not a model layer node: optimizers
   * (SGD(...)), callbacks (EarlyStopping(...)), regularizers, initializers, compile/fit calls; for hovers.
   */
  readonly kerasCalls: readonly LayerCall[];
  /** Syntax errors and problems outside any model. */
  readonly diagnostics: readonly Diagnostic[];
}
