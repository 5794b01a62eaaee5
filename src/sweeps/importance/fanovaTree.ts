/**
 * One tree of Optuna's fANOVA (optuna/importance/_fanova/_tree.py, after Hutter et al. 2014): each
 * leaf is a box of the search space weighted by its volume; a parameter's marginal is the tree's
 * prediction averaged over every other parameter, evaluated at the midpoints of the intervals its
 * split thresholds cut its range into, and the variance of that marginal (weighted by interval
 * widths) is the part of the tree's variance the parameter explains.
 */
import { pairwiseSum, weightedAverage } from '../numpy/numeric';
import type { Tree } from './regressionTree';

type Box = [number, number][];

const cardinality = (box: Box): number => box.reduce((p, [lo, hi]) => p * (hi - lo), 1);
const withBound = (box: Box, feature: number, side: 0 | 1, threshold: number): Box =>
  box.map((b, i) => (i === feature ? (side === 0 ? [threshold, b[1]] : [b[0], threshold]) : b));

export class FanovaTree {
  private readonly stats: [number, number][] = [];
  readonly midpoints: number[][] = [];
  readonly sizes: number[][] = [];
  private readonly active: boolean[][];
  readonly variance: number;

  constructor(private readonly tree: Tree, private readonly space: Box) {
    const n = tree.feature.length, nf = space.length;
    // _precompute_statistics: leaves hold (value, volume); inner nodes the volume-weighted mean of their children.
    const boxes: (Box | null)[] = new Array<Box | null>(n).fill(null);
    boxes[0] = space;
    for (let i = 0; i < n; i++) {
      const f = tree.feature[i]!;
      if (f < 0) { this.stats[i] = [tree.value[i]!, cardinality(boxes[i]!)]; continue; }
      boxes[tree.left[i]!] = withBound(boxes[i]!, f, 1, tree.threshold[i]!);
      boxes[tree.right[i]!] = withBound(boxes[i]!, f, 0, tree.threshold[i]!);
    }
    for (let i = n - 1; i >= 0; i--) {
      if (tree.feature[i]! < 0) continue;
      const l = this.stats[tree.left[i]!]!, r = this.stats[tree.right[i]!]!;
      this.stats[i] = [weightedAverage([l[0], r[0]], [l[1], r[1]]), pairwiseSum([l[1], r[1]])];
    }
    // _precompute_split_midpoints_and_sizes: the sorted distinct thresholds of each feature, with its bounds.
    for (let f = 0; f < nf; f++) {
      const cuts = [...new Set(tree.threshold.filter((_, i) => tree.feature[i] === f))].sort((a, b) => a - b);
      const edges = [space[f]![0], ...cuts, space[f]![1]];
      this.midpoints.push(edges.slice(1).map((e, k) => 0.5 * (e + edges[k]!)));
      this.sizes.push(edges.slice(1).map((e, k) => e - edges[k]!));
    }
    // _precompute_subtree_active_features: which features split somewhere below each node.
    this.active = Array.from({ length: n }, () => new Array<boolean>(nf).fill(false));
    for (let i = n - 1; i >= 0; i--) {
      const f = tree.feature[i]!;
      if (f < 0) continue;
      this.active[i]![f] = true;
      for (const c of [tree.left[i]!, tree.right[i]!]) this.active[c]!.forEach((a, k) => { if (a) this.active[i]![k] = true; });
    }
    const leaves = this.stats.filter((_, i) => tree.feature[i]! < 0);
    const values = leaves.map((s) => s[0]), weights = leaves.map((s) => s[1]);
    const mean = weightedAverage(values, weights);
    this.variance = weightedAverage(values.map((v) => (v - mean) ** 2), weights);
  }

  /** _get_marginalized_statistics: the mean prediction (and weight) with NaN features averaged out. */
  private marginalized(sample: Float64Array): [number, number] {
    const box: Box = this.space.map((b, i) => (Number.isNaN(sample[i]!) ? [0, 1] : b));
    const nodes = [0], boxes = [box];
    const values: number[] = [], weights: number[] = [];
    while (nodes.length > 0) {
      const node = nodes.pop()!, b = boxes.pop()!;
      const f = this.tree.feature[node]!;
      if (f >= 0) {
        const x = sample[f]!;
        if (!Number.isNaN(x)) {
          const t = this.tree.threshold[node]!;
          if (x <= t) { nodes.push(this.tree.left[node]!); boxes.push(withBound(b, f, 1, t)); }
          else { nodes.push(this.tree.right[node]!); boxes.push(withBound(b, f, 0, t)); }
          continue;
        }
        if (this.active[node]!.some((a, k) => a && !Number.isNaN(sample[k]!))) {
          nodes.push(this.tree.left[node]!, this.tree.right[node]!);
          boxes.push(b, b);
          continue;
        }
      }
      values.push(this.stats[node]![0]);
      weights.push(this.stats[node]![1] / cardinality(b));
    }
    return [weightedAverage(values, weights), pairwiseSum(weights)];
  }

  /** get_marginal_variance of a group of columns (a parameter's one-hot columns vary together). */
  marginalVariance(features: readonly number[]): number {
    const values: number[] = [], weights: number[] = [];
    const sample = new Float64Array(this.space.length).fill(Number.NaN);
    const walk = (k: number, size: number): void => {
      if (k === features.length) {
        const [v, w] = this.marginalized(sample);
        values.push(v);
        weights.push(w * size);
        return;
      }
      const f = features[k]!;
      this.midpoints[f]!.forEach((m, j) => { sample[f] = m; walk(k + 1, size * this.sizes[f]![j]!); });
    };
    walk(0, 1);
    const mean = weightedAverage(values, weights);
    return weightedAverage(values.map((v) => (v - mean) ** 2), weights);
  }
}
