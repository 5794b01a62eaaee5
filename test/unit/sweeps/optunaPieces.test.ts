import * as assert from 'node:assert/strict';
import { adjustFloatHigh, distributionFromJson, distributionToJson, floatDistribution, intDistribution, isSingle } from '../../../src/sweeps/distributions';
import { StudyDirection } from '../../../src/sweeps/frozenTrial';
import { argsort, nanPercentile, pairwiseSum, roundHalfEven } from '../../../src/sweeps/numpy/numeric';
import { PythonIntSet } from '../../../src/sweeps/numpy/pythonIntSet';
import { RandomState } from '../../../src/sweeps/numpy/randomState';
import { HyperbandPruner, crc32 } from '../../../src/sweeps/pruners/hyperbandPruner';
import { isFirstInIntervalStep } from '../../../src/sweeps/pruners/medianPruner';
import { isPromotable } from '../../../src/sweeps/pruners/successiveHalvingPruner';
import { pyDumps, pyFloat, pyFloatRepr, pyLoads } from '../../../src/sweeps/pythonJson';
import { erf, erfc } from '../../../src/sweeps/samplers/tpe/erf';
import { defaultWeights } from '../../../src/sweeps/samplers/tpe/parzenEstimator';
import { defaultGamma, firstBest } from '../../../src/sweeps/samplers/tpe/tpeSampler';
import { logNdtr, ppf } from '../../../src/sweeps/samplers/tpe/truncnorm';

