/**
 * Optimizer steps against float64 references written out from the Keras 3 formulas (each cites its
 * keras/src/optimizers/*.py lines), plus the golden values of Keras' own tests (keras/src/optimizers/
 * *_test.py, tolerance 1e-4 / 5e-4 as there). Then clipping, weight decay, the registry and argument checks.
 */
import * as assert from 'node:assert/strict';
import { ConfigError } from '../../../src/engine/configError';
import { Adagrad } from '../../../src/engine/optimizers/adagrad';
import { Adam } from '../../../src/engine/optimizers/adam';
import { AdamW } from '../../../src/engine/optimizers/adamw';
import { Nadam } from '../../../src/engine/optimizers/nadam';
import type { Optimizer, ParamSegment } from '../../../src/engine/optimizers/optimizer';
import { createOptimizer, OPTIMIZER_DEFAULTS } from '../../../src/engine/optimizers/optimizerRegistry';
import { RMSprop } from '../../../src/engine/optimizers/rmsprop';
import { SGD } from '../../../src/engine/optimizers/sgd';
import { assertClose } from './gradCheck';

const f32 = (xs: readonly number[]): number[] => xs.map((x) => Math.fround(x));
const W0 = [1, 2, 3, 4];
const GRADS = [[1, 6, 7, 2], [-0.5, 0.25, 3, -2], [0.1, -4, 0.5, 1.5]]; // three steps; |g| shrinks for amsgrad
const close = (label: string, got: ArrayLike<number>, want: ArrayLike<number>): void => assertClose(label, got, want, 1e-6, 1e-6);

/** Builds `opt` on w0 (one segment unless given) and applies each gradient; returns w after each step. */
function run(opt: Optimizer, w0: readonly number[], grads: readonly (readonly number[])[], segments?: ParamSegment[]): Float32Array[] {
  const w = new Float32Array(w0);
  opt.build(w.length, segments ?? [{ offset: 0, size: w.length }]);
  return grads.map((g) => { opt.step(w, new Float32Array(g)); return w.slice(); });
}

/** Applies a float64 reference step `f(w, g, t)` to each element for each gradient; t = iterations + 1. */
function reference(w0: readonly number[], grads: readonly (readonly number[])[], f: (i: number, w: number, g: number, t: number) => number): number[][] {
  const w = f32(w0);
  return grads.map((gs, s) => { const g = f32(gs); for (let i = 0; i < w.length; i++) w[i] = f(i, w[i]!, g[i]!, s + 1); return w.slice(); });
}

function expectSteps(label: string, got: Float32Array[], want: number[][]): void {
  want.forEach((w, s) => close(`${label} step ${s + 1}`, got[s]!, w));
}

/** Keras' golden test shape: first grads 0.01, then arange(0.1, 1.1, 0.1) five times, x = ones(10). */
function goldenRun(opt: Optimizer): Float32Array[] {
  const g = Array.from({ length: 10 }, (_, i) => (i + 1) / 10);
  return run(opt, new Array<number>(10).fill(1), [new Array<number>(10).fill(0.01), g, g, g, g]);
}

function expectGolden(label: string, opt: Optimizer, golden: readonly (number | readonly number[])[]): void {
  goldenRun(opt).forEach((w, s) => {
    const row = golden[s]!;
    assertClose(`${label} golden ${s}`, w, typeof row === 'number' ? new Array<number>(10).fill(row) : row, 5e-4, 5e-4);
  });
}

const SINGLE_W = [1, 2, 3, 4], SINGLE_G = [[1, 6, 7, 2]]; // every *_test.py test_single_step

