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
  /** Node kinds that always hold a token (so are never made up by the parser), read once from the compiler. */
  private readonly tokenKinds: ReadonlySet<TS.SyntaxKind>;
  private readonly identifierKind: TS.SyntaxKind;

  constructor(src: SourceText, builder: GraphBuilder, readonly ts: typeof TS, readonly sf: TS.SourceFile) {
    super(src, builder, () => new Map());
    const k = ts.SyntaxKind;
    this.identifierKind = k.Identifier;
    this.tokenKinds = new Set([k.CallExpression, k.PropertyAccessExpression, k.ObjectLiteralExpression, k.ArrayLiteralExpression, k.NumericLiteral,
      k.StringLiteral, k.ExpressionStatement, k.VariableStatement, k.ArrowFunction, k.FunctionDeclaration, k.BinaryExpression]);
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
    // TypeScript makes such a node where the next token starts, with no text (pos === end); a node of a kind
    // that always holds a token with pos < end is real. Any other kind is measured from its first token.
    if (node.pos === node.end) return true;
    if (node.kind === this.identifierKind) return (node as TS.Identifier).text === '';
    if (this.tokenKinds.has(node.kind)) return false;
    return node.end - node.getStart(this.sf) <= 0;
  }
}
