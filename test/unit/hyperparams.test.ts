/**
 * The hyperparameter schema (src/shared/hyperparams.ts): the lecture's groups, the Keras 3 defaults read
 * from Keras' source, agreement with the engine's registries (the webview cannot import them, so the
 * schema repeats them and this test keeps them equal), and the range check of every control.
 */
import * as assert from 'node:assert/strict';
import { ACTIVATION_NAMES } from '../../src/engine/activations/activationRegistry';
import { EARLY_STOPPING_DEFAULTS } from '../../src/engine/callbacks/earlyStopping';
import { INITIALIZER_NAMES } from '../../src/engine/initializers/initializerRegistry';
import { DEFAULT_PLAYGROUND_FEATURES, PLAYGROUND_FEATURES } from '../../src/engine/datasets/playground';
import { PLAYGROUND_DATASETS } from '../../src/engine/datasets/playgroundGenerators';
import { DEFAULT_SEED } from '../../src/engine/experiment/experiment';
import { OPTIMIZER_CLASS_NAMES, OPTIMIZER_DEFAULTS } from '../../src/engine/optimizers/optimizerRegistry';
import {
  ACTIVATIONS, DATASETS, FEATURES, FIELDS, GROUP_IDS, INITIALIZERS, KERAS_LEARNING_RATES, LAYER_FIELDS, LAYERS_FIELD, OPTIMIZERS, OPTIMIZER_ARGS,
  PLAYGROUND_SAMPLES, PROBLEM_OF_DATASET, type NumberField, SCALAR_KEYS,
} from '../../src/shared/hyperparams';
import { checkField, isInRange } from '../../src/shared/hyperparamSettings';

