/**
 * Sidebar settings → experiment JSON → the engine: validation and restore of whole settings, the
 * experiment experimentFromSettings writes (checked key by key), loadExperiment accepting it for every
 * dataset, optimizer, initializer and the edges of every range, one epoch of training, and the live
 * numbers (parameter count, iterations per epoch) equal to what the engine builds.
 */
import * as assert from 'node:assert/strict';
import { type Experiment, loadExperiment } from '../../src/engine/experiment/experiment';
import { nodeDataIo } from '../../src/engine/experiment/nodeDataIo';
import { runExperiment } from '../../src/engine/experiment/runExperiment';
import { createBackend } from '../../src/engine/kernels/engineBackend';
import { experimentFromSettings } from '../../src/host/sidebar/experimentFromSettings';
import { DATASETS, FIELDS, type HyperparamSettings, INITIALIZERS, type NumberField, OPTIMIZERS, OPTIMIZER_ARGS, PROBLEM_OF_DATASET, SCALAR_KEYS } from '../../src/shared/hyperparams';
import {
  activeKeys, defaultSettings, iterationsPerEpoch, isHyperparamSettings, parameterCount, restoreSettings, trainingSamples, validateSettings, withProblemType,
} from '../../src/shared/hyperparamSettings';

const ROOT = process.cwd();
const load = (s: HyperparamSettings): Promise<Experiment> =>
  loadExperiment(experimentFromSettings(s), { io: nodeDataIo(ROOT, ROOT), backend: createBackend('typescript') });
const base = (patch: Partial<HyperparamSettings> = {}): HyperparamSettings => ({ ...defaultSettings(), ...patch });

describe('sidebar settings', () => {
  it('start valid, and validation names each wrong setting with what it allows', () => {
    assert.deepEqual(validateSettings(defaultSettings()), []);
    const bad = { ...defaultSettings(), batch_size: 0, layers: [{ type: 'Dense', units: 65, activation: 'tanh', rate: 0.5 }], extra: 1 };
    const problems = validateSettings(bad);
    assert.deepEqual(problems.map((p) => p.path).sort(), ['batch_size', 'extra', 'layers[0].units']);
    assert.equal(problems.find((p) => p.path === 'batch_size')?.allowed, '1 … 512');
    assert.equal(problems.find((p) => p.path === 'layers[0].units')?.allowed, '1 … 64');
    assert.ok(!isHyperparamSettings({ ...defaultSettings(), layers: Array(7).fill(defaultSettings().layers[0]) }), 'seven hidden layers');
    assert.ok(!isHyperparamSettings({ ...defaultSettings(), dataset: 'plane' }), 'a regression dataset under classification');
    assert.ok(!isHyperparamSettings({ ...defaultSettings(), learning_rate: 0 }) && isHyperparamSettings({ ...defaultSettings(), learning_rate: 10 }));
    assert.ok(!isHyperparamSettings(null) && !isHyperparamSettings([]));
  });

  it('restore keeps every valid stored value and replaces the rest', () => {
    const stored = { ...defaultSettings(), epochs: 7, batch_size: 'big', layers: [{ type: 'Dropout', units: 3, activation: 'nope', rate: 0.2 }], dataset: 'plane', removed: true };
    const restored = restoreSettings(stored);
    assert.ok(isHyperparamSettings(restored));
    assert.equal(restored.epochs, 7);
    assert.equal(restored.batch_size, FIELDS.batch_size.default);
    assert.deepEqual(restored.layers, [{ type: 'Dropout', units: 3, activation: 'tanh', rate: 0.2 }]);
    assert.equal(restored.problem_type, 'regression', 'the dataset decides the problem type');
    assert.deepEqual(restoreSettings('garbage'), defaultSettings());
  });

  it('switch the dataset with the problem type, and show only the arguments that apply', () => {
    assert.equal(withProblemType(defaultSettings(), 'regression').dataset, 'plane');
    assert.equal(withProblemType(base({ dataset: 'xor' }), 'classification').dataset, 'xor');
    const sgd = activeKeys(defaultSettings());
    assert.ok(sgd.includes('momentum') && sgd.includes('nesterov') && !sgd.includes('beta_1') && !sgd.includes('patience') && !sgd.includes('kernel_constant'));
    const adamEs = activeKeys(base({ optimizer: 'AdamW', early_stopping: true, bias_initializer: 'constant', regularizer: 'L2' }));
    for (const k of ['beta_1', 'weight_decay', 'patience', 'restore_best_weights', 'bias_constant', 'regularization_rate'] as const) assert.ok(adamEs.includes(k), k);
    assert.ok(!adamEs.includes('momentum'));
  });
});

