/**
 * Python call arguments as the @lezer/python tree lays them out: an ArgList with positional expressions,
 * `name = value` triples, and `*x` / `**x` unpackings. Recorded, never expanded.
 */
import type { NodeType, SyntaxNode } from '@lezer/common';
import type { SourceText } from '../sourceText';

/** Arguments of a call, split into positional and keyword ones; `*x` / `**x` are recorded, not expanded. */
export interface ArgNodes {
  readonly positional: SyntaxNode[];
  readonly keyword: Map<string, SyntaxNode>;
  /** `*args` / `**kwargs` unpackings, when present. */
  readonly unpacked: { readonly star: '*' | '**'; readonly node: SyntaxNode }[];
}

/** Splits a Python ArgList: `(a, b, name=value, *rest, **options)`. */
export function splitPythonArgs(argList: SyntaxNode, src: SourceText): ArgNodes {
  const out: ArgNodes = { positional: [], keyword: new Map(), unpacked: [] };
  // Walked sibling by sibling (no intermediate arrays: this runs for every call of a long file).
  let c = nextItem(argList.firstChild);
  while (c) {
    const next = nextItem(c.nextSibling);
    if (c.type.isError) {
      c = next;
    } else if (c.name === 'VariableName' && next?.name === 'AssignOp') {
      const value = nextItem(next.nextSibling);
      if (value && !value.type.isError) out.keyword.set(src.slice(c), value);
      c = value ? nextItem(value.nextSibling) : null;
    } else if (c.name === '*' || c.name === '**') {
      if (next) out.unpacked.push({ star: c.name, node: next });
      c = next ? nextItem(next.nextSibling) : null;
    } else {
      out.positional.push(c);
      c = next;
    }
  }
  return out;
}

/** The first argument item from `c` on: not a bracket, a comma, a comment or an untyped error-recovery token. */
function nextItem(c: SyntaxNode | null): SyntaxNode | null {
  while (c && (!(c.type as NodeType | undefined) || SKIPPED.has(c.name))) c = c.nextSibling;
  return c;
}

const SKIPPED = new Set(['(', ')', ',', 'Comment', 'LineComment', 'BlockComment']);
