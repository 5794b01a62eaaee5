import * as assert from 'node:assert/strict';
import { SWEEP_STRING_KEYS, type SweepStrings, type TrialView } from '../../../src/shared/protocol/sweepProtocol';
import { SweepModel, axisPosition, axisTicks, compareValues, formatValue } from '../../../webview/sweep/sweepModel';

const strings = Object.fromEntries(SWEEP_STRING_KEYS.map((k) => [k, k])) as SweepStrings;
const trial = (number: number, state: TrialView['state'], value: number | null, params: TrialView['params']): TrialView => ({ number, state, params, value, best: value, epochs: 5, runId: `r${number}`, reason: null, writer: 'hyperlab' });
const lr = { name: 'lr', kind: 'float', low: 0.001, high: 1, log: true, choices: null } as const;
const act = { name: 'act', kind: 'categorical', low: 0, high: 0, log: false, choices: ['relu', 'tanh', 'sigmoid'] } as const;

function model(goal: 'minimize' | 'maximize'): SweepModel {
  const m = new SweepModel();
  m.load({
    strings, importance: null,
    info: { study: 's', file: null, method: 'tpe', metric: 'val_loss', goal, state: 'running', statusText: '', params: [lr, act], best: null },
    trials: [trial(0, 'complete', 0.5, { lr: 0.01, act: 'relu' }), trial(1, 'pruned', 0.9, { lr: 0.5, act: 'tanh' }), trial(2, 'complete', 0.2, { lr: 0.1, act: 'sigmoid' }), trial(3, 'fail', null, { lr: 1, act: 'relu' }), trial(4, 'running', null, { lr: 0.003, act: 'tanh' })],
  });
  return m;
}

describe('the sweep view\'s model (webview/sweep/sweepModel.ts)', () => {
  it('places values on their axes: log for a log range, evenly spaced choices, nothing off the axis', () => {
    assert.equal(axisPosition(lr, 0.001), 0);
    assert.ok(Math.abs(axisPosition(lr, Math.sqrt(0.001))! - 0.5) < 1e-12, 'the geometric middle is halfway up a log axis');
    assert.equal(axisPosition(act, 'tanh'), 0.5);
    assert.equal(axisPosition(act, 'elu'), null);
    assert.equal(axisPosition(lr, 'relu'), null);
    assert.deepEqual(axisTicks(lr).map(([, t]) => t), ['0.001', '0.01', '0.1', '1']);
    assert.deepEqual(axisTicks(act), [[0, 'relu'], [0.5, 'tanh'], [1, 'sigmoid']]);
  });

  it('filters (state, best ten) and sorts by any column, missing values last', () => {
    const m = model('minimize');
    m.view = { filter: 'complete', sort: 'value', descending: false };
    assert.deepEqual(m.rows().map((t) => t.number), [2, 0]);
    m.view = { filter: 'all', sort: 'value', descending: false };
    assert.deepEqual(m.rows().map((t) => t.number), [2, 0, 1, 3, 4]);
    m.view = { filter: 'all', sort: 'param:act', descending: true };
    assert.deepEqual(m.rows().map((t) => t.params.act), ['tanh', 'tanh', 'sigmoid', 'relu', 'relu']);
    m.view = { filter: 'best', sort: 'number', descending: false };
    assert.deepEqual(m.rows().map((t) => t.number), [0, 2]);
    assert.deepEqual([compareValues(1, 'a'), compareValues(null, 1), compareValues('b', 'a') > 0], [-1, 1, true]);
  });

  it('ranks and colours complete trials by the goal: the best is quality 1', () => {
    const min = model('minimize');
    assert.deepEqual(min.ranked().map((t) => t.number), [2, 0]);
    assert.deepEqual([min.quality(0.2), min.quality(0.5)], [1, 0]);
    const max = model('maximize');
    assert.deepEqual(max.ranked().map((t) => t.number), [0, 2]);
    assert.deepEqual([max.quality(0.5), max.quality(0.2)], [1, 0]);
    assert.deepEqual([formatValue(0.000012345), formatValue(3), formatValue(0.123456), formatValue(null)], ['1.23e-5', '3', '0.1235', '—']);
  });
});
