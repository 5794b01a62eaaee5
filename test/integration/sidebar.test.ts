/**
 * The sidebar's host side in the real extension host: the view resolves and its webview completes the
 * ready handshake; a settings change sent as the webview sends it is stored and reaches the engine (the
 * run trains that network on that dataset); out-of-range settings are refused. The webview itself
 * cannot be clicked from here: messages go through the extension API's `sidebar.post`, the same path
 * (guard included) as the webview's postMessage. The UI tier clicks the real controls.
 */
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HyperLabApi } from '../../src/host/hyperlabApi';
import type { ApplyOutcome } from '../../src/host/sidebar/applyToCodeCommand';
import type { SidebarHandle } from '../../src/host/tuningViewProvider';
import type { HyperparamSettings } from '../../src/shared/hyperparams';
import { parameterCount } from '../../src/shared/hyperparamSettings';
import { discardAllEditors, exampleUri, scratchDocument } from './workspaceExamples';

/** The API with the sidebar's handle (HyperLabApi.sidebar, from TuningViewProvider.handle). */
type Api = HyperLabApi & { readonly sidebar: SidebarHandle };

async function activated(): Promise<HyperLabApi & { readonly sidebar?: SidebarHandle }> {
  const ext = vscode.extensions.getExtension<HyperLabApi>('hyperlab.hyperlab');
  assert.ok(ext, 'hyperlab.hyperlab is not loaded in this host');
  return ext.activate();
}

async function api(): Promise<Api> {
  const exports = await activated();
  assert.ok(exports.sidebar, 'HyperLabApi.sidebar is missing: createApi must receive the TuningViewProvider\'s handle');
  return { ...exports, sidebar: exports.sidebar };
}

describe('the hyperparameter sidebar in the real extension host', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('hyperlab.stopTraining');
    // Stopping is asynchronous: wait for the run to end so the next test's Train does not have to ask.
    const api = await vscode.extensions.getExtension<HyperLabApi>('hyperlab.hyperlab')!.activate();
    await api.whenTrainingEnds(10_000).catch(() => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('resolves the view, whose webview completes the ready handshake', async () => {
    const hyperlab = await activated();
    await vscode.commands.executeCommand('hyperlab.tuning.focus');
    await hyperlab.whenWebviewReady('sidebar', 45_000);
  });

  it('stores a change and trains it: 6 tanh neurons on xor reach the engine', async () => {
    const hyperlab = await api();
    const next: HyperparamSettings = {
      ...hyperlab.sidebar.settings(),
      layers: [{ type: 'Dense', units: 6, activation: 'tanh', rate: 0.5 }], dataset: 'xor', problem_type: 'classification', epochs: 20,
    };
    await hyperlab.sidebar.post({ type: 'updateSettings', settings: next });
    assert.deepEqual(hyperlab.sidebar.settings(), next);
    await hyperlab.sidebar.post({ type: 'startTraining', settings: next });
    const end = await hyperlab.whenTrainingEnds(60_000);
    assert.equal(end.status, 'finished', end.message ?? '');
    assert.equal(end.label, 'Sidebar: xor');
    assert.match(end.description ?? '', /Playground "xor"/);
    assert.equal(end.params, (2 * 6 + 6) + (6 + 1));
    assert.equal(end.epochs.length, 20);
  });

  it('refuses settings outside a control\'s range and keeps the stored ones', async () => {
    const hyperlab = await api();
    const before = hyperlab.sidebar.settings();
    await hyperlab.sidebar.post({ type: 'updateSettings', settings: { ...before, batch_size: 100_000 } });
    await hyperlab.sidebar.post({ type: 'startTraining', settings: { ...before, dataset: 'plane' } });
    assert.deepEqual(hyperlab.sidebar.settings(), before);
    assert.equal(hyperlab.trainingState()?.label.startsWith('Sidebar: plane') ?? false, false);
  });
});

