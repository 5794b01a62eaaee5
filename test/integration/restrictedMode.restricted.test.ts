/**
 * HyperLab in Restricted Mode: the runner's second host opens examples/ with Workspace Trust on and the
 * folder untrusted (scripts/vscode-host/runIntegrationTests.mjs), and runs only this file. The analysis must
 * work as in a trusted workspace; training from workspace files, exporting, the Runs view's Rerun, Open as
 * Experiment and Export, and downloading MNIST must refuse with the reason; a bundled exercise still
 * trains, reading only inside the extension.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HyperLabApi } from '../../src/host/hyperlabApi';
import { discardAllEditors, exampleUri, scratchDocument } from './workspaceExamples';

const ext = () => vscode.extensions.getExtension<HyperLabApi>('hyperlab.hyperlab')!;
/** A file of the workspace: the runner's temporary copy of examples/, opened untrusted. */
const example = (name: string) => exampleUri(name);

/** Resolves with the first non-empty result of `probe`, asking again each time the analysis may have moved on. */
async function eventually<T>(probe: () => Thenable<T | undefined>, ok: (v: T | undefined) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value!;
    if (Date.now() > deadline) throw new Error(`${what}: nothing after ${timeoutMs} ms`);
    // The lens provider fires onDidChangeCodeLenses when an analysis lands: wait for that (or a short tick).
    await new Promise<void>((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics(() => { sub.dispose(); resolve(); });
      setTimeout(() => { sub.dispose(); resolve(); }, 250);
    });
  }
}

describe('HyperLab in Restricted Mode (an untrusted workspace)', () => {
  let api: HyperLabApi;
  before(async () => {
    api = await ext().activate();
  });
  afterEach(discardAllEditors);

  it('runs in an untrusted workspace, and activates', () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the runner should have opened examples/ in Restricted Mode');
    assert.ok(ext().isActive);
  });

  it('still analyses Keras code: CodeLenses, hovers and diagnostics', async () => {
    const doc = await vscode.workspace.openTextDocument(example('mnist_mlp.py'));
    await vscode.window.showTextDocument(doc);
    const lenses = await eventually(
      () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri),
      (l) => (l ?? []).some((x) => x.command?.title === '407,050 params (1.55 MB)'), 'the model lens');
    assert.ok(lenses.some((l) => l.command?.title === '(None, 512) · 401,920 params'));
    const line = doc.getText().split('\n').findIndex((l) => l.includes('layers.Dense(512'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, doc.lineAt(line).text.indexOf('Dense') + 2));
    const text = (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /784 × 512 \+ 512 = 401,920/);
    const broken = await scratchDocument('py', 'import keras\nmodel = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dropout(50)])\n');
    await vscode.window.showTextDocument(broken);
    const diagnostics = await eventually(() => Promise.resolve(vscode.languages.getDiagnostics(broken.uri)), (d) => (d ?? []).length > 0, 'the Dropout diagnostic');
    assert.match(diagnostics.map((d) => d.message).join('\n'), /Dropout/);
  });

  it('refuses to train an experiment file, saying why, and starts no run', async () => {
    const before = api.trustRefusals().length;
    await vscode.commands.executeCommand('hyperlab.trainExperiment', example('circle.experiment.json'));
    assert.equal(api.trainingState(), null, 'a run started in Restricted Mode');
    const refusals = api.trustRefusals();
    assert.equal(refusals.length, before + 1);
    assert.match(refusals.at(-1)!, /does not train experiment files in Restricted Mode: an experiment reads the data files it names/);
  });

  it('refuses Train Model and Export as Keras Script, saying why', async () => {
    const doc = await vscode.workspace.openTextDocument(example('mnist_mlp.py'));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('hyperlab.trainModel', doc.uri, 0, { dataset: 'mnist' });
    assert.match(api.trustRefusals().at(-1)!, /does not train models from workspace files in Restricted Mode/);
    const scripts = () => vscode.workspace.textDocuments.filter((d) => d.isUntitled && d.getText().includes('keras.utils.set_random_seed')).length;
    const scriptsBefore = scripts();
    await vscode.commands.executeCommand('hyperlab.exportKerasScript');
    assert.match(api.trustRefusals().at(-1)!, /does not export Keras scripts in Restricted Mode/);
    assert.equal(scripts(), scriptsBefore, 'an exported script was opened');
    assert.equal(api.trainingState(), null);
  });

  it('still trains a lecture exercise shipped with the extension (its files are not the workspace\'s)', async () => {
    await vscode.commands.executeCommand('hyperlab.trainExercise', '03-gauss-new-dataset');
    const end = await api.whenTrainingEnds(120_000);
    assert.equal(end.status, 'finished', end.message ?? '');
    assert.ok(end.epochs.length > 0);
  });

  it('refuses the Runs view\'s Rerun, Open as Experiment and Export, saying why', async () => {
    const [run] = await api.runs.list();
    assert.ok(run, 'the exercise run should be in the run store');
    const node = { kind: 'run', run };
    const before = api.trainingState();
    const editors = vscode.workspace.textDocuments.length;
    await vscode.commands.executeCommand('hyperlab.runs.rerun', node);
    assert.match(api.trustRefusals().at(-1)!, /does not rerun stored runs in Restricted Mode/);
    await vscode.commands.executeCommand('hyperlab.runs.openExperiment', node);
    assert.match(api.trustRefusals().at(-1)!, /does not open stored runs as experiment files in Restricted Mode/);
    await vscode.commands.executeCommand('hyperlab.runs.export', node);
    assert.match(api.trustRefusals().at(-1)!, /does not export runs in Restricted Mode/);
    assert.equal(api.trainingState()?.id, before?.id, 'a run was started');
    assert.equal(vscode.workspace.textDocuments.length, editors, 'a document was opened');
  });

  it('refuses to run a sweep, from its file or from the sidebar, and starts none', async () => {
    await vscode.commands.executeCommand('hyperlab.runSweep', exampleUri('circle.sweep.json'));
    assert.match(api.trustRefusals().at(-1)!, /does not run sweeps in Restricted Mode/);
    await vscode.commands.executeCommand('hyperlab.sweepFromSidebar');
    assert.match(api.trustRefusals().at(-1)!, /does not run sweeps in Restricted Mode/);
    assert.equal(api.sweeps.running(), false);
  });

  it('refuses to download MNIST, and downloads nothing', async () => {
    await vscode.commands.executeCommand('hyperlab.downloadMnist');
    assert.match(api.trustRefusals().at(-1)!, /does not download MNIST in Restricted Mode/);
    const kerasHome = process.env.KERAS_HOME;
    assert.ok(kerasHome, 'the runner sets KERAS_HOME to an empty temporary folder');
    assert.equal(fs.existsSync(path.join(kerasHome, 'datasets', 'mnist.npz')), false);
  });
});
