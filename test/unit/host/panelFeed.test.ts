import * as assert from 'node:assert/strict';
import { Emitter } from '../../../src/shared/emitter';
import { type DataPreview, type HostToPanel, PANEL_STRING_KEYS, type PanelStrings, isHostToPanel } from '../../../src/shared/protocol/panelProtocol';
import { isPlaneExperiment } from '../../../src/host/training/runSeries';
import { PanelFeed } from '../../../src/host/training/panelFeed';
import type { RunState } from '../../../src/host/training/trainingRun';
import type { Comparison } from '../../../src/host/training/trainingService';
import type { RunData } from '../../../src/runs/runReader';
import { t } from './fakes';

const strings = Object.fromEntries(PANEL_STRING_KEYS.map((k) => [k, k])) as PanelStrings;

function state(id: string, epochs: number, patch: Partial<RunState> = {}): RunState {
  return {
    id, label: id, name: `circle · ${id}`, source: { kind: 'sidebar' }, status: 'running', description: 'circle', params: 13, totalEpochs: 100_000,
    epochs: Array.from({ length: epochs }, (_, i) => ({ epoch: i + 1, logs: { loss: 1 / (i + 1), val_loss: 1, accuracy: 0.5 }, norms: [{ layer: 'dense', weight: 1, gradient: 0.5 }] })),
    lastStep: null, message: null, notes: [], task: 'binary', points: null, boundary: null, earlyStopping: null, bestEpoch: null, stoppedEpoch: null,
    restoredBestWeights: false, confusion: null, stepsPerEpoch: 25, trace: [], pace: 0, startedAt: 1, endedAt: null, ...patch,
  };
}

function stored(id: string, units: number): RunData {
  return {
    header: { type: 'run', schema: 1, id, name: `stored ${id}`, source: { kind: 'cli' }, experiment: { seed: 42, model: { layers: [{ class_name: 'Dense', units }] } }, base_dir: '/', hyperlab_version: '0', started: 's', pid: 1, hostname: 'h' },
    start: { type: 'start', params: 3, epochs: 2, steps_per_epoch: 4, description: 'd', task: 'binary', notes: [] },
    epochs: [{ type: 'epoch', epoch: 1, logs: { loss: 0.9 }, learning_rate: 0.1 }, { type: 'epoch', epoch: 2, logs: { loss: 0.8 }, learning_rate: 0.1 }],
    steps: [[1, 4, 0.95]], end: null, meta: { name: null, starred: false, note: '' }, status: 'finished', summary: {}, skipped: 0,
  };
}

