import * as assert from 'node:assert/strict';
import { defaultSettings } from '../../../src/shared/hyperparamSettings';
import type { HyperparamSettings } from '../../../src/shared/hyperparams';
import { applyParameters } from '../../../src/sweeps/applyParameters';
import { readSweepDefinition } from '../../../src/sweeps/sweepDefinition';
import { loadExperiment } from '../../../src/engine/experiment/experiment';
import { nodeDataIo } from '../../../src/engine/experiment/nodeDataIo';
import { createBackend } from '../../../src/engine/kernels/engineBackend';
import { formatSpec, gridValues, isGridReady, parseSpec, sidebarMetrics, sidebarSweepJson, sweepCandidates, sweepFileName } from '../../../src/host/sweeps/sidebarSweep';
import { capItems, checkCap, planText, planTitle, remainingTrials } from '../../../src/host/sweeps/sweepPlanText';
import { t } from './fakes';

const define = (json: unknown) => readSweepDefinition(json, { fileName: 'circle-sweep.sweep.json', readExperiment: () => ({}) });

describe('sweeps in the extension: a sweep from the sidebar\'s settings', () => {
  const s = defaultSettings();

  it('offers the sidebar\'s hyperparameters with ranges around their values (Playground\'s start: [4, 2] tanh, SGD 0.03)', () => {
    const c = Object.fromEntries(sweepCandidates(s, t).map((x) => [x.name, x]));
    assert.deepEqual(Object.keys(c), ['learning_rate', 'optimizer', 'units', 'model.layers[0].units', 'model.layers[1].units', 'hidden_layers', 'activation', 'batch_size', 'l2', 'kernel_initializer', 'epochs', 'noise']);
    assert.deepEqual(c.learning_rate!.proposal, { min: 0.003, max: 0.3, distribution: 'log_uniform' });
    assert.deepEqual(c.units!.proposal, { min: 2, max: 16 });
    assert.deepEqual(c['model.layers[1].units']!.proposal, { min: 1, max: 8 });
    assert.deepEqual(c.hidden_layers!.proposal, { min: 1, max: 3 });
    assert.deepEqual(c.activation!.proposal, { values: ['tanh', 'relu', 'sigmoid'] });
    assert.deepEqual(c.optimizer!.proposal, { values: ['SGD', 'Adam', 'RMSprop'] });
    assert.deepEqual(c.batch_size!.proposal, { values: [5, 10, 20, 40] });
    assert.deepEqual(c.noise!.proposal, { min: 0, max: 0.5, step: 0.1 });
    assert.deepEqual(sweepCandidates(s, t).filter((x) => x.picked).map((x) => x.name), ['learning_rate', 'units', 'activation']);
  });

  it('offers the dropout rate only with a Dropout layer, and no layer arguments without hidden layers', () => {
    const withDropout: HyperparamSettings = { ...s, layers: [s.layers[0]!, { type: 'Dropout', units: 2, activation: 'tanh', rate: 0.2 }] };
    assert.ok(sweepCandidates(withDropout, t).some((c) => c.name === 'dropout'));
    assert.ok(!sweepCandidates(s, t).some((c) => c.name === 'dropout'));
    const none = sweepCandidates({ ...s, layers: [] }, t).map((c) => c.name);
    assert.deepEqual(none, ['learning_rate', 'optimizer', 'batch_size', 'epochs', 'noise']);
  });

  it('reads and writes the range syntax the user edits', () => {
    assert.deepEqual(parseSpec('0.001 .. 0.1 log', t), { min: 0.001, max: 0.1, distribution: 'log_uniform' });
    assert.deepEqual(parseSpec('2..16 step 2', t), { min: 2, max: 16, step: 2 });
    assert.deepEqual(parseSpec('1e-4 to 1e-1 log', t), { min: 0.0001, max: 0.1, distribution: 'log_uniform' });
    assert.deepEqual(parseSpec(' tanh, relu ,tanh ', t), { values: ['tanh', 'relu'] });
    assert.deepEqual(parseSpec('8, 16, 32, true', t), { values: [8, 16, 32, true] });
    assert.deepEqual(parseSpec('lecun_normal, he_uniform', t), { values: ['lecun_normal', 'he_uniform'] });
    assert.ok('error' in parseSpec('a .. b', t));
    assert.ok('error' in parseSpec(' , ', t));
    for (const c of sweepCandidates(s, t)) assert.deepEqual(parseSpec(formatSpec(c.proposal), t), c.proposal, c.name);
  });

  it('turns continuous ranges into a few grid values for a grid search', () => {
    assert.ok(isGridReady({ min: 2, max: 16 }) && isGridReady({ min: 0, max: 0.5, step: 0.1 }) && isGridReady({ values: [1] }));
    assert.ok(!isGridReady({ min: 0.001, max: 0.1, distribution: 'log_uniform' }));
    assert.deepEqual(gridValues({ min: 0.001, max: 1, distribution: 'log_uniform' }), { values: [0.001, 0.01, 0.1, 1] });
    assert.deepEqual(gridValues({ min: 0, max: 1, distribution: 'uniform' }), { values: [0, 0.25, 0.5, 0.75, 1] });
  });

  it('writes a sweep file the sweep reader accepts, whose every trial is an experiment the engine loads', async () => {
    const c = Object.fromEntries(sweepCandidates(s, t).map((x) => [x.name, x.proposal]));
    const metrics = sidebarMetrics(s);
    assert.deepEqual(metrics.map((m) => [m.name, m.goal]), [['val_loss', 'minimize'], ['val_accuracy', 'maximize'], ['loss', 'minimize']]);
    const json = sidebarSweepJson(s, { parameters: { learning_rate: c.learning_rate!, units: c.units!, activation: c.activation!, optimizer: c.optimizer! }, method: 'tpe', earlyTerminate: 'median', metric: metrics[1]!, maxTrials: 20 }, 'from the sidebar');
    const def = define(json);
    assert.deepEqual([def.method, def.metric, def.maxTrials, def.earlyTerminate?.type, def.parameters.length], ['tpe', { name: 'val_accuracy', goal: 'maximize' }, 20, 'median', 4]);
    const trial = applyParameters(def.experiment, [
      { path: def.parameters[0]!.path, value: 0.05 }, { path: def.parameters[1]!.path, value: 9 }, { path: def.parameters[2]!.path, value: 'relu' }, { path: def.parameters[3]!.path, value: 'Adam' },
    ]);
    const exp = await loadExperiment(trial, { io: nodeDataIo(process.cwd(), process.cwd()), backend: createBackend('typescript') });
    assert.equal(exp.compiled.model.countParams(), 2 * 9 + 9 + 9 * 9 + 9 + 9 + 1);
    const layers = (trial.model as { layers: { units?: number; activation?: string }[] }).layers;
    assert.deepEqual(layers.map((l) => [l.units, l.activation]), [[9, 'relu'], [9, 'relu'], [1, 'sigmoid']]);
    const grid = define(sidebarSweepJson(s, { parameters: { learning_rate: c.learning_rate!, noise: c.noise! }, method: 'grid', earlyTerminate: null, metric: metrics[0]!, maxTrials: 100 }, ''));
    assert.equal(grid.maxTrials, 24, 'a grid of 4 learning rates × 6 noise levels stops at its size');
  });

  it('names the file after the dataset without reusing a name', () => {
    const taken = new Set(['circle-sweep.sweep.json', 'circle-sweep-2.sweep.json']);
    assert.equal(sweepFileName('circle', (n) => taken.has(n)), 'circle-sweep-3.sweep.json');
    assert.equal(sweepFileName('xor', () => false), 'xor-sweep.sweep.json');
  });
});

