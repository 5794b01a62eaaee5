/** The sidebar controller's run status (src/host/sidebar/sidebarRun.ts): where a run came from is read from its RunSource, not its label. */
import * as assert from 'node:assert/strict';
import { sidebarRun, sourceText } from '../../../src/host/sidebar/sidebarRun';
import type { RunState } from '../../../src/host/training/trainingRun';
import { isHostToSidebar } from '../../../src/shared/protocol/webviewProtocol';
import { t } from './fakes';

const state = (patch: Partial<RunState>): RunState => ({
  id: 'r', label: 'Sidebar: circle', name: 'circle', source: { kind: 'sidebar' }, status: 'running', description: null, params: 9, totalEpochs: 100,
  epochs: [{ epoch: 1, logs: { loss: 1 }, norms: [] }, { epoch: 2, logs: { loss: 0.9 }, norms: [] }], lastStep: null, message: null, notes: [], task: 'binary',
  points: null, boundary: null, earlyStopping: null, bestEpoch: null, stoppedEpoch: null, restoredBestWeights: false, confusion: null, stepsPerEpoch: 25,
  trace: [], pace: 60, startedAt: 1, endedAt: null, ...patch,
});

describe('the sidebar\'s run status', () => {
  it('names where each kind of run came from', () => {
    assert.equal(sourceText({ kind: 'sidebar' }, 'x', t), 'from the sidebar');
    assert.equal(sourceText({ kind: 'code', file: '/w/mnist_mlp.py', model: 'model' }, 'x', t), 'from mnist_mlp.py (model model)');
    assert.equal(sourceText({ kind: 'experiment', file: '/w/circle.experiment.json' }, 'x', t), 'from circle.experiment.json');
    assert.equal(sourceText({ kind: 'walkthrough', file: '/e/01.experiment.json' }, 'Circle with one hidden layer', t), 'from the course exercises (Circle with one hidden layer)');
    assert.equal(sourceText({ kind: 'rerun', rerunOf: 'abc' }, 'circle · 2→[2 relu]→1', t), 'a rerun of circle · 2→[2 relu]→1');
    assert.equal(sourceText({ kind: 'sweep', study: 'lr', trial: 3 }, 'x', t), 'trial 3 of the sweep lr');
    assert.equal(sourceText({ kind: 'cli' }, 'x', t), 'from the command line');
  });

  it('takes the source from the run, whatever its label says', () => {
    const run = sidebarRun(state({ label: 'Sidebar: looks like one', source: { kind: 'experiment', file: '/w/a.experiment.json' } }), t);
    assert.equal(run.source, 'experiment');
    assert.equal(run.sourceText, 'from a.experiment.json');
    assert.deepEqual([run.epoch, run.totalEpochs, run.statusLabel], [2, 100, 'Running']);
    assert.ok(isHostToSidebar({ type: 'didUpdateRun', run }));
  });
});
