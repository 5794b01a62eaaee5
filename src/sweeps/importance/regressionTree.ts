/**
 * The regression tree fANOVA fits, built step for step as scikit-learn 1.2 builds a
 * DecisionTreeRegressor inside a RandomForestRegressor (sklearn/tree/_splitter.pyx BestSplitter,
 * _criterion.pyx MSE, _tree.pyx DepthFirstTreeBuilder): features as float32, samples weighted by their
 * bootstrap counts (weight 0 left out), features drawn in a Fisher-Yates order from the tree's own
 * xorshift generator, each sorted by sklearn's introsort, split between distinct values at the
 * midpoint with the largest proxy improvement Σ_left²/w_left + Σ_right²/w_right; nodes expanded
 * depth first, left child first. The same data and seed give sklearn's tree.
 */
import { RandomState } from '../numpy/randomState';

export interface Tree {
  /** Per node: split feature (−2 at a leaf), threshold, children (−1 at a leaf), value (mean target). */
  readonly feature: number[];
  readonly threshold: number[];
  readonly left: number[];
  readonly right: number[];
  readonly value: number[];
}

const FEATURE_THRESHOLD = 1e-7;
const EPSILON = 2.220446049250313e-16;
const RAND_R_MAX = 0x7fffffff;

/** sklearn's our_rand_r: xorshift on a 32-bit state. */
function randR(state: Uint32Array): number {
  if (state[0] === 0) state[0] = 1;
  state[0]! ^= state[0]! << 13;
  state[0]! ^= state[0]! >>> 17;
  state[0]! ^= state[0]! << 5;
  return state[0]! % (RAND_R_MAX + 1);
}

/** sklearn's introsort of Xf[from, from + n) carrying `samples` along (three-way partition, median of three). */
function sortSamples(xf: Float32Array, samples: Int32Array, from: number, n: number): void {
  if (n === 0) return;
  const swap = (i: number, j: number) => {
    const t = xf[i]!; xf[i] = xf[j]!; xf[j] = t;
    const s = samples[i]!; samples[i] = samples[j]!; samples[j] = s;
  };
  const siftDown = (base: number, start: number, end: number) => {
    let root = start;
    for (;;) {
      const child = root * 2 + 1;
      let max = root;
      if (child < end && xf[base + max]! < xf[base + child]!) max = child;
      if (child + 1 < end && xf[base + max]! < xf[base + child + 1]!) max = child + 1;
      if (max === root) return;
      swap(base + root, base + max);
      root = max;
    }
  };
  const heapsort = (base: number, len: number) => {
    for (let start = Math.floor((len - 2) / 2); ; start--) { siftDown(base, start, len); if (start === 0) break; }
    for (let end = len - 1; end > 0; end--) { swap(base, base + end); siftDown(base, 0, end); }
  };
  const median3 = (base: number, len: number): number => {
    const a = xf[base]!, b = xf[base + Math.floor(len / 2)]!, c = xf[base + len - 1]!;
    if (a < b) return b < c ? b : a < c ? c : a;
    if (b < c) return a < c ? a : c;
    return b;
  };
  const introsort = (base: number, len: number, maxd: number): void => {
    while (len > 1) {
      if (maxd <= 0) { heapsort(base, len); return; }
      maxd--;
      const pivot = median3(base, len);
      let i = 0, l = 0, r = len;
      while (i < r) {
        if (xf[base + i]! < pivot) { swap(base + i, base + l); i++; l++; }
        else if (xf[base + i]! > pivot) { r--; swap(base + i, base + r); }
        else i++;
      }
      introsort(base, l, maxd);
      base += r;
      len -= r;
    }
  };
  introsort(from, n, 2 * Math.trunc(Math.log(n)));
}

/** Weighted sums of a node's targets (the MSE criterion's state). */
class Criterion {
  sumTotal = 0; sqSumTotal = 0; wTotal = 0;
  sumLeft = 0; wLeft = 0; pos = 0;
  constructor(private readonly y: ArrayLike<number>, private readonly w: ArrayLike<number>, private readonly samples: Int32Array, private start = 0, private end = 0) {}

