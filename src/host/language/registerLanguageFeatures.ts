/**
 * Registers HyperLab's Keras code intelligence: one shared analysis per document version feeding the
 * CodeLenses, hovers, diagnostics and quick fixes, plus the Show Model Summary and Train Model commands, for
 * Python and TensorFlow.js (JavaScript/TypeScript) documents.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ParseHelper } from '../../keras/python/parseHelper';
import { usePythonParseWorker } from '../../keras/python/pythonModels';
import { CommandIds } from '../../shared/commandIds';
import { applySidebarToCode } from '../sidebar/applyToCodeCommand';
import { loadFromCode } from '../sidebar/loadFromCodeCommand';
import type { TrainingService } from '../training/trainingService';
import type { SidebarHandle } from '../tuningViewProvider';
import { ANALYSED_LANGUAGES, DocumentAnalyses } from './documentAnalyses';
import { KerasCodeLensProvider } from './kerasCodeLensProvider';
import { KerasDiagnostics } from './kerasDiagnostics';
import { KerasHoverProvider } from './kerasHoverProvider';
import { KerasQuickFixes } from './kerasQuickFixes';
import { ModelSummaryDocuments, SUMMARY_SCHEME, showModelSummary } from './modelSummaryCommand';
import { trainModel } from './trainModelCommand';
import type { WorkspaceTrustGate } from '../workspaceTrust';

/** Returns the Python parse worker's helper (null if it could not start), which the API shows to the tests. */
export function registerLanguageFeatures(context: vscode.ExtensionContext, training: TrainingService, sidebar: SidebarHandle, trust: WorkspaceTrustGate): ParseHelper | null {
  const analyses = new DocumentAnalyses();
  const selector = ANALYSED_LANGUAGES.map((language) => ({ language }));
  const summaries = new ModelSummaryDocuments();
  const lenses = new KerasCodeLensProvider(analyses);
  const parseHelper = startParseWorker(context.extensionUri.fsPath);
  context.subscriptions.push(
    { dispose: () => void usePythonParseWorker(null) },
    analyses,
    lenses,
    vscode.languages.registerCodeLensProvider(selector, lenses),
    vscode.languages.registerHoverProvider(selector, new KerasHoverProvider(analyses)),
    new KerasDiagnostics(analyses),
    vscode.languages.registerCodeActionsProvider(selector, new KerasQuickFixes(analyses), KerasQuickFixes.metadata),
    vscode.workspace.registerTextDocumentContentProvider(SUMMARY_SCHEME, summaries),
    vscode.commands.registerCommand(CommandIds.showModelSummary, (uri: unknown, index: unknown) => showModelSummary(analyses, summaries, uri, index)),
    vscode.commands.registerCommand(CommandIds.applyToCode, (uri: unknown, index: unknown) => applySidebarToCode(analyses, sidebar, uri, index)),
    vscode.commands.registerCommand(CommandIds.loadFromCode, (uri: unknown, index: unknown) => loadFromCode(analyses, sidebar, uri, index)),
    vscode.commands.registerCommand(CommandIds.trainModel, (uri: unknown, index: unknown, data: unknown) => (trust.allows('trainModel') ? trainModel(analyses, training, context.workspaceState, uri, index, data, sidebar) : undefined)),
  );
  return parseHelper;
}

/** The worker that parses half of a long Python file's segments on a cold analysis; without it everything stays on this thread. */
function startParseWorker(extensionRoot: string): ParseHelper | null {
  try {
    return usePythonParseWorker(path.join(extensionRoot, 'dist', 'pythonParseWorker.js'));
  } catch {
    return null;
  }
}

