/**
 * One analysis per document version, shared by the CodeLens, hover and diagnostics providers and the
 * summary command (STYLE.md: parse once per document version). Python, JavaScript and TypeScript
 * documents are analysed; entries are dropped when their document closes.
 */
import * as vscode from 'vscode';
import { type DocumentLanguage, analyzeDocument } from '../../keras/analyzeDocument';
import type { DocumentAnalysis } from '../../keras/kerasModel';

export const ANALYSED_LANGUAGES: readonly DocumentLanguage[] = ['python', 'javascript', 'typescript'];

export function isAnalysed(document: vscode.TextDocument): boolean {
  return (ANALYSED_LANGUAGES as readonly string[]).includes(document.languageId);
}

export class DocumentAnalyses implements vscode.Disposable {
  private readonly cache = new Map<string, { document: vscode.TextDocument; version: number; analysis: DocumentAnalysis }>();
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString()));
  }

  /** The analysis of the document's current version (computed at most once per version). */
  get(document: vscode.TextDocument): DocumentAnalysis | null {
    if (!isAnalysed(document)) return null;
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    // The same document object too: a closed untitled document's URI (untitled:Untitled-1) is given to the
    // next new one, also at version 1, and its close event may not have arrived yet.
    if (hit && hit.document === document && hit.version === document.version) return hit.analysis;
    const analysis = analyzeDocument(document.getText(), document.languageId as DocumentLanguage);
    this.cache.set(key, { document, version: document.version, analysis });
    return analysis;
  }

  dispose(): void {
    this.subscription.dispose();
    this.cache.clear();
  }
}

/** A source span (1-based line, 0-based column, offsets) as a VS Code range in `document`. */
export function spanRange(document: vscode.TextDocument, span: { readonly from: number; readonly to: number }): vscode.Range {
  return new vscode.Range(document.positionAt(span.from), document.positionAt(span.to));
}