describe('sweeps: the Optuna and numpy pieces, against values from their sources and tests', () => {
  it('draws what numpy.random.RandomState(seed) draws', () => {
    // Printed by numpy 1.24: RandomState(0).random_sample() twice, then randint(0, 7), randint(0, 100).
    const r = new RandomState(0);
    assert.equal(r.randomSample(), 0.5488135039273248);
    assert.equal(r.randomSample(), 0.7151893663724195);
    assert.equal(r.randint(7), 3);
    assert.equal(r.randint(100), 67);
    // uniform([0, -1], [1, 5]), then choice(3, 5, p=[0.1, 0.2, 0.7]).
    assert.deepEqual([...r.uniform([0, -1], [1, 5])], [0.8472517387841254, 2.741382180715834]);
    assert.deepEqual([...r.choiceWeighted([0.1, 0.2, 0.7], 5)], [2, 1, 0, 1, 2]);
    assert.throws(() => new RandomState(2 ** 32), /between 0 and 2\*\*32 - 1/);
  });

  it('sums pairwise, sorts equal keys and rounds halves as numpy does', () => {
    // Eight partial sums: (1e16 + 1 + ... ) differs from a left-to-right sum.
    const xs = [1e16, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1e16];
    assert.equal(pairwiseSum(xs), 16 - 2, 'blocks of eight keep the small terms together');
    assert.equal(xs.reduce((a, b) => a + b, 0), 0, 'a naive sum loses them');
    assert.deepEqual([...argsort([3, 1, 2])], [1, 2, 0]);
    assert.deepEqual([roundHalfEven(0.5), roundHalfEven(1.5), roundHalfEven(2.5), roundHalfEven(-0.5), roundHalfEven(2.4)], [0, 2, 2, -0, 2]);
    assert.equal(nanPercentile([1, 2, 3, 4], 50), 2.5);
    assert.ok(Number.isNaN(nanPercentile([Number.NaN], 50)));
  });

  it('lists a set of grid ids in CPython 3.11\'s iteration order', () => {
    // list(set(range(100)) - set(range(0, 90)) ) is ascending, but a fresh small set wraps keys around its table.
    assert.deepEqual([...PythonIntSet.fromRange(100).minus(PythonIntSet.from(Array.from({ length: 90 }, (_, i) => i)))], [96, 97, 98, 99, 90, 91, 92, 93, 94, 95]);
    assert.deepEqual([...PythonIntSet.fromRange(10).minus(PythonIntSet.from([3]))], [0, 1, 2, 4, 5, 6, 7, 8, 9]);
  });

  it('writes distributions as Optuna\'s distribution_to_json does and reads the deprecated classes too', () => {
    assert.equal(distributionToJson(intDistribution(0, 10, false, 3)), '{"name": "IntDistribution", "attributes": {"log": false, "step": 3, "low": 0, "high": 9}}');
    assert.equal(adjustFloatHigh(0, 1, 0.3), 0.9);
    assert.equal(adjustFloatHigh(0.1, 0.5, 0.1), 0.5, 'exact in decimals, though 0.4 / 0.1 is not 4 in binary');
    assert.deepEqual(distributionFromJson('{"name": "LogUniformDistribution", "attributes": {"low": 0.001, "high": 1.0}}'), floatDistribution(0.001, 1, true));
    assert.deepEqual(distributionFromJson('{"name": "IntUniformDistribution", "attributes": {"low": 1, "high": 9, "step": 2}}'), intDistribution(1, 9, false, 2));
    assert.ok(isSingle(floatDistribution(0, 0.25, false, 0.5)));
    assert.ok(!isSingle(intDistribution(1, 2)));
  });

  it('writes floats as Python\'s repr and reads the NaN and Infinity Python writes', () => {
    assert.deepEqual([1, 0.1, 1e-5, 1.5e-7, 1e16, 123456789.5, -0.0001, 2.5e22].map(pyFloatRepr), ['1.0', '0.1', '1e-05', '1.5e-07', '1e+16', '123456789.5', '-0.0001', '2.5e+22']);
    assert.equal(pyDumps({ a: [1, pyFloat(2)], b: 'é"' }), '{"a": [1, 2.0], "b": "\\u00e9\\""}');
    const v = pyLoads('{"s": "NaN in a string", "x": NaN, "y": -Infinity, "z": [Infinity]}') as { s: string; x: number; y: number; z: number[] };
    assert.equal(v.s, 'NaN in a string');
    assert.ok(Number.isNaN(v.x));
    assert.deepEqual([v.y, v.z[0]], [-Infinity, Infinity]);
    assert.throws(() => pyDumps(Number.NaN), /not finite/);
  });

  it('keeps TPE\'s defaults: gamma, weights, erf and the truncated normal', () => {
    // sampler.py default_gamma and default_weights.
    assert.deepEqual([1, 10, 11, 100, 1000].map(defaultGamma), [1, 1, 2, 10, 25]);
    assert.deepEqual(defaultWeights(3), [1, 1, 1]);
    const w = defaultWeights(27);
    assert.equal(w.length, 27);
    assert.deepEqual(w.slice(0, 2), [1 / 27, 1]);
    // erf(0.5) = 0.5204998778130465, erfc(3) = 2.2090496998585438e-05 (math.erf, math.erfc).
    assert.equal(erf(0.5), 0.5204998778130465);
    assert.equal(erfc(3), 2.2090496998585438e-05);
    // log Φ(−30) from the asymptotic series, against scipy.special.log_ndtr(-30) = -454.32124395634327
    assert.ok(Math.abs(logNdtr(-30) - -454.32124395634327) < 1e-9);
    // The median of N(0, 1) truncated to [−1, 1] is 0.
    assert.ok(Math.abs(ppf(0.5, -1, 1)) < 1e-12);
    assert.equal(firstBest([0, 1e-14, -1]), 0, 'scores equal within 1e-12 are a tie: the first wins');
    assert.equal(firstBest([0, 1, 2]), 2);
  });

  it('prunes at the pruners\' rung and interval boundaries as Optuna\'s tests expect', () => {
    // _is_first_in_interval_step (test_percentile.py): warmup 1, interval 2 checks steps 1, 3, 5...
    assert.ok(isFirstInIntervalStep(1, [0, 1], 1, 2));
    assert.ok(!isFirstInIntervalStep(2, [0, 1, 2], 1, 2));
    assert.ok(isFirstInIntervalStep(3, [0, 1, 2, 3], 1, 2));
    assert.ok(isFirstInIntervalStep(4, [0, 4], 1, 2), 'a skipped check happens at the next reported step');
    // _is_trial_promotable_to_next_rung: the top len // η, at least the best.
    assert.ok(isPromotable(1, [1, 2, 3, 4], 4, StudyDirection.MINIMIZE));
    assert.ok(!isPromotable(2, [1, 2, 3, 4], 4, StudyDirection.MINIMIZE));
    assert.ok(isPromotable(2, [1, 2, 3, 4, 5, 6, 7, 8], 4, StudyDirection.MINIMIZE));
    assert.ok(isPromotable(4, [1, 2, 3, 4], 4, StudyDirection.MAXIMIZE));
    // binascii.crc32(b"hello") == 907060870.
    assert.equal(crc32('hello'), 907060870);
  });

  it('splits Hyperband\'s trials into floor(log_η(R)) + 1 brackets with Optuna\'s budgets', () => {
    const hb = new HyperbandPruner({ min_resource: 1, max_resource: 27, reduction_factor: 3, bootstrap_count: 0 });
    const trial = { trialId: 0, number: 0, state: 0 as const, values: null, params: {}, distributions: {}, intermediateValues: new Map([[0, 1]]), userAttrs: {}, systemAttrs: {}, datetimeStart: null, datetimeComplete: null };
    hb.prune({ study: { studyName: 's', direction: StudyDirection.MINIMIZE, trials: [trial] }, trial, setSystemAttr: () => {} });
    assert.equal(hb.brackets, 4);
    // Budgets 27, 12, 6, 4 (ceil(4·3^s / (s + 1))); crc32("s_<n>") % 49 picks the bracket.
    const counts = [0, 0, 0, 0];
    for (let n = 0; n < 4900; n++) counts[hb.bracketOf('s', n)]! += 1;
    counts.forEach((c, i) => assert.ok(Math.abs(c / 4900 - [27, 12, 6, 4][i]! / 49) < 0.03, `bracket ${i}: ${c}`));
  });
});
