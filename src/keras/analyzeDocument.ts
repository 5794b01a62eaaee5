/**
 * The entry point of HyperLab's Keras code intelligence: one document version in, everything the editor
 * and `hyperlab summary` show out — the models with per-layer shapes and parameter counts, the other
 * Keras calls (for hovers) and the diagnostics. Parses once per call, never throws: an internal failure
 * becomes an analysis with one 'internal' diagnostic. No 'vscode' here.
 *
 * The soundness rule, which every part of src/keras keeps: a number is either what Keras 3 would print
 * for the code as written, or unknown with the reason — never a different number. The readers (python/,
 * javascript/) follow a program the way it runs, once; every statement form, expression form and call
 * argument of the language is either followed or, where it could touch a model, makes what it may change
 * unknown: a `;`-joined line is read statement by statement, tensors passed by keyword are inputs of the
 * graph, loops and ifs make what happens in them uncertain, a function nobody calls (or one handed to code
 * HyperLab does not follow) marks the models it would change instead of changing them, a value reached
 * from a model (`model.layers`) carries the model along so changes made through it are seen
 * (graph/reach.ts), and syntax the parser cannot make sense of marks every model it names. The one
 * assumption: library code outside the file reads the models and layers it is given and does not change
 * them (`plot_model(model)`, `print(model)`), except the functions known to change or call them
 * reflectively (`exec`, `setattr`, `getattr(m, 'add')(...)`, `Object.assign`, `Reflect`, `.call`), which
 * are followed or mark what they reach. test/unit/keras/soundness*.test.ts hold every form to the rule.
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
      const summary = summarizeModel(built, { onceBuilt: language === 'python' });
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
