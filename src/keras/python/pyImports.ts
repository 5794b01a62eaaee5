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

/** Statements whose bodies run at module level: their bindings are module bindings too. */
const NESTED = new Set(['IfStatement', 'ForStatement', 'WhileStatement', 'TryStatement', 'WithStatement', 'Body', 'StatementGroup', 'MatchStatement', 'MatchBody', 'MatchClause']);
const TARGET_LISTS = new Set(['TupleExpression', 'ParenthesizedExpression', 'ArrayExpression']);

/**
 * Calls `bind` with each name a module-level statement binds (assignment, update, loop, `with` and `del`
 * targets, unpacked ones too; imports; `def` and `class` names), reading the tree without building arrays:
 * this runs over every statement of a 5,000-line file.
 */
function bindings(src: SourceText, stmt: SyntaxNode, bind: (name: string) => void): void {
  const targets = (t: SyntaxNode): void => {
    if (t.name === 'VariableName') bind(src.slice(t));
    else if (TARGET_LISTS.has(t.name)) for (let c = t.firstChild; c; c = c.nextSibling) targets(c);
  };
  switch (stmt.name) {
    case 'ImportStatement': for (const n of importedNames(src, stmt)) bind(n.local); return;
    case 'AssignStatement': case 'UpdateStatement': {
      const op = stmt.name === 'AssignStatement' ? 'AssignOp' : 'UpdateOp';
      let last: SyntaxNode | null = null;
      for (let c = stmt.firstChild; c; c = c.nextSibling) if (c.name === op) last = c;
      for (let c = stmt.firstChild; c && last && c.from < last.from; c = c.nextSibling) targets(c);
      return;
    }
    case 'ForStatement': for (let c = stmt.firstChild?.nextSibling ?? null; c && c.name !== 'in'; c = c.nextSibling) targets(c); return;
    case 'WithStatement': for (let c = stmt.firstChild; c; c = c.nextSibling) if (c.prevSibling?.name === 'as') targets(c); return;
    case 'DeleteStatement': for (let c = stmt.firstChild; c; c = c.nextSibling) targets(c); return;
    case 'FunctionDefinition': case 'ClassDefinition': {
      const name = stmt.getChild('VariableName');
      if (name) bind(src.slice(name));
      return;
    }
    case 'DecoratedStatement': if (stmt.lastChild) bindings(src, stmt.lastChild, bind); return;
    default: return;
  }
}

/** Offsets of module-level bindings per name (function and class bodies excluded). */
export function scanModuleAssignments(src: SourceText, script: SyntaxNode): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const visit = (node: SyntaxNode): void => {
    for (let stmt = node.firstChild; stmt; stmt = stmt.nextSibling) {
      const at = stmt.from;
      bindings(src, stmt, (name) => {
        const list = out.get(name);
        if (list) list.push(at);
        else out.set(name, [at]);
      });
      if (NESTED.has(stmt.name)) visit(stmt);
    }
  };
  visit(script);
  return out;
}
