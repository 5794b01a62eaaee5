/**
 * Reads the TensorFlow.js Layers API models of a JavaScript or TypeScript document: parses it once with the
 * TypeScript compiler's parser (typescriptModule.ts; error tolerant: it always returns a tree, and its
 * syntax diagnostics become ours), reads the statements top to bottom, then the functions nobody called,
 * and freezes every model. Layer names follow TF.js' own scheme ('dense_Dense1'); shapes and counts follow
 * the Keras rules. Code nested too deeply for the parser's stack is a diagnostic, not an internal error.
 */
import type * as TS from 'typescript';
import { declaredInputShape } from '../layers/applyLayer';
import { GraphBuilder } from '../graph/graphBuilder';
import { LayerNames, kerasSnakeCase } from '../graph/layerNames';
import { type SourceModels, collectModels } from '../graph/sourceModels';
import { SourceText } from '../sourceText';
import { msg, said } from '../message';
import { syntaxDiagnostics } from '../syntaxDiagnostics';
import { JsContext } from './jsContext';
import { execJsBlock, runUncalledJsFunctions } from './jsStatements';
import { typescript } from './typescriptModule';

export function javascriptModels(text: string, language: 'javascript' | 'typescript'): SourceModels {
  try {
    return readModels(text, language);
  } catch (e) {
    if (!isStackOverflow(e)) throw e;
    // The TypeScript parser recurses once per nesting level, so code nested a few thousand levels deep
    // (brackets, blocks, arrow functions) overflows the stack before any reading starts: say so, as the
    // Python reader says "nested too deeply", instead of reporting an internal error.
    const span = { line: 1, column: 0, from: 0, to: 0 };
    return { models: [], kerasCalls: [], diagnostics: [{ severity: 'warning', code: 'too-deep', span, ...said(msg('This file is too deeply nested to analyse: its code nests thousands of levels deep (brackets, blocks or functions), past what HyperLab reads, so it shows no models for it')) }] };
  }
}

/** Whether `e` is V8's "Maximum call stack size exceeded". */
function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

function readModels(text: string, language: 'javascript' | 'typescript'): SourceModels {
  const ts = typescript();
  const kind = language === 'typescript' ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const sf = ts.createSourceFile(language === 'typescript' ? 'model.ts' : 'model.js', text, ts.ScriptTarget.Latest, false, kind);
  const src = new SourceText(text, syntaxErrors(sf, text.length));
  const builder = new GraphBuilder(new LayerNames('tfjs'), kerasSnakeCase, (call) => declaredInputShape(call) !== undefined);
  const ctx = new JsContext(src, builder, ts, sf);
  execJsBlock(ctx, sf.statements);
  ctx.stopped = false;
  runUncalledJsFunctions(ctx);
  return collectModels(builder, ctx.kerasCalls, [...syntaxDiagnostics(src), ...ctx.readerDiagnostics()]);
}

/**
 * The parser's syntax errors as ranges. createSourceFile keeps them on the source file as
 * `parseDiagnostics` (what a program's getSyntacticDiagnostics returns for the file, without building a
 * program); the property is not in the public typings, so it is read defensively.
 */
function syntaxErrors(sf: TS.SourceFile, length: number): [number, number][] {
  const diagnostics = (sf as unknown as { parseDiagnostics?: readonly TS.Diagnostic[] }).parseDiagnostics ?? [];
  return diagnostics
    .filter((d) => d.start !== undefined)
    .map((d): [number, number] => [Math.min(d.start!, length), Math.min(d.start! + (d.length ?? 0), length)])
    .sort((a, b) => a[0] - b[0]);
}
