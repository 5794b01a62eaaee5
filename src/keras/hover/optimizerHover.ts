/**
 * The hover over an optimizer (`SGD(learning_rate=0.01)`, `Adam(...)`, or the string in
 * `compile(optimizer='adam')`): the lecture's idea of the method, Keras 3's update rule with the values
 * that will be used, the user's arguments against Keras' defaults, and the lecture's explanation of
 * momentum and Nesterov for SGD. Where Keras' formula differs from the lecture's (Adam's epsilon, the sign
 * of SGD's velocity) the hover says how.
 */
import type { PyValue } from '../kerasModel';
import type { CallArgument } from './callArguments';
import { type Translate, escapeMarkdown, formulaBlock, inlineCode, pyNumber, sections, table, valueCell } from './hoverMarkdown';
import { TYPICAL, plainNumber, rangeText } from '../../shared/typicalValues';
import { KERAS_OPTIMIZERS, type OptimizerSpec, defaultText, kerasOptimizerName, optimizerSpec, specDefault } from './optimizerFacts';

export interface OptimizerHoverInput {
  readonly className: string;
  readonly args: readonly CallArgument[];
  /** The compile() string ('adam') when the optimizer is written as one. */
  readonly fromString: string | null;
  readonly focus: string | null;
}

export function optimizerHover(input: OptimizerHoverInput, t: Translate): string {
  const spec = optimizerSpec(input.className);
  const title = `**${escapeMarkdown(spec?.className ?? kerasOptimizerName(input.className) ?? input.className)}** · ${t('optimizer')}`;
  if (!spec) return sections([[title, otherIdea(input.className, t)].join('\n\n'), t('HyperLab does not train with this optimizer. Keras 3 offers {0}, and the wrappers LossScaleOptimizer and MultiOptimizer.', KERAS_OPTIMIZERS.join(', '))]);
  const intro = [title, idea(spec.className, t)];
  if (input.fromString !== null) intro.push(t('The string {0} builds {1} with every Keras default.', inlineCode(`'${input.fromString}'`), inlineCode(`${spec.className}()`)));
  const rule = [formulaBlock(spec.rule), ...kerasNotes(spec.className, t), withValues(spec, input.args, t)];
  // The notes on the base arguments (clipping, decay) sit under the table that lists them.
  const table = [argumentTable(spec, input, t), extraNotes(input.args, spec.className, t)].filter((s) => s !== null).join('\n\n');
  return sections([intro.join('\n\n'), rule.join('\n\n'), table, ...momentumSection(spec, t), `_${t('The optimization method and its learning rate are optimization hyperparameters: you choose them before training, and the optimizer then updates the parameters (weights and biases).')}_`]);
}

/**
 * One sentence first: what the method does and where to start its learning rate. Typical values are in
 * src/shared/typicalValues.ts with their sources; Lion's advice is keras/src/optimizers/lion.py's docstring,
 * Adamax's 0.002 is Kingma and Ba (2015) §7.1, Adadelta's 1.0 keras/src/optimizers/adadelta.py's docstring.
 */
function idea(className: string, t: Translate): string {
  const adaptive = rangeText(TYPICAL.adaptiveLearningRate);
  switch (className) {
    case 'SGD': return t('Stochastic gradient descent moves the parameters against the gradient of the loss to minimise it (convex and non-convex problems alike); start with learning_rate {0} and momentum {1}, which converges better.', rangeText(TYPICAL.sgdLearningRate), plainNumber(TYPICAL.momentum));
    case 'RMSprop': return t('RMSprop adapts the learning rate of each parameter: it divides the step by the square root of a moving average of squared gradients, which suits non-convex problems; learning_rate {0} usually works.', adaptive);
    case 'Adam': return t('Adam combines the ideas of Momentum and RMSprop: a moving average of the gradients (first moment) and of their squares (second moment), with bias correction. Its default learning_rate of 0.001 is a good start, {0} the usual range.', adaptive);
    case 'AdamW': return t('AdamW is Adam with decoupled weight decay: the weights shrink a little at every step, independently of the gradient. Learning rates as for Adam: {0}.', adaptive);
    case 'Adagrad': return t('Adagrad divides each step by the square root of the sum of all past squared gradients: frequently updated parameters take smaller steps, and every step shrinks as training goes on, which can stall long runs.');
    case 'Nadam': return t('Nadam is Adam with Nesterov momentum; the learning rates that suit Adam suit it too: {0}.', adaptive);
    case 'Adamax': return t('Adamax is the variant of Adam that divides by the largest recent gradient (the infinity norm) instead of the root mean square; Keras\' default learning_rate is 0.001, the Adam paper suggests 0.002.');
    case 'Adadelta': return t('Adadelta, an extension of Adagrad, scales each step by a running average of past updates, so it hardly needs a learning rate: learning_rate=1.0 matches the original paper (Keras\' default is 0.001).');
    case 'Lion': return t('Lion moves every weight by the sign of a momentum average, so each step has the same size η; use a learning rate 3 to 10 times smaller than AdamW\'s.');
    default: return t('An adaptive method derived from the ones in the lecture (SGD with momentum, RMSprop, Adam).');
  }
}

