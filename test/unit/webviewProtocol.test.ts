import * as assert from 'node:assert/strict';
import { defaultSettings } from '../../src/shared/hyperparamSettings';
import {
  type PanelStrings,
  type SidebarStrings,
  PANEL_STRING_KEYS,
  SIDEBAR_STRING_KEYS,
  isHostToPanel,
  isHostToSidebar,
  isPanelToHost,
  isSidebarToHost,
} from '../../src/shared/protocol/webviewProtocol';

const panelStrings = Object.fromEntries(PANEL_STRING_KEYS.map((k) => [k, k])) as PanelStrings;
const sidebarStrings = Object.fromEntries(SIDEBAR_STRING_KEYS.map((k) => [k, k])) as SidebarStrings;

describe('webview protocol guards', () => {
  it('accept the webviews\' requests and nothing else', () => {
    assert.ok(isPanelToHost({ type: 'ready' }));
    assert.ok(isSidebarToHost({ type: 'ready', settings: null }));
    assert.ok(isSidebarToHost({ type: 'openTrainingPanel' }));
    assert.ok(isPanelToHost({ type: 'stopTraining' }) && isPanelToHost({ type: 'pauseTraining' }) && isPanelToHost({ type: 'resumeTraining' }));
    for (const bad of [null, 'ready', [], {}, { type: 'READY' }, { type: 'ready', extra: 1 }, { type: 'openTrainingPanel' }]) {
      assert.ok(!isPanelToHost(bad), `panel accepted ${JSON.stringify(bad)}`);
    }
    assert.ok(!isSidebarToHost({ type: 'startTraining' }));
  });

  it('accept the sidebar\'s requests only with valid settings', () => {
    const settings = defaultSettings();
    for (const good of [{ type: 'ready', settings }, { type: 'updateSettings', settings }, { type: 'startTraining', settings }, { type: 'stopTraining' }, { type: 'openTrainingPanel' }]) {
      assert.ok(isSidebarToHost(good), JSON.stringify(good).slice(0, 60));
    }
    const bad = [
      { type: 'ready' }, { type: 'updateSettings' }, { type: 'updateSettings', settings: null }, { type: 'startTraining', settings, extra: 1 },
      { type: 'updateSettings', settings: { ...settings, batch_size: 0 } }, { type: 'updateSettings', settings: { ...settings, optimizer: 'LBFGS' } },
      { type: 'updateSettings', settings: { ...settings, layers: [{ type: 'Conv2D', units: 2, activation: 'relu', rate: 0 }] } },
      { type: 'stopTraining', settings }, { type: 'pauseTraining' },
    ];
    for (const b of bad) assert.ok(!isSidebarToHost(b), JSON.stringify(b).slice(0, 80));
  });

  it('accept a panel snapshot with and without a run', () => {
    assert.ok(isHostToPanel({ type: 'didLoadSnapshot', snapshot: { strings: panelStrings, run: null, boundary: null } }));
    const run = { label: 'run 1', status: 'running', statusText: 'Training', lastLogs: { loss: 0.5, val_loss: 0.6 }, task: 'binary', points: { train: [1, 2, 1], validation: [] }, earlyStopping: { monitor: 'val_loss', patience: 3, bestEpoch: 2, stoppedEpoch: null, restored: false }, ghost: { label: 'before', epochs: [{ epoch: 1, loss: 0.9, val_loss: 1 }], changes: ['fit.epochs: 1 → 2'] }, norms: { layers: ['dense'], weight: [[1, 2]], gradient: [[0.1, null]] }, confusion: { classes: ['-1', '+1'], matrix: [[3, 1], [0, 4]], on: 'validation' }, trace: [{ x: 0.5, loss: 0.7 }], epochs: [{ epoch: 1, loss: 0.7, val_loss: null }, { epoch: 2, loss: 0.5, val_loss: 0.6 }] };
    assert.ok(isHostToPanel({ type: 'didLoadSnapshot', snapshot: { strings: panelStrings, run, boundary: { epoch: 1, density: 2, values: [0.1, 0.2, 0.3, 0.4], network: { inputs: ['x1'], layers: [{ name: 'dense', units: 1, activation: 'tanh', kernel: [0.5], bias: [0] }], thumbDensity: 1, inputThumbs: [[0.2]], unitThumbs: [[[0.1]]] } } } }));
  });

  it('reject snapshots with missing strings, non-finite losses or wrong shapes', () => {
    const { title: _omit, ...fewer } = panelStrings;
    assert.ok(!isHostToPanel({ type: 'didLoadSnapshot', snapshot: { strings: fewer, run: null, boundary: null } }));
    assert.ok(!isHostToPanel({ type: 'didLoadSnapshot', snapshot: { strings: { ...panelStrings, title: 3 }, run: null, boundary: null } }));
    const nanRun = { label: 'x', status: 'running', statusText: '', lastLogs: null, task: null, points: null, earlyStopping: null, ghost: null, norms: { layers: [], weight: [], gradient: [] }, confusion: null, trace: [], epochs: [{ epoch: 1, loss: Number.NaN, val_loss: null }] };
    assert.ok(!isHostToPanel({ type: 'didLoadSnapshot', snapshot: { strings: panelStrings, run: nanRun, boundary: null } }));
    const fracEpoch = { label: 'x', status: 'running', statusText: '', lastLogs: null, task: null, points: null, earlyStopping: null, ghost: null, norms: { layers: [], weight: [], gradient: [] }, confusion: null, trace: [], epochs: [{ epoch: 1.5, loss: 1, val_loss: null }] };
    const badStatus = { label: 'x', status: 'exploded', statusText: '', lastLogs: null, task: null, points: null, earlyStopping: null, ghost: null, norms: { layers: [], weight: [], gradient: [] }, confusion: null, trace: [], epochs: [] };
    assert.ok(!isHostToPanel({ type: 'didUpdateRun', run: badStatus }));
    assert.ok(isHostToPanel({ type: 'didUpdateRun', run: null }));
    const ragged = { ...badStatus, status: 'finished', confusion: { classes: ['a', 'b'], matrix: [[1, 2], [3]], on: 'validation' } };
    assert.ok(!isHostToPanel({ type: 'didUpdateRun', run: ragged }), 'a ragged confusion matrix');
    assert.ok(!isHostToPanel({ type: 'didUpdateBoundary', boundary: { epoch: 1, density: 3, values: [1, 2], network: null } }), 'a boundary of the wrong size');
    assert.ok(isHostToPanel({ type: 'didUpdateBoundary', boundary: null }));
    assert.ok(!isHostToPanel({ type: 'didLoadSnapshot', snapshot: { strings: panelStrings, run: fracEpoch, boundary: null } }));
    assert.ok(!isHostToPanel({ type: 'didLoadSnapshot' }));
  });

  it('accept a sidebar snapshot, run updates and rejections, and refuse malformed ones', () => {
    const settings = defaultSettings();
    const run = { label: 'Sidebar: circle', status: 'running', statusText: 'epoch 3 of 100', fromSidebar: true };
    assert.ok(isHostToSidebar({ type: 'didLoadSnapshot', snapshot: { strings: sidebarStrings, texts: { Seed: 'Semilla' }, settings, run: null } }));
    assert.ok(isHostToSidebar({ type: 'didLoadSnapshot', snapshot: { strings: sidebarStrings, texts: {}, settings, run } }));
    assert.ok(isHostToSidebar({ type: 'didUpdateRun', run }) && isHostToSidebar({ type: 'didUpdateRun', run: null }));
    assert.ok(isHostToSidebar({ type: 'didRejectSettings', problems: ['Batch size: 1 … 512'] }));
    assert.ok(!isHostToSidebar({ type: 'didLoadSnapshot', snapshot: { strings: sidebarStrings, texts: { Seed: 1 }, settings, run: null } }));
    assert.ok(!isHostToSidebar({ type: 'didLoadSnapshot', snapshot: { strings: sidebarStrings, texts: {}, settings: { ...settings, epochs: 0 }, run: null } }));
    assert.ok(!isHostToSidebar({ type: 'didLoadSnapshot', snapshot: { strings: sidebarStrings, texts: {}, settings, run: { ...run, status: 'exploded' } } }));
    assert.ok(!isHostToSidebar({ type: 'didUpdateRun', run: { ...run, fromSidebar: 'yes' } }));
    assert.ok(!isHostToSidebar({ type: 'didRejectSettings', problems: [1] }));
    assert.ok(isHostToSidebar({ type: 'didUpdateSettings', settings }));
    assert.ok(!isHostToSidebar({ type: 'didUpdateSettings', settings: { ...settings, batch_size: 0 } }));
  });
});
