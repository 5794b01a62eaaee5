/**
 * `hyperlab summary FILE [--json]`: the Keras-style summary of every model in a Python (or TensorFlow.js)
 * file. Text mode prints each model as Keras 3's model.summary() would, then the diagnostics; --json prints
 * exactly one object, the contract other tools rely on (null = unknown, lines 1-based). Exit code 0 for any
 * readable file, syntax errors included; 1 for an unreadable file or bad usage.
 */
import path from 'node:path';
import { echo } from '../shared/echo';
import { type DocumentLanguage, analyzeDocument } from '../keras/analyzeDocument';
import type { Diagnostic, DocumentAnalysis, ModelSummary } from '../keras/kerasModel';
import { summaryRows } from '../keras/summaryRows';
import { summaryTable } from '../keras/summaryTable';
import type { Output } from './trainCommand';
import { renderMessage } from '../keras/message';
import { msg } from '../shared/message';
import { UserFileError, readUserFile } from '../storage/userFile';

/** The largest source file read: far past any hand-written model file. */
const MAX_SOURCE_BYTES = 32 * 1024 * 1024;

export const SUMMARY_USAGE = 'hyperlab summary FILE.py [--json]';

export interface SummaryArgs {
  readonly file: string;
  readonly json: boolean;
}

export function parseSummaryArgs(argv: readonly string[]): SummaryArgs | string {
  let file: string | null = null, json = false;
  for (const a of argv) {
    if (a === '--json') json = true;
    else if (a.startsWith('-')) return `unknown option ${echo(a)}`;
    else if (file === null) file = a;
    else return `unexpected argument ${echo(a)}`;
  }
  return file === null ? 'missing the Python file' : { file, json };
}

export function languageOf(file: string): DocumentLanguage {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.ts' || ext === '.tsx' || ext === '.mts' || ext === '.cts') return 'typescript';
  if (ext === '.js' || ext === '.mjs' || ext === '.cjs' || ext === '.jsx') return 'javascript';
  return 'python';
}

export interface SummaryJsonLayer {
  readonly class_name: string;
  readonly name: string | null;
  readonly line: number;
  readonly output_shape: (number | null)[] | null;
  readonly params: number | null;
  readonly trainable_params: number | null;
  readonly non_trainable_params: number | null;
}

export interface SummaryJson {
  readonly file: string;
  readonly models: {
    readonly name: string;
    readonly line: number;
    readonly layers: SummaryJsonLayer[];
    readonly total_params: number | null;
    readonly trainable_params: number | null;
    readonly non_trainable_params: number | null;
  }[];
  readonly diagnostics: { readonly line: number; readonly severity: Diagnostic['severity']; readonly message: string }[];
}

function modelJson(summary: ModelSummary): SummaryJson['models'][number] {
  const layers = summaryRows(summary).rows.map((r): SummaryJsonLayer => ({
    class_name: r.className, name: r.name, line: r.line, output_shape: r.outputShape ? [...r.outputShape] : null,
    params: r.params ? r.params.trainable + r.params.nonTrainable : null,
    trainable_params: r.params ? r.params.trainable : null, non_trainable_params: r.params ? r.params.nonTrainable : null,
  }));
  const t = summary.totals;
  return {
    name: summary.graph.name, line: summary.graph.span.line, layers,
    total_params: t ? t.trainable + t.nonTrainable : null, trainable_params: t ? t.trainable : null, non_trainable_params: t ? t.nonTrainable : null,
  };
}

/** Every diagnostic of the analysis, document ones and model ones, in line order. */
export function allDiagnostics(analysis: DocumentAnalysis): Diagnostic[] {
  const all = [...analysis.diagnostics, ...analysis.models.flatMap((m) => m.diagnostics)];
  return all.sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column);
}

export function summaryJson(file: string, analysis: DocumentAnalysis): SummaryJson {
  return {
    file,
    models: analysis.models.map(modelJson),
    diagnostics: allDiagnostics(analysis).map((d) => ({ line: d.span.line, severity: d.severity, message: d.message })),
  };
}

/** Why the "?" of a table are unknown: the model's reason, then the first reasons of its layers. */
function unknownNotes(m: ModelSummary): string[] {
  const notes = new Set<string>();
  if (m.graph.unknownReason) notes.add(renderMessage(m.graph.unknownReason));
  for (const { node, outcome } of m.layers) {
    if ((outcome.params === null || outcome.outputShape === null) && outcome.unknownReason) notes.add(`${node.name}: ${renderMessage(outcome.unknownReason)}`);
  }
  return [...notes].slice(0, 6).map((n) => `? ${n}`);
}

export function summaryText(analysis: DocumentAnalysis, terminalColumns: number): string[] {
  const out: string[] = [];
  if (analysis.models.length === 0) out.push('No Keras model found.');
  for (const m of analysis.models) out.push(summaryTable(m, { terminalColumns }), ...unknownNotes(m), '');
  for (const d of allDiagnostics(analysis)) out.push(`line ${d.span.line}: ${d.severity}: ${d.message}`);
  return out;
}

export interface SummaryEnvironment {
  /** The terminal width Keras would use (COLUMNS, the tty, else 80, as Python's shutil does). */
  readonly terminalColumns: number;
}

/** Runs the command; returns the exit code. */
export async function summary(args: SummaryArgs, io: Output, env: SummaryEnvironment): Promise<number> {
  let text: string;
  try {
    text = (await readUserFile(args.file, { maxBytes: MAX_SOURCE_BYTES, what: msg('source files') })).toString('utf8');
  } catch (e) {
    io.err(`hyperlab summary: cannot read ${e instanceof UserFileError ? e.message : `${args.file}: ${String(e)}`}`);
    return 1;
  }
  const analysis = analyzeDocument(text, languageOf(args.file));
  if (args.json) io.out(JSON.stringify(summaryJson(args.file, analysis)));
  else for (const line of summaryText(analysis, env.terminalColumns)) io.out(line);
  return 0;
}

/** What Python's shutil.get_terminal_size() would report. */
export function terminalColumns(environment: NodeJS.ProcessEnv, stdoutColumns: number | undefined): number {
  const fromEnv = Number.parseInt(environment['COLUMNS'] ?? '', 10);
  if (Number.isFinite(fromEnv) && fromEnv > 0) return fromEnv;
  return stdoutColumns && stdoutColumns > 0 ? stdoutColumns : 80;
}