/** Keras 3's other optimizers, from the docstrings of their files under keras/src/optimizers/. */
function otherIdea(className: string, t: Translate): string {
  switch (kerasOptimizerName(className)) {
    case 'Adafactor': return t('Adafactor keeps factored (row and column) averages of the squared gradients instead of one per weight, which saves memory on large models.');
    case 'Ftrl': return t('Ftrl (Follow The Regularized Leader) is made for large, sparse linear models such as click-through prediction.');
    case 'Lamb': return t('Lamb is Adam with a per-layer trust ratio, the norm of the weights over the norm of the update, which keeps training stable with very large batches.');
    case 'Muon': return t('Muon orthogonalizes the momentum of 2-D weight matrices; Keras applies AdamW to the other variables, the embeddings and the layers listed in exclude_layers.');
    case 'ScheduleFreeAdamW': return t('ScheduleFreeAdamW replaces the learning-rate schedule by averaging and interpolating the iterates, so you need not fix the training length in advance.');
    default: return t('HyperLab has no notes on this optimizer.');
  }
}

function kerasNotes(className: string, t: Translate): string[] {
  switch (className) {
    case 'SGD': return [t('The lecture writes momentum as v ← γ·v + η·∇f, θ ← θ − v; Keras stores the velocity with the opposite sign (v ← momentum·v − η·g, w ← w + v): the same update.')];
    case 'RMSprop': return [t('As in the lecture, Keras adds ε inside the square root. With momentum > 0 the step η·g / √(s + ε) is accumulated in a velocity; centered=True also subtracts the squared mean gradient from s.')];
    case 'Adam': case 'AdamW': return [t('The lecture divides by √(v̂ + ε) with bias-corrected moments. Keras folds the bias correction into α and adds ε outside the square root of the uncorrected v, which equals η·m̂ / (√v̂ + ε / √(1 − β₂ᵗ)): Keras\' ε is not the lecture\'s ε. Its default is 1e-07 (the lecture\'s example writes 1e-08). With amsgrad=True, v is replaced by its running maximum.')];
    default: return [];
  }
}

const SYMBOLS: Readonly<Record<string, string>> = { learning_rate: 'η', momentum: 'momentum', beta_1: 'β₁', beta_2: 'β₂', epsilon: 'ε', rho: 'ρ', weight_decay: 'weight_decay', initial_accumulator_value: 'a₀' };

/** "With your values: η = 0.01, β₁ = 0.8, β₂ = 0.999 (default), ε = 1e-07 (default)". */
function withValues(spec: OptimizerSpec, args: readonly CallArgument[], t: Translate): string {
  const parts: string[] = [];
  for (const name of spec.signature) {
    const symbol = SYMBOLS[name];
    if (symbol === undefined) continue;
    const arg = args.find((a) => a.name === name);
    const text = arg ? numberText(arg.value) : `${defaultText(specDefault(spec, name))} (${t('default')})`;
    parts.push(`${symbol} = ${text}`);
  }
  return `${t('With your values')}: ${inlineCode(parts.join(', '))}`;
}

