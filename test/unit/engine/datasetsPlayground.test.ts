/**
 * TensorFlow Playground datasets: each generator against its formula in tensorflow/playground
 * src/dataset.ts (radii, padding, means, variances, labels, counts, what noise does), then the
 * pipeline (seeded shuffle, split at floor(n · train_ratio), feature columns) and spec validation.
 */
import * as assert from 'node:assert/strict';
import { ConfigError } from '../../../src/engine/configError';
import { Rng } from '../../../src/engine/rng';
import { featureRow, playgroundDataset, playgroundGrid, type PlaygroundSpec } from '../../../src/engine/datasets/playground';
import {
  PLAYGROUND_DATASETS, classifyCircle, classifySpiral, classifyTwoGauss, classifyXor, regressGaussian, regressPlane, type Point2D,
} from '../../../src/engine/datasets/playgroundGenerators';

const radius = (p: Point2D): number => Math.sqrt(p.x * p.x + p.y * p.y);
const fraction = (points: readonly Point2D[], test: (p: Point2D) => boolean): number => points.filter(test).length / points.length;

function moments(values: readonly number[]): { mean: number; variance: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { mean, variance: values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length };
}

describe('Playground generators', () => {
  it('circle without noise: 250 positives inside radius 2.5, then 250 negatives with radius in [3.5, 5]', () => {
    const points = classifyCircle(500, 0, new Rng(1));
    assert.equal(points.length, 500);
    points.slice(0, 250).forEach((p) => { assert.equal(p.label, 1); assert.ok(radius(p) < 2.5); });
    points.slice(250).forEach((p) => { assert.equal(p.label, 0); assert.ok(radius(p) >= 3.5 - 1e-12 && radius(p) <= 5 + 1e-12); });
  });

  it('circle noise flips labels near the circle but does not move the points', () => {
    const points = classifyCircle(2000, 0.5, new Rng(2));
    const inner = points.slice(0, 1000), outer = points.slice(1000);
    inner.forEach((p) => assert.ok(radius(p) < 2.5));
    outer.forEach((p) => assert.ok(radius(p) >= 3.5 - 1e-12 && radius(p) <= 5 + 1e-12));
    const flipped = fraction(inner, (p) => p.label === 0) + fraction(outer, (p) => p.label === 1);
    assert.ok(flipped > 0.1, `flipped ${flipped}`);
  });

  it('xor pushes points 0.3 off the axes and labels them by sign(x·y) without noise', () => {
    const points = classifyXor(1000, 0, new Rng(3));
    assert.equal(points.length, 1000);
    for (const p of points) {
      assert.ok(Math.abs(p.x) >= 0.3 && Math.abs(p.x) <= 5.3 && Math.abs(p.y) >= 0.3 && Math.abs(p.y) <= 5.3);
      assert.equal(p.label, p.x * p.y >= 0 ? 1 : 0);
    }
    for (const [sx, sy] of [[1, 1], [1, -1], [-1, 1], [-1, -1]]) assert.ok(fraction(points, (p) => p.x * sx! > 0 && p.y * sy! > 0) > 0.2);
  });

  it('xor noise flips labels but keeps the padding', () => {
    const points = classifyXor(2000, 0.5, new Rng(4));
    points.forEach((p) => assert.ok(Math.abs(p.x) >= 0.3 && Math.abs(p.y) >= 0.3));
    assert.ok(fraction(points, (p) => p.label !== (p.x * p.y >= 0 ? 1 : 0)) > 0.05);
  });

  it('gauss: positives around (2, 2), negatives around (-2, -2), variance 0.5 without noise and 4 at noise 0.5', () => {
    for (const [noise, variance] of [[0, 0.5], [0.25, 2.25], [0.5, 4]] as const) {
      const points = classifyTwoGauss(40000, noise, new Rng(5));
      const pos = points.slice(0, 20000), neg = points.slice(20000);
      assert.ok(pos.every((p) => p.label === 1) && neg.every((p) => p.label === 0));
      for (const [part, centre] of [[pos, 2], [neg, -2]] as const) {
        for (const axis of ['x', 'y'] as const) {
          const m = moments(part.map((p) => p[axis]));
          assert.ok(Math.abs(m.mean - centre) < 0.05, `noise ${noise}: mean ${m.mean}`);
          assert.ok(Math.abs(m.variance - variance) / variance < 0.05, `noise ${noise}: variance ${m.variance}, expected ${variance}`);
        }
      }
    }
  });

  it('spiral: point i of each arm has r = 5i/n and angle 1.75·2π·i/n (+π for label 0) without noise', () => {
    const points = classifySpiral(500, 0, new Rng(6));
    assert.equal(points.length, 500);
    const n = 250;
    points.forEach((p, k) => {
      const i = k % n, delta = k < n ? 0 : Math.PI;
      const r = (i / n) * 5, t = 1.75 * (i / n) * 2 * Math.PI + delta;
      assert.equal(p.label, k < n ? 1 : 0);
      assert.ok(Math.abs(radius(p) - r) < 1e-9);
      assert.ok(Math.abs(p.x - r * Math.sin(t)) < 1e-9 && Math.abs(p.y - r * Math.cos(t)) < 1e-9);
    });
  });

  it('spiral noise moves each point by at most noise on each axis', () => {
    const clean = classifySpiral(500, 0, new Rng(7));
    const noisy = classifySpiral(500, 0.5, new Rng(7));
    let moved = 0;
    noisy.forEach((p, k) => {
      const dx = Math.abs(p.x - clean[k]!.x), dy = Math.abs(p.y - clean[k]!.y);
      assert.ok(dx <= 0.5 && dy <= 0.5);
      assert.equal(p.label, clean[k]!.label);
      moved += dx + dy > 0.01 ? 1 : 0;
    });
    assert.ok(moved > 400);
  });

  it('reg-plane: x, y in [-6, 6] and label (x + y) / 10 without noise; noise changes labels only', () => {
    const points = regressPlane(1200, 0, new Rng(8));
    assert.equal(points.length, 1200);
    for (const p of points) {
      assert.ok(Math.abs(p.x) <= 6 && Math.abs(p.y) <= 6);
      assert.ok(Math.abs(p.label - (p.x + p.y) / 10) < 1e-12);
    }
    const noisy = regressPlane(1200, 0.5, new Rng(8));
    assert.ok(fraction(noisy, (p) => Math.abs(p.label - (p.x + p.y) / 10) > 0.05) > 0.5);
  });

  it('reg-gauss: label is the strongest of six signed bumps 1 - d/2', () => {
    const centres = [[-4, 2.5, 1], [0, 2.5, -1], [4, 2.5, 1], [-4, -2.5, -1], [0, -2.5, 1], [4, -2.5, -1]] as const;
    const expected = (x: number, y: number): number => {
      let best = 0;
      for (const [cx, cy, s] of centres) {
        const v = s * Math.max(0, 1 - Math.sqrt((x - cx) ** 2 + (y - cy) ** 2) / 2);
        if (Math.abs(v) > Math.abs(best)) best = v;
      }
      return best;
    };
    const points = regressGaussian(1200, 0, new Rng(9));
    assert.equal(points.length, 1200);
    for (const p of points) assert.ok(Math.abs(p.label - expected(p.x, p.y)) < 1e-12);
    assert.ok(points.some((p) => p.label > 0.5) && points.some((p) => p.label < -0.5) && points.some((p) => p.label === 0));
  });

  it('counts follow Playground\'s loops: an odd count gives one extra point in the two-class sets', () => {
    const rng = new Rng(10);
    assert.equal(classifyCircle(7, 0, rng).length, 8);
    assert.equal(classifyTwoGauss(7, 0, rng).length, 8);
    assert.equal(classifySpiral(7, 0, rng).length, 8);
    assert.equal(classifyXor(7, 0, rng).length, 7);
    assert.equal(regressPlane(7, 0, rng).length, 7);
  });

  it('registers Playground\'s six keys with their default sample counts', () => {
    assert.deepEqual([...PLAYGROUND_DATASETS.keys()], ['circle', 'xor', 'gauss', 'spiral', 'reg-plane', 'reg-gauss']);
    assert.deepEqual([...PLAYGROUND_DATASETS.values()].map((d) => d.defaultSamples), [500, 500, 500, 500, 1200, 1200]);
  });
});

