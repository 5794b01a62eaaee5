/**
 * Initializers against the Keras 3 definitions in keras/src/initializers/random_initializers.py
 * (VarianceScaling and its Glorot/He/LeCun subclasses, compute_fans, RandomUniform, RandomNormal,
 * TruncatedNormal), constant_initializers.py (Constant, Zeros, Ones) and __init__.py (names, aliases,
 * `get`). Random ones are checked by statistics on large samples, so the tolerances are a few
 * standard errors of each estimate; deterministic ones exactly.
 */
import * as assert from 'node:assert/strict';
import { ConfigError } from '../../../src/engine/configError';
import { computeFans } from '../../../src/engine/initializers/computeFans';
import type { Initializer } from '../../../src/engine/initializers/initializer';
import { describeInitializer, getInitializer, INITIALIZER_NAMES } from '../../../src/engine/initializers/initializerRegistry';
import { Rng } from '../../../src/engine/rng';
import { assertClose } from './gradCheck';

const RATIO = 0.87962566103423978; // VarianceScaling's truncation correction (random_initializers.py)

function sample(init: Initializer, shape: number[], seed = 1): Float32Array {
  const out = new Float32Array(shape.reduce((a, b) => a * b, 1));
  init.fill(out, shape, new Rng(seed));
  return out;
}

function stats(x: Float32Array): { mean: number; sd: number; maxAbs: number; min: number; max: number } {
  let sum = 0, sumSq = 0, maxAbs = 0, min = Infinity, max = -Infinity;
  for (const v of x) {
    sum += v; sumSq += v * v;
    maxAbs = Math.max(maxAbs, Math.abs(v)); min = Math.min(min, v); max = Math.max(max, v);
  }
  const mean = sum / x.length;
  return { mean, sd: Math.sqrt(sumSq / x.length - mean * mean), maxAbs, min, max };
}

function assertNear(label: string, actual: number, expected: number, rtol: number): void {
  assert.ok(Math.abs(actual - expected) <= rtol * Math.abs(expected), `${label}: got ${actual}, expected ${expected} ± ${rtol * 100}%`);
}