describe('SGD (keras/src/optimizers/sgd.py)', () => {
  it('takes w - lr*g without momentum (update_step L124)', () => {
    expectSteps('sgd', run(new SGD({ learning_rate: 0.1 }), W0, GRADS), reference(W0, GRADS, (_i, w, g) => w - 0.1 * g));
    // sgd_test.py test_single_step: SGD(learning_rate=0.5) -> [0.5, -1.0, -0.5, 3.0]
    assertClose('sgd single', run(new SGD({ learning_rate: 0.5 }), SINGLE_W, SINGLE_G)[0]!, [0.5, -1, -0.5, 3], 1e-4, 1e-4);
  });

  it('keeps Keras\' velocity v <- m*v - lr*g and adds it (L105-122)', () => {
    const v = [0, 0, 0, 0];
    const want = reference(W0, GRADS, (i, w, g) => { v[i] = 0.9 * v[i]! - 0.05 * g; return w + v[i]; });
    expectSteps('momentum', run(new SGD({ learning_rate: 0.05, momentum: 0.9 }), W0, GRADS), want);
  });

  it('with nesterov adds m*v - lr*g using the new velocity (L113-120)', () => {
    const v = [0, 0, 0, 0];
    const want = reference(W0, GRADS, (i, w, g) => { v[i] = 0.9 * v[i]! - 0.05 * g; return w + 0.9 * v[i] - 0.05 * g; });
    expectSteps('nesterov', run(new SGD({ learning_rate: 0.05, momentum: 0.9, nesterov: true }), W0, GRADS), want);
  });

  it('matches sgd_test.py test_correctness_with_golden (nesterov=True, default lr 0.01, momentum 0)', () => {
    expectGolden('sgd', new SGD({ nesterov: true }), [
      0.9999, [0.9989, 0.9979, 0.9969, 0.9959, 0.9949, 0.9939, 0.9929, 0.9919, 0.9909, 0.9899],
      [0.9979, 0.9959, 0.9939, 0.9919, 0.9899, 0.9879, 0.9859, 0.9839, 0.9819, 0.9799],
      [0.9969, 0.9939, 0.9909, 0.9879, 0.9849, 0.9819, 0.9789, 0.9759, 0.9729, 0.9699],
      [0.9959, 0.9919, 0.9879, 0.9839, 0.9799, 0.9759, 0.9719, 0.9679, 0.9639, 0.9599],
    ]);
  });
});

describe('RMSprop (keras/src/optimizers/rmsprop.py)', () => {
  it('puts epsilon inside the square root (L143) and matches the docstring example 10 -> 9.683772', () => {
    assertClose('docstring', run(new RMSprop({ learning_rate: 0.1 }), [10], [[10]])[0]!, [9.683772], 1e-6, 0);
    const s = [0, 0, 0, 0];
    // a large epsilon, so that sqrt(s + eps) and sqrt(s) + eps differ visibly
    const want = reference(W0, GRADS, (i, w, g) => { s[i] = 0.9 * s[i]! + 0.1 * g * g; return w - (0.01 * g) / Math.sqrt(s[i] + 0.5); });
    expectSteps('rmsprop', run(new RMSprop({ learning_rate: 0.01, epsilon: 0.5 }), W0, GRADS), want);
    // rmsprop_test.py test_single_step
    assertClose('single', run(new RMSprop({ learning_rate: 0.5 }), SINGLE_W, SINGLE_G)[0]!, [-0.5811, 0.4189, 1.4189, 2.4189], 1e-4, 1e-4);
  });

  it('centered with momentum: denom = s - avg^2 + eps, mom <- momentum*mom + increment (L131-152)', () => {
    const s = [0, 0, 0, 0], avg = [0, 0, 0, 0], mom = [0, 0, 0, 0], rho = 0.8, lr = 0.02, eps = 1e-6;
    const want = reference(W0, GRADS, (i, w, g) => {
      s[i] = rho * s[i]! + (1 - rho) * g * g;
      avg[i] = rho * avg[i]! + (1 - rho) * g;
      const increment = (lr * g) / Math.sqrt(s[i] - avg[i] ** 2 + eps);
      mom[i] = 0.5 * mom[i]! + increment;
      return w - mom[i];
    });
    expectSteps('centered', run(new RMSprop({ learning_rate: lr, rho, momentum: 0.5, epsilon: eps, centered: true }), W0, GRADS), want);
  });

  it('matches rmsprop_test.py test_correctness_with_golden (centered=True)', () => {
    expectGolden('rmsprop', new RMSprop({ centered: true }), [0.9967, 0.9933, 0.9908, 0.9885, 0.9864]);
  });
});

