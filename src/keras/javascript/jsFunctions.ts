/**
 * Functions of a TF.js file: function declarations, function expressions and arrow functions (bound to a
 * name or not), each read at its calls with the call's arguments, like the Python reader does. A function
 * nobody calls, or one handed to code HyperLab does not follow (`layers.forEach(l => model.add(l))`, a
 * callback), is read once more at the end as a speculative read (readerContext.ts), its parameters unknown or
 * derived from what that code was given.
 */
import type * as TS from 'typescript';
import { type Sym, unknownSym } from '../graph/symbolic';
import { derivedFrom } from '../graph/reach';
import { msg } from '../message';
import type { ReaderFunction, ReaderParam } from '../readerContext';
import type { JsContext } from './jsContext';
import { evalJs } from './jsEval';
import { execJsBlock } from './jsStatements';

export type FunctionNode = TS.FunctionDeclaration | TS.ArrowFunction | TS.FunctionExpression | TS.MethodDeclaration;

export function defineJsFunction(ctx: JsContext, node: FunctionNode, name: string): ReaderFunction<TS.Node> | null {
  const { ts } = ctx;
  const body = node.body;
  if (!body) return null;
  const params: ReaderParam[] = [];
  for (const p of node.parameters) {
    if (!ts.isIdentifier(p.name)) continue;
    params.push({ name: p.name.text, star: p.dotDotDotToken ? '*' : '', defaultValue: p.initializer ? evalJs(ctx, p.initializer) : null });
  }
  const fn: ReaderFunction<TS.Node> = {
    id: ctx.functions.length, name, body, params, defOffset: node.getStart(ctx.sf), closure: ctx.scope,
    expressionBody: !ts.isBlock(body), running: false, calls: 0, escapedWith: null,
  };
  ctx.functions.push(fn);
  if (ts.isFunctionDeclaration(node)) ctx.bind(name, { sym: 'function', id: fn.id, name });
  return fn;
}

function runJsFunction(ctx: JsContext, fn: ReaderFunction<TS.Node>, values: Map<string, Sym>): Sym {
  return ctx.inFunction(fn, values, () => {
    if (ctx.ts.isBlock(fn.body)) execJsBlock(ctx, fn.body.statements);
    else ctx.returned = evalJs(ctx, fn.body);
  });
}

function paramValues(fn: ReaderFunction<TS.Node>, args: readonly Sym[] | undefined): Map<string, Sym> {
  const out = new Map<string, Sym>();
  fn.params.forEach((p, i) => {
    const given = p.star ? undefined : args?.[i];
    const why = msg('comes from the function argument `{0}`', p.name);
    out.set(p.name, given ?? (args && p.defaultValue ? p.defaultValue : fn.escapedWith ? derivedFrom(fn.escapedWith, why) : unknownSym(why)));
  });
  return out;
}

export function callJsFunction(ctx: JsContext, id: number, args: readonly Sym[]): Sym {
  const fn = ctx.functions[id];
  if (!fn || fn.running) return unknownSym(msg('is returned by a recursive call HyperLab does not follow'));
  fn.calls++;
  return runJsFunction(ctx, fn, paramValues(fn, args));
}

export function runUncalledJsFunctions(ctx: JsContext): void {
  for (let i = 0; i < ctx.functions.length; i++) {
    const fn = ctx.functions[i]!;
    if ((fn.calls > 0 && !fn.escapedWith) || fn.running) continue;
    const calledBefore = fn.calls > 0;
    fn.calls++;
    const line = ctx.src.span(fn.defOffset, fn.defOffset).line;
    const why = fn.escapedWith
      ? msg('`{0}` (line {1}) is called by code HyperLab does not follow, so what it changes is unknown.', fn.name, line)
      : msg('`{0}` (line {1}) is never called in this file, so HyperLab cannot tell when what it changes happens.', fn.name, line);
    const models = ctx.builder.models.length;
    ctx.speculate(why, fn.defOffset, () => runJsFunction(ctx, fn, paramValues(fn, undefined)));
    if (calledBefore) ctx.builder.models.splice(models);
    fn.escapedWith = null;
  }
}
