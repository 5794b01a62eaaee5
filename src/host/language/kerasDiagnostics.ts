/**
 * Problems HyperLab finds in Keras code, as VS Code diagnostics (source "HyperLab", code = the problem's
 * kind): syntax errors, impossible shapes, bad Dropout rates, models without an input shape, loss and
 * activation that do not pair. Refreshed on open and, debounced, while typing; cleared on close.
 */
import * as vscode from 'vscode';
import type { Diagnostic } from '../../keras/kerasModel';
import { renderMessage } from '../../keras/message';
import { type DocumentAnalyses, isAnalysed, spanRange } from './documentAnalyses';

export const DIAGNOSTIC_SOURCE = 'HyperLab';
const DEBOUNCE_MS = 300;

const SEVERITY: Record<Diagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export class KerasDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('hyperlab');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly analyses: DocumentAnalyses) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((d) => this.refresh(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.collection.delete(d.uri);
        clearTimeout(this.timers.get(d.uri.toString()));
      }),
    ];
    for (const d of vscode.workspace.textDocuments) this.refresh(d);
  }

  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => this.refresh(document), DEBOUNCE_MS));
  }

  refresh(document: vscode.TextDocument): void {
    if (!isAnalysed(document) || document.isClosed) return;
    const analysis = this.analyses.get(document);
    if (!analysis) return;
    const all = [...analysis.diagnostics, ...analysis.models.flatMap((m) => m.diagnostics)];
    this.collection.set(document.uri, all.map((d) => {
      const diagnostic = new vscode.Diagnostic(spanRange(document, d.span), renderMessage(d.text, vscode.l10n.t), SEVERITY[d.severity]);
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = d.code;
      return diagnostic;
    }));
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.collection.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
