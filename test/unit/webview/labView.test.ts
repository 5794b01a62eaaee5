import * as assert from 'node:assert/strict';
import { labView } from '../../../webview/panel/labView';
import type { PanelModel, ShownRun } from '../../../webview/panel/panelModel';

/** A shown run with just what labView reads. */
function run(status: string, live: boolean, task: 'binary' | 'regression' = 'binary'): ShownRun {
  return { info: { id: 'r', label: 'r', title: 'r', live, task, planeData: false, points: null }, status: { status, confusion: null }, epochs: [], trace: [], index: 0 } as unknown as ShownRun;
}

function model(focus: ShownRun | null, live: ShownRun | null): PanelModel {
  return { focus, live, preview: null, previewNewer: false, boundary: null } as unknown as PanelModel;
}

describe('panel: the lab view', () => {
  it('keeps the confusion matrix\'s place only while a live classifier trains (no jump when it comes), never for a stored or ended run', () => {
    const training = run('running', true);
    assert.equal(labView(model(training, training)).reserveConfusion, true);
    assert.equal(labView(model(run('paused', true), run('paused', true))).reserveConfusion, true);
    // A stored run keeps no matrix: an empty place would say "appears when training ends" forever.
    assert.equal(labView(model(run('finished', false), null)).reserveConfusion, false);
    // A live run that failed before its first epoch gets none either.
    const failed = run('failed', true);
    assert.equal(labView(model(failed, failed)).reserveConfusion, false);
    const regression = run('running', true, 'regression');
    assert.equal(labView(model(regression, regression)).reserveConfusion, false);
  });
});
