/**
 * What every Keras optimizer shares (keras/src/optimizers/base_optimizer.py, method names as at commit
 * da84de5): the base keyword arguments, the learning rate (a number or a schedule evaluated at
 * `iterations`), and the order of one step. Subclasses override `buildSlots` and `updateStep` (and
 * `ownConfig`) only, tinygrad style. It is not a
 * training loop and does not know layers; `ParamSegment`s stand for the Keras variables.
 *
 * One step, as BaseOptimizer.apply → _backend_apply_gradients does it:
 *   1. clip the gradients: clipnorm per variable, else global_clipnorm, else clipvalue
 *      (`_clip_gradients`; Keras allows only one of the three);
 *   2. decoupled weight decay on the parameters, w ← w − w·wd·lr (`_apply_weight_decay`), with the
 *      same lr as the update — it never touches the gradient, so clipping ignores it;
 *   3. update_step(grad, var, lr) with t = iterations + 1 inside the update;
 *   4. iterations += 1.
 * lr is `self.learning_rate`, i.e. schedule(iterations) before the increment: step 0 first.
 * Not offered (Keras options that need more than an optimizer here): use_ema, loss_scale_factor,
 * gradient_accumulation_steps; they are accepted only at their defaults.
 */
import { msg } from '../../shared/message';
import { ConfigError } from '../configError';
import { applyWeightDecay, clipByGlobalNorm, clipByNorm, clipByValue } from './gradientClipping';
import { createLearningRateSchedule, LearningRateSchedule } from './learningRateSchedules';
import type { Optimizer, ParamSegment } from './optimizer';
import { NON_NEGATIVE, OptimizerArgs, UNIT, type ArgRecord } from './optimizerArgs';

export type ConfigValue = number | boolean | string | null;

/** Base keyword arguments, in Keras spelling (base_optimizer.py BaseOptimizer.__init__). */
export type BaseOptimizerArgs = {
  learning_rate?: number | LearningRateSchedule | ArgRecord;
  weight_decay?: number | null;
  clipnorm?: number | null;
  clipvalue?: number | null;
  global_clipnorm?: number | null;
  use_ema?: boolean;
  ema_momentum?: number;
  ema_overwrite_frequency?: number | null;
  loss_scale_factor?: number | null;
  gradient_accumulation_steps?: number | null;
  name?: string | null;
};

export const BASE_ARG_NAMES: readonly string[] = [
  'learning_rate', 'weight_decay', 'clipnorm', 'clipvalue', 'global_clipnorm', 'use_ema', 'ema_momentum',
  'ema_overwrite_frequency', 'loss_scale_factor', 'gradient_accumulation_steps', 'name',
];

/** The defaults a subclass passes up: its learning rate and name, and AdamW's weight decay. */
export interface BaseDefaults {
  readonly learning_rate: number;
  readonly name: string;
  readonly weight_decay: number | null;
}

export abstract class BaseOptimizer implements Optimizer {
  abstract readonly className: string;
  readonly name: string;
  readonly weightDecay: number | null;
  readonly clipnorm: number | null;
  readonly clipvalue: number | null;
  readonly globalClipnorm: number | null;
  /** Set when learning_rate was a schedule: the rate is then schedule(iterations) and not settable. */
  readonly schedule: LearningRateSchedule | null;
  private readonly key: string;
  private rate = 0;
  private steps = 0;
  private size = -1;
  private segments: readonly ParamSegment[] = [];

  protected constructor(a: OptimizerArgs, defaults: BaseDefaults) {
    this.key = a.key;
    const lr = a.value('learning_rate');
    if (lr instanceof LearningRateSchedule) this.schedule = lr;
    else if (typeof lr === 'object' && lr !== null) this.schedule = createLearningRateSchedule(lr, `${a.key}.learning_rate`);
    else {
      this.schedule = null;
      this.rate = a.number('learning_rate', defaults.learning_rate, NON_NEGATIVE);
    }
    this.name = a.string('name', defaults.name);
    this.weightDecay = a.optionalNumber('weight_decay', defaults.weight_decay, NON_NEGATIVE);
    // Keras skips clipping when the value is 0 (`if self.clipnorm and self.clipnorm > 0`), yet counts
    // any non-None value when refusing two clippings at once.
    this.clipnorm = a.optionalNumber('clipnorm', null, NON_NEGATIVE);
    this.clipvalue = a.optionalNumber('clipvalue', null, NON_NEGATIVE);
    this.globalClipnorm = a.optionalNumber('global_clipnorm', null, NON_NEGATIVE);
    const given = (['clipnorm', 'clipvalue', 'global_clipnorm'] as const).filter((k) => a.value(k) !== undefined && a.value(k) !== null);
    if (given.length > 1) {
      const [first, second] = given as [string, string];
      a.fail(second, a.value(second), msg('None, since {0} is set: Keras allows only one of clipnorm, clipvalue and global_clipnorm', first));
    }
    checkUnsupported(a);
  }