describe('Export as Keras script', () => {
  after(async () => {
    await discardAllEditors();
  });

  it('writes the sidebar\'s hyperparameters as a Keras script that HyperLab reads back with the same parameter count', async () => {
    const api = await vscode.extensions.getExtension<HyperLabApi>('hyperlab.hyperlab')!.activate();
    const expected = parameterCount(api.sidebar.settings());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('hyperlab.exportKerasScript');
    const doc = vscode.window.activeTextEditor?.document;
    assert.ok(doc && doc.languageId === 'python', 'no Python document opened');
    assert.match(doc.getText(), /model = keras\.Sequential\(\[/);
    let titles: string[] = [];
    for (let i = 0; i < 50 && !titles.some((t) => t.endsWith('params') || t.includes('params (')); i++) {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      titles = (lenses ?? []).map((l) => l.command?.title ?? '');
      await new Promise((r) => setTimeout(r, 100));
    }
    const total = titles.find((t) => /^\d[\d,]* params \(/.test(t));
    assert.ok(total, titles.join(' | '));
    assert.equal(Number(total.split(' ')[0]!.replace(/,/g, '')), expected);
  });

  it('names the unsaved script for what it exports (not after its docstring), a new name each time', async () => {
    const api = await vscode.extensions.getExtension<HyperLabApi>('hyperlab.hyperlab')!.activate();
    const dataset = api.sidebar.settings().dataset;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const first = await vscode.commands.executeCommand<vscode.TextDocument>('hyperlab.exportKerasScript');
    const second = await vscode.commands.executeCommand<vscode.TextDocument>('hyperlab.exportKerasScript');
    assert.deepEqual([first.uri.scheme, first.isDirty, path.basename(first.uri.path)], ['untitled', true, `sidebar_${dataset}_keras.py`]);
    assert.equal(path.basename(second.uri.path), `sidebar_${dataset}_keras_2.py`);
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.equal(tab?.label, `sidebar_${dataset}_keras_2.py`);
    // An experiment file's script is named after it and proposed next to it.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(exampleUri('circle.experiment.json')));
    const fromFile = await vscode.commands.executeCommand<vscode.TextDocument>('hyperlab.exportKerasScript');
    assert.equal(fromFile.uri.path, exampleUri('circle_keras.py').path);
    assert.match(fromFile.getText(), /^"""circle\.experiment\.json: exported by HyperLab/);
  });
});

describe('Load hyperparameters from code', () => {
  it('puts the hidden layers and optimizer of a Keras model into the sidebar', async () => {
    const api = await vscode.extensions.getExtension<HyperLabApi>('hyperlab.hyperlab')!.activate();
    const uri = exampleUri('initializers.py');
    await vscode.commands.executeCommand('hyperlab.loadFromCode', uri, 1);
    const settings = api.sidebar.settings();
    assert.deepEqual(settings.layers.map((l) => [l.type, l.units, l.activation]), [['Dense', 8, 'relu'], ['Dense', 10, 'relu']]);
    assert.equal(settings.optimizer, 'SGD');
    assert.equal(settings.kernel_initializer, 'he_uniform');
  });
});

describe('Apply hyperparameters to code', () => {
  afterEach(async () => {
    await discardAllEditors();
  });

  it('writes the sidebar into the lecture\'s MNIST example (a temporary copy) as one undoable edit, unsaved, and lists the changes', async () => {
    const api = await vscode.extensions.getExtension<HyperLabApi>('hyperlab.hyperlab')!.activate();
    const settings: HyperparamSettings = {
      ...api.sidebar.settings(),
      layers: [{ type: 'Dense', units: 3, activation: 'relu', rate: 0.5 }, { type: 'Dropout', units: 3, activation: 'relu', rate: 0.25 }],
      optimizer: 'SGD', learning_rate: 0.05, momentum: 0, nesterov: false, epochs: 12, batch_size: 16,
    };
    await api.sidebar.post({ type: 'updateSettings', settings });
    const uri = exampleUri('dropout_mnist.py');
    const onDisk = fs.readFileSync(uri.fsPath, 'utf8');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await waitForModels(doc);
    const outcome = await vscode.commands.executeCommand<ApplyOutcome>('hyperlab.applyToCode', uri, 0);
    assert.equal(outcome.edited, true, outcome.message ?? '');
    const text = doc.getText();
    assert.match(text, /Dense\(3, activation="relu"\),\n {4}Dropout\(0\.25\), {2}# drop 50% of the hidden units while training/);
    assert.match(text, /optimizer=tf\.keras\.optimizers\.SGD\(learning_rate=0\.05\)/);
    assert.match(text, /epochs=12, validation_split=0\.2, batch_size=16\)/);
    assert.doesNotMatch(text, /momentum|nesterov/, 'Keras\' defaults are not written');
    assert.equal(doc.isDirty, true, 'the document is left unsaved');
    assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), onDisk, 'nothing is written to disk');
    assert.ok(outcome.message?.startsWith('Applied the sidebar to model in dropout_mnist.py, not saved yet (Undo reverts it): hidden layer 1: units 128 → 3; '), outcome.message ?? '');
    for (const change of ['hidden layer 2: rate 0.5 → 0.25', 'optimizer: "adam" → tf.keras.optimizers.SGD(learning_rate=0.05)', 'fit: epochs 10 → 12', 'fit: batch_size 32 (Keras\' default) → 16']) {
      assert.ok(outcome.message?.includes(change), `${change} is not in: ${outcome.message}`);
    }
    await vscode.window.showTextDocument(doc, { preserveFocus: false });
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), onDisk, 'one undo reverts the whole apply');
  });

  it('says there is nothing to change when the code already has the sidebar\'s values', async () => {
    const api = await vscode.extensions.getExtension<HyperLabApi>('hyperlab.hyperlab')!.activate();
    const s = api.sidebar.settings();
    const hidden = s.layers.map((l) => (l.type === 'Dense' ? `    keras.layers.Dense(${l.units}, activation="${l.activation}"),` : `    keras.layers.Dropout(${l.rate}),`));
    const content = ['import keras', 'model = keras.Sequential([', '    keras.Input(shape=(2,)),', ...hidden, '    keras.layers.Dense(1, activation="sigmoid"),', '])',
      `model.compile(optimizer=keras.optimizers.${s.optimizer}(learning_rate=${s.learning_rate}), loss="binary_crossentropy")`, `model.fit(x, y, epochs=${s.epochs}, batch_size=${s.batch_size})`, ''].join('\n');
    const doc = await scratchDocument('py', content);
    await vscode.window.showTextDocument(doc);
    await waitForModels(doc);
    const outcome = await vscode.commands.executeCommand<ApplyOutcome>('hyperlab.applyToCode', doc.uri, 0);
    assert.equal(outcome.edited, false, outcome.message ?? '');
    assert.match(outcome.message ?? '', /already has the sidebar's values: nothing to change/);
    assert.equal(doc.getText(), content);
  });
});

/** Waits until HyperLab's analysis has found the document's models (the CodeLenses are drawn from it). */
async function waitForModels(doc: vscode.TextDocument): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    if ((lenses ?? []).length > 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`HyperLab found no model in ${doc.uri.toString()}`);
}