describe('hyperparameter schema', () => {
  it('groups the fields as the lecture does, then Playground\'s data', () => {
    assert.deepEqual(GROUP_IDS, ['architecture', 'optimization', 'regularization', 'initialization', 'data']);
    const group = (k: keyof typeof FIELDS) => FIELDS[k].group;
    assert.deepEqual(['epochs', 'optimizer', 'learning_rate', 'batch_size'].map((k) => group(k as keyof typeof FIELDS)), Array(4).fill('optimization'));
    assert.deepEqual(['regularizer', 'regularization_rate', 'early_stopping', 'patience'].map((k) => group(k as keyof typeof FIELDS)), Array(4).fill('regularization'));
    assert.deepEqual(['kernel_initializer', 'bias_initializer'].map((k) => group(k as keyof typeof FIELDS)), ['initialization', 'initialization']);
    assert.equal(LAYER_FIELDS.units.group, 'architecture');
    assert.equal(LAYER_FIELDS.rate.group, 'regularization');
  });

  it('gives every field a label, a tooltip and its Keras argument', () => {
    for (const f of [LAYERS_FIELD, ...Object.values(LAYER_FIELDS), ...Object.values(FIELDS)]) {
      assert.ok(f.label.length > 0 && f.tooltip.length > 20 && f.keras.length > 0, `incomplete field ${f.label}`);
    }
  });

  it('has the Keras 3 defaults where Keras has one', () => {
    // keras/src/layers/core/dense.py: activation=None (linear), kernel_initializer="glorot_uniform",
    // bias_initializer="zeros", kernel_regularizer=None
    assert.equal(LAYER_FIELDS.activation.kerasDefault, 'linear');
    assert.equal(FIELDS.kernel_initializer.kerasDefault, 'glorot_uniform');
    assert.equal(FIELDS.bias_initializer.kerasDefault, 'zeros');
    assert.equal(FIELDS.regularizer.kerasDefault, 'none');
    // keras/src/trainers/trainer.py: compile(optimizer="rmsprop"); keras/src/trainers/trainer.py + data adapters: fit(epochs=1, batch_size=None -> 32)
    assert.equal(FIELDS.optimizer.kerasDefault, 'RMSprop');
    assert.equal(FIELDS.epochs.kerasDefault, 1);
    assert.equal(FIELDS.batch_size.kerasDefault, 32);
    // keras/src/optimizers/sgd.py learning_rate=0.01, momentum=0.0, nesterov=False; rmsprop.py 0.001, rho=0.9,
    // epsilon=1e-7, centered=False; adam.py 0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7, amsgrad=False;
    // adamw.py weight_decay=0.004; adagrad.py initial_accumulator_value=0.1
    assert.deepEqual(KERAS_LEARNING_RATES, { SGD: 0.01, RMSprop: 0.001, Adam: 0.001, AdamW: 0.001, Adagrad: 0.001, Nadam: 0.001 });
    assert.deepEqual([FIELDS.momentum.kerasDefault, FIELDS.nesterov.kerasDefault, FIELDS.rho.kerasDefault, FIELDS.centered.kerasDefault], [0, false, 0.9, false]);
    assert.deepEqual([FIELDS.beta_1.kerasDefault, FIELDS.beta_2.kerasDefault, FIELDS.epsilon.kerasDefault, FIELDS.amsgrad.kerasDefault], [0.9, 0.999, 1e-7, false]);
    assert.deepEqual([FIELDS.weight_decay.kerasDefault, FIELDS.initial_accumulator_value.kerasDefault], [0.004, 0.1]);
    // keras/src/regularizers/regularizers.py: L1(l1=0.01), L2(l2=0.01)
    assert.equal(FIELDS.regularization_rate.kerasDefault, 0.01);
    // keras/src/callbacks/early_stopping.py: patience=0, min_delta=0, restore_best_weights=False
    assert.deepEqual([FIELDS.patience.kerasDefault, FIELDS.min_delta.kerasDefault, FIELDS.restore_best_weights.kerasDefault], [0, 0, false]);
    // keras/src/initializers/constant_initializers.py: Constant(value=0.0)
    assert.deepEqual([FIELDS.kernel_constant.kerasDefault, FIELDS.bias_constant.kerasDefault], [0, 0]);
  });

  it('starts at Keras\' default, except where it starts where Playground does (PLAYGROUND.md §4)', () => {
    // Playground: tanh, learning rate 0.03, batch size 10, plain SGD (its only optimizer), a run of many epochs.
    const playgroundStarts = new Set(['epochs', 'optimizer', 'batch_size']);
    for (const k of SCALAR_KEYS) {
      const f = FIELDS[k];
      if (f.kerasDefault === null || playgroundStarts.has(k)) continue;
      assert.deepEqual(f.default, f.kerasDefault, `${k} starts at ${String(f.default)}, Keras has ${String(f.kerasDefault)}`);
    }
    assert.deepEqual([FIELDS.optimizer.default, FIELDS.learning_rate.default, FIELDS.batch_size.default, LAYER_FIELDS.activation.default], ['SGD', 0.03, 10, 'tanh']);
    assert.deepEqual(LAYERS_FIELD.default.map((l) => l.units), [4, 2]);
    assert.deepEqual([FIELDS.noise.default, FIELDS.train_ratio.default, FIELDS.dataset.default], [0, 0.5, 'circle']);
  });

  it('agrees with the engine\'s registries', () => {
    assert.deepEqual([...ACTIVATIONS], [...ACTIVATION_NAMES]);
    assert.deepEqual([...INITIALIZERS], [...INITIALIZER_NAMES]);
    assert.deepEqual([...OPTIMIZERS], [...OPTIMIZER_CLASS_NAMES]);
    assert.deepEqual([...FEATURES], [...PLAYGROUND_FEATURES.keys()]);
    assert.deepEqual(FIELDS.features.default, DEFAULT_PLAYGROUND_FEATURES);
    assert.equal(FIELDS.seed.default, DEFAULT_SEED);
    assert.equal(FIELDS.patience.kerasDefault, EARLY_STOPPING_DEFAULTS.patience);
    assert.equal(FIELDS.min_delta.kerasDefault, EARLY_STOPPING_DEFAULTS.min_delta);
    assert.equal(FIELDS.restore_best_weights.kerasDefault, EARLY_STOPPING_DEFAULTS.restore_best_weights);
    for (const opt of OPTIMIZERS) {
      const engine = OPTIMIZER_DEFAULTS[opt];
      assert.equal(KERAS_LEARNING_RATES[opt], engine.learning_rate, `${opt} learning_rate`);
      for (const arg of OPTIMIZER_ARGS[opt]) assert.equal(FIELDS[arg].kerasDefault, engine[arg], `${opt}(${arg}=)`);
      // Every argument of the engine's optimizer is offered, except the base ones (clipping; weight_decay outside AdamW).
      const own = Object.keys(engine).filter((a) => !['learning_rate', 'weight_decay', 'clipnorm', 'clipvalue', 'global_clipnorm'].includes(a));
      assert.deepEqual(own.filter((a) => !(OPTIMIZER_ARGS[opt] as readonly string[]).includes(a)), [], `${opt} arguments`);
    }
    const engineName: Record<string, string> = { plane: 'reg-plane', multi_gaussian: 'reg-gauss' };
    for (const d of DATASETS) {
      const info = PLAYGROUND_DATASETS.get(engineName[d] ?? d);
      assert.ok(info, d);
      assert.equal(info.task === 'binary' ? 'classification' : 'regression', PROBLEM_OF_DATASET[d], d);
      assert.equal(info.defaultSamples, PLAYGROUND_SAMPLES[PROBLEM_OF_DATASET[d]], d);
    }
  });

  it('offers Playground\'s limits and options', () => {
    assert.deepEqual(FIELDS.learning_rate.presets, [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]);
    assert.deepEqual(FIELDS.regularization_rate.presets, [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]);
    assert.deepEqual([FIELDS.batch_size.min, FIELDS.batch_size.max], [1, 512]);
    assert.deepEqual([FIELDS.noise.min, FIELDS.noise.max, FIELDS.train_ratio.min, FIELDS.train_ratio.max], [0, 0.5, 0.1, 0.9]);
    assert.deepEqual([LAYER_FIELDS.units.min, LAYER_FIELDS.units.max], [1, 64]);
  });
});