  init(start: number, end: number): void {
    this.start = start; this.end = end;
    this.sumTotal = 0; this.sqSumTotal = 0; this.wTotal = 0;
    for (let p = start; p < end; p++) {
      const i = this.samples[p]!, wy = this.w[i]! * this.y[i]!;
      this.sumTotal += wy;
      this.sqSumTotal += wy * this.y[i]!;
      this.wTotal += this.w[i]!;
    }
    this.reset();
  }

  reset(): void { this.sumLeft = 0; this.wLeft = 0; this.pos = this.start; }

  /** Moves the split to newPos, summing from whichever side is shorter (as sklearn does). */
  update(newPos: number): void {
    if (newPos - this.pos <= this.end - newPos) {
      for (let p = this.pos; p < newPos; p++) { const i = this.samples[p]!; this.sumLeft += this.w[i]! * this.y[i]!; this.wLeft += this.w[i]!; }
    } else {
      this.sumLeft = this.sumTotal; this.wLeft = this.wTotal; // reverse_reset
      for (let p = this.end - 1; p >= newPos; p--) { const i = this.samples[p]!; this.sumLeft -= this.w[i]! * this.y[i]!; this.wLeft -= this.w[i]!; }
    }
    this.pos = newPos;
  }

  get sumRight(): number { return this.sumTotal - this.sumLeft; }
  get wRight(): number { return this.wTotal - this.wLeft; }
  proxyImprovement(): number { return (this.sumLeft * this.sumLeft) / this.wLeft + (this.sumRight * this.sumRight) / this.wRight; }
  impurity(): number { return this.sqSumTotal / this.wTotal - (this.sumTotal / this.wTotal) ** 2; }

  childrenImpurity(): [number, number] {
    let sqLeft = 0;
    for (let p = this.start; p < this.pos; p++) { const i = this.samples[p]!, y = this.y[i]!; sqLeft += this.w[i]! * y * y; }
    const sqRight = this.sqSumTotal - sqLeft;
    return [sqLeft / this.wLeft - (this.sumLeft / this.wLeft) ** 2, sqRight / this.wRight - (this.sumRight / this.wRight) ** 2];
  }
}

/**
 * Fits one tree. x: rows of features (made float32 here), y: targets, weight: bootstrap counts,
 * rng: the tree's RandomState (seeded with the tree's random_state), maxDepth as the forest gives it.
 */
