/**
 * The sidebar's data preview (src/host/sidebar/dataPreview.ts): the points the panel shows before a run
 * are the very points the run trains on (the engine's own experiment loading from the same settings),
 * the feature thumbnails are the features over the plane, and the source recomputes only when the data
 * changed.
 */
import * as assert from 'node:assert/strict';
import { loadExperiment } from '../../../src/engine/experiment/experiment';
import { nodeDataIo } from '../../../src/engine/experiment/nodeDataIo';
import { createBackend } from '../../../src/engine/kernels/engineBackend';
import { DataPreviewSource, PREVIEW_THUMB_DENSITY, dataKey, dataPreview, featureThumbs } from '../../../src/host/sidebar/dataPreview';
import { experimentFromSettings } from '../../../src/host/sidebar/experimentFromSettings';
import type { HyperparamSettings } from '../../../src/shared/hyperparams';
import { defaultSettings } from '../../../src/shared/hyperparamSettings';
import { isHostToPanel } from '../../../src/shared/protocol/panelProtocol';
import { t } from './fakes';

const ROOT = process.cwd();

describe('the sidebar\'s data preview', () => {
  it('holds the points the run will train on, point for point, and the panel\'s guard accepts it', async () => {
    const patches: Partial<HyperparamSettings>[] = [{}, { dataset: 'spiral', noise: 0.2, train_ratio: 0.7, seed: 7 }, { dataset: 'xor', features: ['x1', 'x2', 'x1*x2'] }];
    for (const patch of patches) {
      const s = { ...defaultSettings(), ...patch };
      const preview = await dataPreview(s, t);
      const exp = await loadExperiment(experimentFromSettings(s), { io: nodeDataIo(ROOT, ROOT), backend: createBackend('typescript') });
      const points = exp.data.points!;
      const r = (v: number) => Math.round(v * 1000) / 1000;
      assert.deepEqual(preview.points.train, points.train.flatMap((p) => [r(p.x), r(p.y), r(p.label)]), JSON.stringify(patch));
      assert.deepEqual(preview.points.validation, points.validation.flatMap((p) => [r(p.x), r(p.y), r(p.label)]));
      assert.equal(preview.task, exp.data.train.task);
      assert.deepEqual(preview.features, s.features);
      assert.ok(isHostToPanel(JSON.parse(JSON.stringify({ type: 'didUpdatePreview', preview }))));
    }
  });

  it('describes the split in the display language\'s words', async () => {
    const preview = await dataPreview(defaultSettings(), t);
    assert.equal(preview.description, 'Playground "circle" (250 training and 250 validation points)');
  });

  it('draws each feature over [-6, 6]², scaled by its largest |value|', () => {
    const [x1, x2, sq] = featureThumbs(['x1', 'x2', 'x1^2'], 3);
    // Rows go from x2 = +6 down to -6, columns from x1 = -6 to +6.
    assert.deepEqual(x1, [-1, 0, 1, -1, 0, 1, -1, 0, 1]);
    assert.deepEqual(x2, [1, 1, 1, 0, 0, 0, -1, -1, -1]);
    assert.deepEqual(sq, [1, 0, 1, 1, 0, 1, 1, 0, 1]);
    assert.equal(featureThumbs(['sin(x1)'])[0]!.length, PREVIEW_THUMB_DENSITY ** 2);
  });

  it('fires only when the data changes (not for the learning rate or the layers)', async () => {
    const source = new DataPreviewSource(t, { error: (m) => assert.fail(m) });
    let fired = 0;
    source.onDidChange(() => fired++);
    const s = defaultSettings();
    source.follow(s);
    source.follow({ ...s, learning_rate: 0.3, epochs: 7, layers: [] });
    assert.equal(fired, 1);
    assert.equal(dataKey(s), dataKey({ ...s, optimizer: 'Adam' }));
    source.follow({ ...s, noise: 0.25 });
    source.follow({ ...s, noise: 0.25, seed: 3 });
    assert.equal(fired, 3);
    const preview = await source.preview();
    assert.equal(preview?.points.train.length, 250 * 3);
  });
});
