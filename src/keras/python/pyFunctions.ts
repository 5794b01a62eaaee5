/**
 * Functions of the file. A `def` records its parameters (defaults evaluated where it is defined, as Python
 * does); each call reads the body again with the call's arguments bound, so `build_model(64)` builds the
 * model Keras would build, with new layers (and names) per call. A function nobody calls is read once at
 * the end with unknown parameters ("units comes from the function argument `n`"), so its models still
 * show. Recursion and a global statement budget keep every file bounded in time.
 */
import type { SyntaxNode } from '@lezer/common';
import { type Sym, unknownSym } from '../graph/symbolic';
import { children } from '../sourceText';
import { readArgs } from './pyArgs';
import type { ReaderContext, ReaderFunction, ReaderParam } from '../readerContext';
import { evalExpr } from './pyEval';
import { execBlock } from './pyStatements';
import { msg } from '../message';

export function defineFunction(ctx: ReaderContext, def: SyntaxNode): ReaderFunction | null {
  const nameNode = def.getChild('VariableName');
  const paramList = def.getChild('ParamList');
  const body = def.getChild('Body');
  if (!nameNode || !paramList || !body) return null;
  const fn: ReaderFunction = {
    id: ctx.functions.length, name: ctx.src.slice(nameNode), body, params: readParams(ctx, paramList),
    defOffset: def.from, running: false, calls: 0,
  };
  ctx.functions.push(fn);
  return fn;
}

function readParams(ctx: ReaderContext, list: SyntaxNode): ReaderParam[] {
  const out: ReaderParam[] = [];
  let star: ReaderParam['star'] = '';
  const parts = children(list);
  for (let i = 0; i < parts.length; i++) {
    const c = parts[i]!;
    if (c.name === '*' || c.name === '**') star = c.name;
    else if (c.name === 'VariableName') {
      let j = i + 1;
      if (parts[j]?.name === 'TypeDef') j++;
      const dflt = parts[j]?.name === 'AssignOp' && parts[j + 1] ? evalExpr(ctx, parts[j + 1]!) : null;
      out.push({ name: ctx.src.slice(c), star, defaultValue: dflt });
      star = '';
      i = dflt ? j + 1 : j - 1;
    }
  }
  return out;
}

/** Parameter values for one call; `undefined` call arguments mean "read without a call". */
function bindParams(fn: ReaderFunction, args: ReturnType<typeof readArgs> | undefined): Map<string, Sym> {
  const out = new Map<string, Sym>();
  let pos = 0;
  for (const p of fn.params) {
    if (p.star) {
      out.set(p.name, unknownSym(msg('comes from the function\'s `{0}{1}`', p.star, p.name)));
      continue;
    }
    const given = args ? (args.keyword.get(p.name) ?? (args.unpackNote ? undefined : args.positional[pos])) : undefined;
    pos++;
    if (given) out.set(p.name, given);
    else if (args && p.defaultValue && !args.unpackNote) out.set(p.name, p.defaultValue);
    else out.set(p.name, unknownSym(msg('comes from the function argument `{0}`', p.name)));
  }
  return out;
}

/** Reads a function body in a fresh scope; returns what it returns. */
export function runFunction(ctx: ReaderContext, fn: ReaderFunction, params: Map<string, Sym>): Sym {
  return ctx.inFunction(fn, params, () => execBlock(ctx, children(fn.body)));
}

export function callFunction(ctx: ReaderContext, id: number, node: SyntaxNode, argList: SyntaxNode): Sym {
  const fn = ctx.functions[id];
  const args = readArgs(ctx, argList);
  if (!fn || fn.running) return unknownSym(msg('is returned by a recursive call HyperLab does not follow (`{0}`)', ctx.src.short(node)));
  fn.calls++;
  // Each call reads the body again, so layer names keep counting as in Keras; a call inside a loop
  // makes the body's constructions count as "in a loop" (ctx.outerLoops), so their numbers become '?'.
  return runFunction(ctx, fn, bindParams(fn, args));
}

/** Reads, with unknown parameters, the functions no call has reached. */
export function runUncalledFunctions(ctx: ReaderContext): void {
  for (let i = 0; i < ctx.functions.length; i++) {
    const fn = ctx.functions[i]!;
    if (fn.calls === 0 && !fn.running) {
      fn.calls++;
      runFunction(ctx, fn, bindParams(fn, undefined));
    }
  }
}
