/**
 * "HyperLab: Apply Hyperparameters to Code": the sidebar's values written into the Keras model at the
 * cursor as one WorkspaceEdit (one undo), changing values only so comments and formatting stay. When the
 * model cannot take them (other layers, values from variables, ...), nothing is edited: it says why and
 * offers Export as Keras Script instead.
 */
import * as vscode from 'vscode';
import { echo } from '../../shared/echo';
import { type TargetValues, applyToCode } from '../../keras/applyToCode';
import { CommandIds } from '../../shared/commandIds';
import { type HyperparamSettings, OPTIMIZER_ARGS } from '../../shared/hyperparams';
import type { DocumentAnalyses } from '../language/documentAnalyses';
import { modelAtCursor } from '../language/modelAtCursor';
import type { SidebarHandle } from '../tuningViewProvider';
import { renderMessage } from '../../keras/message';

export function targetValues(s: HyperparamSettings): TargetValues {
  const optimizer: Record<string, number | boolean | string> = { class_name: s.optimizer, learning_rate: s.learning_rate };
  for (const arg of OPTIMIZER_ARGS[s.optimizer]) optimizer[arg] = s[arg];
  return {
    layers: s.layers.map((l) => (l.type === 'Dense' ? { class_name: 'Dense', units: l.units, activation: l.activation } : { class_name: 'Dropout', rate: l.rate })),
    optimizer: optimizer as TargetValues['optimizer'],
    epochs: s.epochs,
    batch_size: s.batch_size,
  };
}

export async function applySidebarToCode(analyses: DocumentAnalyses, sidebar: SidebarHandle, uriArg: unknown, indexArg: unknown): Promise<boolean> {
  const target = await modelAtCursor(analyses, uriArg, indexArg);
  if (!target) return false;
  const { document, model } = target;
  const result = applyToCode(document.getText(), model, targetValues(sidebar.settings()));
  if ('error' in result) {
    const exportAction = vscode.l10n.t('Export as Keras Script');
    const choice = await vscode.window.showWarningMessage(vscode.l10n.t('HyperLab cannot apply the sidebar to {0}: {1}. The file is unchanged.', echo(model.graph.name), renderMessage(result.error, vscode.l10n.t)), exportAction);
    if (choice === exportAction) await vscode.commands.executeCommand(CommandIds.exportKerasScript);
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of result.edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.from), document.positionAt(e.to)), e.text);
  return vscode.workspace.applyEdit(edit);
}