export function fitTree(x: readonly ArrayLike<number>[], y: ArrayLike<number>, weight: ArrayLike<number>, rng: RandomState, maxDepth: number): Tree {
  // Splitter.init: the tree's xorshift state is the first draw of the tree's RandomState.
  const nFeatures = x[0]?.length ?? 0;
  const X = x.map((row) => Float32Array.from(row));
  const samples = Int32Array.from(x.keys()).filter((i) => weight[i] !== 0);
  const n = samples.length;
  const state = new Uint32Array([rng.randint(RAND_R_MAX)]);
  const features = Int32Array.from({ length: nFeatures }, (_, i) => i);
  const constantFeatures = new Int32Array(nFeatures);
  const xf = new Float32Array(n);
  const crit = new Criterion(y, weight, samples);
  let totalWeight = 0; // weighted_n_samples, which scales every improvement
  for (const i of samples) totalWeight += weight[i]!;
  const tree: Tree = { feature: [], threshold: [], left: [], right: [], value: [] };
  const stack: { start: number; end: number; depth: number; parent: number; isLeft: boolean; impurity: number; nConst: number }[] = [
    { start: 0, end: n, depth: 0, parent: -1, isLeft: false, impurity: Infinity, nConst: 0 },
  ];
  let first = true;
  while (stack.length > 0) {
    const rec = stack.pop()!;
    const { start, end, depth } = rec;
    let impurity = rec.impurity;
    crit.init(start, end);
    let isLeaf = depth >= maxDepth || end - start < 2 || crit.wTotal < 0;
    if (first) { impurity = crit.impurity(); first = false; }
    isLeaf = isLeaf || impurity <= EPSILON;
    let split = { pos: end, feature: -2, threshold: -2, impLeft: 0, impRight: 0, improvement: -Infinity };
    let nConst = rec.nConst;
    if (!isLeaf) {
      ({ split, nConst } = nodeSplit(start, end, impurity, rec.nConst));
      isLeaf = split.pos >= end || split.improvement + EPSILON < 0;
    }
    const id = tree.feature.length;
    if (rec.parent >= 0) (rec.isLeft ? tree.left : tree.right)[rec.parent] = id;
    tree.feature.push(isLeaf ? -2 : split.feature);
    tree.threshold.push(isLeaf ? -2 : split.threshold);
    tree.left.push(-1); tree.right.push(-1);
    tree.value.push(crit.sumTotal / crit.wTotal); // node_value: the sums from before the split's partition
    if (!isLeaf) {
      stack.push({ start: split.pos, end, depth: depth + 1, parent: id, isLeft: false, impurity: split.impRight, nConst });
      stack.push({ start, end: split.pos, depth: depth + 1, parent: id, isLeft: true, impurity: split.impLeft, nConst });
    }
  }
  return tree;

  /** BestSplitter.node_split over every feature (max_features = n_features). */
  function nodeSplit(start: number, end: number, impurity: number, nKnown: number) {
    let best = { pos: end, feature: 0, threshold: 0, impLeft: 0, impRight: 0, improvement: -Infinity };
    let bestProxy = -Infinity;
    let fi = nFeatures, nVisited = 0, nFound = 0, nDrawn = 0, nTotal = nKnown;
    const swapF = (a: number, b: number) => { const t = features[a]!; features[a] = features[b]!; features[b] = t; };
    while (fi > nTotal && (nVisited < nFeatures || nVisited <= nFound + nDrawn)) {
      nVisited++;
      let fj = nDrawn + (randR(state) % (fi - nFound - nDrawn));
      if (fj < nKnown) { swapF(nDrawn, fj); nDrawn++; continue; }
      fj += nFound;
      const f = features[fj]!;
      for (let p = start; p < end; p++) xf[p] = X[samples[p]!]![f]!;
      sortSamples(xf, samples, start, end - start);
      if (xf[end - 1]! <= xf[start]! + FEATURE_THRESHOLD) { swapF(fj, nTotal); nFound++; nTotal++; continue; }
      fi--;
      swapF(fi, fj);
      crit.reset();
      let p = start;
      while (p < end) {
        while (p + 1 < end && xf[p + 1]! <= xf[p]! + FEATURE_THRESHOLD) p++;
        p++;
        if (p >= end) continue;
        crit.update(p);
        const proxy = crit.proxyImprovement();
        if (proxy > bestProxy) {
          bestProxy = proxy;
          let threshold = xf[p - 1]! / 2 + xf[p]! / 2;
          if (threshold === xf[p] || !Number.isFinite(threshold)) threshold = xf[p - 1]!;
          best = { ...best, pos: p, feature: f, threshold };
        }
      }
    }
    if (best.pos < end) {
      let p = start, partEnd = end;
      while (p < partEnd) {
        if (X[samples[p]!]![best.feature]! <= best.threshold) p++;
        else { partEnd--; const t = samples[p]!; samples[p] = samples[partEnd]!; samples[partEnd] = t; }
      }
      crit.reset();
      crit.update(best.pos);
      const [impLeft, impRight] = crit.childrenImpurity();
      const wn = crit.wTotal;
      best = { ...best, impLeft, impRight, improvement: (wn / totalWeight) * (impurity - (crit.wRight / wn) * impRight - (crit.wLeft / wn) * impLeft) };
    }
    features.set(constantFeatures.subarray(0, nKnown), 0);
    constantFeatures.set(features.subarray(nKnown, nKnown + nFound), nKnown);
    return { split: best, nConst: nTotal };
  }
}

/**
 * RandomForestRegressor.fit with bootstrap: one randint(2^31 − 1) per tree from RandomState(seed)
 * seeds the tree; RandomState(tree seed) draws its n bootstrap indices (their counts weight the
 * samples) and a fresh RandomState(tree seed) its splitter.
 */
export function fitForest(x: readonly ArrayLike<number>[], y: ArrayLike<number>, nTrees: number, maxDepth: number, seed: number): Tree[] {
  const forestRng = new RandomState(seed);
  const treeSeeds = Array.from({ length: nTrees }, () => forestRng.randint(2147483647));
  return treeSeeds.map((treeSeed) => {
    const boot = new RandomState(treeSeed);
    const counts = new Float64Array(x.length);
    for (let k = 0; k < x.length; k++) counts[boot.randint(x.length)]! += 1;
    return fitTree(x, y, counts, new RandomState(treeSeed), maxDepth);
  });
}
