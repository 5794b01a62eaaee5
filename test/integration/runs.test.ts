import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HyperLabApi } from '../../src/host/hyperlabApi';
import type { RunSummary } from '../../src/runs/runList';
import { readRun } from '../../src/runs/runReader';

async function api(): Promise<HyperLabApi> {
  const ext = vscode.extensions.getExtension<HyperLabApi>('hyperlab.hyperlab');
  assert.ok(ext);
  return ext.activate();
}

const root = (): string => vscode.extensions.getExtension('hyperlab.hyperlab')!.extensionPath;
const node = (run: RunSummary) => ({ kind: 'run', run });

/** Resolves when the current run has ended and is listed as ended in the store. */
async function trainedRun(hyperlab: HyperLabApi, start: () => Thenable<unknown>): Promise<RunSummary> {
  await start();
  const end = await hyperlab.whenTrainingEnds(60_000);
  assert.ok(end.id, 'the run was recorded');
  // The worker writes the end record just before it reports: list until it is there.
  for (;;) {
    const run = (await hyperlab.runs.list()).find((r) => r.id === end.id);
    if (run && run.status !== 'running') return run;
  }
}

describe('the run store and the Runs view in the real extension host', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('records a run from an experiment file, with where it came from, its epochs and best metrics', async () => {
    const hyperlab = await api();
    const file = path.join(root(), 'examples', 'circle.experiment.json');
    const run = await trainedRun(hyperlab, () => vscode.commands.executeCommand('hyperlab.trainExperiment', vscode.Uri.file(file)));
    assert.equal(run.source.kind, 'experiment');
    assert.equal(run.source.file, file);
    assert.equal(run.name, 'circle · 2→[8 tanh, drop 0.5]→1 · Adam 0.01');
    assert.ok(run.epochs > 0);
    assert.ok(typeof run.summary.val_loss?.best === 'number');
    assert.ok(hyperlab.runs.dir()?.includes('runs'), 'the test host keeps runs out of the workspace');
  });

  it('reruns a recorded run exactly: the same seed gives the same numbers, epoch by epoch', async () => {
    const hyperlab = await api();
    const first = await trainedRun(hyperlab, () => vscode.commands.executeCommand('hyperlab.trainExercise', '01-circle-one-hidden-layer'));
    const again = await trainedRun(hyperlab, () => vscode.commands.executeCommand('hyperlab.runs.rerun', node(first)));
    assert.notEqual(again.id, first.id);
    assert.deepEqual(again.source, { kind: 'rerun', rerunOf: first.id });
    const dir = hyperlab.runs.dir()!;
    const [a, b] = await Promise.all([readRun(dir, first.id), readRun(dir, again.id)]);
    assert.ok(a && b && a.epochs.length > 10);
    assert.deepEqual(b.epochs.map((e) => e.logs), a.epochs.map((e) => e.logs));
    assert.deepEqual(b.header.experiment, a.header.experiment);
  });

  it('stars and unstars a run, deletes it and brings it back with Undo', async () => {
    const hyperlab = await api();
    const run = (await hyperlab.runs.list())[0];
    assert.ok(run, 'a run from the tests above');
    await vscode.commands.executeCommand('hyperlab.runs.star', node(run));
    const starred = (await hyperlab.runs.list()).find((r) => r.id === run.id);
    assert.equal(starred?.starred, true);
    await vscode.commands.executeCommand('hyperlab.runs.unstar', node(run));
    assert.equal((await hyperlab.runs.list()).find((r) => r.id === run.id)?.starred, false);
    await vscode.commands.executeCommand('hyperlab.runs.delete', node(run));
    assert.equal((await hyperlab.runs.list()).some((r) => r.id === run.id), false, 'deleted');
    await vscode.commands.executeCommand('hyperlab.runs.undoDelete');
    assert.equal((await hyperlab.runs.list()).some((r) => r.id === run.id), true, 'back after Undo');
  });

  it('compares selected runs in the training panel', async () => {
    const hyperlab = await api();
    const runs = (await hyperlab.runs.list()).slice(0, 2);
    assert.equal(runs.length, 2);
    await vscode.commands.executeCommand('hyperlab.runs.compare', node(runs[0]!), runs.map(node));
    assert.deepEqual([...hyperlab.runs.compared()].sort(), runs.map((r) => r.id).sort());
    await hyperlab.whenWebviewReady('panel', 45_000);
  });

  it('opens a run as an experiment file that trains the same experiment', async () => {
    const hyperlab = await api();
    const [run] = await hyperlab.runs.list();
    assert.ok(run);
    await vscode.commands.executeCommand('hyperlab.runs.openExperiment', node(run));
    const doc = vscode.window.activeTextEditor?.document;
    assert.ok(doc?.fileName.endsWith('.experiment.json'), doc?.fileName);
    assert.deepEqual(JSON.parse(doc!.getText()), run.experiment);
  });
});
