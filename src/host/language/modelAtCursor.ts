/**
 * Finds the Keras model a command should act on: the one given by a CodeLens (document + index), the one
 * whose definition contains the cursor, the file's only model, or the user's pick among several.
 */
import * as vscode from 'vscode';
import type { ModelSummary } from '../../keras/kerasModel';
import type { DocumentAnalyses } from './documentAnalyses';

export interface ModelTarget {
  readonly document: vscode.TextDocument;
  readonly model: ModelSummary;
  readonly index: number;
}

function lastLine(model: ModelSummary): number {
  const lines = [model.graph.span.line, ...model.graph.nodes.map((n) => n.call.span.line), model.graph.compile?.span.line ?? 0, model.graph.fit?.span.line ?? 0];
  return Math.max(...lines);
}

export async function modelAtCursor(analyses: DocumentAnalyses, uriArg: unknown, indexArg: unknown): Promise<ModelTarget | undefined> {
  const document = uriArg instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uriArg) : vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Python file with a Keras model first.'));
    return undefined;
  }
  const models = analyses.get(document)?.models ?? [];
  if (models.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('HyperLab found no Keras model in {0}.', vscode.workspace.asRelativePath(document.uri)));
    return undefined;
  }
  if (typeof indexArg === 'number' && models[indexArg]) return { document, model: models[indexArg], index: indexArg };
  const editor = vscode.window.activeTextEditor;
  if (editor?.document === document) {
    const line = editor.selection.active.line + 1;
    const index = models.findIndex((m) => m.graph.span.line <= line && line <= lastLine(m));
    if (index >= 0) return { document, model: models[index]!, index };
  }
  if (models.length === 1) return { document, model: models[0]!, index: 0 };
  const pick = await vscode.window.showQuickPick(
    models.map((m, i) => ({ label: m.graph.name, description: vscode.l10n.t('line {0}', m.graph.span.line), index: i })),
    { placeHolder: vscode.l10n.t('Which model?') },
  );
  return pick ? { document, model: models[pick.index]!, index: pick.index } : undefined;
}