/** Adam by the formula of adam.py L101-136: alpha = lr*sqrt(1-b2^t)/(1-b1^t), w -= alpha*m/(sqrt(v)+eps). */
function adamReference(lr: number, b1: number, b2: number, eps: number, amsgrad: boolean, wd = 0): number[][] {
  const m = [0, 0, 0, 0], v = [0, 0, 0, 0], vHat = [0, 0, 0, 0];
  return reference(W0, GRADS, (i, w0, g, t) => {
    const w = w0 - w0 * wd * lr; // base_optimizer.py _apply_weight_decay, before update_step
    const alpha = (lr * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t);
    m[i] = m[i]! + (g - m[i]!) * (1 - b1);
    v[i] = v[i]! + (g * g - v[i]!) * (1 - b2);
    vHat[i] = Math.max(vHat[i]!, v[i]);
    return w - (alpha * m[i]) / (Math.sqrt(amsgrad ? vHat[i] : v[i]) + eps);
  });
}

describe('Adam and AdamW (keras/src/optimizers/adam.py, adamw.py)', () => {
  it('folds bias correction into alpha and adds epsilon outside the root', () => {
    expectSteps('adam', run(new Adam({ learning_rate: 0.01 }), W0, GRADS), adamReference(0.01, 0.9, 0.999, 1e-7, false));
    assertClose('single', run(new Adam({ learning_rate: 0.5 }), SINGLE_W, SINGLE_G)[0]!, [0.5, 1.5, 2.5, 3.5], 1e-4, 1e-4);
  });

  it('with amsgrad divides by the running max of v (L127-130)', () => {
    const opt = new Adam({ learning_rate: 0.01, beta_1: 0.5, beta_2: 0.6, epsilon: 1e-3, amsgrad: true });
    expectSteps('amsgrad', run(opt, W0, GRADS), adamReference(0.01, 0.5, 0.6, 1e-3, true));
    expectGolden('adam', new Adam({ amsgrad: true }), [0.999, 0.9982, 0.9974, 0.9965, 0.9955]); // adam_test.py
  });

  it('AdamW decays w <- w - w*wd*lr before the Adam update (default weight_decay 0.004)', () => {
    expectSteps('adamw', run(new AdamW({ learning_rate: 0.05 }), W0, GRADS), adamReference(0.05, 0.9, 0.999, 1e-7, false, 0.004));
    // adamw_test.py test_single_step and test_correctness_with_golden
    assertClose('single', run(new AdamW({ learning_rate: 0.5 }), SINGLE_W, SINGLE_G)[0]!, [0.498, 1.496, 2.494, 3.492], 1e-4, 1e-4);
    expectGolden('adamw', new AdamW({ learning_rate: 1.0, weight_decay: 0.5, epsilon: 2 }), [
      0.4998, [0.2486, 0.2475, 0.2463, 0.2451, 0.244, 0.2428, 0.2417, 0.2405, 0.2394, 0.2382],
      [0.1223, 0.1198, 0.1174, 0.1149, 0.1124, 0.11, 0.1075, 0.1051, 0.1027, 0.1003],
      [0.0586, 0.0549, 0.0512, 0.0475, 0.0439, 0.0402, 0.0366, 0.033, 0.0294, 0.0258],
      [0.0263, 0.0215, 0.0167, 0.012, 0.0073, 0.0026, -0.0021, -0.0067, -0.0113, -0.0159],
    ]);
  });
});

describe('Adagrad (keras/src/optimizers/adagrad.py)', () => {
  it('starts the accumulator at 0.1 and takes lr*g/sqrt(a + eps) (L73, L85-92)', () => {
    const a = [0.1, 0.1, 0.1, 0.1];
    const want = reference(W0, GRADS, (i, w, g) => { a[i] = a[i]! + g * g; return w - (0.1 * g) / Math.sqrt(a[i] + 0.5); });
    expectSteps('adagrad', run(new Adagrad({ learning_rate: 0.1, epsilon: 0.5 }), W0, GRADS), want);
    assertClose('single', run(new Adagrad({ learning_rate: 0.5 }), SINGLE_W, SINGLE_G)[0]!, [0.5233, 1.5007, 2.5005, 3.5061], 1e-4, 1e-4);
    expectGolden('adagrad', new Adagrad({ learning_rate: 0.2, initial_accumulator_value: 0.3, epsilon: 1e-6 }), [
      0.9963, [0.9604, 0.9278, 0.9003, 0.8784, 0.8615, 0.8487, 0.8388, 0.8313, 0.8255, 0.8209],
      [0.9251, 0.8629, 0.8137, 0.7768, 0.7497, 0.7298, 0.7151, 0.704, 0.6956, 0.6891],
      [0.8903, 0.8012, 0.7342, 0.6862, 0.6521, 0.6277, 0.6099, 0.5967, 0.5867, 0.579],
      [0.856, 0.7422, 0.6604, 0.6037, 0.5644, 0.5367, 0.5168, 0.5021, 0.491, 0.4825],
    ]);
  });
});

