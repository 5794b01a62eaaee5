/**
 * Keras 3 optimizers as the optimizer hover shows them: the constructor signature (to bind positional
 * arguments as Python does), the defaults (the engine's OPTIMIZER_DEFAULTS where HyperLab implements the
 * optimizer, else the Keras files under keras/src/optimizers/), and the update rule of each `update_step`,
 * written with the lecture's symbols (η learning rate, g gradient); and the list of all of Keras 3's
 * optimizers, for the ones HyperLab does not train with. Data only.
 */
import { OPTIMIZER_DEFAULTS, type OptimizerDefaultValue, optimizerClassName } from '../../engine/optimizers/optimizerRegistry';
import { lookupOwn } from './hoverMarkdown';

export interface OptimizerSpec {
  readonly className: string;
  /** Constructor parameters in order (keras/src/optimizers/<name>.py), then the base ones. */
  readonly signature: readonly string[];
  readonly defaults: Readonly<Record<string, OptimizerDefaultValue>>;
  /** The update rule, one formula per line (Keras' own form). */
  readonly rule: readonly string[];
}

const BASE_SIGNATURE = ['weight_decay', 'clipnorm', 'clipvalue', 'global_clipnorm', 'use_ema', 'ema_momentum', 'ema_overwrite_frequency', 'loss_scale_factor', 'gradient_accumulation_steps', 'name'];
const BASE_DEFAULTS = { weight_decay: null, clipnorm: null, clipvalue: null, global_clipnorm: null };

const ADAM_RULE = [
  'm ← m + (1 − β₁)·(g − m)',
  'v ← v + (1 − β₂)·(g² − v)',
  'α = η·√(1 − β₂ᵗ) / (1 − β₁ᵗ)',
  'w ← w − α·m / (√v + ε)',
];

const SPECS: readonly OptimizerSpec[] = [
  {
    className: 'SGD', signature: ['learning_rate', 'momentum', 'nesterov'], defaults: OPTIMIZER_DEFAULTS.SGD,
    rule: ['momentum = 0:  w ← w − η·g', 'momentum > 0:  v ← momentum·v − η·g;  w ← w + v', 'nesterov=True: v ← momentum·v − η·g;  w ← w + momentum·v − η·g'],
  },
  {
    className: 'RMSprop', signature: ['learning_rate', 'rho', 'momentum', 'epsilon', 'centered'], defaults: OPTIMIZER_DEFAULTS.RMSprop,
    rule: ['s ← ρ·s + (1 − ρ)·g²', 'w ← w − η·g / √(s + ε)'],
  },
  { className: 'Adam', signature: ['learning_rate', 'beta_1', 'beta_2', 'epsilon', 'amsgrad'], defaults: OPTIMIZER_DEFAULTS.Adam, rule: ADAM_RULE },
  {
    className: 'AdamW', signature: ['learning_rate', 'weight_decay', 'beta_1', 'beta_2', 'epsilon', 'amsgrad'], defaults: OPTIMIZER_DEFAULTS.AdamW,
    rule: ['w ← w − η·weight_decay·w', ...ADAM_RULE],
  },
  {
    className: 'Adagrad', signature: ['learning_rate', 'initial_accumulator_value', 'epsilon'], defaults: OPTIMIZER_DEFAULTS.Adagrad,
    rule: ['a ← a + g²   (a starts at initial_accumulator_value)', 'w ← w − η·g / √(a + ε)'],
  },
  {
    className: 'Nadam', signature: ['learning_rate', 'beta_1', 'beta_2', 'epsilon'], defaults: OPTIMIZER_DEFAULTS.Nadam,
    rule: ['μₜ = β₁·(1 − 0.5·0.96ᵗ)', 'm ← m + (1 − β₁)·(g − m);  v ← v + (1 − β₂)·(g² − v)', 'm̂ = μₜ₊₁·m / (1 − Π μ·μₜ₊₁) + (1 − μₜ)·g / (1 − Π μ);  v̂ = v / (1 − β₂ᵗ)', 'w ← w − η·m̂ / (√v̂ + ε)'],
  },
  {
    className: 'Adamax', signature: ['learning_rate', 'beta_1', 'beta_2', 'epsilon'], defaults: { learning_rate: 0.001, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, ...BASE_DEFAULTS },
    rule: ['m ← m + (1 − β₁)·(g − m)', 'u ← max(β₂·u, |g|)', 'w ← w − η·m / ((1 − β₁ᵗ)·(u + ε))'],
  },
  {
    className: 'Adadelta', signature: ['learning_rate', 'rho', 'epsilon'], defaults: { learning_rate: 0.001, rho: 0.95, epsilon: 1e-7, ...BASE_DEFAULTS },
    rule: ['E[g²] ← ρ·E[g²] + (1 − ρ)·g²', 'Δ = −√(E[Δ²] + ε)·g / √(E[g²] + ε)', 'E[Δ²] ← ρ·E[Δ²] + (1 − ρ)·Δ²', 'w ← w + η·Δ'],
  },
  {
    className: 'Lion', signature: ['learning_rate', 'beta_1', 'beta_2'], defaults: { learning_rate: 0.001, beta_1: 0.9, beta_2: 0.99, ...BASE_DEFAULTS },
    rule: ['w ← w − η·sign(β₁·m + (1 − β₁)·g)', 'm ← β₂·m + (1 − β₂)·g'],
  },
];

