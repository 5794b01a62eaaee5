/**
 * Python assignment targets: names, dotted attributes kept as names ('self.model'), tuple unpacking
 * (`a, b = 1, 2`; several outputs of one layer are not followed), and `x.trainable = False` on a layer or a
 * model, which moves its parameters to non-trainable. A model keeps the first variable it is assigned to
 * as its name.
 */
import type { SyntaxNode } from '@lezer/common';
import { type ModelBuild, type Sym, unknownSym } from '../graph/symbolic';
import { children } from '../sourceText';
import type { ReaderContext } from '../readerContext';
import { dottedName, evalExpr } from './pyEval';
import { type Message, msg } from '../message';

/** Several targets of one `=`: `a, b = value`. */
export function assignTargets(ctx: ReaderContext, targets: readonly SyntaxNode[], value: Sym): void {
  if (targets.length === 1) assignTarget(ctx, targets[0]!, value);
  else unpack(ctx, targets, value);
}

function unpack(ctx: ReaderContext, targets: readonly SyntaxNode[], value: Sym): void {
  const items = value.sym === 'list' && !value.truncated ? value.items
    : value.sym === 'py' && value.value.kind === 'tuple' ? value.value.items.map((v): Sym => ({ sym: 'py', value: v })) : null;
  targets.forEach((t, i) => {
    let item: Sym;
    if (items && items.length === targets.length) item = items[i]!;
    else if (value.sym === 'tensor') item = { sym: 'tensor', ref: { unknown: msg('is one of several outputs of a layer; HyperLab follows single-output layers only') } };
    else item = unknownSym(unpackedFrom(ctx.src.short(t)));
    assignTarget(ctx, t, item);
  });
}

export function assignTarget(ctx: ReaderContext, target: SyntaxNode, value: Sym): void {
  if (target.name === 'TupleExpression' || target.name === 'ArrayExpression' || target.name === 'ParenthesizedExpression') {
    assignTargets(ctx, children(target).filter((c) => !['(', ')', '[', ']', ','].includes(c.name)), value);
    return;
  }
  if (target.name === 'MemberExpression' && isTrainable(ctx, target)) {
    setTrainable(ctx, target, value);
    return;
  }
  const name = dottedName(ctx, target);
  if (name === null) return;
  if (value.sym === 'model') ctx.nameModel(value.model, name);
  ctx.bind(name, value);
}

function isTrainable(ctx: ReaderContext, target: SyntaxNode): boolean {
  const prop = target.lastChild;
  return prop?.name === 'PropertyName' && ctx.src.slice(prop) === 'trainable';
}

/** `layer.trainable = False`, `model.trainable = False`, or something HyperLab cannot pin to a layer. */
function setTrainable(ctx: ReaderContext, target: SyntaxNode, value: Sym): void {
  const objNode = target.firstChild;
  if (!objNode) return;
  const obj = evalExpr(ctx, objNode);
  const flag = value.sym === 'py' && value.value.kind === 'bool' ? value.value.value : null;
  const unsure = flag === null || ctx.frames.length > 0;
  if (!unsure && obj.sym === 'layer') obj.layer.trainable = flag;
  else if (!unsure && obj.sym === 'model') obj.model.trainable = flag;
  else {
    const root = rootModel(ctx, objNode);
    const model = obj.sym === 'model' ? obj.model : root;
    const why = msg('`{0}` is changed in a way HyperLab cannot follow, so the trainable split is unknown.', ctx.src.short(target));
    if (model) model.trainableUnknown ??= why;
    if (obj.sym === 'layer') obj.layer.trainable = null;
  }
}

/** The model a target such as `model.layers[0]` starts from, if its root names one. */
function rootModel(ctx: ReaderContext, node: SyntaxNode): ModelBuild | null {
  let n: SyntaxNode | null = node;
  while (n && n.name === 'MemberExpression') n = n.firstChild;
  if (!n || n.name !== 'VariableName') return null;
  const s = ctx.lookup(ctx.src.slice(n));
  return s?.sym === 'model' ? s.model : null;
}

/** Why a name unpacked from a value read only at run time (`(x_train, y_train), ... = load_data()`) is unknown. */
export function unpackedFrom(source: string): Message {
  return msg('is unpacked from `{0}` when the code runs', source);
}

/** The source a reason of unpackedFrom names, or null for any other reason (the hovers look the dataset up by it). */
export function unpackedSource(reason: Message): string | null {
  const source = reason.args[0];
  return reason.text === unpackedFrom('').text && typeof source === 'string' ? source : null;
}