describe('playgroundDataset', () => {
  it('splits 500 circle points 250/250 with features x1, x2 and 0/1 labels by default', () => {
    const split = playgroundDataset({ dataset: 'circle' }, new Rng(1));
    assert.equal(split.train.n, 250);
    assert.equal(split.validation.n, 250);
    assert.deepEqual(split.train.featureNames, ['x1', 'x2']);
    assert.equal(split.train.task, 'binary');
    assert.deepEqual(split.train.classNames, ['-1', '+1']);
    assert.ok(split.train.y.every((v) => v === 0 || v === 1));
    assert.equal(split.points.train.length, 250);
  });

  it('regression sets default to 1200 points and a 1-wide regression target', () => {
    const split = playgroundDataset({ dataset: 'reg-gauss' }, new Rng(2));
    assert.equal(split.train.n + split.validation.n, 1200);
    assert.equal(split.train.task, 'regression');
    assert.equal(split.train.targetWidth, 1);
  });

  it('splits at floor(n · train_ratio)', () => {
    for (const [samples, ratio, train] of [[500, 0.1, 50], [500, 0.3, 150], [500, 0.7, 350], [500, 0.9, 450], [101, 0.5, 50], [100, 0.29, 29]] as const) {
      const split = playgroundDataset({ dataset: 'xor', samples, train_ratio: ratio }, new Rng(3));
      assert.equal(split.train.n, train, `${samples} x ${ratio}`);
      assert.equal(split.validation.n, samples - train);
    }
  });

  it('shuffles: train + validation is a permutation of the generated points, not in generation order', () => {
    const generated = classifySpiral(500, 0.2, new Rng(4));
    const split = playgroundDataset({ dataset: 'spiral', noise: 0.2 }, new Rng(4));
    const key = (p: Point2D) => `${p.x},${p.y},${p.label}`;
    const all = [...split.points.train, ...split.points.validation];
    assert.deepEqual(all.map(key).sort(), generated.map(key).sort());
    assert.ok(all.filter((p, i) => key(p) === key(generated[i]!)).length < 10);
    assert.ok(Math.abs(split.train.y.reduce((a, b) => a + b, 0) - 125) < 40, 'both classes in the training half');
  });

  it('is deterministic: the same seed gives identical arrays, another seed different ones', () => {
    const spec: PlaygroundSpec = { dataset: 'gauss', noise: 0.3, train_ratio: 0.6, features: ['x1', 'x2', 'x1*x2'] };
    const a = playgroundDataset(spec, new Rng(42)), b = playgroundDataset(spec, new Rng(42)), c = playgroundDataset(spec, new Rng(43));
    assert.deepEqual(a.train.x, b.train.x);
    assert.deepEqual(a.train.y, b.train.y);
    assert.deepEqual(a.validation.x, b.validation.x);
    assert.notDeepEqual(a.train.x, c.train.x);
  });

  it('builds the feature columns in the requested order from (x1, x2)', () => {
    const features = ['sin(x2)', 'x1*x2', 'x1^2', 'x2^2', 'sin(x1)', 'x2', 'x1'];
    const split = playgroundDataset({ dataset: 'reg-plane', samples: 50, features }, new Rng(5));
    assert.deepEqual(split.train.featureNames, features);
    split.points.train.forEach((p, r) => {
      const want = [Math.sin(p.y), p.x * p.y, p.x * p.x, p.y * p.y, Math.sin(p.x), p.y, p.x];
      want.forEach((v, f) => assert.equal(split.train.x[r * 7 + f], Math.fround(v), `row ${r} ${features[f]}`));
      assert.equal(split.train.y[r], Math.fround(p.label));
    });
  });

  it('featureRow and playgroundGrid evaluate the same transforms (grid row 0 is the top edge x2 = 6)', () => {
    assert.deepEqual([...featureRow(2, 3, ['x1^2', 'x1*x2'])], [4, 6]);
    const grid = playgroundGrid(['x1', 'x2'], 3);
    assert.deepEqual([...grid], [-6, 6, 0, 6, 6, 6, -6, 0, 0, 0, 6, 0, -6, -6, 0, -6, 6, -6]);
    assert.equal(playgroundGrid(['x1'], 100).length, 10000);
  });

  it('rejects every bad field with a ConfigError naming key, value and what is allowed', () => {
    const cases: [unknown, string, RegExp][] = [
      [{ dataset: 'moons' }, 'dataset', /circle, xor, gauss, spiral, reg-plane, reg-gauss/],
      [{ dataset: 'circle', samples: 5 }, 'samples', /integer from 10/],
      [{ dataset: 'circle', samples: 12.5 }, 'samples', /integer/],
      [{ dataset: 'circle', noise: 0.6 }, 'noise', /0 to 0.5/],
      [{ dataset: 'circle', noise: -0.1 }, 'noise', /0 to 0.5/],
      [{ dataset: 'circle', noise: Number.NaN }, 'noise', /0 to 0.5/],
      [{ dataset: 'circle', train_ratio: 0.95 }, 'train_ratio', /0.1 to 0.9/],
      [{ dataset: 'circle', train_ratio: '0.5' }, 'train_ratio', /0.1 to 0.9/],
      [{ dataset: 'circle', features: [] }, 'features', /non-empty/],
      [{ dataset: 'circle', features: 'x1' }, 'features', /list/],
      [{ dataset: 'circle', features: ['x1', 'x3'] }, 'features[1]', /x1\^2/],
      [{ dataset: 'circle', features: ['x1', 'x1'] }, 'features[1]', /twice/],
    ];
    for (const [spec, key, allowed] of cases) {
      assert.throws(() => playgroundDataset(spec as PlaygroundSpec, new Rng(1)), (e: unknown) => {
        assert.ok(e instanceof ConfigError, String(e));
        assert.equal(e.key, key);
        assert.match(e.message, allowed);
        return true;
      });
    }
  });
});