const BY_NAME: ReadonlyMap<string, OptimizerSpec> = new Map(SPECS.map((s) => [s.className.toLowerCase(), s]));

/**
 * Every optimizer Keras 3 exports (keras/optimizers/__init__.py of Keras 3.15.1, the classes under
 * keras/src/optimizers/), besides the wrappers LossScaleOptimizer and MultiOptimizer and the Optimizer
 * base class. The specs above cover the first nine; the others get a one-line idea in the hover.
 */
export const KERAS_OPTIMIZERS = ['SGD', 'RMSprop', 'Adam', 'AdamW', 'Adagrad', 'Adadelta', 'Adamax', 'Nadam', 'Lion', 'Adafactor', 'Ftrl', 'Lamb', 'Muon', 'ScheduleFreeAdamW'] as const;

const KERAS_BY_LOWER_NAME: ReadonlyMap<string, string> = new Map(KERAS_OPTIMIZERS.map((n) => [n.toLowerCase(), n]));

/** The Keras class name of any Keras 3 optimizer, as keras.optimizers.get matches names (any case), or undefined. */
export function kerasOptimizerName(name: string): string | undefined {
  return KERAS_BY_LOWER_NAME.get(name.toLowerCase());
}

/** The spec for a class name or a compile() string ('adam', 'SGD', 'rmsprop'), as keras.optimizers.get matches them. */
export function optimizerSpec(name: string): OptimizerSpec | undefined {
  const engineName = optimizerClassName(name);
  return BY_NAME.get((engineName ?? name).toLowerCase());
}

/** The full positional signature: the class's own parameters, then the base optimizer's. */
export function optimizerSignature(spec: OptimizerSpec): readonly string[] {
  return spec.className === 'AdamW'
    ? [...spec.signature, ...BASE_SIGNATURE.filter((n) => n !== 'weight_decay')]
    : [...spec.signature, ...BASE_SIGNATURE];
}

/** Python's repr of a Keras default (all numeric optimizer defaults are floats: 0.0, 0.01, 1e-07). */
export function defaultText(value: OptimizerDefaultValue | undefined): string {
  if (value === undefined || value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (Number.isInteger(value)) return `${value}.0`;
  if (Math.abs(value) < 1e-4) return value.toExponential().replace(/e-(\d)$/, 'e-0$1');
  return String(value);
}

/** The optimizer names compile() accepts as strings and HyperLab explains, lower case. */
export function isOptimizerName(name: string): boolean {
  return optimizerSpec(name) !== undefined;
}

export function specDefault(spec: OptimizerSpec, arg: string): OptimizerDefaultValue | undefined {
  return lookupOwn(spec.defaults, arg);
}