describe('Nadam (keras/src/optimizers/nadam.py)', () => {
  it('uses the momentum schedule mu(t) = b1(1 - 0.5*0.96^t) and the product cache (L94-145)', () => {
    const b1 = 0.9, b2 = 0.999, lr = 0.01, eps = 1e-7, m = [0, 0, 0, 0], v = [0, 0, 0, 0];
    const mu = (t: number): number => b1 * (1 - 0.5 * 0.96 ** t);
    const product = (t: number): number => { let p = 1; for (let s = 1; s <= t; s++) p *= mu(s); return p; }; // u_product after step t
    const want = reference(W0, GRADS, (i, w, g, t) => {
      m[i] = m[i]! + (g - m[i]!) * (1 - b1);
      v[i] = v[i]! + (g * g - v[i]!) * (1 - b2);
      const mHat = (mu(t + 1) * m[i]) / (1 - product(t) * mu(t + 1)) + ((1 - mu(t)) * g) / (1 - product(t));
      const vHat = v[i] / (1 - b2 ** t);
      return w - (lr * mHat) / (Math.sqrt(vHat) + eps);
    });
    expectSteps('nadam', run(new Nadam({ learning_rate: lr }), W0, GRADS), want);
    assertClose('single', run(new Nadam({ learning_rate: 0.5 }), SINGLE_W, SINGLE_G)[0]!, [0.4686, 1.4686, 2.4686, 3.4686], 1e-4, 1e-4);
    expectGolden('nadam', new Nadam({ learning_rate: 0.5, beta_1: 0.5, beta_2: 0.67, epsilon: 1e-5 }), [
      0.4281, [-0.1738, -0.1731, -0.1726, -0.1723, -0.1721, -0.172, -0.1719, -0.1718, -0.1718, -0.1717],
      [-0.7115, -0.7103, -0.7096, -0.7092, -0.709, -0.7088, -0.7086, -0.7085, -0.7085, -0.7084],
      [-1.2335, -1.2322, -1.2313, -1.2309, -1.2306, -1.2304, -1.2302, -1.2301, -1.23, -1.2299],
      [-1.7492, -1.7478, -1.7469, -1.7464, -1.7461, -1.7459, -1.7457, -1.7456, -1.7455, -1.7454],
    ]);
  });
});

