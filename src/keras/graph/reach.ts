/**
 * What code HyperLab does not follow exactly can still do to the models and layers of a file, and how that
 * is recorded so that no number it may affect is shown as known (the soundness rule in analyzeDocument.ts).
 * A value reached from models or layers (`model.layers`, a loop variable over them, what an unknown function
 * returns when given them) is a 'derived' value that remembers its roots; a change made through it marks
 * the roots: `trainable` set on it makes their trainable split unknown, a structural change (`.add`, `.pop`)
 * puts an unknown entry into a Sequential. A speculative read (an uncalled function, readerContext.ts) marks
 * the models and layers created outside it the same way instead of changing them. No source text here.
 */
import type { NamingContext } from './layerNames';
import type { GraphBuilder } from './graphBuilder';
import type { LayerCall } from '../kerasModel';
import type { LayerObject, ModelBuild, Root, SequentialBuild, Sym } from './symbolic';
import { unknownSym } from './symbolic';
import { type Message, msg } from '../message';

/** What the marking needs of a reader's context. */
export interface ReachContext {
  readonly builder: GraphBuilder;
  /** True when the code being read runs exactly once. */
  readonly certain: boolean;
  readonly readId: number;
  /** Where the function read speculatively is defined (entries added after it may be preceded by its effects). */
  readonly speculativeSince: number;
  naming(): NamingContext;
}

export function isModel(root: Root): root is ModelBuild {
  return 'kind' in root;
}

/** The models and layers a value may refer to: itself, a list's or dict's items, a derived value's roots. */
export function rootsOf(sym: Sym | undefined, out: Root[] = []): Root[] {
  if (!sym) return out;
  switch (sym.sym) {
    case 'model': out.push(sym.model); break;
    case 'layer': out.push(sym.layer); break;
    case 'derived': out.push(...sym.roots); break;
    case 'list': for (const item of sym.items) rootsOf(item, out); break;
    case 'dict': for (const item of sym.entries.values()) rootsOf(item, out); break;
    default: break;
  }
  return out;
}

/** A value HyperLab cannot follow: derived from `roots` when there are any, else plainly unknown. */
export function derivedFrom(roots: readonly Root[], reason: Message): Sym {
  const unique = [...new Set(roots)];
  return unique.length > 0 ? { sym: 'derived', roots: unique, reason } : unknownSym(reason);
}

/** Why a value is not known, whatever its kind; null for a known plain value. */
export function reasonOf(sym: Sym): Message | null {
  if (sym.sym === 'derived') return sym.reason;
  if (sym.sym === 'py' && sym.value.kind === 'unknown') return sym.value.reason;
  if (sym.sym === 'tensor' && 'unknown' in sym.ref) return sym.ref.unknown;
  return null;
}

/** True when a speculative read is changing a model or layer that was created outside it. */
export function isForeign(ctx: ReachContext, root: Root): boolean {
  return ctx.readId !== 0 && root.readId !== ctx.readId;
}

/** Code HyperLab does not follow may set `trainable` on these models and layers. */
export function markTrainable(roots: readonly Root[], why: Message): void {
  for (const root of roots) root.trainableUnknown ??= why;
}

/** Code HyperLab does not follow may do anything to these models and layers: their structure and `trainable`. */
export function markAnything(ctx: ReachContext, roots: readonly Root[], why: Message): void {
  markTrainable(roots, why);
  markStructure(ctx, roots, why);
}

/**
 * Code HyperLab does not follow may add or remove layers of these models (or change a layer's weights): a
 * Sequential gets an unknown entry here, so every later count is unknown; during a speculative read the
 * entries added after the function's definition become uncertain too (the function may run before them).
 */
export function markStructure(ctx: ReachContext, roots: readonly Root[], why: Message): void {
  for (const root of roots) {
    if (!isModel(root)) {
      // A layer's weights may change (`layer.build(...)` before the model builds).
      root.note ??= why;
      continue;
    }
    root.unknownReason ??= why;
    if (root.kind !== 'sequential') continue;
    if (ctx.readId !== 0) for (const entry of root.entries) if (entry.at > ctx.speculativeSince) entry.uncertain ??= why;
    addUnknownEntry(ctx, root, why);
  }
}

/** A '?' row in a Sequential: something HyperLab cannot follow happens to the model at this point. */
export function addUnknownEntry(ctx: ReachContext, model: SequentialBuild, why: Message): LayerObject {
  const call: LayerCall = { className: '?', isKeras: false, args: [], kwargs: {}, span: model.span, calleeSpan: model.span };
  const layer = ctx.builder.createLayer({ call, isInput: false, note: why, explicitName: '?' }, ctx.naming());
  model.entries.push({ layer, uncertain: why, at: Number.MAX_SAFE_INTEGER });
  return layer;
}

/** The reason a change through code HyperLab does not follow gives (a sentence), naming the code and its line. */
export function changedAt(line: number, what: string): Message {
  return msg('`{0}` (line {1}) may change this model or its layers in a way HyperLab does not follow.', what, line);
}
