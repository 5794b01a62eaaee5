import * as assert from 'node:assert/strict';
import { defaultSettings } from '../../src/shared/hyperparamSettings';
import { isPanelToHost } from '../../src/shared/protocol/panelProtocol';
import { type SidebarStrings, SIDEBAR_STRING_KEYS, isHostToSidebar, isSidebarToHost } from '../../src/shared/protocol/webviewProtocol';

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
    for (const good of [{ type: 'ready', settings }, { type: 'updateSettings', settings }, { type: 'startTraining', settings }, { type: 'stopTraining' }, { type: 'pauseTraining' }, { type: 'resumeTraining' }, { type: 'restartTraining' }, { type: 'openTrainingPanel' }]) {
      assert.ok(isSidebarToHost(good), JSON.stringify(good).slice(0, 60));
    }
    const bad = [
      { type: 'ready' }, { type: 'updateSettings' }, { type: 'updateSettings', settings: null }, { type: 'startTraining', settings, extra: 1 },
      { type: 'updateSettings', settings: { ...settings, batch_size: 0 } }, { type: 'updateSettings', settings: { ...settings, optimizer: 'LBFGS' } },
      { type: 'updateSettings', settings: { ...settings, layers: [{ type: 'Conv2D', units: 2, activation: 'relu', rate: 0 }] } },
      { type: 'stopTraining', settings }, { type: 'pauseTraining', now: true }, { type: 'restartTraining', settings }, { type: 'stepTraining' },
    ];
    for (const b of bad) assert.ok(!isSidebarToHost(b), JSON.stringify(b).slice(0, 80));
  });

  it('accept a sidebar snapshot, run updates and rejections, and refuse malformed ones', () => {
    const settings = defaultSettings();
    const run = { label: 'Sidebar: circle', status: 'running', statusText: 'epoch 3 of 100', statusLabel: 'Running', epoch: 3, totalEpochs: 100, source: 'sidebar', sourceText: 'from the sidebar' };
    assert.ok(isHostToSidebar({ type: 'didLoadSnapshot', snapshot: { strings: sidebarStrings, locale: 'en', texts: { Seed: 'Semilla' }, settings, run: null } }));
    assert.ok(isHostToSidebar({ type: 'didLoadSnapshot', snapshot: { strings: sidebarStrings, locale: 'en', texts: {}, settings, run } }));
    assert.ok(isHostToSidebar({ type: 'didUpdateRun', run }) && isHostToSidebar({ type: 'didUpdateRun', run: null }));
    assert.ok(isHostToSidebar({ type: 'didRejectSettings', problems: ['Batch size: 1 … 512'] }));
    assert.ok(!isHostToSidebar({ type: 'didLoadSnapshot', snapshot: { strings: sidebarStrings, locale: 'en', texts: { Seed: 1 }, settings, run: null } }));
    assert.ok(!isHostToSidebar({ type: 'didLoadSnapshot', snapshot: { strings: sidebarStrings, locale: 'en', texts: {}, settings: { ...settings, epochs: 0 }, run: null } }));
    assert.ok(!isHostToSidebar({ type: 'didLoadSnapshot', snapshot: { strings: sidebarStrings, locale: 'en', texts: {}, settings, run: { ...run, status: 'exploded' } } }));
    assert.ok(!isHostToSidebar({ type: 'didUpdateRun', run: { ...run, source: 'a label prefix' } }), 'a source that is no RunSource kind');
    assert.ok(!isHostToSidebar({ type: 'didUpdateRun', run: { ...run, epoch: 2.5 } }));
    assert.ok(!isHostToSidebar({ type: 'didUpdateRun', run: { ...run, sourceText: undefined } }));
    assert.ok(!isHostToSidebar({ type: 'didLoadSnapshot', snapshot: { strings: sidebarStrings, texts: {}, settings, run: null } }), 'a snapshot without its locale');
    assert.ok(!isHostToSidebar({ type: 'didRejectSettings', problems: [1] }));
    assert.ok(isHostToSidebar({ type: 'didUpdateSettings', settings }));
    assert.ok(!isHostToSidebar({ type: 'didUpdateSettings', settings: { ...settings, batch_size: 0 } }));
  });
});
