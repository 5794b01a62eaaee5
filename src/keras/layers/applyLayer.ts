/**
 * The entry point of the layer rules: `applyLayer` takes one Keras layer call (class name, positional and
 * keyword arguments as read from source) and its input shape(s), and says what Keras 3 would build: output
 * shape, trainable/non-trainable parameters, the parameter formula, problems, or exactly why something is
 * unknown. It never throws and never guesses: anything not statically knowable is null with a reason. Also
 * re-exports the other public helpers of the layer rules (declaredInputShape, isKnownLayer, KNOWN_LAYERS,
 * kerasAutoName) so callers have one import.
 */
import type { LayerCall, LayerOutcome, ParamCount, Shape } from '../kerasModel';
import { BoundArgs, type Warning } from './boundArgs';
import { formulaText } from './formatting';
import { type LayerRule, type RuleContext, type Weights, LayerProblem, RuleInputs, Unknowable, problem } from './layerRule';
import { findRule, isUnmodelledKerasLayer } from './layerRegistry';
import { closestName } from './argumentNames';
import { type Message, msg, said } from '../message';

export { declaredInputShape } from './declaredInputShape';
export { KNOWN_LAYERS, isKnownLayer } from './layerRegistry';
export { kerasAutoName } from './layerNames';

type CallLike = Pick<LayerCall, 'className' | 'args' | 'kwargs'>;
type Problem = LayerOutcome['problems'][number];

/** Keyword arguments every Keras layer accepts (keras/src/layers/layer.py), plus tf.keras 2's batch_input_shape, batch_size and weights. */
const BASE_KWARGS = ['name', 'dtype', 'trainable', 'autocast', 'activity_regularizer', 'input_shape', 'input_dim', 'batch_input_shape', 'batch_size', 'weights'];

export function applyLayer(call: CallLike, inputs: readonly (Shape | null)[]): LayerOutcome {
  try {
    return applyKnown(call, inputs);
  } catch (e) {
    // Rules report through LayerProblem/Unknowable; anything else is a HyperLab bug, which must not reach the editor.
    const reason = e instanceof Error ? e.message : String(e);
    return unknown(msg('HyperLab could not evaluate {0}: {1}', call.className, reason), []);
  }
}

function applyKnown(call: CallLike, inputs: readonly (Shape | null)[]): LayerOutcome {
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
  try {
    args = BoundArgs.bind(call.className, signature, call.args, call.kwargs);
    checkCommonArguments(rule, signature, args, problems);
    checkInputCount(rule, call.className, inputs);
  } catch (e) {
    return failure(e, problems);
  }
  const ctx: RuleContext = { args, inputs: new RuleInputs(inputs), nested: (inner, input) => applyLayer(inner, [input]) };
  try {
    rule.check?.(ctx);
  } catch (e) {
    if (!(e instanceof Unknowable)) return failure(e, [...problems, ...args.warnings]);
  }
  let outputShape: Shape | null = null;
  let reason: Message | null = null;
  try {
    outputShape = rule.inputs === 'none' || inputs.length > 0 ? rule.outputShape(ctx) : noInput();
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
  return refuseInexact(call.className, { outputShape, params, unknownReason: reason, formula, problems: [...problems, ...args.warnings] });
}

/**
 * Numbers past 2^53 - 1 are not exact in JavaScript (Dense(2**64) would print a rounded count), so a
 * layer whose output shape or parameter count goes past it is refused with an error, not printed wrong.
 */
function refuseInexact(className: string, outcome: LayerOutcome): LayerOutcome {
  const shape = outcome.outputShape?.some((d) => d !== null && !Number.isSafeInteger(d)) ?? false;
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
  const accepted = new Set([...signature, ...(rule.extraKwargs ?? []), ...BASE_KWARGS]);
  for (const name of args.names()) {
    if (accepted.has(name)) continue;
    const guess = closestName(name, [...accepted]);
    const text = guess
      ? msg('{0} has no argument {1}; did you mean {2}? (Keras 3 raises "Unrecognized keyword arguments")', args.className, name, guess)
      : msg('{0} has no argument {1} (Keras 3 raises "Unrecognized keyword arguments")', args.className, name);
    problems.push({ severity: 'warning', code: 'unknown-argument', ...said(text) });
  }
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
