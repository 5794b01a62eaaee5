/**
 * Python imports as bindings of module paths: `import tensorflow as tf` binds tf to 'tensorflow',
 * `from tensorflow.keras import layers as L` binds L to 'tensorflow.keras.layers', `from keras.layers
 * import Dense` binds Dense to 'keras.layers.Dense', `import keras.layers` binds keras. Star imports are
 * noted: from Keras they make guessed layer names count as imported; from anything else they stop the
 * guessing. Also the module-level assignment scan that tells function bodies whether a global is stable.
 */
import type { SyntaxNode } from '@lezer/common';
import { type SourceText, children } from '../sourceText';
import type { ReaderContext } from '../readerContext';
import { normalizeKerasPath } from './kerasPath';

export interface ImportedName {
  readonly local: string;
  readonly path: string;
}

/** Splits `a.b as c, d` (tokens after `import`) into dotted paths with their aliases. */
function importGroups(src: SourceText, tokens: SyntaxNode[]): { path: string; alias: string | null }[] {
  const out: { path: string; alias: string | null }[] = [];
  let path = '', alias: string | null = null, afterAs = false;
  const flush = () => { if (path) out.push({ path, alias }); path = ''; alias = null; afterAs = false; };
  for (const t of tokens) {
    if (t.name === ',') flush();
    else if (t.name === 'as') afterAs = true;
    else if (t.name === 'VariableName' && afterAs) alias = src.slice(t);
    else if (t.name === 'VariableName' || t.name === '*') path += src.slice(t);
    else if (t.name === '.') path += '.';
  }
  flush();
  return out;
}

export function importedNames(src: SourceText, node: SyntaxNode): ImportedName[] {
  const parts = children(node).filter((c) => !c.type.isError && c.name !== '(' && c.name !== ')');
  if (parts[0]?.name === 'from') {
    const importAt = parts.findIndex((c) => c.name === 'import');
    if (importAt < 0) return [];
    const module = importGroups(src, parts.slice(1, importAt))[0]?.path ?? '';
    return importGroups(src, parts.slice(importAt + 1)).map((g) => ({ local: g.alias ?? g.path, path: `${module}.${g.path}` }));
  }
  return importGroups(src, parts.slice(1)).map((g) => g.alias
    ? { local: g.alias, path: g.path }
    : { local: g.path.split('.')[0]!, path: g.path.split('.')[0]! });
}

export function execImport(ctx: ReaderContext, node: SyntaxNode): void {
  for (const { local, path } of importedNames(ctx.src, node)) {
    if (local.endsWith('*') || path.endsWith('.*')) {
      const module = path.slice(0, -2);
      if (normalizeKerasPath(module)) ctx.kerasStar = true;
      else ctx.guessKeras = false;
      continue;
    }
    if (!local || local.startsWith('.')) continue;
    ctx.bind(local, { sym: 'module', path: path.startsWith('.') ? `<relative>${path}` : path, fromImport: true });
  }
}

/** Names a statement binds (assignment targets, loop variables, imports), for the module scan. */
function boundNames(src: SourceText, stmt: SyntaxNode): string[] {
  if (stmt.name === 'ImportStatement') return importedNames(src, stmt).map((n) => n.local);
  if (stmt.name === 'AssignStatement' || stmt.name === 'UpdateStatement') {
    const parts = children(stmt);
    const lastOp = parts.map((p) => p.name).lastIndexOf(stmt.name === 'AssignStatement' ? 'AssignOp' : 'UpdateOp');
    return parts.slice(0, Math.max(0, lastOp)).filter((p) => p.name === 'VariableName').map((p) => src.slice(p));
  }
  if (stmt.name === 'ForStatement') {
    const parts = children(stmt);
    const inAt = parts.findIndex((p) => p.name === 'in');
    return parts.slice(1, Math.max(1, inAt)).filter((p) => p.name === 'VariableName').map((p) => src.slice(p));
  }
  return [];
}

const NESTED = new Set(['IfStatement', 'ForStatement', 'WhileStatement', 'TryStatement', 'WithStatement', 'Body']);

/** Offsets of module-level bindings per name (function and class bodies excluded). */
export function scanModuleAssignments(src: SourceText, script: SyntaxNode): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const visit = (node: SyntaxNode): void => {
    for (const stmt of children(node)) {
      for (const name of boundNames(src, stmt)) {
        const list = out.get(name) ?? [];
        list.push(stmt.from);
        out.set(name, list);
      }
      if (NESTED.has(stmt.name)) visit(stmt);
    }
  };
  visit(script);
  return out;
}
