/**
 * "Apply to code": the sidebar's hidden layers, optimizer, epochs and batch size written into a Keras
 * model's Python source, only where they differ from what the code says (or, where it says nothing,
 * from Keras' default), so comments, formatting and everything else stay. Layers are added or removed
 * to match the sidebar (apply/layerEdits.ts), the optimizer and fit's values changed in place
 * (apply/optimizerEdits.ts), and any name the new code needs is imported the way the file imports Keras
 * (apply/kerasSpelling.ts). The model's input and output layers, loss, initializers and penalties stay
 * the code's. All or nothing: when a value cannot be written (it comes from a variable, the model is
 * built in a loop, a layer the sidebar lacks would be lost), it returns the reason and no edit. Pure:
 * source in, text edits and a description of each change out.
 */
import { applyLayers, type TargetLayer } from './apply/layerEdits';
import { KerasSpelling } from './apply/kerasSpelling';
import { applyFit, applyOptimizer, type TargetOptimizer } from './apply/optimizerEdits';
import { Refused, type TextEdit, fileQuote } from './apply/sourceEdits';
import type { ModelSummary } from './kerasModel';
import { type Message, msg } from './message';
import { moduleImports } from './python/moduleImports';

export { applyEdits, type TextEdit } from './apply/sourceEdits';
export type { TargetLayer } from './apply/layerEdits';

export interface TargetValues {
  /** The hidden layers, in order (the model's last Dense, its output, is left alone). */
  readonly layers: readonly TargetLayer[];
  readonly optimizer: TargetOptimizer;
  readonly epochs: number;
  readonly batch_size: number;
}

/** The edits (none when the code already says everything) and one line per change, or why nothing can be applied. */
export type ApplyResult = { readonly edits: readonly TextEdit[]; readonly changes: readonly Message[] } | { readonly error: Message };

/** Two edits of the same text (a constant two layers share) cannot both be made. */
function checkOverlaps(source: string, edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.from - b.from || a.to - b.to);
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const previous = out.at(-1);
    if (previous && e.from === previous.from && e.to === previous.to && e.from !== e.to && e.text === previous.text) continue;
    if (previous && e.from < previous.to) throw new Refused(msg('two of the values to change are written at the same place in the code (line {0}), for instance a constant two layers share', source.slice(0, e.from).split('\n').length));
    out.push(e);
  }
  return out;
}

export function applyToCode(source: string, model: ModelSummary, target: TargetValues): ApplyResult {
  const edits: TextEdit[] = [], changes: Message[] = [];
  try {
    if (model.graph.unknownReason) throw new Refused(msg('HyperLab cannot follow how {0} is built: {1}', model.graph.name, model.graph.unknownReason));
    const spelling = new KerasSpelling(source, moduleImports(source));
    const calls = [...model.graph.nodes.map((n) => n.call), ...(model.graph.compile ? [model.graph.compile] : [])];
    const context = { source, model, name: model.graph.name, spelling, quote: fileQuote(source, calls), edits, changes };
    applyLayers(context, target.layers);
    applyOptimizer(context, model.graph.compile, target.optimizer);
    applyFit(context, model.graph.fit, target.epochs, target.batch_size);
    const imports = spelling.importEdits();
    return { edits: checkOverlaps(source, [...edits, ...imports.edits]), changes: [...imports.changes, ...changes] };
  } catch (e) {
    if (e instanceof Refused) return { error: e.text };
    throw e;
  }
}
