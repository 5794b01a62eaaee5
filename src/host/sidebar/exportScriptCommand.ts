/**
 * "HyperLab: Export as Keras Script": a new Python document with the Keras code that reproduces an
 * experiment — the active `*.experiment.json` when one is open, otherwise the sidebar's hyperparameters.
 * The document is untitled: the user decides where to save it. Off in Restricted Mode (workspaceTrust.ts).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { echo, echoPath } from '../../shared/echo';
import { kerasScriptFromExperiment } from '../../keras/export/kerasScript';
import type { SidebarHandle } from '../tuningViewProvider';
import type { WorkspaceTrustGate } from '../workspaceTrust';
import { experimentFromSettings } from './experimentFromSettings';

export async function exportKerasScript(sidebar: SidebarHandle, trust: WorkspaceTrustGate): Promise<void> {
  if (!trust.allows('exportScript')) return;
  const active = vscode.window.activeTextEditor?.document;
  let experiment: unknown, title: string;
  if (active && active.uri.path.endsWith('.experiment.json')) {
    try {
      experiment = JSON.parse(active.getText());
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} is not valid JSON: {1}', echoPath(path.basename(active.uri.fsPath)), echo(e instanceof Error ? e.message : String(e), 200)));
      return;
    }
    title = path.basename(active.uri.fsPath);
  } else {
    experiment = experimentFromSettings(sidebar.settings());
    title = vscode.l10n.t('HyperLab sidebar hyperparameters');
  }
  const document = await vscode.workspace.openTextDocument({ language: 'python', content: kerasScriptFromExperiment(experiment, title) });
  await vscode.window.showTextDocument(document);
}
