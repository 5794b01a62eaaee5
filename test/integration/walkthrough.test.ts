/**
 * The walkthrough's exercises in the real extension host, stepped through as a learner would: each
 * "Load into the sidebar" puts that exercise's settings into the sidebar (and only those: the previous
 * exercise's do not linger), the sidebar trains it as the exercise file does, and "Train this exercise"
 * trains it under its title and leaves it in the sidebar, one change away from the next experiment.
 * (The UI tier checks that each walkthrough step gets its own tick.)
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HyperLabApi } from '../../src/host/hyperlabApi';

async function api(): Promise<HyperLabApi> {
  const ext = vscode.extensions.getExtension<HyperLabApi>('hyperlab.hyperlab');
  assert.ok(ext);
  return ext.activate();
}

const hidden = (hyperlab: HyperLabApi) => hyperlab.sidebar.settings().layers.map((l) => [l.type, l.units, l.activation]);

describe('stepping through the lecture exercises', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('hyperlab.stopTraining');
    const hyperlab = await api();
    await hyperlab.whenTrainingEnds(10_000).catch(() => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('exercise 1 loads into the sidebar: 2 ReLU neurons on the circle, learning rate 0.03, seed 7', async () => {
    const hyperlab = await api();
    await hyperlab.sidebar.post({ type: 'updateSettings', settings: { ...hyperlab.sidebar.settings(), early_stopping: true, features: ['x1', 'x2', 'sin(x1)'] } });
    await vscode.commands.executeCommand('hyperlab.loadExercise', '01-circle-one-hidden-layer');
    const s = hyperlab.sidebar.settings();
    assert.deepEqual(hidden(hyperlab), [['Dense', 2, 'relu']]);
    assert.deepEqual([s.dataset, s.optimizer, s.learning_rate, s.epochs, s.batch_size, s.seed], ['circle', 'SGD', 0.03, 100, 10, 7]);
    assert.deepEqual(s.features, ['x1', 'x2'], 'the earlier session\'s features do not linger');
    assert.equal(s.early_stopping, false);
  });

  it('exercise 2 replaces it with 4 neurons; the sidebar then trains what the exercise file trains', async () => {
    const hyperlab = await api();
    await vscode.commands.executeCommand('hyperlab.loadExercise', '02-circle-more-neurons');
    assert.deepEqual(hidden(hyperlab), [['Dense', 4, 'relu']]);
    await hyperlab.sidebar.post({ type: 'startTraining', settings: hyperlab.sidebar.settings() });
    const fromSidebar = await hyperlab.whenTrainingEnds(60_000);
    assert.equal(fromSidebar.label, 'Sidebar: circle');
    await vscode.commands.executeCommand('hyperlab.trainExercise', '02-circle-more-neurons');
    const fromFile = await hyperlab.whenTrainingEnds(60_000);
    assert.equal(fromFile.label, 'Circle with more neurons in the hidden layer');
    assert.equal(fromFile.epochs.length, fromSidebar.epochs.length);
    // Same network, data and seed: the same losses, epoch by epoch.
    assert.deepEqual(fromFile.epochs.map((e) => e.logs.loss), fromSidebar.epochs.map((e) => e.logs.loss));
  });

  it('exercise 3 trains under its title and stays in the sidebar, one change away from the next run', async () => {
    const hyperlab = await api();
    await vscode.commands.executeCommand('hyperlab.trainExercise', '03-gauss-new-dataset');
    const end = await hyperlab.whenTrainingEnds(60_000);
    assert.equal(end.status, 'finished', end.message ?? '');
    assert.equal(end.label, 'A new dataset: two Gaussian clusters');
    const s = hyperlab.sidebar.settings();
    assert.equal(s.dataset, 'gauss');
    assert.deepEqual(hidden(hyperlab), [['Dense', 4, 'relu']]);
    const next = { ...s, layers: [{ ...s.layers[0]!, units: 3 }] };
    await hyperlab.sidebar.post({ type: 'startTraining', settings: next });
    const changed = await hyperlab.whenTrainingEnds(60_000);
    assert.equal(changed.params, 2 * 3 + 3 + 3 + 1);
  });
});