describe('sweeps in the extension: the plan before a sweep starts', () => {
  const base = { seed: 1, model: { input_shape: [2], layers: [{ class_name: 'Dense', units: 4 }, { class_name: 'Dense', units: 1, activation: 'sigmoid' }] }, compile: { optimizer: 'adam', loss: 'binary_crossentropy' }, fit: { epochs: 81 }, data: { dataset: 'circle' } };
  const grid = define({ experiment: base, method: 'grid', parameters: { units: { values: [2, 4, 8] }, activation: { values: ['relu', 'tanh'] } } });
  const hyperband = define({ experiment: base, method: 'tpe', max_trials: 30, early_terminate: { type: 'hyperband' }, parameters: { learning_rate: { min: 0.001, max: 0.1, distribution: 'log_uniform' } } });

  it('says how many trials and epochs a grid runs, and what Hyperband is expected to save', () => {
    assert.equal(planText(grid, 6, t), '6 trials × 81 epochs = 486 epochs');
    assert.match(planText(hyperband, 30, t), /^30 trials × 81 epochs = 2,430 epochs \(about [\d,]+ with hyperband pruning \(5 brackets\)\)$/);
    assert.equal(planTitle(grid, 2, t), 'circle-sweep: grid sweep of 2 parameters, minimize val_loss · 2 trials already in the study');
  });

  it('offers to run all (the remaining) trials or a cap, and checks the cap', () => {
    assert.deepEqual(capItems(grid, 0, t).map((i) => [i.label, i.choice]), [['Run all 6 trials', { kind: 'all', trials: 6 }], ['Cap the number of trials…', { kind: 'cap' }]]);
    assert.equal(capItems(grid, 4, t)[0]!.label, 'Run the remaining 2 trials');
    assert.equal(remainingTrials(hyperband, 30), 0);
    assert.deepEqual(capItems(hyperband, 30, t).map((i) => i.choice.kind), ['cap'], 'a full study: only more trials');
    assert.equal(checkCap('3', grid, 4, t), 'The grid has 2 points left');
    assert.equal(checkCap('0', grid, 0, t), 'A whole number of trials, at least 1');
    assert.equal(checkCap('2.5', hyperband, 0, t), 'A whole number of trials, at least 1');
    assert.equal(checkCap('12', hyperband, 30, t), null);
  });
});
