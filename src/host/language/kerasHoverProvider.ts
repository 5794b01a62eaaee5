/**
 * Hovers that teach over Keras code: the editor side of src/keras/hover. It takes the shared per-version
 * analysis, asks the pure builder what is under the cursor, and shows the Markdown untrusted (no command
 * links, no HTML), translated through vscode.l10n, with our numbers in the display language. Register it
 * for ANALYSED_LANGUAGES.
 */
import * as vscode from 'vscode';
import type { DocumentLanguage } from '../../keras/analyzeDocument';
import { type KerasHover, kerasHover } from '../../keras/hover/kerasHover';
import { hostTranslate } from '../displayLanguage';
import { type DocumentAnalyses, spanRange } from './documentAnalyses';


export class KerasHoverProvider implements vscode.HoverProvider {
  constructor(private readonly analyses: DocumentAnalyses) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | null {
    const analysis = this.analyses.get(document);
    if (!analysis) return null;
    let hover: KerasHover | null;
    try {
      hover = kerasHover({
        analysis,
        text: document.getText(),
        language: document.languageId as DocumentLanguage,
        offset: document.offsetAt(position),
      }, hostTranslate());
    } catch {
      return null; // a hover is an aid: a HyperLab bug must not surface as an editor error while the user reads code
    }
    if (!hover) return null;
    const markdown = new vscode.MarkdownString(hover.markdown);
    markdown.isTrusted = false;
    markdown.supportHtml = false;
    return new vscode.Hover(markdown, spanRange(document, hover.span));
  }
}
