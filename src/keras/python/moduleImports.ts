/**
 * The import statements at the top level of a Python file, with where each is written: what name each
 * binds to which module path (`from tensorflow.keras import layers` binds layers to
 * 'tensorflow.keras.layers'), and for a from-import the offset just after its last imported name, where
 * one more name can be appended. Apply to Code uses it to spell a Keras name the way the file can reach it,
 * or to add the import it needs. Imports inside functions, classes, `if` or `try` are not listed (they may
 * not run). No 'vscode'.
 */
import { parser } from '@lezer/python';
import { SourceText, children } from '../sourceText';
import { importedNames } from './pyImports';

export interface ModuleImport {
  /** The statement's text range. */
  readonly from: number;
  readonly to: number;
  /** `from <module> import ...`: the module as written; null for `import a.b as c`. */
  readonly fromModule: string | null;
  /** For a from-import: the offset after its last imported name (or alias), before any closing parenthesis. */
  readonly namesEnd: number;
  /** The names it binds, each with the dotted path it stands for. */
  readonly names: readonly { readonly local: string; readonly path: string }[];
}

export interface FileImports {
  readonly imports: readonly ModuleImport[];
  /** Where a first import goes in a file without any: after its docstring, else at the start. */
  readonly headerEnd: number;
}

export function moduleImports(text: string): FileImports {
  const tree = parser.parse(text);
  const src = new SourceText(text, []);
  const out: ModuleImport[] = [];
  const top = children(tree.topNode);
  const first = top[0];
  const docstring = first?.name === 'ExpressionStatement' && first.firstChild?.name === 'String';
  for (const node of top) {
    if (node.name !== 'ImportStatement') continue;
    const parts = children(node).filter((c) => !c.type.isError);
    const importAt = parts.findIndex((c) => c.name === 'import');
    const isFrom = parts[0]?.name === 'from' && importAt > 0;
    const fromModule = isFrom ? parts.slice(1, importAt).map((p) => src.slice(p)).join('') : null;
    const last = [...parts].reverse().find((c) => c.name === 'VariableName');
    out.push({ from: node.from, to: node.to, fromModule, namesEnd: last?.to ?? node.to, names: importedNames(src, node) });
  }
  return { imports: out, headerEnd: docstring ? first.to : 0 };
}
