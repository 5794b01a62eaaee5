/**
 * "HyperLab: Export as Keras Script": a new Python document with the Keras code that reproduces an
 * experiment — the active `*.experiment.json` when one is open, otherwise the sidebar's hyperparameters.
 * The document is unsaved, named for what it exports (circle_keras.py next to circle.experiment.json,
 * sidebar_<dataset>_keras.py in the workspace for the sidebar), so its tab says what it is and Save
 * proposes that name; the user decides whether and where to save it. Off in Restricted Mode
 * (workspaceTrust.ts).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { echo, echoPath } from '../../shared/echo';
import { kerasScriptFromExperiment } from '../../keras/export/kerasScript';
import type { SidebarHandle } from '../tuningViewProvider';
import type { WorkspaceTrustGate } from '../workspaceTrust';
import { experimentFromSettings } from './experimentFromSettings';

/** An untitled document's URI named `base`_keras.py in `folder`, not taken by an open document or a file. */
async function freeName(folder: vscode.Uri | undefined, base: string): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const name = `${base}_keras${n === 1 ? '' : `_${n}`}.py`;
    const file = folder ? vscode.Uri.joinPath(folder, name) : null;
    const untitled = file ? file.with({ scheme: 'untitled' }) : vscode.Uri.from({ scheme: 'untitled', path: name });
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === untitled.toString())) continue;
    if (file && (await vscode.workspace.fs.stat(file).then(() => true, () => false))) continue;
    return untitled;
  }
}

export async function exportKerasScript(sidebar: SidebarHandle, trust: WorkspaceTrustGate): Promise<vscode.TextDocument | undefined> {
  if (!trust.allows('exportScript')) return undefined;
  const active = vscode.window.activeTextEditor?.document;
  let experiment: unknown, title: string, uri: vscode.Uri;
  if (active && active.uri.path.endsWith('.experiment.json')) {
    try {
      experiment = JSON.parse(active.getText());
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} is not valid JSON: {1}', echoPath(path.basename(active.uri.fsPath)), echo(e instanceof Error ? e.message : String(e), 200)));
      return undefined;
    }
    title = path.basename(active.uri.fsPath);
    const folder = active.uri.scheme === 'file' ? vscode.Uri.joinPath(active.uri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
    uri = await freeName(folder, path.basename(active.uri.path, '.experiment.json').replace(/[^\w-]+/g, '_'));
  } else {
    const settings = sidebar.settings();
    experiment = experimentFromSettings(settings);
    title = vscode.l10n.t('HyperLab sidebar hyperparameters');
    uri = await freeName(vscode.workspace.workspaceFolders?.[0]?.uri, `sidebar_${settings.dataset}`);
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(0, 0), kerasScriptFromExperiment(experiment, title));
  await vscode.workspace.applyEdit(edit);
  await vscode.window.showTextDocument(document);
  return document;
}