function configError(key: RegExp | string, ...parts: string[]): (e: unknown) => boolean {
  return (e: unknown) => {
    assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${String(e)}`);
    assert.match(e.message, typeof key === 'string' ? new RegExp(`^${key.replace(/[.[\]]/g, '\\$&')}`) : key);
    for (const p of parts) assert.ok(e.message.includes(p), `"${e.message}" should mention ${p}`);
    return true;
  };
}

describe('initializers', () => {
  describe('compute_fans', () => {
    it('follows keras compute_fans for rank 0, 1, 2 and convolution kernels', () => {
      assert.deepEqual(computeFans([]), { fanIn: 1, fanOut: 1 });
      assert.deepEqual(computeFans([7]), { fanIn: 7, fanOut: 7 });
      assert.deepEqual(computeFans([784, 512]), { fanIn: 784, fanOut: 512 });
      // Conv2D kernel (kh, kw, in, out): receptive field 3·3 multiplies both fans.
      assert.deepEqual(computeFans([3, 3, 16, 32]), { fanIn: 144, fanOut: 288 });
    });
  });

  describe('VarianceScaling family', () => {
    const shape = [300, 200]; // fan_in 300, fan_out 200, fan_avg 250; 60,000 values
    const uniformCases: [string, number][] = [
      ['glorot_uniform', Math.sqrt(6 / 500)],
      ['he_uniform', Math.sqrt(6 / 300)],
      ['lecun_uniform', Math.sqrt(3 / 300)],
    ];
    for (const [name, limit] of uniformCases) {
      it(`${name} draws uniformly within ±${limit.toFixed(5)} with variance limit²/3`, () => {
        const s = stats(sample(getInitializer(name, 'k'), shape));
        assert.ok(s.maxAbs <= Math.fround(limit), `max |x| ${s.maxAbs} > limit ${limit}`);
        assert.ok(s.min < -0.99 * limit && s.max > 0.99 * limit, 'the whole range is used');
        assert.ok(Math.abs(s.mean) < 0.01 * limit, `mean ${s.mean}`);
        assertNear(`${name} sd`, s.sd, limit / Math.sqrt(3), 0.01);
      });
    }

    const normalCases: [string, number][] = [
      ['glorot_normal', Math.sqrt(2 / 500)],
      ['he_normal', Math.sqrt(2 / 300)],
      ['lecun_normal', Math.sqrt(1 / 300)],
    ];
    for (const [name, target] of normalCases) {
      it(`${name} has stddev ${target.toFixed(5)} after truncation and nothing beyond 2·target/0.8796`, () => {
        const s = stats(sample(getInitializer(name, 'k'), shape));
        const bound = (2 * target) / RATIO;
        assert.ok(s.maxAbs <= Math.fround(bound), `max |x| ${s.maxAbs} beyond the truncation bound ${bound}`);
        assert.ok(s.maxAbs > 0.98 * bound, 'values reach close to the bound');
        assert.ok(Math.abs(s.mean) < 0.02 * target, `mean ${s.mean}`);
        assertNear(`${name} sd`, s.sd, target, 0.015);
      });
    }

    it('untruncated_normal uses stddev √(scale/n) and leaves the tails in place', () => {
      const init = getInitializer({ class_name: 'VarianceScaling', config: { scale: 2, mode: 'fan_out', distribution: 'untruncated_normal' } }, 'k');
      const x = sample(init, shape);
      const sd = Math.sqrt(2 / 200);
      assertNear('sd', stats(x).sd, sd, 0.015);
      const beyond = x.filter((v) => Math.abs(v) > 2 * sd).length / x.length;
      assertNear('share beyond 2 sd', beyond, 0.0455, 0.1);
    });

    it('fan_avg uniform with scale 3 gives limit √(3·3/250)', () => {
      const init = getInitializer({ class_name: 'VarianceScaling', config: { scale: 3, mode: 'fan_avg', distribution: 'uniform' } }, 'k');
      const s = stats(sample(init, shape));
      const limit = Math.sqrt(9 / 250);
      assert.ok(s.maxAbs <= Math.fround(limit) && s.maxAbs > 0.99 * limit);
    });

    it('uses the convolution fans for rank-4 kernels', () => {
      const s = stats(sample(getInitializer('he_uniform', 'k'), [3, 3, 16, 32]));
      const limit = Math.sqrt(6 / 144);
      assert.ok(s.maxAbs <= Math.fround(limit) && s.maxAbs > 0.95 * limit, `max |x| ${s.maxAbs}, limit ${limit}`);
    });
  });

  describe('fixed-spread random initializers', () => {
    it('random_uniform defaults to U[-0.05, 0.05)', () => {
      const s = stats(sample(getInitializer('random_uniform', 'k'), [50_000]));
      assert.ok(s.min >= Math.fround(-0.05) && s.max <= Math.fround(0.05) && s.min < -0.0499 && s.max > 0.0499);
      assertNear('sd', s.sd, 0.1 / Math.sqrt(12), 0.015);
    });

    it('RandomUniform takes minval and maxval', () => {
      const s = stats(sample(getInitializer({ class_name: 'RandomUniform', config: { minval: 2, maxval: 3 } }, 'k'), [50_000]));
      assert.ok(s.min >= 2 && s.max <= 3);
      assertNear('mean', s.mean, 2.5, 0.002);
    });

    it('random_normal defaults to mean 0, stddev 0.05, untruncated', () => {
      const s = stats(sample(getInitializer('random_normal', 'k'), [100_000]));
      assert.ok(Math.abs(s.mean) < 0.001, `mean ${s.mean}`);
      assertNear('sd', s.sd, 0.05, 0.015);
      assert.ok(s.maxAbs > 0.15, 'tails beyond 3 sd exist');
    });

    it('truncated_normal cuts at 2·stddev without correcting the stddev (0.05·0.8796 remains)', () => {
      const s = stats(sample(getInitializer('truncated_normal', 'k'), [100_000]));
      assert.ok(s.maxAbs <= Math.fround(0.1) && s.maxAbs > 0.098, `max |x| ${s.maxAbs}`);
      assertNear('sd', s.sd, 0.05 * RATIO, 0.015);
      const shifted = stats(sample(getInitializer({ class_name: 'TruncatedNormal', config: { mean: 1, stddev: 0.5 } }, 'k'), [50_000]));
      assert.ok(shifted.min >= 0 && shifted.max <= 2);
      assertNear('mean', shifted.mean, 1, 0.005);
    });
  });

  describe('constant initializers', () => {
    it('zeros, ones and constant fill exact values and draw nothing from the Rng', () => {
      for (const [id, value] of [['zeros', 0], ['ones', 1], [{ class_name: 'Constant', config: { value: 0.1 } }, 0.1], ['constant', 0]] as const) {
        const rng = new Rng(9);
        const out = new Float32Array(6).fill(42);
        getInitializer(id, 'k').fill(out, [2, 3], rng);
        assertClose(`${JSON.stringify(id)}`, out, new Float32Array(6).fill(value), 0, 0);
        assert.equal(rng.nextUint32(), new Rng(9).nextUint32(), 'the stream is untouched');
      }
    });
  });

  describe('determinism', () => {
    it('gives the same bits for the same seed and different values for another seed', () => {
      for (const name of INITIALIZER_NAMES.filter((n) => !['zeros', 'ones', 'constant'].includes(n))) {
        const init = getInitializer(name, 'k');
        assert.deepEqual(sample(init, [20, 10], 5), sample(init, [20, 10], 5), name);
        assert.notDeepEqual(sample(init, [20, 10], 5), sample(init, [20, 10], 6), name);
      }
    });

    it('an unseeded initializer advances the shared stream; a seeded one repeats itself, as Keras documents', () => {
      const rng = new Rng(3), a = new Float32Array(10), b = new Float32Array(10);
      const unseeded = getInitializer('glorot_uniform', 'k');
      unseeded.fill(a, [5, 2], rng);
      unseeded.fill(b, [5, 2], rng);
      assert.notDeepEqual(a, b);
      const seeded = getInitializer({ class_name: 'GlorotUniform', config: { seed: 17 } }, 'k');
      seeded.fill(a, [5, 2], new Rng(1));
      seeded.fill(b, [5, 2], new Rng(2));
      assert.deepEqual(a, b);
    });

    it('refuses a buffer whose length does not match the shape', () => {
      assert.throws(() => getInitializer('zeros', 'k').fill(new Float32Array(5), [2, 3], new Rng(1)), /cannot hold shape \(2, 3\)/);
    });
  });

  describe('describeInitializer', () => {
    it('gives glorot_uniform on (784, 512) the limit √(6/1296)', () => {
      const d = describeInitializer('glorot_uniform', 784, 512);
      assert.equal(d.kind, 'uniform');
      if (d.kind !== 'uniform') return;
      assert.equal(d.limit, Math.sqrt(6 / 1296));
      assert.equal(d.maxval, -d.minval);
      assert.equal(d.formula, 'limit = √(6 / (fan_in + fan_out)) = √(6 / 1296) = 0.06804');
      assert.equal(d.summary, 'uniform on [-0.06804, 0.06804]');
    });

    it('gives the He, LeCun and Glorot formulas their concrete numbers', () => {
      const cases: [string, number, number, 'uniform' | 'normal', number, string][] = [
        ['he_uniform', 784, 10, 'uniform', Math.sqrt(6 / 784), '√(6 / fan_in) = √(6 / 784)'],
        ['lecun_uniform', 100, 10, 'uniform', Math.sqrt(3 / 100), '√(3 / fan_in) = √(3 / 100)'],
        ['he_normal', 784, 10, 'normal', Math.sqrt(2 / 784), '√(2 / fan_in) = √(2 / 784)'],
        ['lecun_normal', 64, 8, 'normal', Math.sqrt(1 / 64), '√(1 / fan_in) = √(1 / 64)'],
        ['glorot_normal', 784, 512, 'normal', Math.sqrt(2 / 1296), '√(2 / (fan_in + fan_out)) = √(2 / 1296)'],
      ];
      for (const [name, fanIn, fanOut, kind, spread, rule] of cases) {
        const d = describeInitializer(name, fanIn, fanOut);
        assert.equal(d.kind, kind, name);
        assert.ok(d.formula.includes(rule), `${name}: ${d.formula}`);
        if (d.kind === 'uniform') assertClose(name, [d.limit ?? NaN], [spread], 1e-15, 1e-12);
        if (d.kind === 'normal') {
          assertClose(name, [d.stddev, d.samplingStddev, d.bound ?? NaN], [spread, spread / RATIO, (2 * spread) / RATIO], 1e-15, 1e-12);
          assert.equal(d.truncated, true);
        }
      }
    });

    it('describes the fixed-spread and constant initializers from their arguments', () => {
      assert.deepEqual(
        (({ kind, minval, maxval, limit }) => ({ kind, minval, maxval, limit }))(describeInitializer('random_uniform', 3, 4) as { kind: string; minval: number; maxval: number; limit: number | null }),
        { kind: 'uniform', minval: -0.05, maxval: 0.05, limit: 0.05 },
      );
      const t = describeInitializer('truncated_normal', 3, 4);
      assert.ok(t.kind === 'normal' && t.samplingStddev === 0.05 && t.bound === 0.1 && Math.abs(t.stddev - 0.05 * RATIO) < 1e-15);
      const n = describeInitializer({ class_name: 'VarianceScaling', config: { scale: 0.5, mode: 'fan_out', distribution: 'untruncated_normal' } }, 10, 50);
      assert.ok(n.kind === 'normal' && !n.truncated && n.bound === null && n.stddev === Math.sqrt(0.5 / 50));
      const c = describeInitializer({ class_name: 'Constant', config: { value: 0.1 } }, 3, 4);
      assert.ok(c.kind === 'constant' && c.value === 0.1 && c.summary === 'constant 0.1');
    });

    it('clamps the fan to at least 1, as VarianceScaling does with max(1, n)', () => {
      const d = describeInitializer('he_uniform', 0, 0);
      assert.ok(d.kind === 'uniform' && d.limit === Math.sqrt(6));
    });
  });

  describe('registry', () => {
    it('accepts snake names, Keras class names and the Keras aliases', () => {
      const same: [string, string][] = [['GlorotUniform', 'glorot_uniform'], ['HeNormal', 'he_normal'], ['LecunUniform', 'lecun_uniform'],
        ['VarianceScaling', 'variance_scaling'], ['Zeros', 'zeros'], ['uniform', 'random_uniform'], ['normal', 'random_normal'],
        ['one', 'ones'], ['zero', 'zeros'], ['TruncatedNormal', 'truncated_normal']];
      for (const [alias, name] of same) assert.equal(getInitializer(alias, 'k').name, name, alias);
      for (const name of INITIALIZER_NAMES) assert.equal(getInitializer(name, 'k').name, name);
      assert.equal(getInitializer({ class_name: 'he_uniform' }, 'k').name, 'he_uniform');
    });

    it('reports the Keras defaults in getConfig', () => {
      assert.deepEqual(getInitializer('glorot_uniform', 'k').getConfig(), { seed: null });
      assert.deepEqual(getInitializer('variance_scaling', 'k').getConfig(), { seed: null, scale: 1, mode: 'fan_in', distribution: 'truncated_normal' });
      assert.deepEqual(getInitializer('random_uniform', 'k').getConfig(), { seed: null, minval: -0.05, maxval: 0.05 });
      assert.deepEqual(getInitializer('random_normal', 'k').getConfig(), { seed: null, mean: 0, stddev: 0.05 });
      assert.deepEqual(getInitializer('truncated_normal', 'k').getConfig(), { seed: null, mean: 0, stddev: 0.05 });
      assert.deepEqual(getInitializer('constant', 'k').getConfig(), { value: 0 });
      assert.deepEqual(getInitializer('zeros', 'k').getConfig(), {});
    });

    it('passes class-name configs to the constructor, lower-casing distribution and reading "normal" as truncated_normal', () => {
      assert.deepEqual(getInitializer({ class_name: 'RandomUniform', config: { minval: -1, maxval: 1 } }, 'k').getConfig(), { seed: null, minval: -1, maxval: 1 });
      assert.deepEqual(getInitializer({ class_name: 'Constant', config: { value: 0.1 } }, 'k').getConfig(), { value: 0.1 });
      const vs = getInitializer({ class_name: 'VarianceScaling', config: { scale: 2, mode: 'fan_avg', distribution: 'Normal' } }, 'k');
      assert.deepEqual(vs.getConfig(), { seed: null, scale: 2, mode: 'fan_avg', distribution: 'truncated_normal' });
      // Keras 3's serialized form carries module and registered_name as well.
      const saved = { module: 'keras.initializers', class_name: 'HeNormal', config: { seed: 4 }, registered_name: null };
      assert.deepEqual(getInitializer(saved, 'k').getConfig(), { seed: 4 });
    });

    it('rejects unknown names with the key, the name and the allowed list', () => {
      assert.throws(() => getInitializer('glorot', 'layers[0].kernel_initializer'), configError('layers[0].kernel_initializer', '"glorot"', 'glorot_uniform', 'he_normal', 'constant'));
      assert.throws(() => getInitializer('Glorot_Uniform', 'k'), configError('k', 'case-sensitive', '"glorot_uniform"'));
      assert.throws(() => getInitializer('orthogonal', 'k'), configError('k', 'does not support'));
      assert.throws(() => getInitializer(3 as unknown as string, 'k'), configError('k', 'class_name'));
      assert.throws(() => getInitializer({ class_name: 7 }, 'k'), configError('k.class_name'));
    });

    it('rejects unknown arguments and bad values, naming the argument', () => {
      assert.throws(() => getInitializer({ class_name: 'RandomUniform', config: { maxvall: 1 } }, 'k'), configError('k.config', '"maxvall"', 'minval, maxval, seed'));
      assert.throws(() => getInitializer({ class_name: 'Zeros', config: { value: 1 } }, 'k'), configError('k.config', 'no arguments'));
      assert.throws(() => getInitializer({ class_name: 'Constant', config: { value: 'a' } }, 'k'), configError('k.value', 'finite number'));
      assert.throws(() => getInitializer({ class_name: 'VarianceScaling', config: { scale: 0 } }, 'k'), configError('k.scale', 'positive'));
      assert.throws(() => getInitializer({ class_name: 'VarianceScaling', config: { mode: 'fan_sum' } }, 'k'), configError('k.mode', 'fan_in, fan_out, fan_avg'));
      assert.throws(() => getInitializer({ class_name: 'VarianceScaling', config: { distribution: 'gamma' } }, 'k'), configError('k.distribution', 'untruncated_normal'));
      assert.throws(() => getInitializer({ class_name: 'HeNormal', config: { seed: 1.5 } }, 'k'), configError('k.seed', 'integer'));
      assert.throws(() => getInitializer({ class_name: 'HeNormal', seed: 1, config: { seed: 2 } }, 'k'), configError('k.seed', 'not both'));
      assert.throws(() => getInitializer({ class_name: 'RandomUniform', maxvall: 1 }, 'k'), configError('k.config', '"maxvall"'));
    });

    it('accepts the experiment file\'s flat form {"class_name": "Constant", "value": 0.1}', () => {
      const out = new Float32Array(3);
      getInitializer({ class_name: 'Constant', value: 0.1 }, 'k').fill(out, [3], new Rng(0));
      assert.deepEqual(Array.from(out), [0.1, 0.1, 0.1].map(Math.fround));
    });
  });
});
