/**
 * Python call arguments as the @lezer/python tree lays them out: an ArgList with positional expressions,
 * `name = value` triples, and `*x` / `**x` unpackings. Recorded, never expanded.
 */
import type { SyntaxNode } from '@lezer/common';
import { type SourceText, children } from '../sourceText';

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
  const items = children(argList).filter((c) => c.name !== '(' && c.name !== ')' && c.name !== ',');
  for (let i = 0; i < items.length; i++) {
    const c = items[i]!;
    const next = items[i + 1];
    if (c.type.isError) continue;
    if (c.name === 'VariableName' && next?.name === 'AssignOp') {
      const value = items[i + 2];
      if (value && value.name !== ',' && !value.type.isError) out.keyword.set(src.slice(c), value);
      i += 2;
    } else if (c.name === '*' || c.name === '**') {
      if (next) out.unpacked.push({ star: c.name, node: next });
      i += 1;
    } else {
      out.positional.push(c);
    }
  }
  return out;
}
