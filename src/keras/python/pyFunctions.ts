/**
 * Functions of the file (`def` and `lambda`). A definition records its parameters (defaults evaluated where
 * it is defined, as Python does) and the scope it sees; each call reads the body again with the call's
 * arguments bound, so `build_model(64)` builds the model Keras would build, with new layers (and names) per
 * call. A function nobody calls, or one handed to code HyperLab does not follow (`map(freeze, model.layers)`,
 * a callback), is read once more at the end as a speculative read (readerContext.ts): its own models still
 * show, and what it would do to the file's other models and layers marks them instead. Its parameters are
 * unknown, or derived from what the unfollowed code was given. Recursion and a global statement budget keep
 * every file bounded in time.
 */
import type { SyntaxNode } from '@lezer/common';
import { type Sym, unknownSym } from '../graph/symbolic';
import { derivedFrom } from '../graph/reach';
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
  return addFunction(ctx, ctx.src.slice(nameNode), body, readParams(ctx, paramList), def.from, false);
}

/** `lambda x, y=2: expr`: a function whose body is its expression. */
export function defineLambda(ctx: ReaderContext, node: SyntaxNode): ReaderFunction | null {
  const parts = children(node);
  const paramList = parts.find((c) => c.name === 'ParamList');
  const colon = parts.findIndex((c) => c.name === ':');
  const body = colon >= 0 ? parts[colon + 1] : undefined;
  if (!body) return null;
  return addFunction(ctx, 'lambda', body, paramList ? readParams(ctx, paramList) : [], node.from, true);
}

function addFunction(ctx: ReaderContext, name: string, body: SyntaxNode, params: ReaderParam[], defOffset: number, expressionBody: boolean): ReaderFunction {
  const fn: ReaderFunction = {
    id: ctx.functions.length, name, body, params, defOffset, closure: ctx.scope, expressionBody,
    running: false, calls: 0, escapedWith: null,
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
      out.set(p.name, unescaped(fn, msg('comes from the function\'s `{0}{1}`', p.star, p.name)));
      continue;
    }
    const given = args ? (args.keyword.get(p.name) ?? (args.unpackNote ? undefined : args.positional[pos])) : undefined;
    pos++;
    if (given) out.set(p.name, given);
    else if (args && p.defaultValue && !args.unpackNote) out.set(p.name, p.defaultValue);
    else out.set(p.name, unescaped(fn, msg('comes from the function argument `{0}`', p.name)));
  }
  return out;
}

/** A parameter HyperLab cannot see: derived from what unfollowed code that may call the function was given. */
function unescaped(fn: ReaderFunction, why: ReturnType<typeof msg>): Sym {
  return fn.escapedWith ? derivedFrom(fn.escapedWith, why) : unknownSym(why);
}

/** Reads a function body in a fresh scope; returns what it returns. */
export function runFunction(ctx: ReaderContext, fn: ReaderFunction, params: Map<string, Sym>): Sym {
  return ctx.inFunction(fn, params, () => {
    if (fn.expressionBody) ctx.returned = evalExpr(ctx, fn.body);
    else execBlock(ctx, children(fn.body));
  });
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

/** Reads, speculatively and with unknown parameters, the functions no call has reached and those that escaped. */
export function runUncalledFunctions(ctx: ReaderContext): void {
  for (let i = 0; i < ctx.functions.length; i++) {
    const fn = ctx.functions[i]!;
    if ((fn.calls > 0 && !fn.escapedWith) || fn.running) continue;
    fn.calls++;
    const why = fn.escapedWith
      ? msg('`{0}` (line {1}) is called by code HyperLab does not follow, so what it changes is unknown.', fn.name, ctx.src.span(fn.defOffset, fn.defOffset).line)
      : msg('`{0}` (line {1}) is never called in this file, so HyperLab cannot tell when what it changes happens.', fn.name, ctx.src.span(fn.defOffset, fn.defOffset).line);
    const models = ctx.builder.models.length;
    const calledBefore = fn.calls > 1;
    ctx.speculate(why, fn.defOffset, () => runFunction(ctx, fn, bindParams(fn, undefined)));
    // A function already read at its calls shows its models from there; this read only looks for its effects.
    if (calledBefore) ctx.builder.models.splice(models);
    fn.escapedWith = null;
  }
}