function numberText(value: PyValue): string {
  if (value.kind === 'number') return pyNumber(value.value);
  if (value.kind === 'bool') return value.value ? 'True' : 'False';
  return '?';
}

/** The base optimizer's clipping and decay arguments: None unless given, listed in one line when not written. */
const BASE_NONE = ['weight_decay', 'clipnorm', 'clipvalue', 'global_clipnorm'];

function argumentTable(spec: OptimizerSpec, input: OptimizerHoverInput, t: Translate): string {
  const given = new Set(input.args.map((a) => a.name));
  const quiet = BASE_NONE.filter((n) => !given.has(n) && Object.hasOwn(spec.defaults, n) && specDefault(spec, n) === null);
  const names = [...Object.keys(spec.defaults).filter((n) => !quiet.includes(n)), ...input.args.map((a) => a.name).filter((n) => !Object.hasOwn(spec.defaults, n))];
  const rows = names.map((name) => {
    const arg = input.args.find((a) => a.name === name);
    const fallback = specDefault(spec, name);
    const label = name === input.focus ? `**${escapeMarkdown(name)}**` : escapeMarkdown(name);
    const differs = arg !== undefined && !sameAsDefault(arg.value, fallback);
    const yours = arg === undefined ? '—' : differs ? `**${valueCell(arg.value, t)}**` : `${valueCell(arg.value, t)} (${t('the default')})`;
    return [label, yours, fallback === undefined ? '' : inlineCode(defaultText(fallback))];
  });
  const rest = quiet.length > 0 ? `\n\n${t('Also accepted, {0} by default: {1}.', inlineCode('None'), quiet.map(escapeMarkdown).join(', '))}` : '';
  return table([t('Argument'), t('Your value'), t('Keras default')], rows) + rest;
}

function sameAsDefault(value: PyValue, fallback: number | boolean | null | undefined): boolean {
  if (fallback === undefined) return false;
  if (fallback === null) return value.kind === 'none';
  if (typeof fallback === 'boolean') return value.kind === 'bool' && value.value === fallback;
  return value.kind === 'number' && value.value === fallback;
}

/** The lecture's explanation of momentum and of Nesterov's variant, for SGD. */
function momentumSection(spec: OptimizerSpec, t: Translate): string[] {
  if (spec.className !== 'SGD') return [];
  return [[
    `**${t('Momentum')}**: ${t('v is the "velocity": it accumulates information about previous gradients. The momentum factor (γ in the lecture) is a value between 0 and 1 that controls how much of the previous velocity is kept; higher values give the optimizer more "inertia", so it takes more of the gradient history into account.')}`,
    `**${t('Nesterov')}**: ${t('instead of evaluating the gradient at the current position, it evaluates it at the position the momentum would reach, then applies the momentum term and updates the parameters with that gradient. Proposed by Yurii Nesterov in 1983.')}`,
  ].join('\n\n')];
}

/** Base arguments that change every optimizer, and the Keras 2 spellings Keras 3 rejects. */
function extraNotes(args: readonly CallArgument[], className: string, t: Translate): string | null {
  const notes: string[] = [];
  const has = (name: string): boolean => args.some((a) => a.name === name);
  if (has('lr')) notes.push(t('lr= is the Keras 2 spelling: Keras 3 raises "Argument(s) not recognized"; write learning_rate=.'));
  if (has('decay')) notes.push(t('decay= is ignored by Keras 3 (with a warning); use a learning-rate schedule instead.'));
  if (has('weight_decay') && className !== 'AdamW') notes.push(t('weight_decay: before each step the weights shrink as w ← w − η·weight_decay·w (decoupled weight decay).'));
  if (has('clipnorm')) notes.push(t('clipnorm: each gradient is rescaled so that its norm is at most this value.'));
  if (has('clipvalue')) notes.push(t('clipvalue: each gradient value is clipped to [−clipvalue, clipvalue].'));
  if (has('global_clipnorm')) notes.push(t('global_clipnorm: all gradients together are rescaled so that their joint norm is at most this value.'));
  return notes.length > 0 ? notes.map((n) => `- ${n}`).join('\n') : null;
}
