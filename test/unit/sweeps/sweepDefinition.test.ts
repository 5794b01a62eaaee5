import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError } from '../../../src/engine/configError';
import { renderMessage } from '../../../src/shared/message';
import { loadExperiment } from '../../../src/engine/experiment/experiment';
import { nodeDataIo } from '../../../src/engine/experiment/nodeDataIo';
import { createBackend } from '../../../src/engine/kernels/engineBackend';
import type { JsonObject } from '../../../src/engine/experiment/specReader';
import { applyParameters } from '../../../src/sweeps/applyParameters';
import { distributionToJson } from '../../../src/sweeps/distributions';
import { loadSweepFile } from '../../../src/sweeps/sweepFile';
import { type SweepDefinition, readSweepDefinition } from '../../../src/sweeps/sweepDefinition';
import { planSweep } from '../../../src/sweeps/sweepPlan';

const examples = path.resolve('examples');
const circle = JSON.parse(fs.readFileSync(path.join(examples, 'circle.experiment.json'), 'utf8')) as JsonObject;

function read(sweep: Record<string, unknown>): SweepDefinition {
  return readSweepDefinition({ experiment: circle, ...sweep }, { fileName: 'demo.sweep.json', readExperiment: () => circle });
}

function throwsConfig(fn: () => unknown, key: string, allowed: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${String(e)}`);
    assert.equal(e.key, key);
    assert.match(renderMessage(e.allowed), allowed);
    return true;
  });
}

const assign = (def: SweepDefinition, values: Record<string, unknown>) =>
  applyParameters(def.experiment, def.parameters.map((p) => ({ path: p.path, value: values[p.path.name] as never })));

describe('sweeps: the *.sweep.json reader', () => {
  it('maps each parameter to the distribution Optuna\'s suggest_* records', () => {
    const def = read({
      method: 'tpe', max_trials: 10,
      parameters: {
        'compile.optimizer.learning_rate': { min: 0.001, max: 1, distribution: 'log_uniform' },
        'model.layers[0].units': { values: [2, 4, 8] },
        'fit.batch_size': { min: 8, max: 64 },
        dropout: { min: 0.1, max: 0.5, step: 0.1 },
      },
    });
    // The same strings Debian's Optuna 3.1 wrote for these suggestions (/work/shared/reference/OPTUNA.md).
    assert.deepEqual(def.parameters.map((p) => distributionToJson(p.distribution)), [
      '{"name": "FloatDistribution", "attributes": {"step": null, "low": 0.001, "high": 1.0, "log": true}}',
      '{"name": "CategoricalDistribution", "attributes": {"choices": [2, 4, 8]}}',
      '{"name": "IntDistribution", "attributes": {"log": false, "step": 1, "low": 8, "high": 64}}',
      '{"name": "FloatDistribution", "attributes": {"step": 0.1, "low": 0.1, "high": 0.5, "log": false}}',
    ]);
    assert.deepEqual(def.metric, { name: 'val_loss', goal: 'minimize' });
    assert.equal(def.name, 'demo');
  });

  it('names the key, the value and what is allowed in every error', () => {
    throwsConfig(() => read({ method: 'bayes', max_trials: 3, parameters: { learning_rate: { values: [0.1] } } }), 'method', /"grid", "random", "tpe"/);
    throwsConfig(() => read({ method: 'random', parameters: { learning_rate: { values: [0.1] } } }), 'max_trials', /whole number/);
    throwsConfig(() => read({ max_trials: 3, parameters: { learning_rate: { min: 0, max: 1, distribution: 'log_uniform' } } }), 'parameters.learning_rate.min', /> 0/);
    throwsConfig(() => read({ max_trials: 3, parameters: { learning_rate: { min: 0.1, max: 1, distribution: 'normal' } } }), 'parameters.learning_rate.distribution', /uniform, log_uniform/);
    throwsConfig(() => read({ max_trials: 3, parameters: { 'model.layers[7].units': { values: [1] } } }), 'parameters.model.layers[7].units', /below 3/);
    throwsConfig(() => read({ max_trials: 3, parameters: { 'model.layers[1].units': { values: [1] } } }), 'parameters.model.layers[1].units', /Dropout takes: rate/);
    throwsConfig(() => read({ max_trials: 3, parameters: { momentum: { values: [0.9] } } }), 'parameters.momentum', /momentum is not an argument of Adam/);
    throwsConfig(() => read({ max_trials: 3, metric: { name: 'val_auc' }, parameters: { units: { values: [1] } } }), 'metric.name', /val_accuracy/);
    throwsConfig(() => read({ method: 'grid', parameters: { learning_rate: { min: 0.1, max: 1 } } }), 'parameters.learning_rate', /grid search enumerates/);
    throwsConfig(() => read({ max_trials: 3, parameters: { units: { values: [2, 2] } } }), 'parameters.units.values[1]', /not already in the list/);
    throwsConfig(() => read({ max_trials: 3, parameters: { units: { values: [2] } }, early_terminate: { type: 'asha', eta: 3 } }), 'early_terminate.eta', /reduction_factor/);
    throwsConfig(() => read({ max_trials: 3, parameters: { 'fit.learning_rate': { values: [2] } } }), 'parameters.fit.learning_rate', /fit.<key>/);
  });

  it('puts a trial\'s values into a copy of the base experiment in Keras spelling', () => {
    const def = read({
      max_trials: 5,
      parameters: {
        optimizer: { values: ['SGD', 'Adam'] }, learning_rate: { min: 0.001, max: 0.1, distribution: 'log_uniform' },
        units: { values: [3, 5] }, activation: { values: ['relu'] }, l1: { values: [0.01] }, batch_size: { values: [16] },
        features: { values: [['x1', 'x2', 'x1^2']] }, noise: { min: 0, max: 0.5 },
      },
    });
    const exp = assign(def, { optimizer: 'SGD', learning_rate: 0.02, units: 5, activation: 'relu', l1: 0.01, batch_size: 16, features: 'x1,x2,x1^2', noise: 0.25 });
    assert.deepEqual((exp.compile as JsonObject).optimizer, { class_name: 'SGD', learning_rate: 0.02 });
    const layers = (exp.model as JsonObject).layers as JsonObject[];
    assert.equal(layers[0]!.units, 5);
    assert.equal(layers[2]!.units, 1, 'the output layer keeps its units');
    assert.equal(layers[0]!.activation, 'relu');
    assert.equal(layers[2]!.activation, 'sigmoid');
    assert.deepEqual(layers[0]!.kernel_regularizer, { class_name: 'L1L2', l1: 0.01, l2: 0.001 });
    assert.deepEqual((exp.model as JsonObject).input_shape, [3]);
    assert.deepEqual((exp.data as JsonObject).features, ['x1', 'x2', 'x1^2']);
    assert.equal((exp.fit as JsonObject).batch_size, 16);
    assert.equal(((circle.model as JsonObject).layers as JsonObject[])[0]!.units, 8, 'the base is untouched');
  });

  it('grows and shrinks the hidden layers, repeating the last Dense block', async () => {
    const def = read({ max_trials: 2, parameters: { hidden_layers: { values: [0, 3] }, units: { values: [4] } } });
    const grown = assign(def, { hidden_layers: 3, units: 4 });
    const classes = ((grown.model as JsonObject).layers as JsonObject[]).map((l) => `${String(l.class_name)}${typeof l.units === 'number' ? l.units : ''}`);
    assert.deepEqual(classes, ['Dense4', 'Dropout', 'Dense4', 'Dropout', 'Dense4', 'Dropout', 'Dense1']);
    const none = assign(def, { hidden_layers: 0, units: 4 });
    assert.deepEqual(((none.model as JsonObject).layers as JsonObject[]).map((l) => l.class_name), ['Dense']);
    // Both still load as experiments (the engine checks every key and shape).
    for (const exp of [grown, none]) {
      const loaded = await loadExperiment(exp, { io: nodeDataIo(examples, path.resolve(examples, '..')), backend: createBackend('typescript') });
      assert.equal(loaded.compiled.model.inputSize, 2);
    }
  });

  it('counts the trials and epochs of a grid and of a Hyperband sweep before it starts', () => {
    const grid = read({ method: 'grid', parameters: { units: { values: [2, 4, 8] }, batch_size: { min: 8, max: 32, step: 8 } } });
    assert.equal(grid.maxTrials, 12);
    assert.deepEqual(planSweep(grid), { trials: 12, epochsPerTrial: 60, maxEpochs: 720, expectedEpochs: 720, brackets: null });
    const hb = read({ method: 'random', max_trials: 30, parameters: { units: { values: [2, 4] } }, early_terminate: { type: 'hyperband' } });
    const plan = planSweep(hb);
    // R = 60, η = 3: floor(log3 60) + 1 = 4 brackets (Optuna's HyperbandPruner with max_resource 60).
    assert.equal(plan.brackets, 4);
    assert.ok(plan.expectedEpochs < plan.maxEpochs / 3, `${plan.expectedEpochs} of ${plan.maxEpochs}`);
  });

  it('reads a sweep file that names its experiment file, and resolves the journal beside it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-sweepfile-'));
    try {
      fs.mkdirSync(path.join(dir, 'exp'));
      fs.writeFileSync(path.join(dir, 'exp', 'c.experiment.json'), JSON.stringify(circle));
      fs.writeFileSync(path.join(dir, 'lr.sweep.json'), JSON.stringify({ experiment: 'exp/c.experiment.json', method: 'random', max_trials: 4, parameters: { learning_rate: { min: 0.001, max: 0.1, distribution: 'log_uniform' } } }));
      const sf = loadSweepFile(path.join(dir, 'lr.sweep.json'));
      assert.equal(sf.definition.name, 'lr');
      assert.equal(sf.baseDir, path.join(dir, 'exp'));
      assert.equal(sf.storage, path.join(dir, '.hyperlab', 'sweeps', 'lr.optuna.log'));
      fs.writeFileSync(path.join(dir, 'bad.sweep.json'), '{"experiment": "none.json"}');
      assert.throws(() => loadSweepFile(path.join(dir, 'bad.sweep.json')), /cannot read the experiment file .*none\.json: no such file/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
