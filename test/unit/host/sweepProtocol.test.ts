import * as assert from 'node:assert/strict';
import { SWEEP_STRING_KEYS, type SweepStrings, isHostToSweep, isSweepToHost } from '../../../src/shared/protocol/sweepProtocol';
import { isComputeImportance, isDidComputeImportance } from '../../../src/shared/protocol/importanceProtocol';

const strings = Object.fromEntries(SWEEP_STRING_KEYS.map((k) => [k, k])) as SweepStrings;
const info = {
  study: 'circle', file: 'circle.sweep.json', method: 'tpe', metric: 'val_loss', goal: 'minimize', state: 'running', statusText: 'Running', best: 2,
  params: [{ name: 'learning_rate', kind: 'float', low: 0.0001, high: 0.3, log: true, choices: null }, { name: 'activation', kind: 'categorical', low: 0, high: 0, log: false, choices: ['tanh', 'relu'] }],
};
const trial = { number: 2, state: 'fail', params: { learning_rate: 0.01, activation: 'relu' }, value: null, best: 0.3, epochs: 4, runId: null, reason: '<b>NaN</b>', writer: 'other' };

describe('sweep protocol guards', () => {
  it('accept the sweep view\'s requests and nothing else', () => {
    for (const type of ['ready', 'pauseSweep', 'resumeSweep', 'cancelSweep', 'refreshSweep', 'openSweepFile', 'exportSweepScript']) assert.ok(isSweepToHost({ type }), type);
    assert.ok(isSweepToHost({ type: 'showTrials', numbers: [0, 3] }));
    for (const bad of [null, 'ready', {}, { type: 'ready', extra: 1 }, { type: 'showTrials', numbers: [1.5] }, { type: 'showTrials', numbers: [-1] }, { type: 'showTrials' }, { type: 'showTrials', numbers: Array.from({ length: 1001 }, (_, i) => i) }, { type: 'startTraining' }]) {
      assert.ok(!isSweepToHost(bad), `accepted ${JSON.stringify(bad).slice(0, 80)}`);
    }
  });

  it('accept snapshots and increments, with any text from a journal (the view writes it as text)', () => {
    assert.ok(isHostToSweep({ type: 'didLoadSnapshot', snapshot: { strings, info: null, trials: [], importance: null } }));
    assert.ok(isHostToSweep({ type: 'didLoadSnapshot', snapshot: { strings, info, trials: [trial], importance: { items: [{ param: 'activation', importance: 0.7 }], note: null, trials: 5 } } }));
    assert.ok(isHostToSweep({ type: 'didUpdateInfo', info: { ...info, state: 'idle', file: null, method: null, best: null } }));
    assert.ok(isHostToSweep({ type: 'didUpdateTrials', trials: [trial, { ...trial, number: 3, state: 'complete', value: 0.2, runId: 'r', reason: null, writer: 'hyperlab' }] }));
    assert.ok(isHostToSweep({ type: 'didUpdateImportance', importance: { items: [], note: 'needs two', trials: 1 } }));
  });

  it('reject missing strings, non-finite values, unknown states and malformed parameters', () => {
    const { title: _t, ...fewer } = strings;
    assert.ok(!isHostToSweep({ type: 'didLoadSnapshot', snapshot: { strings: fewer, info: null, trials: [], importance: null } }));
    assert.ok(!isHostToSweep({ type: 'didUpdateTrials', trials: [{ ...trial, value: Number.NaN }] }));
    assert.ok(!isHostToSweep({ type: 'didUpdateTrials', trials: [{ ...trial, state: 'exploded' }] }));
    assert.ok(!isHostToSweep({ type: 'didUpdateTrials', trials: [{ ...trial, params: { units: { nested: 1 } } }] }));
    assert.ok(!isHostToSweep({ type: 'didUpdateInfo', info: { ...info, state: 'done' } }));
    assert.ok(!isHostToSweep({ type: 'didUpdateInfo', info: { ...info, params: [{ name: 'x', kind: 'float', low: 0, high: Number.POSITIVE_INFINITY, log: false, choices: null }] } }));
    assert.ok(!isHostToSweep({ type: 'didUpdateImportance', importance: { items: [{ param: 'x', importance: Number.NaN }], note: null, trials: 2 } }));
    assert.ok(!isHostToSweep({ type: 'didLoadSnapshot' }));
  });

  it('check the importance worker\'s messages both ways', () => {
    const t = { params: { lr: 0.1, act: 'relu' }, distributions: { lr: { kind: 'float', low: 0.001, high: 1, log: true, step: null }, act: { kind: 'categorical', choices: ['relu', 'tanh'] } }, value: 0.3 };
    assert.ok(isComputeImportance({ type: 'computeImportance', id: 1, seed: 0, trials: [t] }));
    assert.ok(!isComputeImportance({ type: 'computeImportance', id: 1, seed: 0, trials: [{ ...t, value: Number.NaN }] }));
    assert.ok(!isComputeImportance({ type: 'computeImportance', id: 1, seed: 0, trials: [{ ...t, distributions: { lr: { kind: 'int', low: 1, high: 4, log: false, step: 0.5 } } }] }));
    assert.ok(isDidComputeImportance({ type: 'didComputeImportance', id: 1, importances: [{ param: 'lr', importance: 0.9 }] }));
    assert.ok(isDidComputeImportance({ type: 'didFailImportance', id: 1, reason: 'only a single trial' }));
    assert.ok(!isDidComputeImportance({ type: 'didComputeImportance', id: 1.5, importances: [] }));
  });
});
