/**
 * CodeLenses over Keras models (see kerasCodeLenses.ts for what they say). While a document has a syntax
 * error, lenses the last good analysis had are kept, shifted with the edits, so that typing does not make
 * the code jump as lenses vanish and come back. `hyperlab.codeLens.enabled` turns them off.
 */
import * as vscode from 'vscode';
import { CommandIds } from '../../shared/commandIds';
import { hostTranslate } from '../displayLanguage';
import type { DocumentAnalyses } from './documentAnalyses';
import { type LensData, lensData } from './kerasCodeLenses';


export class KerasCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  /** The last lenses from an analysis without syntax errors, per document, kept in step with edits. */
  private readonly lastGood = new Map<string, LensData[]>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly analyses: DocumentAnalyses) {
    this.subscriptions = [
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('hyperlab.codeLens.enabled')) this.changed.fire();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => this.shift(e)),
      vscode.workspace.onDidCloseTextDocument((d) => this.lastGood.delete(d.uri.toString())),
    ];
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.getConfiguration('hyperlab').get<boolean>('codeLens.enabled', true)) return [];
    const analysis = this.analyses.get(document);
    if (!analysis) return [];
    const key = document.uri.toString();
    const broken = analysis.diagnostics.some((d) => d.code === 'syntax');
    let data = lensData(analysis, hostTranslate());
    const kept = this.lastGood.get(key);
    if (broken && kept && kept.length > data.length) data = kept;
    else if (!broken) this.lastGood.set(key, data);
    return data.filter((l) => l.line < document.lineCount).map((l) => this.toLens(document, l));
  }

  private toLens(document: vscode.TextDocument, l: LensData): vscode.CodeLens {
    const range = document.lineAt(l.line).range;
    if ((l.kind === 'summary' || l.kind === 'train') && l.summaryOf !== null) {
      const command = l.kind === 'train' ? CommandIds.trainModel : CommandIds.showModelSummary;
      return new vscode.CodeLens(range, { title: l.title, tooltip: l.tooltip, command, arguments: [document.uri, l.summaryOf] });
    }
    return new vscode.CodeLens(range, { title: l.title, tooltip: l.tooltip, command: '' });
  }

  /** Moves kept lenses below an edit by the number of lines it added or removed. */
  private shift(e: vscode.TextDocumentChangeEvent): void {
    const kept = this.lastGood.get(e.document.uri.toString());
    if (!kept) return;
    let lenses = kept;
    for (const change of e.contentChanges) {
      const added = change.text.split('\n').length - 1 - (change.range.end.line - change.range.start.line);
      if (added === 0) continue;
      lenses = lenses.flatMap((l) => {
        if (l.line <= change.range.start.line) return [l];
        if (l.line <= change.range.end.line) return []; // the edit removed its line
        return [{ ...l, line: l.line + added }];
      });
    }
    this.lastGood.set(e.document.uri.toString(), lenses);
  }

  dispose(): void {
    this.changed.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
