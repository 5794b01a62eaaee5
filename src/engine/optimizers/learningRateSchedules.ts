/**
 * The two Keras learning-rate schedules HyperLab trains with, ExponentialDecay and
 * PiecewiseConstantDecay (keras/src/optimizers/schedules/learning_rate_schedule.py), and the
 * registry that builds one from {"class_name": ..., "config": {...}}. A schedule is a pure function
 * of the optimizer step: the optimizer calls it with its `iterations` *before* the update, so the
 * first update sees step 0 (base_optimizer.py `_get_current_learning_rate` passes
 * `self._iterations`, incremented only after the update in `apply`). No other Keras schedule and no
 * non-Keras "step decay" is offered.
 */
import { msg } from '../../shared/message';
import { ConfigError } from '../configError';
import { type Interval, NON_NEGATIVE, OptimizerArgs, POSITIVE, splitIdentifier } from './optimizerArgs';

export type ScheduleConfigValue = number | boolean | string | readonly number[];

/** The Keras serialized form: {"class_name": "ExponentialDecay", "config": {...}}. */
export interface ScheduleConfig {
  readonly class_name: string;
  readonly config: Readonly<Record<string, ScheduleConfigValue>>;
}

export abstract class LearningRateSchedule {
  abstract readonly className: string;
  /** The learning rate at optimizer step `step` (= iterations before the update, from 0). */
  abstract at(step: number): number;
  abstract getConfig(): ScheduleConfig;
}

export type ExponentialDecayArgs = {
  initial_learning_rate: number;
  decay_steps: number;
  decay_rate: number;
  staircase?: boolean;
  name?: string;
};

const EXPONENTIAL_DECAY_ARGS = ['initial_learning_rate', 'decay_steps', 'decay_rate', 'staircase', 'name'];

/**
 * lr(step) = initial_learning_rate · decay_rate^(step / decay_steps), the exponent floored when
 * staircase=True (learning_rate_schedule.py, ExponentialDecay.__call__). Keras refuses
 * decay_steps <= 0; the first three arguments have no default. HyperLab also refuses negative rates.
 */
export class ExponentialDecay extends LearningRateSchedule {
  readonly className = 'ExponentialDecay';
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly decayRate: number;
  readonly staircase: boolean;
  readonly name: string;

  constructor(args: Readonly<ExponentialDecayArgs>, key = 'ExponentialDecay') {
    super();
    const a = new OptimizerArgs(args, key, 'ExponentialDecay', EXPONENTIAL_DECAY_ARGS);
    this.initialLearningRate = required(a, 'initial_learning_rate', NON_NEGATIVE);
    this.decaySteps = required(a, 'decay_steps', POSITIVE);
    this.decayRate = required(a, 'decay_rate', NON_NEGATIVE);
    this.staircase = a.boolean('staircase', false);
    this.name = a.string('name', 'ExponentialDecay');
  }

  at(step: number): number {
    let p = step / this.decaySteps;
    if (this.staircase) p = Math.floor(p);
    return this.initialLearningRate * Math.pow(this.decayRate, p);
  }

  getConfig(): ScheduleConfig {
    return {
      class_name: this.className,
      config: {
        initial_learning_rate: this.initialLearningRate,
        decay_steps: this.decaySteps,
        decay_rate: this.decayRate,
        staircase: this.staircase,
        name: this.name,
      },
    };
  }
}

export type PiecewiseConstantDecayArgs = {
  boundaries: readonly number[];
  values: readonly number[];
  name?: string;
};

const PIECEWISE_ARGS = ['boundaries', 'values', 'name'];

/**
 * values[0] while step <= boundaries[0], values[i] while boundaries[i-1] < step <= boundaries[i],
 * values[-1] once step > boundaries[-1] (learning_rate_schedule.py, PiecewiseConstantDecay.__call__:
 * the comparisons are `<=` on the upper end). Keras requires len(values) == len(boundaries) + 1 and
 * documents strictly increasing boundaries; an empty list fails in Keras (boundaries[0]), here too.
 */
export class PiecewiseConstantDecay extends LearningRateSchedule {
  readonly className = 'PiecewiseConstantDecay';
  readonly boundaries: readonly number[];
  readonly values: readonly number[];
  readonly name: string;

  constructor(args: Readonly<PiecewiseConstantDecayArgs>, key = 'PiecewiseConstantDecay') {
    super();
    const a = new OptimizerArgs(args, key, 'PiecewiseConstantDecay', PIECEWISE_ARGS);
    const boundaries = numberList(a, 'boundaries');
    const values = numberList(a, 'values');
    if (boundaries.length === 0) a.fail('boundaries', boundaries, msg('a non-empty list of strictly increasing steps'));
    for (let i = 1; i < boundaries.length; i++) {
      if (!(boundaries[i]! > boundaries[i - 1]!)) a.fail('boundaries', boundaries, msg('a list of strictly increasing steps'));
    }
    if (values.length !== boundaries.length + 1) {
      a.fail('values', values, msg('a list of {0} learning rates (one more than boundaries)', boundaries.length + 1));
    }
    this.boundaries = boundaries;
    this.values = values;
    this.name = a.string('name', 'PiecewiseConstant');
  }

  at(step: number): number {
    const b = this.boundaries;
    for (let i = 0; i < b.length; i++) if (step <= b[i]!) return this.values[i]!;
    return this.values[b.length]!;
  }

  getConfig(): ScheduleConfig {
    return { class_name: this.className, config: { boundaries: this.boundaries, values: this.values, name: this.name } };
  }
}

function required(a: OptimizerArgs, name: string, range: Interval): number {
  if (!a.has(name)) a.fail(name, undefined, msg('a value: {0} has no default for {1}', a.owner, name));
  return a.number(name, NaN, range);
}

function numberList(a: OptimizerArgs, name: string): number[] {
  const v = a.value(name);
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    a.fail(name, v, msg('a list of finite numbers for {0}', `${a.owner}(${name}=...)`));
  }
  return (v as number[]).slice();
}

type ScheduleFactory = (args: Readonly<Record<string, unknown>>, key: string) => LearningRateSchedule;

// Keras deserializes schedules by their exact class name (learning_rate_schedule.py `deserialize`).
const SCHEDULES: ReadonlyMap<string, ScheduleFactory> = new Map<string, ScheduleFactory>([
  ['ExponentialDecay', (args, key) => new ExponentialDecay(args as ExponentialDecayArgs, key)],
  ['PiecewiseConstantDecay', (args, key) => new PiecewiseConstantDecay(args as PiecewiseConstantDecayArgs, key)],
]);

export const LEARNING_RATE_SCHEDULE_NAMES: readonly string[] = [...SCHEDULES.keys()];

/** Builds a schedule from its Keras identifier; `key` prefixes error messages ('optimizer.learning_rate'). */
export function createLearningRateSchedule(identifier: unknown, key: string): LearningRateSchedule {
  const { className, args } = splitIdentifier(identifier, key, msg('learning-rate schedule'));
  const factory = SCHEDULES.get(className);
  if (factory === undefined) {
    throw new ConfigError(`${key}.class_name`, className, msg('one of {0}', LEARNING_RATE_SCHEDULE_NAMES.join(', ')));
  }
  return factory(args, key);
}
