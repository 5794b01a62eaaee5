/**
 * The sidebar's host side in the real extension host: the view resolves and its webview completes the
 * ready handshake; a settings change sent as the webview sends it is stored and reaches the engine (the
 * run trains that network on that dataset); out-of-range settings are refused. The webview itself
 * cannot be clicked from here: messages go through the extension API's `sidebar.post`, the same path
 * (guard included) as the webview's postMessage. The UI tier clicks the real controls.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HyperLabApi } from '../../src/host/hyperlabApi';
import type { SidebarHandle } from '../../src/host/tuningViewProvider';
import type { HyperparamSettings } from '../../src/shared/hyperparams';
import { parameterCount } from '../../src/shared/hyperparamSettings';
import { exampleUri } from './workspaceExamples';

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
  it('writes the sidebar\'s values into the model as one edit that one undo reverts', async () => {
    const api = await vscode.extensions.getExtension<HyperLabApi>('hyperlab.hyperlab')!.activate();
    const s = api.sidebar.settings();
    const hidden = s.layers.map((l, i) => (l.type === 'Dense' ? `    keras.layers.Dense(${i + 2}, activation="relu"),  # layer ${i}` : `    keras.layers.Dropout(0.1),`));
    const content = ['import keras', 'model = keras.Sequential([', '    keras.Input(shape=(2,)),', ...hidden, '    keras.layers.Dense(1, activation="sigmoid"),', '])',
      'model.compile(optimizer=keras.optimizers.Adam(), loss="binary_crossentropy")', 'model.fit(x, y, epochs=1, batch_size=2)', ''].join('\n');
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content });
    await vscode.window.showTextDocument(doc);
    const applied = await vscode.commands.executeCommand<boolean>('hyperlab.applyToCode', doc.uri, 0);
    assert.equal(applied, true);
    const text = doc.getText();
    assert.match(text, new RegExp(`epochs=${s.epochs}, batch_size=${s.batch_size}`));
    assert.match(text, new RegExp(`keras\\.optimizers\\.${s.optimizer}\\(learning_rate=${s.learning_rate}`));
    assert.match(text, /# layer 0/, 'comments stay');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), content);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