describe('experimentFromSettings', function () {
  this.timeout(60_000);

  it('writes the settings in Keras spelling, with Playground\'s output layer and loss', () => {
    const s = base({
      layers: [{ type: 'Dense', units: 5, activation: 'relu', rate: 0.5 }, { type: 'Dropout', units: 2, activation: 'tanh', rate: 0.25 }],
      optimizer: 'SGD', learning_rate: 0.1, momentum: 0.9, nesterov: true, regularizer: 'L2', regularization_rate: 0.003,
      early_stopping: true, patience: 4, min_delta: 0.001, restore_best_weights: true, bias_initializer: 'constant', bias_constant: 0.1,
      features: ['x1', 'x2', 'x1*x2'], noise: 0.1, train_ratio: 0.7, seed: 7, epochs: 3, batch_size: 16,
    });
    const dense = (units: number, activation: string) => ({ class_name: 'Dense', units, activation, kernel_initializer: 'glorot_uniform', bias_initializer: { class_name: 'Constant', value: 0.1 }, kernel_regularizer: { class_name: 'L2', l2: 0.003 } });
    assert.deepEqual(experimentFromSettings(s), {
      seed: 7,
      model: { input_shape: [3], layers: [dense(5, 'relu'), { class_name: 'Dropout', rate: 0.25 }, dense(1, 'sigmoid')] },
      compile: { optimizer: { class_name: 'SGD', learning_rate: 0.1, momentum: 0.9, nesterov: true }, loss: 'binary_crossentropy', metrics: ['accuracy'] },
      fit: { epochs: 3, batch_size: 16, shuffle: true, callbacks: [{ class_name: 'EarlyStopping', monitor: 'val_loss', patience: 4, min_delta: 0.001, restore_best_weights: true }] },
      data: { dataset: 'circle', noise: 0.1, train_ratio: 0.7, features: ['x1', 'x2', 'x1*x2'] },
    });
    const regression = experimentFromSettings(withProblemType(base(), 'regression'));
    assert.equal(regression.compile.loss, 'mean_squared_error');
    assert.deepEqual((regression.model.layers.at(-1) as { activation: string }).activation, 'linear');
  });

  it('round-trips through loadExperiment and trains one epoch; the live numbers match the engine', async () => {
    const s = base({ epochs: 1, layers: [{ type: 'Dense', units: 6, activation: 'relu', rate: 0.5 }, { type: 'Dropout', units: 2, activation: 'tanh', rate: 0.3 }, { type: 'Dense', units: 3, activation: 'tanh', rate: 0.5 }], features: ['x1', 'x2', 'sin(x1)'], batch_size: 32, train_ratio: 0.7 });
    const exp = await load(s);
    assert.equal(exp.compiled.model.countParams(), parameterCount(s), 'parameter count');
    assert.equal(parameterCount(s), (3 * 6 + 6) + (6 * 3 + 3) + (3 + 1));
    assert.equal(exp.train.n, trainingSamples(s));
    assert.equal(iterationsPerEpoch(s), Math.ceil(350 / 32));
    const result = runExperiment(exp);
    assert.equal(result.epochsRun, 1);
    assert.ok(Number.isFinite(result.history[0]!.logs.loss) && Number.isFinite(result.history[0]!.logs.val_loss));
  });

  it('gives the engine a valid experiment for every dataset, optimizer and initializer, and for no hidden layer', async () => {
    for (const dataset of DATASETS) {
      const s = withProblemType(base({ epochs: 1, dataset }), PROBLEM_OF_DATASET[dataset]);
      assert.equal((await load(s)).train.n, trainingSamples(s), dataset);
    }
    for (const optimizer of OPTIMIZERS) assert.equal((await load(base({ epochs: 1, optimizer }))).compiled.optimizer.className, optimizer);
    for (const init of INITIALIZERS) await load(base({ epochs: 1, kernel_initializer: init, bias_initializer: init, kernel_constant: 0.2 }));
    const linear = base({ layers: [] });
    assert.equal((await load(linear)).compiled.model.countParams(), parameterCount(linear));
    assert.equal(parameterCount(linear), 3);
  });

  it('gives the engine a valid experiment at both ends of every range', async () => {
    for (const key of SCALAR_KEYS) {
      const f = FIELDS[key];
      if (f.kind !== 'number') continue;
      const n: NumberField = f;
      for (const edge of [n.minOpen ? n.min + 1e-6 : n.min, n.maxOpen ? n.max - 1e-6 : n.max]) {
        if (key === 'epochs' && edge > 1) continue; // 10,000 epochs: valid, but not run here
        const s = base({ [key]: edge, epochs: 1 });
        assert.ok(isHyperparamSettings(s), `${key}=${edge}`);
        const users = OPTIMIZERS.filter((o) => (OPTIMIZER_ARGS[o] as readonly string[]).includes(key));
        for (const optimizer of users.length ? users : (['AdamW'] as const)) {
          const run = { ...s, optimizer, early_stopping: true, kernel_initializer: 'constant', bias_initializer: 'constant', regularizer: 'L1' } as const;
          await load(run).catch((e: unknown) => assert.fail(`${key}=${edge} with ${optimizer}: ${String(e)}`));
        }
      }
    }
    const edges = base({ epochs: 1, layers: [{ type: 'Dense', units: 64, activation: 'relu', rate: 0.5 }, { type: 'Dropout', units: 2, activation: 'tanh', rate: 1 - 1e-6 }, { type: 'Dense', units: 1, activation: 'tanh', rate: 0.5 }, { type: 'Dropout', units: 2, activation: 'tanh', rate: 0 }] });
    assert.ok(isHyperparamSettings(edges));
    assert.equal((await load(edges)).compiled.model.countParams(), parameterCount(edges));
  });
});
