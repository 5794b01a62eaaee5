/**
 * Learning-rate schedules against the formulas of keras/src/optimizers/schedules/
 * learning_rate_schedule.py (ExponentialDecay.__call__, PiecewiseConstantDecay.__call__), and how an
 * optimizer evaluates them: at `iterations` before the update (base_optimizer.py
 * `_get_current_learning_rate` passes self._iterations; `apply` increments it afterwards), so the
 * first step sees step 0 — for the update and for the weight decay alike.
 */
import * as assert from 'node:assert/strict';
import { ConfigError } from '../../../src/engine/configError';
import { createLearningRateSchedule, ExponentialDecay, PiecewiseConstantDecay } from '../../../src/engine/optimizers/learningRateSchedules';
import { createOptimizer } from '../../../src/engine/optimizers/optimizerRegistry';
import { SGD } from '../../../src/engine/optimizers/sgd';
import { assertClose } from './gradCheck';

const STEPS = [0, 1, 2, 3, 5, 9, 10, 11, 25, 100];

describe('ExponentialDecay', () => {
  it('is initial_learning_rate * decay_rate^(step / decay_steps)', () => {
    const s = new ExponentialDecay({ initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.5 });
    assertClose('smooth', STEPS.map((t) => s.at(t)), STEPS.map((t) => 0.1 * 0.5 ** (t / 10)), 0, 1e-12);
  });

  it('floors the exponent with staircase=True', () => {
    const s = new ExponentialDecay({ initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.5, staircase: true });
    assertClose('staircase', STEPS.map((t) => s.at(t)), STEPS.map((t) => 0.1 * 0.5 ** Math.floor(t / 10)), 0, 1e-12);
    assert.equal(s.at(9), 0.1);
    assert.equal(s.at(10), 0.05);
  });

  it('refuses decay_steps <= 0 (Keras: "Argument `decay_steps` must be > 0") and missing arguments', () => {
    assert.throws(() => createLearningRateSchedule({ class_name: 'ExponentialDecay', config: { initial_learning_rate: 0.1, decay_steps: 0, decay_rate: 0.9 } }, 'lr'),
      (e: unknown) => e instanceof ConfigError && e.key === 'lr.decay_steps' && /> 0/.test(e.message));
    assert.throws(() => createLearningRateSchedule({ class_name: 'ExponentialDecay', config: { initial_learning_rate: 0.1, decay_steps: 10 } }, 'lr'),
      (e: unknown) => e instanceof ConfigError && e.key === 'lr.decay_rate');
  });
});

describe('PiecewiseConstantDecay', () => {
  it('gives values[i] while boundaries[i-1] < step <= boundaries[i] (the Keras docstring example)', () => {
    const s = new PiecewiseConstantDecay({ boundaries: [100000, 110000], values: [1.0, 0.5, 0.1] });
    const steps = [0, 99999, 100000, 100001, 109999, 110000, 110001, 1e7];
    assert.deepEqual(steps.map((t) => s.at(t)), [1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.1, 0.1]);
  });

  it('needs one more value than boundaries, and increasing boundaries', () => {
    assert.throws(() => new PiecewiseConstantDecay({ boundaries: [10, 20], values: [1, 0.5] }), (e: unknown) => e instanceof ConfigError && /3 learning rates/.test(e.message));
    assert.throws(() => new PiecewiseConstantDecay({ boundaries: [20, 10], values: [1, 0.5, 0.1] }), (e: unknown) => e instanceof ConfigError && /increasing/.test(e.message));
    assert.throws(() => new PiecewiseConstantDecay({ boundaries: [], values: [1] }), ConfigError);
  });
});

describe('schedules inside an optimizer', () => {
  it('are evaluated at iterations before the update: the first step uses step 0', () => {
    const opt = createOptimizer({ class_name: 'SGD', config: { learning_rate: { class_name: 'ExponentialDecay', config: { initial_learning_rate: 0.1, decay_steps: 1, decay_rate: 0.5 } } } }, 'optimizer');
    const w = new Float32Array([1]);
    opt.build(1, [{ offset: 0, size: 1 }]);
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) { seen.push(opt.learningRate); opt.step(w, new Float32Array([1])); }
    assert.deepEqual(seen, [0.1, 0.05, 0.025]);
    assertClose('w', w, [1 - 0.1 - 0.05 - 0.025], 1e-7, 1e-6);
  });

  it('switch piecewise values after the boundary step, and the weight decay uses the same rate', () => {
    const lr = new PiecewiseConstantDecay({ boundaries: [1], values: [0.5, 0.1] });
    const opt = new SGD({ learning_rate: lr, weight_decay: 0.2 });
    const w = new Float32Array([2]);
    opt.build(1, [{ offset: 0, size: 1 }]);
    // steps 0 and 1 use 0.5 (step <= 1), step 2 uses 0.1; each: w <- w - w*wd*lr - lr*g
    let ref = 2;
    for (const rate of [0.5, 0.5, 0.1]) { opt.step(w, new Float32Array([1])); ref = ref - ref * 0.2 * rate - rate * 1; }
    assertClose('w', w, [ref], 1e-7, 1e-6);
  });

  it('make learning_rate unsettable (Keras raises TypeError) and serialize as Keras JSON', () => {
    const opt = new SGD({ learning_rate: { class_name: 'ExponentialDecay', config: { initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.9, staircase: true } } });
    assert.throws(() => { opt.learningRate = 0.01; }, (e: unknown) => e instanceof ConfigError && /ExponentialDecay/.test(e.message));
    const config = opt.getConfig().learning_rate;
    assert.equal(typeof config, 'string');
    assert.deepEqual(JSON.parse(config as string), {
      class_name: 'ExponentialDecay',
      config: { initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.9, staircase: true, name: 'ExponentialDecay' },
    });
  });

  it('refuses schedules Keras has but HyperLab does not, and invented ones, listing the two it has', () => {
    for (const name of ['CosineDecay', 'StepDecay']) {
      assert.throws(() => createOptimizer({ class_name: 'Adam', learning_rate: { class_name: name, config: {} } }, 'optimizer'),
        (e: unknown) => e instanceof ConfigError && e.key === 'optimizer.learning_rate.class_name' && /ExponentialDecay, PiecewiseConstantDecay/.test(e.message));
    }
  });
});
