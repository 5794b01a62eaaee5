/**
 * Tests for the engine's activations: forward values against hand-computed numbers and Keras docstring
 * examples (keras/src/activations/activations.py), backward against finite differences for every
 * registered activation, and the registry's Keras name resolution and errors.
 */
import * as assert from 'node:assert/strict';
import type { Activation } from '../../../src/engine/activations/activation';
import { ACTIVATION_NAMES, getActivation } from '../../../src/engine/activations/activationRegistry';
import { erf } from '../../../src/engine/activations/erf';
import { Gelu } from '../../../src/engine/activations/gelu';
import { ConfigError } from '../../../src/engine/configError';
import { Rng } from '../../../src/engine/rng';
import { assertClose, assertGradientMatches } from './gradCheck';

function forward(act: Activation, z: number[], width = z.length): Float32Array {
  const y = new Float32Array(z.length);
  act.forward(Float32Array.from(z), y, z.length / width, width);
  return y;
}

/** Values in [-3, 3] kept 0.05 away from 0, so the finite difference never straddles a kink. */
function smoothInputs(n: number, seed: number): Float32Array {
  const rng = new Rng(seed), z = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const v = rng.uniform() * 6 - 3;
    z[i] = Math.abs(v) < 0.05 ? v + 0.1 : v;
  }
  return z;
}

/**
 * Checks backward against d(Σ w·y)/dz by central differences, with fixed random weights w standing in
 * for dY (so softmax's off-diagonal Jacobian terms are exercised).
 */
function checkGradient(act: Activation, batch: number, width: number, seed: number): void {
  const z = smoothInputs(batch * width, seed), y = new Float32Array(z.length);
  const rng = new Rng(seed + 1), w = Float32Array.from({ length: z.length }, () => rng.uniform() * 2 - 1);
  const objective = (): number => {
    act.forward(z, y, batch, width);
    let s = 0;
    for (let i = 0; i < y.length; i++) s += w[i]! * y[i]!;
    return s;
  };
  objective();
  const dZ = new Float32Array(z.length);
  act.backward(z, y, w, dZ, batch, width);
  assertGradientMatches(`${act.name} backward`, objective, z, dZ);
}

describe('activations', () => {
  describe('backward matches finite differences', () => {
    for (const name of ACTIVATION_NAMES) {
      it(`${name} backward matches finite differences within 2e-3`, () => {
        checkGradient(getActivation(name, 'activation'), 4, 5, 11);
      });
    }
    it('approximate gelu backward matches finite differences', () => {
      checkGradient(new Gelu(true), 3, 4, 5);
    });
    it('softmax backward matches finite differences on a single wide row', () => {
      checkGradient(getActivation('softmax', 'activation'), 1, 9, 21);
    });
  });

  describe('forward values', () => {
    it('relu zeroes negatives (keras/src/activations/activations.py docstring example)', () => {
      assertClose('relu', forward(getActivation('relu', 'a'), [-10, -5, 0, 5, 10]), [0, 0, 0, 5, 10]);
    });

    it('leaky_relu uses Keras 3 default negative_slope 0.2', () => {
      assertClose('leaky_relu', forward(getActivation('leaky_relu', 'a'), [-1, 0, 1, -10]), [-0.2, 0, 1, -2]);
    });

    it('elu and selu match hand-computed values with Keras constants', () => {
      // elu(-1) = e^-1 − 1; selu = λ·elu(x, α) with α = 1.67326324..., λ = 1.05070098...
      assertClose('elu', forward(getActivation('elu', 'a'), [-1, 0, 2]), [-0.6321205588285577, 0, 2]);
      assertClose('selu', forward(getActivation('selu', 'a'), [1, -1, 0]), [1.0507009873554805, -1.1113307378125625, 0]);
    });

    it('gelu is the exact erf form by default, as keras.activations.gelu(approximate=False)', () => {
      // 0.5·x·(1 + erf(x/√2)), computed with Python's math.erf
      assertClose('gelu', forward(getActivation('gelu', 'a'), [1, -1, 2, -3]), [0.8413447460685429, -0.15865525393145707, 1.9544997361036416, -0.00404969409489031]);
      assertClose('gelu tanh', forward(new Gelu(true), [1, -1]), [0.8411919906082768, -0.15880800939172324]);
    });

    it('erf matches reference values to double precision', () => {
      assertClose('erf', [0.1, 0.5, 1, 2, 3.5, -1].map(erf), [0.1124629160182849, 0.5204998778130465, 0.8427007929497149, 0.9953222650189527, 0.9999992569016276, -0.8427007929497149], 1e-15, 1e-14);
    });

    it('sigmoid, tanh, silu and softplus match hand-computed values and stay finite at ±1000', () => {
      assertClose('sigmoid', forward(getActivation('sigmoid', 'a'), [0, 1, -1000, 1000]), [0.5, 0.7310585786300049, 0, 1]);
      assertClose('tanh', forward(getActivation('tanh', 'a'), [0, 1]), [0, Math.tanh(1)]);
      assertClose('silu', forward(getActivation('silu', 'a'), [1, -1, -1000]), [0.7310585786300049, -0.2689414213699951, 0]);
      assertClose('softplus', forward(getActivation('softplus', 'a'), [0, 1, 1000, -1000]), [Math.LN2, 1.3132616875182228, 1000, 0]);
    });

    it('softmax normalises each row and survives logits of 1000', () => {
      const y = forward(getActivation('softmax', 'a'), [1, 2, 3, 1000, 1001, 1002], 3);
      assertClose('softmax', y, [0.09003057, 0.24472847, 0.66524096, 0.09003057, 0.24472847, 0.66524096], 1e-7);
    });

    it('linear copies its input', () => {
      assertClose('linear', forward(getActivation('linear', 'a'), [-2, 0, 3.5]), [-2, 0, 3.5]);
    });
  });

  describe('backward in place', () => {
    for (const name of ['softmax', 'tanh', 'linear']) {
      it(`${name} gives the same dZ when dZ aliases dY`, () => {
        const act = getActivation(name, 'a'), z = smoothInputs(6, 3), y = new Float32Array(6);
        act.forward(z, y, 2, 3);
        const dY = Float32Array.from([0.3, -1, 2, 0.5, 0.25, -0.75]), dZ = new Float32Array(6);
        act.backward(z, y, dY, dZ, 2, 3);
        act.backward(z, y, dY, dY, 2, 3);
        assertClose(`${name} in place`, dY, dZ, 0, 0);
      });
    }
  });

  describe('registry', () => {
    it('treats null and undefined as linear, as keras.activations.get(None)', () => {
      assert.equal(getActivation(null, 'a').name, 'linear');
      assert.equal(getActivation(undefined, 'a').name, 'linear');
    });

    it("resolves 'swish' to silu, as Keras registers the alias", () => {
      assert.equal(getActivation('swish', 'a').name, 'silu');
    });

    it('lists every supported Keras name', () => {
      assert.deepEqual([...ACTIVATION_NAMES].sort(), ['elu', 'gelu', 'leaky_relu', 'linear', 'relu', 'selu', 'sigmoid', 'silu', 'softmax', 'softplus', 'swish', 'tanh']);
    });

    it('rejects an unknown name with a ConfigError naming the key and the allowed names', () => {
      assert.throws(
        () => getActivation('rellu', 'layers[1].activation'),
        (e: unknown) =>
          e instanceof ConfigError &&
          e.key === 'layers[1].activation' &&
          e.message.includes('"rellu"') &&
          ACTIVATION_NAMES.every((n) => e.message.includes(n)),
      );
    });
  });
});
