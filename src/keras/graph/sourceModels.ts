/**
 * What a source reader (Python or TensorFlow.js) hands to the analysis: the frozen models, the Keras calls
 * that are not layers of a model (for hovers), and the reader's diagnostics. `collectModels` freezes every
 * model the GraphBuilder recorded and adds the layer calls no model ended up using to the Keras calls.
 */
import type { Diagnostic, LayerCall } from '../kerasModel';
import { type BuiltModel, freezeModel } from './freezeModel';
import type { GraphBuilder } from './graphBuilder';

export interface SourceModels {
  readonly models: readonly BuiltModel[];
  readonly kerasCalls: readonly LayerCall[];
  readonly diagnostics: readonly Diagnostic[];
}

export function collectModels(builder: GraphBuilder, kerasCalls: readonly LayerCall[], diagnostics: readonly Diagnostic[]): SourceModels {
  const models = builder.models.map((m) => freezeModel(m, builder.apps));
  const used = new Set<LayerCall>();
  for (const m of models) for (const n of m.graph.nodes) used.add(n.call);
  const unused = builder.layers.filter((l) => l.call.isKeras && !used.has(l.call)).map((l) => l.call);
  const calls = [...kerasCalls, ...unused].sort((a, b) => a.span.from - b.span.from);
  return { models, kerasCalls: calls, diagnostics };
}
