/**
 * What a bare Python name means: a binding of this file (variables, imports, functions, classes), a
 * builtin HyperLab evaluates (int, float, round, ...), or — in snippets that skip their imports — the
 * Keras module or class it conventionally stands for (`layers`, `models`, `Dense`, `Sequential`), as long
 * as no `from x import *` of another library could have supplied it. Anything else is unknown.
 */
import { isKnownLayer } from '../layers/applyLayer';
import { type Sym, unknownSym } from '../graph/symbolic';
import type { ReaderContext } from '../readerContext';
import { assumedRoot } from './kerasPath';
import { msg } from '../message';

/** Builtins evaluated when their arguments are known. */
export const BUILTINS = new Set(['int', 'float', 'round', 'abs', 'min', 'max', 'len', 'tuple', 'list', 'sum', 'bool', 'str', 'setattr', 'exec', 'eval', 'globals', 'locals', 'vars']);

const TOP_LEVEL_KERAS = new Set(['Sequential', 'Model', 'Input']);

export function resolveName(ctx: ReaderContext, name: string): Sym {
  const bound = ctx.lookup(name);
  if (bound) return bound;
  if (BUILTINS.has(name)) return { sym: 'module', path: `builtins.${name}`, fromImport: false };
  if (ctx.guessKeras) {
    const root = assumedRoot(name);
    if (root) return { sym: 'module', path: root, fromImport: false };
    if (TOP_LEVEL_KERAS.has(name)) return { sym: 'module', path: `keras.${name}`, fromImport: false };
    if (name === 'InputLayer' || isKnownLayer(name)) return { sym: 'module', path: `keras.layers.${name}`, fromImport: ctx.kerasStar };
  }
  return unknownSym(msg('is not defined in this file (`{0}`)', name));
}
