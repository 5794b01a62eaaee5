/**
 * The numbers of a model Keras 3 has not built yet: a Sequential without an input shape prints "0 (unbuilt)"
 * until it is first called, yet much of it is fixed by the code alone — `Embedding(20000, 64)` has 1,280,000
 * parameters and the `Dense(2)` after a GlobalMaxPooling1D 130, whatever the data. HyperLab runs the chain on
 * inputs of every rank Keras layers take (batch plus 0 to 5 axes, each of a size the data will set) and keeps,
 * for each layer, what every rank that builds without error agrees on; anything that depends on the data
 * stays unknown. These are the "once built" numbers; the lens, the hover and the CLI say so. No 'vscode'.
 */
import type { LayerOutcome, LayerSummary, Shape } from './kerasModel';
import { type Message, msg } from './message';

/** Axes after the batch axis tried for an unbuilt model's input (Conv3D takes 4, plus channels). */
const MAX_AXES = 5;

/** The reason of a size an unbuilt model's data will set. */
export const FIRST_CALL = msg('is set by the data the model is first called on');

const DEPENDS = msg('depends on the shape of the data the model is first called on (Keras builds it then)');

/** The inputs tried: (None,), (None, ?), (None, ?, ?), ... */
export function candidateInputs(): Shape[] {
  return Array.from({ length: MAX_AXES + 1 }, (_, axes) => [null, ...Array.from({ length: axes }, () => ({ unknown: FIRST_CALL }))]);
}

const builds = (run: readonly LayerSummary[]): boolean => run.every((l) => l.outcome.problems.every((p) => p.severity !== 'error'));

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The layers of an unbuilt model from its runs on every candidate input: per layer, what all the runs that
 * build agree on. When none builds, nothing is known and the problems every run meets are reported.
 */
export function onceBuiltLayers(runs: readonly (readonly LayerSummary[])[], unbuilt: Message): LayerSummary[] {
  const building = runs.filter(builds);
  const first = runs[0] ?? [];
  if (building.length === 0) {
    return first.map((layer, i) => {
      const problems = layer.outcome.problems.filter((p) => runs.every((r) => r[i]?.outcome.problems.some((q) => q.code === p.code && q.message === p.message)));
      return { node: layer.node, outcome: { outputShape: null, params: null, unknownReason: unbuilt, formula: null, problems } };
    });
  }
  return building[0]!.map((layer, i) => ({ node: layer.node, outcome: agreed(building.map((r) => r[i]!.outcome)) }));
}

function agreed(outcomes: readonly LayerOutcome[]): LayerOutcome {
  const base = outcomes[0]!;
  const params = outcomes.every((o) => o.params !== null && same(o.params, base.params)) ? base.params : null;
  const shape = outcomes.every((o) => same(o.outputShape, base.outputShape)) ? base.outputShape : null;
  const shapes = base.outputShapes && outcomes.every((o) => same(o.outputShapes, base.outputShapes)) ? base.outputShapes : undefined;
  // Parameters no run knows keep the first run's reason; numbers the runs know but disagree on depend on the data's shape.
  const reason = params !== null && shape !== null ? null
    : params === null && outcomes.every((o) => o.params === null) ? base.unknownReason ?? DEPENDS : DEPENDS;
  const formula = params !== null && outcomes.every((o) => o.formula === base.formula) ? base.formula : null;
  const outcome: LayerOutcome = { outputShape: shape, params, unknownReason: reason, formula, problems: base.problems };
  return shapes ? { ...outcome, outputShapes: shapes } : outcome;
}
