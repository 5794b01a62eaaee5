/**
 * Reads the Keras models of a Python document: parses it once with @lezer/python (error tolerant; in
 * segments that survive from the previous version: pySegments.ts), reads the module top to bottom, then the
 * functions and methods nobody called, and freezes every model the file builds. Returns the models, the
 * other Keras calls and the syntax diagnostics.
 */
import { parser } from '@lezer/python';
import { buildTimeNames, declaredInputShape, kerasAutoName } from '../layers/applyLayer';
import { GraphBuilder } from '../graph/graphBuilder';
import { LayerNames, kerasSnakeCase } from '../graph/layerNames';
import { type SourceModels, collectModels } from '../graph/sourceModels';
import { SourceText, children } from '../sourceText';
import { syntaxDiagnostics } from '../syntaxDiagnostics';
import { ReaderContext } from '../readerContext';
import { runUncalledFunctions } from './pyFunctions';
import { scanModuleAssignments } from './pyImports';
import { execBlock } from './pyStatements';
import { ParseHelper } from './parseHelper';
import { SegmentedParser } from './pySegments';

const PYTHON_PARSES = new SegmentedParser(parser);

/**
 * Starts (or with null stops) the worker that parses half of a long file's segments while this thread
 * parses the rest (parseHelper.ts). `workerPath` is the bundled dist/pythonParseWorker.js. Without it
 * everything is parsed on the calling thread, as the CLI and the unit tests do.
 */
export function usePythonParseWorker(workerPath: string | null): ParseHelper | null {
  const helper = workerPath === null ? null : new ParseHelper(workerPath, parser.nodeSet);
  PYTHON_PARSES.useHelper(helper);
  return helper;
}

export function pythonModels(text: string): SourceModels {
  const tree = PYTHON_PARSES.parse(text);
  const src = SourceText.ofTree(text, tree);
  const builder = new GraphBuilder(
    new LayerNames('keras'),
    (className) => safePrefix(className),
    (call) => declaredInputShape(call) !== undefined,
    buildTimeNames,
  );
  const ctx = new ReaderContext(src, builder, () => scanModuleAssignments(src, tree.topNode));
  execBlock(ctx, children(tree.topNode));
  ctx.stopped = false;
  runUncalledFunctions(ctx);
  return collectModels(builder, ctx.kerasCalls, [...syntaxDiagnostics(src), ...ctx.readerDiagnostics()]);
}

/** Keras' name prefix for a class: the layer rules' own for known layers, Keras' snake case otherwise. */
function safePrefix(className: string): string {
  const fromRules = kerasAutoName(className);
  return fromRules || kerasSnakeCase(className);
}
