import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadExperiment } from '../../../src/engine/experiment/experiment';
import { nodeDataIo } from '../../../src/engine/experiment/nodeDataIo';
import { createBackend } from '../../../src/engine/kernels/engineBackend';
import { analyzeDocument } from '../../../src/keras/analyzeDocument';
import { kerasScriptFromExperiment } from '../../../src/keras/export/kerasScript';

const ROOT = process.cwd();
const experiments = [
  'examples/circle.experiment.json',
  'examples/spiral_features.experiment.json',
  'examples/mnist_mlp.experiment.json',
  ...fs.readdirSync(path.join(ROOT, 'media/exercises')).map((f) => `media/exercises/${f}`),
];

describe('Export as Keras script', function () {
  this.timeout(30_000);

  for (const file of experiments) {
    it(`writes ${path.basename(file)} as Keras code that reads back with the engine's parameter count`, async () => {
      const experiment = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as unknown;
      const script = kerasScriptFromExperiment(experiment, path.basename(file));
      const analysis = analyzeDocument(script, 'python');
      assert.deepEqual(analysis.diagnostics.filter((d) => d.severity === 'error'), []);
      assert.equal(analysis.models.length, 1);
      const built = await loadExperiment(experiment, { io: nodeDataIo(path.dirname(path.join(ROOT, file)), ROOT), backend: createBackend('typescript') });
      const totals = analysis.models[0]!.totals;
      assert.equal(totals && totals.trainable + totals.nonTrainable, built.compiled.model.countParams());
    });
  }

  it('is valid Python (python3 parses it)', () => {
    const experiment = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples/circle.experiment.json'), 'utf8')) as unknown;
    const script = kerasScriptFromExperiment(experiment, 'circle');
    const r = spawnSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: script, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(script, /keras\.regularizers\.L1L2\(l1=0, l2=0\.001\)/);
    assert.match(script, /callbacks=\[keras\.callbacks\.EarlyStopping\(monitor="val_loss", patience=10, restore_best_weights=True\)\]/);
    assert.match(script, /keras\.optimizers\.Adam\(learning_rate=0\.01\)/);
  });
});
