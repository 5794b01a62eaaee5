import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { optunaScript } from '../../../src/sweeps/optunaScript';
import { readSweepDefinition } from '../../../src/sweeps/sweepDefinition';

const circle = JSON.parse(fs.readFileSync('examples/circle.experiment.json', 'utf8')) as Record<string, unknown>;

describe('sweeps: the exported Optuna script', () => {
  const def = readSweepDefinition({
    experiment: circle, method: 'grid', seed: 1, early_terminate: { type: 'asha', reduction_factor: 3 },
    parameters: { learning_rate: { values: [0.01, 0.1] }, 'model.layers[0].units': { min: 2, max: 8, step: 2 }, dropout: { min: 0.1, max: 0.3, step: 0.1 }, activation: { values: ['relu', 'tanh'] } },
  }, { fileName: 'g.sweep.json', readExperiment: () => circle });
  const script = optunaScript(def, { sweepFile: 'g.sweep.json', storage: '.hyperlab/sweeps/g.optuna.log', dataDir: '/data' });

  it('suggests each parameter as Optuna records the distribution HyperLab stores, in the sweep\'s order', () => {
    const suggest = script.slice(script.indexOf('def suggest(trial):'), script.indexOf('    }\n') + 6);
    assert.deepEqual(suggest.split('\n').filter((l) => l.includes('trial.suggest')).map((l) => l.trim()), [
      '"learning_rate": trial.suggest_categorical("learning_rate", [0.01, 0.1]),',
      '"model.layers[0].units": trial.suggest_int("model.layers[0].units", 2, 8, step=2),',
      '"dropout": trial.suggest_float("dropout", 0.1, 0.3, step=0.1),',
      '"activation": trial.suggest_categorical("activation", ["relu", "tanh"]),',
    ]);
  });

  it('carries the sampler, pruner, metric, study and storage of the sweep', () => {
    assert.match(script, /^METHOD = "grid"$/m);
    assert.match(script, /^GRID = \{"learning_rate": \[0\.01, 0\.1\], "model\.layers\[0\]\.units": \[2, 4, 6, 8\], "dropout": \[0\.1, 0\.2, 0\.3\], "activation": \["relu", "tanh"\]\}$/m);
    assert.match(script, /^PRUNER = \{"type": "asha", "min_resource": "auto", "reduction_factor": 3, "min_early_stopping_rate": 0, "bootstrap_count": 0\}$/m);
    assert.match(script, /^METRIC = "val_loss"$/m);
    assert.match(script, /^DIRECTION = "minimize"$/m);
    assert.match(script, /^STORAGE = "\.hyperlab\/sweeps\/g\.optuna\.log"$/m);
    assert.match(script, /optuna\.pruners\.SuccessiveHalvingPruner\(\*\*args\)/);
    assert.match(script, /"--backend", choices=\("keras", "hyperlab"\)/);
  });

  it('is written by hyperlab export-optuna to stdout or to a file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-export-'));
    try {
      fs.writeFileSync(path.join(dir, 'c.sweep.json'), JSON.stringify({ experiment: circle, method: 'random', max_trials: 3, parameters: { learning_rate: { min: 0.001, max: 0.1, distribution: 'log_uniform' } } }));
      const out = spawnSync(process.execPath, [path.resolve('dist/cli.js'), 'export-optuna', 'c.sweep.json'], { cwd: dir, encoding: 'utf8' });
      assert.equal(out.status, 0, out.stderr);
      assert.match(out.stdout, /^#!\/usr\/bin\/env python3\n"""c: the HyperLab sweep c\.sweep\.json as a standalone Optuna script/);
      const file = spawnSync(process.execPath, [path.resolve('dist/cli.js'), 'export-optuna', 'c.sweep.json', '-o', 'c_optuna.py'], { cwd: dir, encoding: 'utf8' });
      assert.equal(file.status, 0, file.stderr);
      assert.equal(fs.readFileSync(path.join(dir, 'c_optuna.py'), 'utf8').trimEnd(), out.stdout.trimEnd());
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