  get learningRate(): number {
    return this.schedule === null ? this.rate : this.schedule.at(this.steps);
  }

  set learningRate(value: number) {
    if (this.schedule !== null) {
      // Keras: TypeError "This optimizer was created with a `LearningRateSchedule` ... not settable".
      throw new ConfigError(`${this.key}.learning_rate`, value, msg('no new value: it is the schedule {0}; give a number as learning_rate to let callbacks change it', this.schedule.className));
    }
    if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) {
      throw new ConfigError(`${this.key}.learning_rate`, value, msg('a finite number >= 0'));
    }
    this.rate = value;
  }

  get iterations(): number {
    return this.steps;
  }

  /**
   * (Re)starts the optimizer on `size` parameters: fresh slots, iterations 0. `segments` must tile
   * [0, size) in order, one per Keras variable (they scope clipnorm and weight decay).
   */
  build(size: number, segments: readonly ParamSegment[]): void {
    let next = 0;
    for (const s of segments) {
      if (s.offset !== next || !(s.size >= 0)) throw new Error(`${this.className}.build: segments must tile [0, ${size}) in order; got offset ${s.offset} where ${next} was expected`);
      next += s.size;
    }
    if (next !== size) throw new Error(`${this.className}.build: segments cover ${next} parameters, not ${size}`);
    this.size = size;
    this.segments = segments.map(({ offset, size: n }) => ({ offset, size: n }));
    this.steps = 0;
    this.buildSlots(size);
  }

  step(params: Float32Array, grads: Float32Array): void {
    if (this.size < 0) throw new Error(`${this.className}.step called before build()`);
    if (params.length !== this.size || grads.length !== this.size) {
      throw new Error(`${this.className}.step: built for ${this.size} parameters, got params ${params.length} and grads ${grads.length}`);
    }
    if (this.clipnorm !== null && this.clipnorm > 0) clipByNorm(grads, this.segments, this.clipnorm);
    else if (this.globalClipnorm !== null && this.globalClipnorm > 0) clipByGlobalNorm(grads, this.globalClipnorm);
    else if (this.clipvalue !== null && this.clipvalue > 0) clipByValue(grads, this.clipvalue);
    const lr = this.learningRate;
    if (this.weightDecay !== null) applyWeightDecay(params, this.segments, this.weightDecay, lr);
    this.updateStep(params, grads, lr, this.steps + 1);
    this.steps += 1;
  }

  getConfig(): Record<string, ConfigValue> {
    return {
      name: this.name,
      // The contract's config is flat: a schedule is written as its Keras JSON.
      learning_rate: this.schedule === null ? this.rate : JSON.stringify(this.schedule.getConfig()),
      weight_decay: this.weightDecay,
      clipnorm: this.clipnorm,
      global_clipnorm: this.globalClipnorm,
      clipvalue: this.clipvalue,
      use_ema: false,
      ema_momentum: 0.99,
      ema_overwrite_frequency: null,
      loss_scale_factor: null,
      gradient_accumulation_steps: null,
      ...this.ownConfig(),
    };
  }

  /** Allocates the slot buffers (moments, accumulators) for `size` parameters, at their initial values. */
  protected abstract buildSlots(size: number): void;

  /**
   * Keras `update_step` over the whole flat buffer: params ← f(params, grads, slots). `lr` is this
   * step's learning rate, `t` = iterations + 1. A tight loop: no allocation.
   */
  protected abstract updateStep(params: Float32Array, grads: Float32Array, lr: number, t: number): void;

  /** The subclass's own get_config entries. */
  protected abstract ownConfig(): Record<string, ConfigValue>;
}

function checkUnsupported(a: OptimizerArgs): void {
  if (a.boolean('use_ema', false)) a.fail('use_ema', true, msg('false: HyperLab does not keep a moving average of the weights'));
  a.number('ema_momentum', 0.99, UNIT);
  const freq = a.optionalNumber('ema_overwrite_frequency', null, NON_NEGATIVE);
  if (freq !== null && !(Number.isInteger(freq) && freq >= 1)) a.fail('ema_overwrite_frequency', freq, msg('None or an integer >= 1'));
  if (a.optionalNumber('loss_scale_factor', null, NON_NEGATIVE) !== null) {
    a.fail('loss_scale_factor', a.value('loss_scale_factor'), msg('None: HyperLab trains in float32 without loss scaling'));
  }
  if (a.optionalNumber('gradient_accumulation_steps', null, NON_NEGATIVE) !== null) {
    a.fail('gradient_accumulation_steps', a.value('gradient_accumulation_steps'), msg('None: HyperLab applies every batch (raise batch_size instead)'));
  }
}