describe('base optimizer behaviour (keras/src/optimizers/base_optimizer.py)', () => {
  it('decays every optimizer\'s weights as w - w*wd*lr (each *_test.py test_weight_decay: 2 -> 1.9760959 after 3 steps)', () => {
    for (const make of [(): Optimizer => new SGD({ learning_rate: 1.0, weight_decay: 0.004 }), () => new RMSprop({ learning_rate: 1.0, weight_decay: 0.004 }),
      () => new Adam({ learning_rate: 1.0, weight_decay: 0.004 }), () => new AdamW({ learning_rate: 1.0 }),
      () => new Adagrad({ learning_rate: 1.0, weight_decay: 0.004 }), () => new Nadam({ learning_rate: 1.0, weight_decay: 0.004 })]) {
      const opt = make();
      assertClose(opt.className, run(opt, [2], [[0], [0], [0]])[2]!, [1.9760959], 1e-6, 0);
    }
  });

  it('decays before the update, from the pre-update weights (_backend_apply_gradients)', () => {
    // before: w(1 - wd*lr) - lr*g = 2*0.9 - 0.5*1 = 1.3; after the update it would be (2 - 0.5)*0.9 = 1.35
    close('order', run(new SGD({ learning_rate: 0.5, weight_decay: 0.2 }), [2], [[1]])[0]!, [1.3]);
  });

  it('clipnorm scales each variable to norm <= clipnorm on its own (_clip_by_norm)', () => {
    const segs = [{ offset: 0, size: 2 }, { offset: 2, size: 2 }];
    close('clipnorm', run(new SGD({ learning_rate: 1, clipnorm: 1 }), [0, 0, 0, 0], [[3, 4, 0.3, 0.4]], segs)[0]!, [-0.6, -0.8, -0.3, -0.4]);
    // Adam sees the clipped g = sqrt(2)/2: first step alpha*m/(sqrt(v)+eps) with m = 0.1g, v = 0.001g^2
    const g = Math.SQRT1_2, step1 = ((Math.sqrt(0.001) / 0.1) * 0.1 * g) / (Math.sqrt(0.001) * g + 1e-7);
    close('clipnorm adam', run(new Adam({ learning_rate: 1, clipnorm: 1 }), [0, 0], [[100, 100]])[0]!, [-step1, -step1]);
    close('test_clip_norm', run(new SGD({ learning_rate: 1, clipnorm: 1 }), [0, 0], [[100, 100]])[0]!, [-(2 ** 0.5) / 2, -(2 ** 0.5) / 2]);
  });

  it('global_clipnorm scales all variables by one factor clip/max(norm, clip) (clip_by_global_norm)', () => {
    const segs = [{ offset: 0, size: 2 }, { offset: 2, size: 2 }], norm = Math.sqrt(25 + 0.25);
    const got = run(new SGD({ learning_rate: 1, global_clipnorm: 1 }), [0, 0, 0, 0], [[3, 4, 0.3, 0.4]], segs)[0]!;
    close('global', got, [3, 4, 0.3, 0.4].map((g) => -g / norm));
    close('under the limit', run(new SGD({ learning_rate: 1, global_clipnorm: 10 }), [0, 0], [[3, 4]])[0]!, [-3, -4]);
    assert.ok(run(new SGD({ global_clipnorm: 1 }), [0, 0], [[Infinity, 1]])[0]!.every(Number.isNaN), 'a non-finite norm makes every gradient NaN');
  });

  it('clipvalue clips each element to [-v, v] and clipping comes before the update', () => {
    close('clipvalue', run(new SGD({ learning_rate: 1, clipvalue: 1 }), [0, 0, 0], [[100, -100, 0.5]])[0]!, [-1, 1, -0.5]);
  });

  it('refuses two clippings at once, as Keras does ("Only one of clipnorm, clipvalue and global_clipnorm")', () => {
    assert.throws(() => new SGD({ clipnorm: 1, clipvalue: 1 }), (e: unknown) => e instanceof ConfigError && /clipvalue/.test(e.message) && /only one of/.test(e.message));
    assert.throws(() => createOptimizer({ class_name: 'Adam', global_clipnorm: 1, clipnorm: 2 }, 'optimizer'), ConfigError);
  });

  it('counts iterations and lets a callback change a numeric learning rate between steps', () => {
    const opt = new SGD({ learning_rate: 0.1 }), w = new Float32Array([1]);
    opt.build(1, [{ offset: 0, size: 1 }]);
    opt.step(w, new Float32Array([1]));
    opt.learningRate = 0.01;
    opt.step(w, new Float32Array([1]));
    assert.equal(opt.iterations, 2);
    close('lr change', w, [1 - 0.1 - 0.01]);
    assert.throws(() => { opt.learningRate = -1; }, ConfigError);
  });
});

