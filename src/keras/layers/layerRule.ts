/**
 * The contract every Keras layer rule fulfils: its constructor signature (for positional binding and for
 * spotting misspelt keyword arguments), how many inputs it takes, its output shape and its weights. Rules
 * throw `Unknowable` when a value cannot be known without running the code and `LayerProblem` when Keras
 * itself would refuse the layer; `applyLayer` turns both into a `LayerOutcome`. Also the small helpers the
 * rule families share (shape rank checks, channel axes). No rule lives here.
 */
import type { Dim, LayerCall, LayerOutcome, PyValue, Severity, Shape, UnknownDim } from '../kerasModel';
import type { BoundArgs } from './boundArgs';
import { formatShape } from './formatting';
import { type Message, msg, renderMessage } from '../message';

/** A value HyperLab cannot know statically; `reason` is shown on hover. */
export class Unknowable extends Error {
  constructor(readonly reason: Message) {
    super(renderMessage(reason));
  }
}

/** Something Keras would reject (it raises, so the model never builds): the outcome becomes unknown and the problem is reported. */
export class LayerProblem extends Error {
  constructor(readonly code: string, readonly text: Message, readonly severity: Severity = 'error') {
    super(renderMessage(text));
  }
}

export function problem(code: string, text: Message): LayerProblem {
  return new LayerProblem(code, text);
}

/** Weight counts before `trainable=False` is applied; `expr` is the formula without its result ('784 × 512 + 512'). */
export interface Weights {
  readonly trainable: number;
  readonly nonTrainable: number;
  readonly expr: string | null;
}

export const NO_WEIGHTS: Weights = { trainable: 0, nonTrainable: 0, expr: null };

/** The input shapes a rule sees; reading a missing one throws `Unknowable`. */
export class RuleInputs {
  constructor(private readonly shapes: readonly (Shape | null)[]) {}

  get count(): number {
    return this.shapes.length;
  }

  /** The single input of an ordinary layer. */
  one(): Shape {
    const shape = this.shapes[0];
    if (shape === undefined || shape === null) throw new Unknowable(msg('the input shape is not known'));
    return shape;
  }

  /** Every input of a merge layer. */
  all(): readonly Shape[] {
    return this.shapes.map((shape) => {
      if (shape === null) throw new Unknowable(msg('one of the input shapes is not known'));
      return shape;
    });
  }
}

/** Applies another layer call (Bidirectional's wrapped layer) with the same rules. */
export type NestedApply = (call: Pick<LayerCall, 'className' | 'args' | 'kwargs'>, input: Shape) => LayerOutcome;

/**
 * The arguments of the layer's call besides its main input, by the names of its call() signature
 * (`mha(query, value, key=k)`: value and key): a tensor's shape (null when unknown), or a plain value.
 */
export interface CallArguments {
  readonly tensors: ReadonlyMap<string, readonly (Shape | null)[]>;
  readonly values: ReadonlyMap<string, PyValue>;
}

export const NO_CALL_ARGUMENTS: CallArguments = { tensors: new Map(), values: new Map() };

export interface RuleContext {
  readonly args: BoundArgs;
  readonly inputs: RuleInputs;
  readonly nested: NestedApply;
  readonly call: CallArguments;
}

export interface LayerRule {
  /** Canonical Keras class name. */
  readonly className: string;
  /** The Keras 3 file the rule follows, under keras/src/. */
  readonly source: string;
  /** Constructor parameters in order, for positional binding. */
  readonly signature: readonly string[];
  /** Further keyword arguments the class accepts through **kwargs (besides the base Layer ones). */
  readonly extraKwargs?: readonly string[];
  /** True when the class accepts keyword arguments HyperLab does not list (no 'unknown argument' warning). */
  readonly openKwargs?: boolean;
  readonly inputs: 'none' | 'one' | 'many';
  /** Checks of arguments alone (Dropout rate, units > 0); runs even when the input is unknown. */
  readonly check?: (ctx: RuleContext) => void;
  readonly outputShape: (ctx: RuleContext) => Shape;
  /** For a layer that may return several tensors (an RNN with return_state=True): their shapes, or null when it returns one. */
  readonly outputs?: (ctx: RuleContext) => Shape[] | null;
  readonly weights: (ctx: RuleContext) => Weights;
}

/** The input's rank must be exactly `rank` (with the batch axis); `expects` names the axes for the message. */
export function requireRank(className: string, input: Shape, rank: number, expects: string, hint: Message | null = null): void {
  if (input.length === rank) return;
  const wrong = msg('{0} expects a {1}-D input {2} but gets {3}', className, rank, expects, formatShape(input));
  throw problem('impossible-shape', hint ? msg('{0}; {1}', wrong, hint) : wrong);
}

export function requireMinRank(className: string, input: Shape, rank: number, expects: string): void {
  if (input.length >= rank) return;
  throw problem('impossible-shape', msg('{0} expects an input of rank {1} or more {2} but gets {3}', className, rank, expects, formatShape(input)));
}

/**
 * A dimension that must be known for a weight shape: Keras cannot create a weight of size None (a problem),
 * and HyperLab cannot count one whose size it cannot read (unknown, with the reason).
 */
export function knownDim(className: string, dim: Dim | undefined, what: Message): number {
  if (dim === undefined || dim === null) {
    throw problem('impossible-shape', msg('{0} needs a known {1} to create its weights, but it is None; give the input a fixed size there', className, what));
  }
  if (typeof dim !== 'number') throw new Unknowable(msg('the input\'s {0} {1}', what, dim.unknown));
  return dim;
}

/** The check knownDim makes before weights exist (an output shape): None is a problem, an unknown size is not. */
export function requireNotNone(className: string, dim: Dim | undefined, what: Message): void {
  if (dim === null || dim === undefined || typeof dim === 'number') knownDim(className, dim, what);
}

/** A size, when it is a number (not None, not unknown). */
export function isSize(dim: Dim | undefined): dim is number {
  return typeof dim === 'number';
}

/**
 * A size computed from others, as Keras would: None when any is None, unknown (with its reason) when any is
 * unknown, else `f` of the numbers.
 */
export function combineDims(dims: readonly (Dim | undefined)[], f: (sizes: number[]) => number): Dim {
  if (dims.some((d) => d === null || d === undefined)) return null;
  const unknown = dims.find((d): d is UnknownDim => typeof d === 'object' && d !== null);
  return unknown ?? f(dims as number[]);
}

/** A dimension for a message: 120, None or ?. */
export function dimText(dim: Dim | undefined): string {
  return dim === null || dim === undefined ? 'None' : typeof dim === 'number' ? String(dim) : '?';
}

export type DataFormat = 'channels_last' | 'channels_first';

/** `data_format`: None means channels_last (Keras' default image_data_format; a keras.json override is not visible to HyperLab). */
export function dataFormat(args: BoundArgs): DataFormat {
  const value = args.optionalString('data_format');
  if (value === null || value === 'channels_last') return 'channels_last';
  if (value === 'channels_first') return 'channels_first';
  throw problem('invalid-argument', msg('{0} data_format must be "channels_last" or "channels_first", got "{1}"', args.className, value));
}

/** Positions of the spatial axes and of the channel axis for a rank-(n+2) tensor. */
export function layoutAxes(format: DataFormat, rank: number): { spatial: number[]; channel: number } {
  const spatialCount = rank - 2;
  const first = format === 'channels_last' ? 1 : 2;
  const spatial = Array.from({ length: spatialCount }, (_, i) => first + i);
  return { spatial, channel: format === 'channels_last' ? rank - 1 : 1 };
}