describe('control ranges', () => {
  const numberFields: [string, NumberField][] = [
    ...Object.entries(FIELDS).filter((e): e is [string, NumberField] => e[1].kind === 'number'),
    ['units', LAYER_FIELDS.units], ['rate', LAYER_FIELDS.rate],
  ];

  for (const [name, f] of numberFields) {
    it(`${name}: accepts ${f.minOpen ? '(' : '['}${f.min}, ${f.max}${f.maxOpen ? ')' : ']'} and refuses what lies outside`, () => {
      const step = f.integer ? 1 : Math.max(1e-9, (f.max - f.min) * 1e-6);
      assert.equal(isInRange(f, f.min), !f.minOpen);
      assert.equal(isInRange(f, f.max), !f.maxOpen);
      assert.ok(isInRange(f, f.default), `default ${f.default}`);
      assert.ok(isInRange(f, f.min + step) && isInRange(f, f.max - step));
      assert.ok(!isInRange(f, f.min - step) && !isInRange(f, f.max + step));
      for (const bad of [Number.NaN, Infinity, '1', null, undefined]) assert.ok(!isInRange(f, bad), String(bad));
      if (f.integer) assert.ok(!isInRange(f, f.min + 0.5));
    });
  }

  it('choices accept their options only, the feature set needs 1..7 distinct features', () => {
    assert.ok(checkField(FIELDS.optimizer, 'Adam') && !checkField(FIELDS.optimizer, 'adam') && !checkField(FIELDS.optimizer, 3));
    assert.ok(checkField(FIELDS.nesterov, true) && !checkField(FIELDS.nesterov, 'true'));
    assert.ok(checkField(FIELDS.features, ['x1']) && checkField(FIELDS.features, [...FEATURES]));
    for (const bad of [[], ['x1', 'x1'], ['x3'], 'x1', [1]]) assert.ok(!checkField(FIELDS.features, bad), JSON.stringify(bad));
  });
});
