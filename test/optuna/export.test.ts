import * as assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyParameters } from '../../src/sweeps/applyParameters';
import { TrialState } from '../../src/sweeps/frozenTrial';
import { JournalStorage } from '../../src/sweeps/journal/journalStorage';
import { RandomSampler } from '../../src/sweeps/samplers/randomSampler';
import { readSweepDefinition } from '../../src/sweeps/sweepDefinition';
import { collect, pythonWithOptuna } from './python';

const CLI = path.resolve('dist/cli.js');
const circle = JSON.parse(fs.readFileSync('examples/circle.experiment.json', 'utf8')) as Record<string, unknown>;

// A sweep that uses every kind of parameter path the script must apply as HyperLab does.
const RICH = {
  experiment: circle, method: 'tpe', max_trials: 6, seed: 2, early_terminate: { type: 'hyperband' },
  parameters: {
    hidden_layers: { values: [0, 1, 3] }, units: { min: 2, max: 16, distribution: 'int_log_uniform' }, optimizer: { values: ['SGD', 'Adam', 'rmsprop'] },
    learning_rate: { min: 1e-4, max: 0.3, distribution: 'log_uniform' }, dropout: { min: 0, max: 0.5, step: 0.1 }, l2: { values: [0, 0.001] },
    features: { values: [['x1', 'x2'], ['x1', 'x2', 'x1^2', 'x2^2']] }, 'fit.batch_size': { values: [8, 32] }, 'data.noise': { min: 0, max: 0.3 },
  },
};

describe('the exported Optuna script (Debian python3-optuna)', function () {
  this.timeout(240_000);
  let dir: string;
  before(() => { pythonWithOptuna(); });
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-export-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const exportScript = (sweep: unknown, name: string): string => {
    fs.writeFileSync(path.join(dir, `${name}.sweep.json`), JSON.stringify(sweep));
    const r = spawnSync(process.execPath, [CLI, 'export-optuna', `${name}.sweep.json`, '-o', `${name}_optuna.py`], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return path.join(dir, `${name}_optuna.py`);
  };

  it('parses, and applies every kind of parameter to the experiment exactly as HyperLab does', () => {
    const script = exportScript(RICH, 'rich');
    execFileSync(pythonWithOptuna(), ['-c', `import ast, sys; ast.parse(open(sys.argv[1]).read())`, script]);
    const def = readSweepDefinition(RICH, { fileName: 'rich.sweep.json', readExperiment: () => circle });
    // Twenty random points of the space, applied by both.
    const sampler = new RandomSampler(9);
    const study = { studyName: 's', direction: 1 as const, trials: [] };
    const points = Array.from({ length: 20 }, () => Object.fromEntries(def.parameters.map((p) => [p.path.name, sampler.sampleIndependent(study, null as never, p.path.name, p.distribution)])));
    const ours = points.map((values) => applyParameters(def.experiment, def.parameters.map((p) => ({ path: p.path, value: values[p.path.name]! }))));
    const helper = path.join(dir, 'apply.py');
    fs.writeFileSync(helper, ['import importlib.util, json, sys', 'spec = importlib.util.spec_from_file_location("s", sys.argv[1]); m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)', 'print(json.dumps([m.apply_params(m.EXPERIMENT, p) for p in json.load(open(sys.argv[2]))]))'].join('\n'));
    fs.writeFileSync(path.join(dir, 'points.json'), JSON.stringify(points));
    const theirs = JSON.parse(execFileSync(pythonWithOptuna(), [helper, script, path.join(dir, 'points.json')], { encoding: 'utf8' })) as unknown[];
    assert.deepEqual(theirs, JSON.parse(JSON.stringify(ours)));
  });

  it('with --backend hyperlab, two Python processes share one journal and finish their trials through hyperlab train', async () => {
    const sweep = {
      experiment: { ...circle, fit: { epochs: 4, batch_size: 25 }, data: { dataset: 'circle', samples: 100 } }, method: 'random', max_trials: 6,
      metric: { name: 'val_accuracy', goal: 'maximize' }, early_terminate: { type: 'median', n_startup_trials: 2 },
      parameters: { learning_rate: { min: 0.001, max: 0.3, distribution: 'log_uniform' }, units: { values: [2, 4, 8] } },
    };
    const script = exportScript(sweep, 'pair');
    const journal = path.join(dir, 'pair.optuna.log');
    const worker = () => collect(spawn(pythonWithOptuna(), [script, '--backend', 'hyperlab', '--hyperlab', `${process.execPath} ${CLI}`, '--storage', journal, '--n-trials', '3', '--runs-dir', path.join(dir, 'runs')], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }));
    const outputs = await Promise.all([worker(), worker()]);
    // Each prints the study as it saw it when its three trials were done (the other may not have finished).
    assert.ok(outputs.every((o) => (JSON.parse(o.trim().split('\n').pop()!) as { trials: number }).trials >= 3), outputs.join('\n'));
    const storage = await JournalStorage.open(journal);
    const trials = storage.trials(storage.study('pair')!.studyId);
    assert.deepEqual(trials.map((t) => t.number), [0, 1, 2, 3, 4, 5]);
    assert.ok(trials.every((t) => (t.state === TrialState.COMPLETE || t.state === TrialState.PRUNED) && t.intermediateValues.size >= 1 && t.userAttrs.hyperlab_backend === 'hyperlab'));
    assert.equal(fs.readdirSync(path.join(dir, 'runs')).filter((f) => /^\d{8}-\d{6}-[0-9a-f]{6}\.jsonl$/.test(f)).length, 6, 'each trial is a HyperLab run');
    // HyperLab goes on with the same study: its trials count the six there.
    const r = spawnSync(process.execPath, [CLI, 'sweep', 'pair.sweep.json', '--json', '--storage', journal, '--max-trials', '8', '--workers', '2'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /"existing_trials":6/);
    await storage.sync();
    assert.equal(storage.trials(0).length, 8);
  });
});
