import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HyperLabApi } from '../../src/host/hyperlabApi';
import { eventually } from '../support/eventually';

/** Stops any run and waits until it has ended (stopping is asynchronous: the worker reports back). */
async function stopAndSettle(): Promise<void> {
  await vscode.commands.executeCommand('hyperlab.stopTraining');
  const api = await vscode.extensions.getExtension<HyperLabApi>('hyperlab.hyperlab')!.activate();
  await api.whenTrainingEnds(10_000).catch(() => undefined);
}

async function api(): Promise<HyperLabApi> {
  const ext = vscode.extensions.getExtension<HyperLabApi>('hyperlab.hyperlab');
  assert.ok(ext);
  return ext.activate();
}

const root = (): string => vscode.extensions.getExtension('hyperlab.hyperlab')!.extensionPath;
const fileUri = (...parts: string[]) => vscode.Uri.file(path.join(root(), ...parts));

describe('training in the real extension host', () => {
  afterEach(async () => {
    await stopAndSettle();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('trains an experiment file in the worker, opens the panel and reaches the end', async () => {
    const hyperlab = await api();
    await vscode.commands.executeCommand('hyperlab.trainExperiment', fileUri('examples', 'circle.experiment.json'));
    await hyperlab.whenWebviewReady('panel', 45_000);
    const end = await hyperlab.whenTrainingEnds(60_000);
    assert.equal(end.status, 'finished', end.message ?? '');
    assert.ok(end.epochs.length > 0);
    assert.ok(typeof end.epochs[0]!.logs.val_accuracy === 'number');
    assert.match(end.description ?? '', /Playground "circle"/);
  });

  it('stops a running training on "Stop Training"', async () => {
    const hyperlab = await api();
    await vscode.commands.executeCommand('hyperlab.trainExperiment', fileUri('test', 'fixtures', 'experiments', 'long.experiment.json'));
    await eventually(() => hyperlab.trainingState()?.status === 'running', 'the run to be running', 10_000);
    assert.equal(hyperlab.trainingState()?.status, 'running');
    await stopAndSettle();
    const end = await hyperlab.whenTrainingEnds(10_000);
    assert.equal(end.status, 'stopped');
  });

  it('stops a run whose loss becomes NaN and explains exploding gradients', async () => {
    const hyperlab = await api();
    await vscode.commands.executeCommand('hyperlab.trainExperiment', fileUri('test', 'fixtures', 'experiments', 'nan.experiment.json'));
    const end = await hyperlab.whenTrainingEnds(30_000);
    assert.equal(end.status, 'failed');
    assert.match(end.message ?? '', /gradients exploded.*Lower the learning rate or set clipnorm/);
  });

  it('shows a configuration error as the run\'s status, rendered from the worker\'s message template', async () => {
    const hyperlab = await api();
    await vscode.commands.executeCommand('hyperlab.trainExperiment', fileUri('test', 'fixtures', 'experiments', 'bad-metric.experiment.json'));
    const end = await hyperlab.whenTrainingEnds(30_000);
    assert.equal(end.status, 'failed');
    assert.match(end.message ?? '', /^compile\.metrics\[0\]: got "acuracy"; expected one of .*accuracy/);
  });
});

describe('a run outlives its panel', () => {
  afterEach(async () => {
    await stopAndSettle();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('keeps training when the panel closes and shows the run again when it reopens', async () => {
    const hyperlab = await api();
    await vscode.commands.executeCommand('hyperlab.trainExperiment', fileUri('test', 'fixtures', 'experiments', 'long.experiment.json'));
    await hyperlab.whenWebviewReady('panel', 45_000);
    await eventually(() => hyperlab.trainingState()?.status === 'running', 'the run to be running', 10_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal(hyperlab.isWebviewReady('panel'), false);
    const before = hyperlab.trainingState()?.epochs.length ?? 0;
    await eventually(() => (hyperlab.trainingState()?.epochs.length ?? 0) > before || hyperlab.trainingState()?.status !== 'running', 'an epoch while the panel is closed');
    assert.equal(hyperlab.trainingState()?.status, 'running', 'the run stopped with its panel');
    assert.ok((hyperlab.trainingState()?.epochs.length ?? 0) > before, 'no epochs while the panel was closed');
    await vscode.commands.executeCommand('hyperlab.openTrainingPanel');
    await hyperlab.whenWebviewReady('panel', 45_000);
    assert.equal(hyperlab.trainingState()?.status, 'running');
  });
});

describe('the lecture exercises', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('trains an exercise of the walkthrough by its id', async () => {
    const hyperlab = await api();
    await vscode.commands.executeCommand('hyperlab.trainExercise', '03-gauss-new-dataset');
    const end = await hyperlab.whenTrainingEnds(60_000);
    assert.equal(end.status, 'finished', end.message ?? '');
    assert.equal(end.label, 'A new dataset: two Gaussian clusters');
    assert.ok((end.epochs.at(-1)?.logs.val_accuracy ?? 0) > 0.9, 'two Gaussian clusters are separable');
  });
});

describe('faults and controls during a run', () => {
  afterEach(async () => {
    await stopAndSettle();
  });

  it('pauses and resumes a run from the panel\'s protocol', async () => {
    const hyperlab = await api();
    await vscode.commands.executeCommand('hyperlab.trainExperiment', fileUri('test', 'fixtures', 'experiments', 'long.experiment.json'));
    await eventually(() => hyperlab.trainingState()?.status === 'running', 'the run to be running', 10_000);
    await vscode.commands.executeCommand('hyperlab.pauseTraining');
    assert.equal(hyperlab.trainingState()?.status, 'paused');
    await new Promise((r) => setTimeout(r, 300));
    const frozen = hyperlab.trainingState()?.lastStep;
    await new Promise((r) => setTimeout(r, 700));
    assert.deepEqual(hyperlab.trainingState()?.lastStep, frozen, 'steps went on while paused');
    await vscode.commands.executeCommand('hyperlab.resumeTraining');
    await eventually(() => JSON.stringify(hyperlab.trainingState()?.lastStep) !== JSON.stringify(frozen), 'a step after resuming');
    assert.notDeepEqual(hyperlab.trainingState()?.lastStep, frozen, 'no steps after resuming');
  });

  it('reports a crashed worker, keeps the panel, and trains again on retry', async () => {
    const hyperlab = await api();
    await vscode.commands.executeCommand('hyperlab.trainExperiment', fileUri('test', 'fixtures', 'experiments', 'long.experiment.json'));
    await hyperlab.whenWebviewReady('panel', 45_000);
    await eventually(() => hyperlab.trainingState()?.status === 'running', 'the run to be running', 10_000);
    hyperlab.simulateWorkerCrash();
    const end = await hyperlab.whenTrainingEnds(10_000);
    assert.equal(end.status, 'failed');
    assert.match(end.message ?? '', /worker stopped unexpectedly|worker crashed/);
    assert.equal(hyperlab.isWebviewReady('panel'), true, 'the panel went away');
    await vscode.commands.executeCommand('hyperlab.trainExperiment', fileUri('examples', 'circle.experiment.json'));
    const retry = await hyperlab.whenTrainingEnds(60_000);
    assert.equal(retry.status, 'finished');
  });
});