describe('optimizer registry and arguments', () => {
  it('accepts Keras strings case-insensitively, like keras.optimizers.get', () => {
    const names = { sgd: 'SGD', Adam: 'Adam', RMSPROP: 'RMSprop', rmsprop: 'RMSprop', adamw: 'AdamW', adagrad: 'Adagrad', nadam: 'Nadam' };
    for (const [s, cls] of Object.entries(names)) assert.equal(createOptimizer(s, 'optimizer').className, cls);
  });

  it('accepts {"class_name", "config"} (with Keras\' module/registered_name) and the flat form', () => {
    const a = createOptimizer({ module: 'keras.optimizers', class_name: 'SGD', config: { learning_rate: 0.1, momentum: 0.9 }, registered_name: null }, 'optimizer');
    const b = createOptimizer({ class_name: 'sgd', learning_rate: 0.1, momentum: 0.9 }, 'optimizer');
    assert.deepEqual(a.getConfig(), b.getConfig());
    assert.equal(a.getConfig().momentum, 0.9);
  });

  it('has the Keras defaults (the __init__ signatures of sgd.py, rmsprop.py, adam.py, adamw.py, adagrad.py, nadam.py)', () => {
    const base = { weight_decay: null, clipnorm: null, clipvalue: null, global_clipnorm: null };
    assert.deepEqual(OPTIMIZER_DEFAULTS, {
      SGD: { learning_rate: 0.01, momentum: 0.0, nesterov: false, ...base },
      RMSprop: { learning_rate: 0.001, rho: 0.9, momentum: 0.0, epsilon: 1e-7, centered: false, ...base },
      Adam: { learning_rate: 0.001, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, amsgrad: false, ...base },
      AdamW: { learning_rate: 0.001, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, amsgrad: false, ...base, weight_decay: 0.004 },
      Adagrad: { learning_rate: 0.001, initial_accumulator_value: 0.1, epsilon: 1e-7, ...base },
      Nadam: { learning_rate: 0.001, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, ...base },
    });
    for (const [cls, defaults] of Object.entries(OPTIMIZER_DEFAULTS)) {
      const config = createOptimizer(cls, 'optimizer').getConfig();
      for (const [k, v] of Object.entries(defaults)) assert.equal(config[k], v, `${cls}.${k}`);
    }
  });

  it('names the argument and lists the allowed ones for unknown class or argument names', () => {
    assert.throws(() => createOptimizer('adamax', 'compile.optimizer'), (e: unknown) => e instanceof ConfigError && e.key === 'compile.optimizer' && /SGD, RMSprop, Adam, AdamW, Adagrad, Nadam/.test(e.message));
    assert.throws(() => createOptimizer({ class_name: 'Adam', lr: 0.1 }, 'optimizer'), (e: unknown) => e instanceof ConfigError && e.key === 'optimizer.lr' && /learning_rate, weight_decay/.test(e.message) && /beta_1/.test(e.message));
  });

  it('refuses out-of-range or mistyped arguments with a ConfigError naming key, value and range', () => {
    const bad: [Record<string, unknown>, string, RegExp][] = [
      [{ class_name: 'SGD', momentum: 1.5 }, 'optimizer.momentum', /\[0, 1\]/], // sgd.py L70
      [{ class_name: 'SGD', momentum: '0.9' }, 'optimizer.momentum', /\[0, 1\]/],
      [{ class_name: 'SGD', nesterov: 1 }, 'optimizer.nesterov', /true or false/],
      [{ class_name: 'RMSprop', rho: 1.1 }, 'optimizer.rho', /\[0, 1\]/],
      [{ class_name: 'RMSprop', epsilon: 0 }, 'optimizer.epsilon', /> 0/],
      [{ class_name: 'Adam', beta_1: 1 }, 'optimizer.beta_1', /\[0, 1\)/],
      [{ class_name: 'Adam', learning_rate: -0.1 }, 'optimizer.learning_rate', />= 0/],
      [{ class_name: 'AdamW', weight_decay: null }, 'optimizer.weight_decay', /AdamW needs a weight decay/],
      [{ class_name: 'Adagrad', initial_accumulator_value: -1 }, 'optimizer.initial_accumulator_value', />= 0/],
      [{ class_name: 'Nadam', use_ema: true }, 'optimizer.use_ema', /moving average/],
    ];
    for (const [config, key, allowed] of bad) {
      assert.throws(() => createOptimizer(config as { class_name: string }, 'optimizer'), (e: unknown) => e instanceof ConfigError && e.key === key && allowed.test(e.message), `${JSON.stringify(config)}`);
    }
  });
});
