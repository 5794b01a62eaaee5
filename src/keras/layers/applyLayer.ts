/**
 * The entry point of the layer rules: `applyLayer` takes one Keras layer call (class name, positional and
 * keyword arguments as read from source) and its input shape(s), and says what Keras 3 would build: output
 * shape, trainable/non-trainable parameters, the parameter formula, problems, or exactly why something is
 * unknown. It never throws and never guesses: anything not statically knowable is null with a reason. Also
 * re-exports the other public helpers of the layer rules (declaredInputShape, isKnownLayer, KNOWN_LAYERS,
 * kerasAutoName) so callers have one import.
 */
import type { LayerCall, LayerOutcome, ParamCount, PyValue, Shape } from '../kerasModel';
import { BoundArgs, type Warning } from './boundArgs';
import { formulaText } from './formatting';
import { type CallArguments, type LayerRule, type RuleContext, type Weights, LayerProblem, NO_CALL_ARGUMENTS, RuleInputs, Unknowable, problem } from './layerRule';
import { callSignature } from './callSignatures';
import { canonicalClassName } from './layerNames';
import { findRule, isUnmodelledKerasLayer } from './layerRegistry';
import { closestName } from './argumentNames';
import { type Message, msg, said } from '../message';

export { declaredInputShape } from './declaredInputShape';
export { KNOWN_LAYERS, isKnownLayer } from './layerRegistry';
export { buildTimeNames, kerasAutoName } from './layerNames';

type CallLike = Pick<LayerCall, 'className' | 'args' | 'kwargs'>;
type Problem = LayerOutcome['problems'][number];

/** Keyword arguments every Keras layer accepts (keras/src/layers/layer.py), plus tf.keras 2's batch_input_shape, batch_size and weights. */
const BASE_KWARGS = ['name', 'dtype', 'trainable', 'autocast', 'activity_regularizer', 'input_shape', 'input_dim', 'batch_input_shape', 'batch_size', 'weights'];

/**
 * `callArgs`: the call's other arguments (`initial_state=`, MultiHeadAttention's value), named as written
 * ('#1' for the second positional one), each a list of tensor shapes or a value.
 */
export function applyLayer(call: CallLike, inputs: readonly (Shape | null)[], callArgs: readonly CallArgument[] = []): LayerOutcome {
  try {
    return applyKnown(call, inputs, callArgs);
  } catch (e) {
    // Rules report through LayerProblem/Unknowable; anything else is a HyperLab bug, which must not reach the editor.
    const reason = e instanceof Error ? e.message : String(e);
    return unknown(msg('HyperLab could not evaluate {0}: {1}', call.className, reason), []);
  }
}

/** One argument of a layer's call besides the main input, as written. */
export interface CallArgument {
  readonly name: string;
  readonly tensors: readonly (Shape | null)[] | null;
  readonly value: PyValue | null;
}

/**
 * The call's arguments by their call() names (a positional one takes the name of its place in the signature);
 * a name the signature does not have is a TypeError in Keras, an argument unpacked from `**kwargs` unknown.
 */
function bindCallArguments(className: string, callArgs: readonly CallArgument[]): CallArguments {
  if (callArgs.length === 0) return NO_CALL_ARGUMENTS;
  const signature = callSignature(canonicalClassName(className)) ?? callSignature(className) ?? [];
  const tensors = new Map<string, readonly (Shape | null)[]>();
  const values = new Map<string, PyValue>();
  for (const a of callArgs) {
    if (a.name === '**') throw new Unknowable(msg('the call\'s arguments are unpacked from a dict HyperLab cannot read'));
    const name = a.name.startsWith('#') ? signature[Number(a.name.slice(1))] : a.name;
    if (name === undefined || (name !== 'training' && !signature.slice(1).includes(name))) {
      throw problem('invalid-argument', name === undefined
        ? msg('{0} takes one positional input; pass the other call arguments by keyword (Keras raises)', className)
        : msg('{0}.call() has no argument {1} (Keras raises a TypeError)', className, name));
    }
    if (a.tensors) tensors.set(name, a.tensors);
    else if (a.value) values.set(name, a.value);
  }
  return { tensors, values };
}

function applyKnown(call: CallLike, inputs: readonly (Shape | null)[], callArgs: readonly CallArgument[]): LayerOutcome {
  const lookup = findRule(call.className);
  if (lookup === undefined) {
    const reason = isUnmodelledKerasLayer(call.className)
      ? msg('HyperLab does not model Keras\' {0} layer yet, so it cannot know its shape or parameters', call.className)
      : msg('custom layer {0}: HyperLab cannot know its shape or parameters statically', call.className);
    return unknown(reason, []);
  }
  const { rule, signature } = lookup;
  const problems: Problem[] = [];
  let args: BoundArgs;
  let bound: CallArguments;
  try {
    args = BoundArgs.bind(call.className, signature, call.args, call.kwargs);
    checkCommonArguments(rule, signature, args, problems);
    checkInputCount(rule, call.className, inputs);
    bound = bindCallArguments(call.className, callArgs);
  } catch (e) {
    return failure(e, problems);
  }
  const ctx: RuleContext = { args, inputs: new RuleInputs(inputs), nested: (inner, input) => applyLayer(inner, [input]), call: bound };
  try {
    rule.check?.(ctx);
  } catch (e) {
    if (!(e instanceof Unknowable)) return failure(e, [...problems, ...args.warnings]);
  }
  let outputShape: Shape | null = null;
  let outputShapes: Shape[] | null = null;
  let reason: Message | null = null;
  try {
    if (rule.inputs !== 'none' && inputs.length === 0) noInput();
    outputShapes = rule.outputs?.(ctx) ?? null;
    outputShape = outputShapes ? outputShapes[0] ?? null : rule.outputShape(ctx);
  } catch (e) {
    if (!(e instanceof Unknowable)) return failure(e, [...problems, ...args.warnings]);
    reason = e.reason;
  }
  let params: ParamCount | null = null;
  let formula: string | null = null;
  try {
    const weights = rule.weights(ctx);
    params = applyTrainable(args, weights);
    formula = weights.expr === null ? null : formulaText(weights.expr, weights.trainable + weights.nonTrainable);
  } catch (e) {
    if (!(e instanceof Unknowable)) return failure(e, [...problems, ...args.warnings]);
    reason ??= e.reason;
  }
  const outcome: LayerOutcome = { outputShape, params, unknownReason: reason, formula, problems: [...problems, ...args.warnings] };
  const exact = refuseInexact(call.className, outcome);
  if (exact !== outcome) return exact;
  return outputShapes ? { ...outcome, outputShapes } : outcome;
}

