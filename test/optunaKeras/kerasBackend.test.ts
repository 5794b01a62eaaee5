import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TRIAL_STATE_NAMES, TrialState } from '../../src/sweeps/frozenTrial';
import { JournalStorage } from '../../src/sweeps/journal/journalStorage';
import { kerasPython } from './kerasPython';

const CLI = path.resolve('dist/cli.js');
const SWEEP = {
  experiment: {
    seed: 3,
    model: { input_shape: [2], layers: [{ class_name: 'Dense', units: 4, activation: 'tanh', kernel_regularizer: { class_name: 'L1L2', l1: 0, l2: 0.001 } }, { class_name: 'Dropout', rate: 0.1 }, { class_name: 'Dense', units: 1, activation: 'sigmoid' }] },
    compile: { optimizer: { class_name: 'Adam', learning_rate: 0.03 }, loss: 'binary_crossentropy', metrics: ['accuracy'] },
    fit: { epochs: 4, batch_size: 25, callbacks: [{ class_name: 'EarlyStopping', monitor: 'val_loss', patience: 5, restore_best_weights: true }] },
    data: { dataset: 'circle', samples: 100, noise: 0.1 },
  },
  method: 'tpe', max_trials: 5, metric: { name: 'val_accuracy', goal: 'maximize' }, early_terminate: { type: 'median', n_startup_trials: 1 },
  parameters: { learning_rate: { min: 0.001, max: 0.3, distribution: 'log_uniform' }, units: { values: [2, 4] }, optimizer: { values: ['Adam', 'SGD'] }, 'fit.batch_size': { values: [10, 25] } },
};

describe('the exported Optuna script fits real Keras 3 (JAX) models (offline wheels)', function () {
  this.timeout(600_000);
  let dir: string, py: string;
  before(() => { py = kerasPython(); });
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-keras-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs trials in Keras reporting each epoch to the pruner, in a study HyperLab then continues and Optuna 5 reads', async () => {
    fs.writeFileSync(path.join(dir, 'k.sweep.json'), JSON.stringify(SWEEP));
    const exported = spawnSync(process.execPath, [CLI, 'export-optuna', 'k.sweep.json', '-o', 'k_optuna.py'], { cwd: dir, encoding: 'utf8' });
    assert.equal(exported.status, 0, exported.stderr);
    const journal = path.join(dir, 'k.log');
    const out = execFileSync(py, ['k_optuna.py', '--storage', journal, '--n-trials', '3', '--seed', '1'], { cwd: dir, encoding: 'utf8', env: { ...process.env, KERAS_BACKEND: 'jax' } });
    assert.match(out, /"trials": 3/);
    const storage = await JournalStorage.open(journal);
    const keras = storage.trials(storage.study('k')!.studyId);
    assert.equal(keras.length, 3);
    for (const t of keras) {
      assert.equal(t.userAttrs.hyperlab_backend, 'keras');
      assert.ok(t.state === TrialState.COMPLETE || t.state === TrialState.PRUNED, `trial ${t.number}: ${TRIAL_STATE_NAMES[t.state]} ${JSON.stringify(t.userAttrs)}`);
      assert.ok(t.intermediateValues.size >= 1 && [...t.intermediateValues.values()].every((v) => v >= 0 && v <= 1), 'val_accuracy after each epoch');
    }
    // HyperLab's own workers add the last two trials to the study Keras started.
    const r = spawnSync(process.execPath, [CLI, 'sweep', 'k.sweep.json', '--json', '--storage', journal, '--workers', '2'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /"existing_trials":3/);
    // Optuna 5 reads the whole study back, HyperLab's lines included.
    const loaded = JSON.parse(execFileSync(py, [path.resolve('test/optuna/loadStudy.py'), journal, 'k'], { encoding: 'utf8' })) as { trials: { number: number; state: string; user_attrs: Record<string, unknown> }[] };
    assert.deepEqual(loaded.trials.map((t) => t.number), [0, 1, 2, 3, 4]);
    assert.equal(loaded.trials.filter((t) => typeof t.user_attrs.hyperlab_run === 'string').length, 2);
    await storage.sync();
    assert.deepEqual(storage.trials(0).map((t) => TRIAL_STATE_NAMES[t.state]), loaded.trials.map((t) => t.state));
  });
});
