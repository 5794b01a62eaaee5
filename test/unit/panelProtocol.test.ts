import * as assert from 'node:assert/strict';
import { type PanelStrings, PANEL_STRING_KEYS, isHostToPanel, isPanelToHost } from '../../src/shared/protocol/panelProtocol';

const strings = Object.fromEntries(PANEL_STRING_KEYS.map((k) => [k, k])) as PanelStrings;

const info = { id: 'r1', label: 'circle · 2→[3 tanh]→1 · SGD 0.03', title: 'circle.experiment.json', live: true, task: 'binary', totalEpochs: 100, layers: ['dense', 'dense_1'], earlyStopping: { monitor: 'val_loss', patience: 3 }, points: { train: [1, 2, 1], validation: [] }, planeData: true };
const status = { status: 'running', statusText: 'Training', bestEpoch: 2, stoppedEpoch: null, restored: false, pace: 60, confusion: { classes: ['0', '1'], matrix: [[3, 1], [0, 4]], on: 'validation' } };
const epoch = (n: number) => ({ epoch: n, loss: 0.5, val_loss: null, metrics: { accuracy: 0.8 }, norms: [[1, 0.1], [2, null]] });
const series = { info, status, epochs: [epoch(1), epoch(2)], trace: [{ x: 0.5, loss: 0.7 }] };

describe('panel protocol guards', () => {
  it('accept the panel\'s requests and nothing else', () => {
    for (const type of ['ready', 'stopTraining', 'pauseTraining', 'resumeTraining', 'stepTraining', 'restartTraining', 'clearComparison']) assert.ok(isPanelToHost({ type }), type);
    for (const p of [10, 60, 300, 0]) assert.ok(isPanelToHost({ type: 'setPace', epochsPerSecond: p }));
    for (const bad of [null, 'ready', [], {}, { type: 'READY' }, { type: 'ready', extra: 1 }, { type: 'openTrainingPanel' }, { type: 'setPace', epochsPerSecond: 7 }, { type: 'setPace' }]) {
      assert.ok(!isPanelToHost(bad), `panel accepted ${JSON.stringify(bad)}`);
    }
  });

  it('accept a snapshot with no run, one run, and a comparison', () => {
    assert.ok(isHostToPanel({ type: 'didLoadSnapshot', snapshot: { strings, locale: 'en', preview: null, runs: [], focus: null, comparison: null, boundary: null } }));
    const other = { ...series, info: { ...info, id: 'r0', live: false, points: null } };
    const comparison = { runs: ['r1', 'r0'], rows: [{ path: 'model.layers[0].units', values: ['3', '2'] }] };
    assert.ok(isHostToPanel({ type: 'didLoadSnapshot', snapshot: { strings, locale: 'en', preview: null, runs: [series, other], focus: 'r1', comparison, boundary: { epoch: 1, density: 2, values: [0.1, 0.2, 0.3, 0.4], network: null } } }));
    assert.ok(isHostToPanel({ type: 'didChangeRuns', shown: { runs: [series, other], focus: 'r1', comparison } }));
  });

  it('accept increments: epochs, info, status, boundary', () => {
    assert.ok(isHostToPanel({ type: 'didAppendEpochs', runId: 'r1', epochs: [epoch(3)], trace: [{ x: 2.5, loss: 0.4 }] }));
    assert.ok(isHostToPanel({ type: 'didUpdateRunInfo', info }));
    assert.ok(isHostToPanel({ type: 'didUpdateRunStatus', runId: 'r1', status }));
    assert.ok(isHostToPanel({ type: 'didUpdateBoundary', boundary: null }));
  });

  it('reject missing strings, non-finite losses, fractional epochs, bad statuses and ragged shapes', () => {
    const { title: _omit, ...fewer } = strings;
    assert.ok(!isHostToPanel({ type: 'didLoadSnapshot', snapshot: { strings: fewer, locale: 'en', preview: null, runs: [], focus: null, comparison: null, boundary: null } }));
    assert.ok(!isHostToPanel({ type: 'didLoadSnapshot', snapshot: { strings: { ...strings, title: 3 }, locale: 'en', preview: null, runs: [], focus: null, comparison: null, boundary: null } }));
    assert.ok(!isHostToPanel({ type: 'didAppendEpochs', runId: 'r1', epochs: [{ ...epoch(3), loss: Number.NaN }], trace: [] }));
    assert.ok(!isHostToPanel({ type: 'didAppendEpochs', runId: 'r1', epochs: [{ ...epoch(3), epoch: 1.5 }], trace: [] }));
    assert.ok(!isHostToPanel({ type: 'didAppendEpochs', runId: 'r1', epochs: [{ ...epoch(3), norms: [[1]] }], trace: [] }), 'a norm pair of one');
    assert.ok(!isHostToPanel({ type: 'didUpdateRunStatus', runId: 'r1', status: { ...status, status: 'exploded' } }));
    assert.ok(!isHostToPanel({ type: 'didUpdateRunStatus', runId: 'r1', status: { ...status, confusion: { classes: ['a', 'b'], matrix: [[1, 2], [3]], on: 'validation' } } }), 'a ragged confusion matrix');
    assert.ok(!isHostToPanel({ type: 'didChangeRuns', shown: { runs: [series], focus: 'r1', comparison: { runs: ['r1', 'r0'], rows: [{ path: 'x', values: ['1'] }] } } }), 'a row with a missing column');
    assert.ok(!isHostToPanel({ type: 'didUpdateBoundary', boundary: { epoch: 1, density: 3, values: [1, 2], network: null } }), 'a boundary of the wrong size');
    assert.ok(!isHostToPanel({ type: 'didLoadSnapshot' }));
    assert.ok(!isHostToPanel({ type: 'didLoadSnapshot', snapshot: { strings, preview: null, runs: [], focus: null, comparison: null, boundary: null } }), 'a snapshot without its locale');
    assert.ok(!isHostToPanel({ type: 'didUpdateRunInfo', info: { ...info, planeData: undefined } }), 'run info without planeData');
    assert.ok(!isHostToPanel({ type: 'didUpdateRun', run: null }), 'the old whole-run message');
  });

  it('accept the sidebar\'s data preview, and refuse one whose thumbnails do not match its features or grid', () => {
    const preview = { description: 'circle', task: 'binary', points: { train: [0.5, -1, 1], validation: [2, 2, 0] }, features: ['x1', 'x2'], featureThumbs: [[1, -1, 0, 0.5], [0, 0, 1, 1]], thumbDensity: 2 };
    assert.ok(isHostToPanel({ type: 'didUpdatePreview', preview }));
    assert.ok(isHostToPanel({ type: 'didUpdatePreview', preview: null }));
    assert.ok(isHostToPanel({ type: 'didLoadSnapshot', snapshot: { strings, locale: 'es', preview, runs: [], focus: null, comparison: null, boundary: null } }));
    for (const bad of [
      { ...preview, featureThumbs: [[1, -1, 0, 0.5]] },
      { ...preview, featureThumbs: [[1, -1, 0], [0, 0, 1]] },
      { ...preview, thumbDensity: 0 },
      { ...preview, task: 'clustering' },
      { ...preview, points: { train: [1, 2], validation: [] } },
      { ...preview, featureThumbs: [[1, -1, 0, Number.NaN], [0, 0, 1, 1]] },
    ]) assert.ok(!isHostToPanel({ type: 'didUpdatePreview', preview: bad }), JSON.stringify(bad));
  });
});
