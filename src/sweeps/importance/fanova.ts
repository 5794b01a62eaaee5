/**
 * Hyperparameter importance by fANOVA, as Optuna 3.x–4.x computes it by default
 * (optuna.importance.get_param_importances with FanovaImportanceEvaluator(n_trees=64, max_depth=64);
 * optuna/importance/_fanova/_evaluator.py): the completed trials with a finite value that hold every
 * parameter of the intersection search space (names sorted), each as raw columns (no log scaling, a
 * categorical one-hot), a random forest of 64 regression trees (scikit-learn's, rebuilt in
 * regressionTree.ts) fitted to the values, and per parameter the mean over trees of the share of the
 * tree's variance its marginal explains, normalized to sum to 1. Optuna 5 switched its default to
 * PED-ANOVA; this is fANOVA. A parameter with a one-value range gets 0.
 */
import { type Distribution, incompatibility, isSingle } from '../distributions';
import { type FrozenTrial, TrialState } from '../frozenTrial';
import { pairwiseSum } from '../numpy/numeric';
import { RAW, columnBounds, toColumns } from '../samplers/searchSpaceTransform';
import { FanovaTree } from './fanovaTree';
import { fitForest } from './regressionTree';

export interface FanovaOptions {
  readonly nTrees?: number;
  readonly maxDepth?: number;
  /** The forest's seed (Optuna's seed=None draws one; HyperLab fixes it so the view is stable). */
  readonly seed?: number;
}

export type Importances = { readonly param: string; readonly importance: number }[];

/** intersection_search_space over completed trials: parameters every one holds with the same distribution, by name. */
export function intersectionSearchSpace(trials: readonly FrozenTrial[]): Map<string, Distribution> {
  let space: Map<string, Distribution> | null = null;
  for (const t of trials) {
    if (t.state !== TrialState.COMPLETE) continue;
    const own = new Map(Object.entries(t.distributions));
    if (space === null) { space = own; continue; }
    for (const [name, d] of space) {
      const o = own.get(name);
      if (!o || incompatibility(d, o) !== null || JSON.stringify(d) !== JSON.stringify(o)) space.delete(name);
    }
  }
  return new Map([...(space ?? new Map<string, Distribution>())].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The importance of each parameter, largest first (Optuna's order: ties keep the later name first). */
export function fanovaImportances(trials: readonly FrozenTrial[], options: FanovaOptions = {}): Importances {
  const complete = trials.filter((t) => t.state === TrialState.COMPLETE);
  if (complete.length === 0) throw new Error('Cannot evaluate parameter importances without completed trials.');
  if (complete.length === 1) throw new Error('Cannot evaluate parameter importances with only a single trial.');
  const space = intersectionSearchSpace(complete);
  const varying = [...space].filter(([, d]) => !isSingle(d));
  const fixed = [...space].filter(([, d]) => isSingle(d)).map(([name]) => name);
  if (varying.length === 0) return [];
  const used = complete.filter((t) => varying.every(([name]) => name in t.params) && Number.isFinite(t.values?.[0] ?? Number.NaN));
  const bounds = varying.flatMap(([, d]) => columnBounds(d, RAW));
  const groups: number[][] = [];
  let col = 0;
  for (const [, d] of varying) {
    const width = columnBounds(d, RAW).length;
    groups.push(Array.from({ length: width }, (_, k) => col + k));
    col += width;
  }
  const x = used.map((t) => varying.flatMap(([name, d]) => toColumns(d, t.params[name]!, RAW)));
  const y = used.map((t) => t.values![0]!);
  const trees = fitForest(x, y, options.nTrees ?? 64, options.maxDepth ?? 64, options.seed ?? 0).map((t) => new FanovaTree(t, bounds));
  if (trees.every((t) => t.variance === 0)) throw new Error('Encountered zero total variance in all trees.');
  const raw = groups.map((features) => {
    const fractions = trees.filter((t) => t.variance > 0).map((t) => Math.max(t.marginalVariance(features), 0) / t.variance);
    return pairwiseSum(fractions) / fractions.length;
  });
  const total = pairwiseSum(raw);
  const all = [...varying.map(([name], i) => ({ param: name, importance: raw[i]! / total })), ...fixed.map((name) => ({ param: name, importance: 0 }))];
  // _sort_dict_by_importance: reversed(sorted(..., key=importance)) — stable ascending, then reversed.
  return all.map((e, i) => ({ e, i })).sort((a, b) => a.e.importance - b.e.importance || a.i - b.i).reverse().map(({ e }) => e);
}
