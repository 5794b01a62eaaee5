/**
 * "HyperLab: Show Model Summary": the Keras model.summary() table of the model at the cursor, in a
 * read-only document beside the code (a `hyperlab-summary:` virtual document, refreshed on request).
 */
import * as vscode from 'vscode';
import { renderMessage } from '../../keras/message';
import { summaryTable } from '../../keras/summaryTable';
import type { DocumentAnalyses } from './documentAnalyses';
import { modelAtCursor } from './modelAtCursor';

export const SUMMARY_SCHEME = 'hyperlab-summary';

export class ModelSummaryDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
  }
}

export async function showModelSummary(analyses: DocumentAnalyses, documents: ModelSummaryDocuments, uriArg: unknown, indexArg: unknown): Promise<void> {
  const target = await modelAtCursor(analyses, uriArg, indexArg);
  if (!target) return;
  const { document, model } = target;
  const name = `${model.graph.name} summary.txt`;
  const uri = vscode.Uri.from({ scheme: SUMMARY_SCHEME, path: `/${name}`, query: `${document.uri.toString()}#${target.index}` });
  const problems = model.diagnostics.map((d) => vscode.l10n.t('line {0}: {1}', d.span.line, renderMessage(d.text, vscode.l10n.t)));
  documents.set(uri, `${summaryTable(model)}\n${problems.length ? `\n${problems.join('\n')}\n` : ''}`);
  const shown = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(shown, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
}
