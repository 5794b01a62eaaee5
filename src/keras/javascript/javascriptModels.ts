/**
 * Reads the TensorFlow.js Layers API models of a JavaScript or TypeScript document: parses it once with
 * @lezer/javascript (the TypeScript dialect for .ts; no TypeScript compiler, to keep the extension small),
 * reads the statements top to bottom, then the functions nobody called, and freezes every model. Layer names
 * follow TF.js' own scheme ('dense_Dense1'); shapes and counts follow the Keras rules.
 */
import { parser } from '@lezer/javascript';
import { declaredInputShape } from '../layers/applyLayer';
import { GraphBuilder } from '../graph/graphBuilder';
import { LayerNames, kerasSnakeCase } from '../graph/layerNames';
import { type SourceModels, collectModels } from '../graph/sourceModels';
import { ReaderContext } from '../readerContext';
import { SourceText, children } from '../sourceText';
import { syntaxDiagnostics } from '../syntaxDiagnostics';
import { execJsBlock, runUncalledJsFunctions } from './jsStatements';
import { ParseCache } from '../parseCache';

const JS_PARSES = new ParseCache(parser);
const TS_PARSES = new ParseCache(parser.configure({ dialect: 'ts' }));

export function javascriptModels(text: string, language: 'javascript' | 'typescript'): SourceModels {
  const tree = (language === 'typescript' ? TS_PARSES : JS_PARSES).parse(text);
  const src = new SourceText(text, tree);
  const builder = new GraphBuilder(new LayerNames('tfjs'), kerasSnakeCase, (call) => declaredInputShape(call) !== undefined);
  const ctx = new ReaderContext(src, builder, () => new Map());
  execJsBlock(ctx, children(tree.topNode));
  ctx.stopped = false;
  runUncalledJsFunctions(ctx);
  return collectModels(builder, ctx.kerasCalls, [...syntaxDiagnostics(src), ...ctx.readerDiagnostics()]);
}