/**
 * Numbers past 2^53 - 1 are not exact in JavaScript (Dense(2**64) would print a rounded count), so a
 * layer whose output shape or parameter count goes past it is refused with an error, not printed wrong.
 */
function refuseInexact(className: string, outcome: LayerOutcome): LayerOutcome {
  const shape = outcome.outputShape?.some((d) => typeof d === 'number' && !Number.isSafeInteger(d)) ?? false;
  const count = outcome.params !== null && !Number.isSafeInteger(outcome.params.trainable + outcome.params.nonTrainable);
  if (!shape && !count) return outcome;
  const text = shape
    ? msg('{0} has an output dimension larger than {1} (2^53 - 1), the largest count HyperLab computes exactly; no computer could hold such a layer', className, '9,007,199,254,740,991')
    : msg('{0} has more than {1} (2^53 - 1) parameters, the largest count HyperLab computes exactly; no computer could hold such a layer', className, '9,007,199,254,740,991');
  return {
    outputShape: shape ? null : outcome.outputShape, params: null, unknownReason: text, formula: null,
    problems: [...outcome.problems, { severity: 'error', code: 'too-large', ...said(text) }],
  };
}

function noInput(): never {
  throw new Unknowable(msg('the layer has no input shape: give the first layer input_shape=... or start the model with keras.Input(shape=...)'));
}

/** trainable=False moves every weight of the layer to non-trainable (keras/src/layers/layer.py _track_variable). */
function applyTrainable(args: BoundArgs, weights: Weights): ParamCount {
  if (!args.has('trainable') || args.bool('trainable', true)) return { trainable: weights.trainable, nonTrainable: weights.nonTrainable };
  return { trainable: 0, nonTrainable: weights.trainable + weights.nonTrainable };
}

/** Arguments every layer shares: trainable must be a bool, input_shape a tuple, and no keyword Keras would reject. */
function checkCommonArguments(rule: LayerRule, signature: readonly string[], args: BoundArgs, problems: Problem[]): void {
  const trainable = args.raw('trainable');
  if (trainable !== undefined && trainable.kind !== 'bool' && trainable.kind !== 'unknown') {
    throw problem('invalid-argument', msg('{0} trainable must be True or False', args.className));
  }
  const inputShape = args.raw('input_shape');
  if (inputShape?.kind === 'number') {
    problems.push({ severity: 'error', code: 'invalid-argument', ...said(msg('input_shape must be a tuple, not a number: write {0}', `input_shape=(${inputShape.value},)`)) });
  }
  if (rule.openKwargs) return;
  const accepted = acceptedKeywords(rule, signature);
  for (const name of args.names()) {
    if (accepted.has(name)) continue;
    const guess = closestName(name, [...accepted]);
    const text = guess
      ? msg('{0} has no argument {1}; did you mean {2}? (Keras 3 raises "Unrecognized keyword arguments")', args.className, name, guess)
      : msg('{0} has no argument {1} (Keras 3 raises "Unrecognized keyword arguments")', args.className, name);
    problems.push({ severity: 'warning', code: 'unknown-argument', ...said(text) });
  }
}

/** Every keyword a rule's class accepts, made once per rule and signature. */
const ACCEPTED = new WeakMap<readonly string[], ReadonlySet<string>>();

function acceptedKeywords(rule: LayerRule, signature: readonly string[]): ReadonlySet<string> {
  let set = ACCEPTED.get(signature);
  if (!set) {
    set = new Set([...signature, ...(rule.extraKwargs ?? []), ...BASE_KWARGS]);
    ACCEPTED.set(signature, set);
  }
  return set;
}

function checkInputCount(rule: LayerRule, className: string, inputs: readonly (Shape | null)[]): void {
  if (rule.inputs === 'one' && inputs.length > 1) {
    throw problem('impossible-shape', msg('{0} takes one input tensor but gets {1}; merge them first, e.g. with Concatenate()', className, inputs.length));
  }
}

function unknown(reason: Message, problems: readonly Problem[]): LayerOutcome {
  return { outputShape: null, params: null, unknownReason: reason, formula: null, problems };
}

/** Keras would raise: nothing is built, the problem explains why. */
function failure(e: unknown, problems: readonly (Problem | Warning)[]): LayerOutcome {
  if (e instanceof LayerProblem) return unknown(e.text, [...problems, { severity: e.severity, code: e.code, ...said(e.text) }]);
  if (e instanceof Unknowable) return unknown(e.reason, problems);
  throw e;
}
