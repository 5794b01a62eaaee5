/**
 * Setting an attribute of a layer, a model or something derived from them, for both readers
 * (`layer.trainable = False` in Python, `layer.trainable = false` in TF.js, `setattr(...)`): `trainable` on
 * one known object outside loops and ifs is followed (its parameters move to non-trainable); on anything
 * less certain it makes the trainable split of what it may reach unknown. Other attributes either never
 * change counts after construction (a regularizer, the name) or, before a layer's first call, may decide
 * its weights (`dense.units = 5`), which HyperLab does not follow. Speculative reads mark, never change.
 */
import type { ReachContext } from './reach';
import { changedAt, isForeign, isModel, markAnything, markTrainable, rootsOf } from './reach';
import type { Root, Sym } from './symbolic';
import { currentLayers } from './freezeModel';
import { type Message, msg } from '../message';

/** Attributes whose change after construction never changes a layer's weights or its model's structure. */
const HARMLESS_ATTRIBUTES = new Set(['name', 'kernel_regularizer', 'bias_regularizer', 'activity_regularizer', 'recurrent_regularizer',
  'kernelRegularizer', 'biasRegularizer', 'activityRegularizer', 'recurrentRegularizer',
  'optimizer', 'stop_training', 'stopTraining', 'history', 'loss', 'compiled_loss', 'compiled_metrics']);

/** What the attribute setter needs of a reader's context. */
export interface AttributeContext extends ReachContext {
  readonly speculation: Message | null;
}

/** The code that sets the attribute, for the reasons. */
export interface Where {
  readonly line: number;
  readonly text: string;
}

/** Sets `obj.attr = value`; false when `obj` is not a layer, a model or derived from them (an ordinary name then). */
export function setObjectAttribute(ctx: AttributeContext, obj: Sym, attr: string, value: Sym, where: Where): boolean {
  const roots = rootsOf(obj);
  if (attr === 'trainable') {
    setTrainable(ctx, obj, roots, value, where);
    return true;
  }
  if (roots.length === 0 || (obj.sym !== 'layer' && obj.sym !== 'model' && obj.sym !== 'derived')) return false;
  if (HARMLESS_ATTRIBUTES.has(attr)) return true;
  const why = changedAt(where.line, where.text);
  if (obj.sym === 'layer' && !isForeign(ctx, obj.layer) && rootsOf(value).length === 0) {
    // Before its first call a layer's attributes decide its weights (`d.units = 5`); HyperLab does not follow them.
    if (obj.layer.applications.length === 0) obj.layer.note ??= why;
    return true;
  }
  markAnything(ctx, roots, ctx.readId !== 0 ? ctx.speculation ?? why : why);
  return true;
}

function setTrainable(ctx: AttributeContext, obj: Sym, roots: readonly Root[], value: Sym, where: Where): void {
  const flag = value.sym === 'py' && value.value.kind === 'bool' ? value.value.value : null;
  const why = msg('`{0}` is changed in a way HyperLab cannot follow, so the trainable split is unknown.', where.text);
  const exact = flag !== null && ctx.certain && roots.length === 1 && !isForeign(ctx, roots[0]!);
  if (exact && obj.sym === 'layer') obj.layer.trainable = flag;
  else if (exact && obj.sym === 'model') {
    // Keras' setter sets every layer the model has now; layers added later keep their own flag.
    obj.model.trainable = flag;
    for (const layer of currentLayers(obj.model, ctx.builder.apps)) layer.trainable = flag;
  }
  else if (roots.length > 0) {
    markTrainable(roots, ctx.readId !== 0 ? ctx.speculation ?? why : why);
    for (const root of roots) if (!isModel(root) && !isForeign(ctx, root)) root.trainable = null;
  }
}
