/**
 * The entry point of HyperLab's Keras code intelligence: one document version in, everything the editor
 * and `hyperlab summary` show out — the models with per-layer shapes and parameter counts, the other
 * Keras calls (for hovers) and the diagnostics. Parses once per call, never throws: an internal failure
 * becomes an analysis with one 'internal' diagnostic. No 'vscode' here.
 */
import { javascriptModels } from './javascript/javascriptModels';
import type { DocumentAnalysis, ModelSummary } from './kerasModel';
import { lossActivationDiagnostics } from './lossActivationCheck';
import { pythonModels } from './python/pythonModels';
import type { SourceModels } from './graph/sourceModels';
import { summarizeModel } from './summarizeModel';
import { msg, said } from './message';

export type DocumentLanguage = 'python' | 'javascript' | 'typescript';

export function analyzeDocument(text: string, language: DocumentLanguage): DocumentAnalysis {
  try {
    const source: SourceModels = language === 'python' ? pythonModels(text) : javascriptModels(text, language);
    const models: ModelSummary[] = source.models.map((built) => {
      const summary = summarizeModel(built);
      const diagnostics = [...summary.diagnostics, ...lossActivationDiagnostics(summary.graph, summary.layers)];
      // Keras 3 deprecations (input_length, ...) say nothing about TF.js, which still supports them.
      return { ...summary, diagnostics: language === 'python' ? diagnostics : diagnostics.filter((d) => d.code !== 'deprecated-argument') };
    });
    return { models, kerasCalls: source.kerasCalls, diagnostics: source.diagnostics };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      models: [], kerasCalls: [],
      diagnostics: [{
        severity: 'error', code: 'internal', span: { line: 1, column: 0, from: 0, to: 0 },
        ...said(msg('HyperLab could not analyse this file (an internal error: {0}). Please report it with the file.', detail)),
      }],
    };
  }
}