function harness(initial: RunState | null) {
  const runs = new Emitter<RunState | null>(), comparisons = new Emitter<Comparison>();
  const source = { state: initial, compared: { ids: [], chosen: false } as Comparison, liveExperiment: { seed: 42, model: { layers: [{ class_name: 'Dense', units: 3 }] } }, onDidChangeRun: runs.event, onDidChangeComparison: comparisons.event };
  const posted: HostToPanel[] = [];
  const reads: string[] = [];
  const feed = new PanelFeed(source, {
    post: (m) => {
      assert.ok(isHostToPanel(JSON.parse(JSON.stringify(m))), `the guard accepts ${m.type}`);
      posted.push(m);
    },
    t, strings: () => strings, locale: () => 'en', log: { error: (m) => assert.fail(m) },
    readRun: (id) => {
      reads.push(id);
      return Promise.resolve(id === 'gone' ? null : stored(id, id === 's1' ? 2 : 8));
    },
  });
  const change = (s: RunState | null) => {
    source.state = s;
    runs.fire(s);
  };
  const compare = (ids: string[]) => {
    source.compared = { ids, chosen: true };
    comparisons.fire(source.compared);
  };
  return { feed, posted, reads, change, compare };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('the training panel feed (snapshot, then increments)', () => {
  it('sends nothing before ready, then one snapshot of the live run', async () => {
    const h = harness(state('r1', 3));
    h.change(state('r1', 4));
    assert.equal(h.posted.length, 0);
    await h.feed.sendSnapshot();
    assert.equal(h.posted.length, 1);
    const snap = h.posted[0]!;
    assert.equal(snap.type, 'didLoadSnapshot');
    if (snap.type === 'didLoadSnapshot') {
      assert.deepEqual(snap.snapshot.runs.map((r) => [r.info.id, r.info.label, r.epochs.length]), [['r1', 'circle · r1', 4]]);
      assert.deepEqual(snap.snapshot.runs[0]!.info.layers, ['dense']);
      assert.equal(snap.snapshot.comparison, null);
    }
  });

  it('then sends only the epochs that are new, and a status only when it changed', async () => {
    const h = harness(state('r1', 2));
    await h.feed.sendSnapshot();
    h.posted.length = 0;
    const s = state('r1', 5);
    h.change(s);
    assert.deepEqual(h.posted.map((m) => m.type), ['didAppendEpochs', 'didUpdateRunStatus']);
    const append = h.posted[0]!;
    if (append.type === 'didAppendEpochs') assert.deepEqual(append.epochs.map((e) => e.epoch), [3, 4, 5]);
    h.posted.length = 0;
    h.change(s);
    assert.equal(h.posted.length, 0, 'nothing new, nothing sent');
    h.change({ ...s, status: 'paused' });
    assert.deepEqual(h.posted.map((m) => m.type), ['didUpdateRunStatus']);
  });

  it('sends updates of the same size at epoch 10 and at epoch 10,000', async () => {
    const sizeAt = async (epochs: number) => {
      const h = harness(state('r1', epochs));
      await h.feed.sendSnapshot();
      h.posted.length = 0;
      h.change(state('r1', epochs + 1));
      return JSON.stringify(h.posted.find((m) => m.type === 'didAppendEpochs')).length;
    };
    const early = await sizeAt(10), late = await sizeAt(10_000);
    assert.ok(Math.abs(late - early) <= 8, `${early} bytes at epoch 10, ${late} at epoch 10,000`);
  });

  it('sends the whole shown set when a new run starts or runs are compared, with only the hyperparameters that differ', async () => {
    const h = harness(state('r1', 2));
    await h.feed.sendSnapshot();
    h.posted.length = 0;
    h.compare(['s1', 'gone', 'r1']);
    await settle();
    const changed = h.posted.find((m) => m.type === 'didChangeRuns');
    assert.ok(changed && changed.type === 'didChangeRuns');
    assert.deepEqual(changed.shown.runs.map((r) => r.info.id), ['r1', 's1'], 'the live run first; a missing run left out; the live run not twice');
    assert.deepEqual(changed.shown.comparison?.rows, [{ path: 'model.layers[0].units', values: ['3', '2'] }]);
    assert.deepEqual(changed.shown.runs[1]!.trace, [{ x: 1, loss: 0.95 }]);
    h.posted.length = 0;
    h.change(state('r2', 0));
    await settle();
    assert.deepEqual(h.posted.map((m) => m.type), ['didChangeRuns']);
    assert.deepEqual(h.reads.filter((id) => id !== 'gone'), ['s1', 'r1'], 'stored runs are read once while shown');
  });

  it('sends the sidebar\'s data preview with the snapshot, then only when it changes, and the display locale', async () => {
    const changes = new Emitter<void>();
    let current: DataPreview | null = preview('circle');
    const posted: HostToPanel[] = [];
    const source = { state: null, compared: { ids: [], chosen: false } as Comparison, liveExperiment: null, onDidChangeRun: new Emitter<RunState | null>().event, onDidChangeComparison: new Emitter<Comparison>().event };
    const feed = new PanelFeed(source, {
      post: (m) => {
        assert.ok(isHostToPanel(JSON.parse(JSON.stringify(m))), `the guard accepts ${m.type}`);
        posted.push(m);
      },
      t, strings: () => strings, locale: () => 'es', log: { error: (m) => assert.fail(m) }, readRun: () => Promise.resolve(null),
      preview: { preview: () => Promise.resolve(current), onDidChange: changes.event },
    });
    changes.fire(); // before ready: nothing is sent
    await settle();
    assert.equal(posted.length, 0);
    await feed.sendSnapshot();
    const snap = posted[0];
    assert.ok(snap?.type === 'didLoadSnapshot' && snap.snapshot.locale === 'es' && snap.snapshot.preview?.description === 'circle');
    current = preview('xor');
    changes.fire();
    await settle();
    assert.deepEqual(posted.slice(1).map((m) => (m.type === 'didUpdatePreview' ? m.preview?.description : m.type)), ['xor']);
    current = null;
    changes.fire();
    await settle();
    assert.deepEqual(posted.slice(2).map((m) => (m.type === 'didUpdatePreview' ? m.preview : m.type)), [null]);
  });

  it('marks a run on 2-D data for the one-screen layout from its experiment, before its points arrive', async () => {
    const h = harness(state('r1', 0, { status: 'starting' }));
    await h.feed.sendSnapshot();
    const snap = h.posted[0];
    assert.ok(snap?.type === 'didLoadSnapshot');
    assert.equal(snap.snapshot.runs[0]!.info.planeData, false, 'an experiment without data.dataset');
    assert.equal(isPlaneExperiment({ data: { dataset: 'circle' } }), true);
    assert.equal(isPlaneExperiment({ data: { dataset: 'mnist' } }), false);
    assert.equal(isPlaneExperiment({ data: { csv: 'a.csv', target: 'y' } }), false);
  });
});

function preview(dataset: string): DataPreview {
  return { description: dataset, task: 'binary', points: { train: [0, 0, 1], validation: [] }, features: ['x1'], featureThumbs: [[1]], thumbDensity: 1 };
}
