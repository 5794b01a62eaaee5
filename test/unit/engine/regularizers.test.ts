/**
 * Regularizers against keras/src/regularizers/regularizers.py (L1: l1·Σ|w|, L2: l2·Σw² with no ½,
 * L1L2: both; defaults 0.01, 0.01 and 0.0/0.0), keras/src/regularizers/__init__.py (`get`: None, the
 * names in ALL_OBJECTS_DICT, class-name dicts) and regularizers_test.py (test_get_method uses 'l1l2').
 * Penalties are checked by hand, gradients by central finite differences.
 */
import * as assert from 'node:assert/strict';
import { ConfigError } from '../../../src/engine/configError';
import { L1 } from '../../../src/engine/regularizers/l1';
import { L1L2 } from '../../../src/engine/regularizers/l1L2';
import { L2 } from '../../../src/engine/regularizers/l2';
import type { Regularizer } from '../../../src/engine/regularizers/regularizer';
import { getRegularizer, REGULARIZER_NAMES } from '../../../src/engine/regularizers/regularizerRegistry';
import { Rng } from '../../../src/engine/rng';
import { assertClose, assertGradientMatches } from './gradCheck';

function get(config: unknown): Regularizer {
  const r = getRegularizer(config, 'k');
  assert.ok(r !== null);
  return r;
}

