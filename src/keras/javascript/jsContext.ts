/**
 * The reader state for one TensorFlow.js document: ReaderContext over TypeScript nodes, plus the parsed
 * source file and the loaded compiler module (its SyntaxKind values and node tests), and node → text helpers
 * that skip leading trivia as the editor would (a node's range starts at its first token, not at `pos`).
 */
import type * as TS from 'typescript';
import type { SourceSpan } from '../kerasModel';
import type { GraphBuilder } from '../graph/graphBuilder';
import { ReaderContext } from '../readerContext';
import type { SourceText, TextRange } from '../sourceText';

export class JsContext extends ReaderContext<TS.Node> {
  constructor(src: SourceText, builder: GraphBuilder, readonly ts: typeof TS, readonly sf: TS.SourceFile) {
    super(src, builder, () => new Map());
  }

  range(node: TS.Node): TextRange {
    return { from: node.getStart(this.sf), to: node.end };
  }

  span(node: TS.Node): SourceSpan {
    return this.src.nodeSpan(this.range(node));
  }

  text(node: TS.Node): string {
    return this.src.slice(this.range(node));
  }

  short(node: TS.Node, max?: number): string {
    return this.src.short(this.range(node), max);
  }

  /** A node the parser made up to recover from a syntax error (an empty identifier, a missing operand). */
  isMissing(node: TS.Node): boolean {
    return node.end - node.getStart(this.sf) <= 0;
  }
}
