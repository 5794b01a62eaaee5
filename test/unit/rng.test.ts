import * as assert from 'node:assert/strict';
import { Rng } from '../../src/engine/rng';

describe('Rng', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const a = new Rng(42), b = new Rng(42), c = new Rng(43);
    const sa = Array.from({ length: 1000 }, () => a.nextUint32());
    const sb = Array.from({ length: 1000 }, () => b.nextUint32());
    const sc = Array.from({ length: 1000 }, () => c.nextUint32());
    assert.deepEqual(sa, sb);
    assert.ok(sa.filter((x, i) => x === sc[i]).length < 3);
  });

  it('draws uniform [0, 1) values with mean 1/2 and variance 1/12', () => {
    const rng = new Rng(7), n = 200_000;
    let sum = 0, sumSq = 0, min = 1, max = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      sum += u; sumSq += u * u; min = Math.min(min, u); max = Math.max(max, u);
    }
    const mean = sum / n, variance = sumSq / n - mean * mean;
    assert.ok(Math.abs(mean - 0.5) < 0.005, `mean ${mean}`);
    assert.ok(Math.abs(variance - 1 / 12) < 0.002, `variance ${variance}`);
    assert.ok(min >= 0 && max < 1);
  });

  it('draws normal values with the requested mean and stddev', () => {
    const rng = new Rng(3), n = 200_000;
    let sum = 0, sumSq = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal(2, 0.5);
      sum += z; sumSq += z * z;
    }
    const mean = sum / n, sd = Math.sqrt(sumSq / n - mean * mean);
    assert.ok(Math.abs(mean - 2) < 0.01, `mean ${mean}`);
    assert.ok(Math.abs(sd - 0.5) < 0.01, `sd ${sd}`);
  });

  it('draws integers in [0, n) evenly', () => {
    const rng = new Rng(11), counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[rng.int(6)]! += 1;
    for (const c of counts) assert.ok(Math.abs(c - 10_000) < 400, `counts ${counts.join(',')}`);
    assert.throws(() => rng.int(0), /integer n/);
  });

  it('shuffles into a permutation, reproducibly', () => {
    const a = new Rng(5).shuffle(Array.from({ length: 100 }, (_, i) => i));
    const b = new Rng(5).shuffle(new Uint32Array(100).map((_, i) => i));
    assert.deepEqual([...a].sort((x, y) => x - y), Array.from({ length: 100 }, (_, i) => i));
    assert.deepEqual([...a], [...b]);
    assert.notDeepEqual(a, Array.from({ length: 100 }, (_, i) => i));
  });

  it('refuses a non-integer seed', () => {
    assert.throws(() => new Rng(0.5), /integer/);
  });
});