function configError(keyPrefix: string, ...parts: string[]): (e: unknown) => boolean {
  return (e: unknown) => {
    assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${String(e)}`);
    assert.ok(e.message.startsWith(`${keyPrefix}:`), `"${e.message}" should start with ${keyPrefix}:`);
    for (const p of parts) assert.ok(e.message.includes(p), `"${e.message}" should mention ${p}`);
    return true;
  };
}

/** Weights away from 0 (|w| >= 0.05), so a 1e-2 central difference never straddles the kink of |w|. */
function weights(n: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  return Float32Array.from({ length: n }, () => (rng.uniform() < 0.5 ? -1 : 1) * rng.uniformRange(0.05, 1.5));
}

describe('regularizers', () => {
  const w = Float32Array.from([1, -2, 0, 0.5]);

  describe('penalties', () => {
    it('L1 is l1·Σ|w|', () => {
      assertClose('L1(0.1)', [new L1(0.1).penalty(w)], [0.1 * 3.5], 1e-12);
    });

    it('L2 is l2·Σw² with no ½', () => {
      assertClose('L2(0.1)', [new L2(0.1).penalty(w)], [0.1 * 5.25], 1e-12);
      // The Keras docstring example: L2(2.) on ones((5, 5)) is 50.0.
      assert.equal(new L2(2).penalty(new Float32Array(25).fill(1)), 50);
    });

    it('L1L2 is the sum of both terms', () => {
      assertClose('L1L2(0.1, 0.2)', [new L1L2(0.1, 0.2).penalty(w)], [0.1 * 3.5 + 0.2 * 5.25], 1e-12);
      assert.equal(new L1L2(0.1, 0).penalty(w), new L1(0.1).penalty(w));
      assert.equal(new L1L2(0, 0.1).penalty(w), new L2(0.1).penalty(w));
    });

    it('the Keras docstring example: L1(0.01) on a 5x5 kernel of ones is 0.25', () => {
      assertClose('L1(0.01)', [new L1(0.01).penalty(new Float32Array(25).fill(1))], [0.25], 1e-12);
    });
  });

  describe('gradients', () => {
    const cases: [string, Regularizer][] = [['L1(0.1)', new L1(0.1)], ['L2(0.1)', new L2(0.1)], ['L1L2(0.03, 0.2)', new L1L2(0.03, 0.2)]];
    for (const [label, reg] of cases) {
      it(`${label} gradient matches finite differences within 2e-3`, () => {
        const x = weights(40, 11);
        const grad = new Float32Array(x.length);
        reg.addGradient(x, grad);
        assertGradientMatches(label, () => reg.penalty(x), x, grad);
      });
    }

    it('adds to the gradient already there instead of overwriting it', () => {
      const grad = new Float32Array(4).fill(1);
      new L2(0.1).addGradient(w, grad);
      assertClose('1 + 2·0.1·w', grad, [1 + 0.2, 1 - 0.4, 1, 1 + 0.1], 1e-7);
    });

    it('gives |w| the gradient sign(w) with sign(0) = 0, as TensorFlow does', () => {
      const grad = new Float32Array(4);
      new L1(0.1).addGradient(w, grad);
      assertClose('0.1·sign(w)', grad, [0.1, -0.1, 0, 0.1], 1e-7);
      const both = new Float32Array(4);
      new L1L2(0.1, 0.2).addGradient(w, both);
      assertClose('0.1·sign(w) + 0.4·w', both, [0.5, -0.9, 0, 0.3], 1e-6);
    });
  });

  describe('registry', () => {
    it('returns null for None', () => {
      assert.equal(getRegularizer(null, 'k'), null);
      assert.equal(getRegularizer(undefined, 'k'), null);
    });

    it('builds the Keras defaults from strings: l1 → 0.01, l2 → 0.01, l1l2 → 0.0 and 0.0', () => {
      assert.deepEqual(get('l1').getConfig(), { l1: 0.01 });
      assert.deepEqual(get('L1').getConfig(), { l1: 0.01 });
      assert.deepEqual(get('l2').getConfig(), { l2: 0.01 });
      assert.deepEqual(get('L2').getConfig(), { l2: 0.01 });
      assert.deepEqual(get('l1l2').getConfig(), { l1: 0, l2: 0 });
      assert.deepEqual(get('L1L2').getConfig(), { l1: 0, l2: 0 });
      assert.equal(get('l1l2').penalty(w), 0);
      for (const name of REGULARIZER_NAMES) assert.ok(get(name));
      assert.deepEqual([new L1().l1, new L2().l2, new L1L2().l1, new L1L2().l2], [0.01, 0.01, 0, 0]);
    });

    it("rejects the string 'l1_l2' as Keras 3 does, pointing to L1L2(l1=0.01, l2=0.01)", () => {
      assert.throws(() => getRegularizer('l1_l2', 'dense.kernel_regularizer'), configError('dense.kernel_regularizer', '"l1_l2"', 'L1L2(l1=0.01, l2=0.01)', 'Could not interpret'));
    });

    it('passes class-name configs to the constructor', () => {
      const reg = get({ class_name: 'L1L2', config: { l1: 0.001, l2: 0.01 } });
      assert.equal(reg.className, 'L1L2');
      assert.deepEqual(reg.getConfig(), { l1: 0.001, l2: 0.01 });
      assert.deepEqual(get({ class_name: 'L2', config: { l2: 0.1 } }).getConfig(), { l2: 0.1 });
      assert.deepEqual(get({ class_name: 'l1' }).getConfig(), { l1: 0.01 });
      // Keras maps an explicit None to the default; the Python alias keras.regularizers.l1_l2 is the L1L2 class.
      assert.deepEqual(get({ class_name: 'L2', config: { l2: null } }).getConfig(), { l2: 0.01 });
      assert.deepEqual(get({ class_name: 'l1_l2', config: { l2: 0.1 } }).getConfig(), { l1: 0, l2: 0.1 });
      const saved = { module: 'keras.regularizers', class_name: 'L1', config: { l1: 0.02 }, registered_name: null };
      assert.deepEqual(get(saved).getConfig(), { l1: 0.02 });
    });

    it('rejects unknown names, arguments and bad factors, naming them', () => {
      assert.throws(() => getRegularizer('l3', 'k'), configError('k', '"l3"', 'l1, l2, l1l2'));
      assert.throws(() => getRegularizer('orthogonal_regularizer', 'k'), configError('k', 'does not support'));
      assert.throws(() => getRegularizer(0.01, 'k'), configError('k', '0.01', 'l1, l2, l1l2'));
      assert.throws(() => getRegularizer({ class_name: 'L2', config: { l1: 0.1 } }, 'k'), configError('k.config', '"l1"', 'only l2'));
      assert.throws(() => getRegularizer({ class_name: 'L2', l2: 0.1, config: { l2: 0.2 } }, 'k'), configError('k.l2', 'not both'));
      assert.throws(() => getRegularizer({ class_name: 'L2', l1: 0.1 }, 'k'), configError('k.config', '"l1"', 'only l2'));
      assert.deepEqual(getRegularizer({ class_name: 'L1L2', l1: 0.0, l2: 0.001 }, 'k')!.getConfig(), { l1: 0, l2: 0.001 });
      assert.throws(() => getRegularizer({ class_name: 'L1', config: { l1: -0.1 } }, 'k'), configError('k.l1', 'non-negative'));
      assert.throws(() => getRegularizer({ class_name: 'L1L2', config: { l2: '0.1' } }, 'k'), configError('k.l2', 'non-negative'));
      assert.throws(() => getRegularizer({ class_name: 'L1', config: { l1: Number.POSITIVE_INFINITY } }, 'k'), configError('k.l1'));
      assert.throws(() => getRegularizer({ class_name: 3 }, 'k'), configError('k.class_name'));
    });
  });
});
