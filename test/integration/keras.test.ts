import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HyperLabApi } from '../../src/host/hyperlabApi';
import { discardAllEditors, exampleUri, scratchDocument } from './workspaceExamples';

const ext = () => vscode.extensions.getExtension<HyperLabApi>('hyperlab.hyperlab')!;
const example = exampleUri;

async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  for (let i = 0; i < 50; i++) {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const titles = (lenses ?? []).map((l) => l.command?.title ?? '').filter(Boolean);
    if (titles.length > 0) return titles;
    await new Promise((r) => setTimeout(r, 200));
  }
  return [];
}

describe('Keras code intelligence in the real extension host', () => {
  before(async () => {
    await ext().activate();
  });

  afterEach(async () => {
    await stopAndSettle();
    await discardAllEditors();
  });

  it('shows Keras parameter counts and output shapes as CodeLenses on the lecture\'s MNIST model', async () => {
    const doc = await vscode.workspace.openTextDocument(example('mnist_mlp.py'));
    await vscode.window.showTextDocument(doc);
    const titles = await lensTitles(doc.uri);
    assert.ok(titles.includes('407,050 params (1.55 MB)'), titles.join(' | '));
    assert.ok(titles.includes('(None, 512) · 401,920 params'), titles.join(' | '));
    assert.ok(titles.includes('(None, 10) · 5,130 params'), titles.join(' | '));
    assert.ok(titles.includes('▶ Train') && titles.includes('Summary'), titles.join(' | '));
  });

  it('explains a layer on hover with its parameter formula, and an activation with its range', async () => {
    const doc = await vscode.workspace.openTextDocument(example('mnist_mlp.py'));
    await vscode.window.showTextDocument(doc);
    const line = doc.getText().split('\n').findIndex((l) => l.includes('layers.Dense(512'));
    const hoverText = async (needle: string) => {
      const position = new vscode.Position(line, doc.lineAt(line).text.indexOf(needle) + 2);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
      return (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    };
    assert.match(await hoverText('Dense'), /784 × 512 \+ 512 = 401,920/);
    assert.match(await hoverText('"relu"'), /relu\(x\) = max\(x, 0\)[\s\S]*\[0, ∞\)/);
  });

  it('shares the cold parse of a long Python file with the parse worker (Atomics.wait in the extension host), with the same lenses', async () => {
    const model = (await vscode.workspace.openTextDocument(example('mnist_mlp.py'))).getText();
    const filler = Array.from({ length: 1500 }, (_, i) => `x_${i} = (${i} * 3 + 1) // 2  # filler line ${i}`).join('\n');
    const api = ext().exports;
    for (let i = 0; i < 100 && !api.pythonParseWorker()?.ready; i++) await new Promise((r) => setTimeout(r, 100));
    const before = api.pythonParseWorker()?.jobs ?? 0;
    const doc = await scratchDocument('py', `${filler}\n${model}`);
    await vscode.window.showTextDocument(doc);
    const titles = await lensTitles(doc.uri);
    assert.ok(titles.includes('407,050 params (1.55 MB)'), titles.join(' | '));
    const worker = api.pythonParseWorker();
    assert.ok(worker?.ready, 'the parse worker is not running');
    assert.ok(worker.jobs > before, 'the parse worker parsed nothing');
  });

  it('reads a TensorFlow.js model with the TypeScript compiler\'s parser (loaded from dist/typescript.js on first use)', async () => {
    const content = "import * as tf from '@tensorflow/tfjs';\nconst model = tf.sequential({layers: [\n  tf.layers.dense({units: 512, activation: 'relu', inputShape: [784]}),\n  tf.layers.dense({units: 10, activation: 'softmax'}),\n]});\n";
    const doc = await scratchDocument('ts', content);
    await vscode.window.showTextDocument(doc);
    const titles = await lensTitles(doc.uri);
    assert.ok(titles.includes('407,050 params (1.55 MB)'), titles.join(' | '));
    assert.ok(titles.includes('(None, 512) · 401,920 params'), titles.join(' | '));
  });

  it('opens the model summary as Keras prints it', async () => {
    const doc = await vscode.workspace.openTextDocument(example('dropout_mnist.py'));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('hyperlab.showModelSummary', doc.uri, 0);
    const summary = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'hyperlab-summary');
    assert.ok(summary, 'no summary document');
    assert.match(summary.getText(), /Total params: 101,770 \(397\.54 KB\)/);
    assert.match(summary.getText(), /dropout \(Dropout\)/);
  });

  it('reports a loss/activation mismatch and fixes it with a quick fix', async () => {
    const content = [
      'from tensorflow import keras',
      'model = keras.Sequential([keras.layers.Dense(3, activation="softmax", input_shape=(4,))])',
      'model.compile(optimizer="adam", loss="binary_crossentropy")',
      '',
    ].join('\n');
    const doc = await scratchDocument('py', content);
    await vscode.window.showTextDocument(doc);
    let diagnostics: vscode.Diagnostic[] = [];
    for (let i = 0; i < 50 && diagnostics.length === 0; i++) {
      diagnostics = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'HyperLab');
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(diagnostics[0]?.code, 'loss-activation-mismatch', JSON.stringify(diagnostics));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostics[0].range, vscode.CodeActionKind.QuickFix.value);
    const useCce = actions.find((a) => a.title === 'Use loss categorical_crossentropy');
    assert.ok(useCce?.edit, actions.map((a) => a.title).join(' | '));
    await vscode.workspace.applyEdit(useCce.edit);
    assert.match(doc.getText(), /loss="categorical_crossentropy"/);
  });

  it('takes from the sidebar what the code leaves to Keras\' defaults (here: epochs and batch_size)', async () => {
    const api = await ext().activate();
    const content = ['import keras', 'model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(4, activation="tanh"), keras.layers.Dense(1, activation="sigmoid")])',
      'model.compile(optimizer="adam", loss="binary_crossentropy")', 'model.fit(x, y)', ''].join('\n');
    const doc = await scratchDocument('py', content);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('hyperlab.trainModel', doc.uri, 0, { dataset: 'circle' });
    const end = await api.whenTrainingEnds(60_000);
    assert.equal(end.status, 'finished', end.message ?? '');
    assert.equal(end.epochs.length, api.sidebar.settings().epochs);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

/** Stops any run and waits until it has ended (stopping is asynchronous: the worker reports back). */
async function stopAndSettle(): Promise<void> {
  await vscode.commands.executeCommand('hyperlab.stopTraining');
  const api = await vscode.extensions.getExtension<HyperLabApi>('hyperlab.hyperlab')!.activate();
  await api.whenTrainingEnds(10_000).catch(() => undefined);
}

  it('trains the model of a Python file with Train Model', async () => {
    const api = await ext().activate();
    const doc = await vscode.workspace.openTextDocument(example('initializers.py'));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('hyperlab.trainModel', doc.uri, 1, { dataset: 'circle', noise: 0.1 });
    const end = await api.whenTrainingEnds(60_000);
    assert.equal(end.status, 'finished', end.message ?? '');
    assert.equal(end.epochs.length, 30);
    assert.match(end.label, /^he \(initializers\.py\)$/);
  });
});
