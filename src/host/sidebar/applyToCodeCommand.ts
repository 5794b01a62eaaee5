/**
 * "HyperLab: Apply Hyperparameters to Code": the sidebar's hidden layers, optimizer, epochs and batch size
 * written into the Keras model at the cursor (src/keras/applyToCode.ts) as one WorkspaceEdit, so one Undo
 * takes it back. The document is left unsaved for the user to read and save; a message lists each change.
 * When the model cannot take the values (a value from a variable, a layer the sidebar lacks, ...), nothing
 * is edited: it says why and offers Export as Keras Script instead.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { echo } from '../../shared/echo';
import { applyToCode } from '../../keras/applyToCode';
import { renderMessage } from '../../keras/message';
import { CommandIds } from '../../shared/commandIds';
import type { DocumentAnalyses } from '../language/documentAnalyses';
import { modelAtCursor } from '../language/modelAtCursor';
import type { SidebarHandle } from '../tuningViewProvider';
import { targetValuesOf } from './applyTarget';

/** What the command did: whether it edited the document, and the message it showed (for tests). */
export interface ApplyOutcome {
  readonly edited: boolean;
  readonly message: string | null;
}

export async function applySidebarToCode(analyses: DocumentAnalyses, sidebar: SidebarHandle, uriArg: unknown, indexArg: unknown): Promise<ApplyOutcome> {
  const target = await modelAtCursor(analyses, uriArg, indexArg);
  if (!target) return { edited: false, message: null };
  const { document, model } = target;
  const file = path.basename(document.uri.path);
  if (document.languageId !== 'python') {
    const message = vscode.l10n.t('Apply to Code writes Python: {0} is not a Python file. The file is unchanged.', file);
    void vscode.window.showWarningMessage(message);
    return { edited: false, message };
  }
  const result = applyToCode(document.getText(), model, targetValuesOf(sidebar.settings()));
  if ('error' in result) {
    const exportAction = vscode.l10n.t('Export as Keras Script');
    const message = vscode.l10n.t('HyperLab cannot apply the sidebar to {0}: {1}. The file is unchanged.', echo(model.graph.name), renderMessage(result.error, vscode.l10n.t));
    void vscode.window.showWarningMessage(message, exportAction).then((choice) => {
      if (choice === exportAction) void vscode.commands.executeCommand(CommandIds.exportKerasScript);
    });
    return { edited: false, message };
  }
  if (result.edits.length === 0) {
    const message = vscode.l10n.t('{0} in {1} already has the sidebar\'s values: nothing to change.', echo(model.graph.name), file);
    void vscode.window.showInformationMessage(message);
    return { edited: false, message };
  }
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, result.edits.map((e) => vscode.TextEdit.replace(new vscode.Range(document.positionAt(e.from), document.positionAt(e.to)), e.text)));
  if (!(await vscode.workspace.applyEdit(edit))) {
    const message = vscode.l10n.t('VS Code did not apply the changes to {0} (was it changed meanwhile?). Try again.', file);
    void vscode.window.showErrorMessage(message);
    return { edited: false, message };
  }
  // Show the edited file when it is not on screen (Apply from the palette or the sidebar's title bar).
  if (!vscode.window.visibleTextEditors.some((e) => e.document === document)) await vscode.window.showTextDocument(document, { preview: false, preserveFocus: true });
  const changes = result.changes.map((c) => renderMessage(c, vscode.l10n.t));
  const message = vscode.l10n.t('Applied the sidebar to {0} in {1}, not saved yet (Undo reverts it): {2}.', echo(model.graph.name), file, changes.join('; '));
  void vscode.window.showInformationMessage(message);
  return { edited: true, message };
}
