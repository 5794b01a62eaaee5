import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { HyperLabApi } from '../../src/host/hyperlabApi';
import type { SweepOutcome } from '../../src/host/sweeps/sweepService';
import { readStudy } from '../../src/sweeps/studyTable';

async function api(): Promise<HyperLabApi> {
  const ext = vscode.extensions.getExtension<HyperLabApi>('hyperlab.hyperlab');
  assert.ok(ext);
  return ext.activate();
}

/** A circle experiment: `epochs` epochs of `steps` batches each (batch size 250 / steps). */
const experiment = (epochs: number, batch: number) => ({
  seed: 1,
  model: { input_shape: [2], layers: [{ class_name: 'Dense', units: 4, activation: 'tanh' }, { class_name: 'Dense', units: 1, activation: 'sigmoid' }] },
  compile: { optimizer: { class_name: 'Adam', learning_rate: 0.01 }, loss: 'binary_crossentropy', metrics: ['accuracy'] },
  fit: { epochs, batch_size: batch }, data: { dataset: 'circle' },
});

const ended = (o: unknown): SweepOutcome => {
  assert.ok(o && typeof o === 'object' && 'type' in o, `the command resolved with ${JSON.stringify(o)}`);
  return o as SweepOutcome;
};

describe('sweeps in the real extension host', function () {
  this.timeout(240_000);
  let dir: string;
  const write = (name: string, sweep: Record<string, unknown>) => {
    const file = path.join(dir, `${name}.sweep.json`);
    fs.writeFileSync(file, JSON.stringify(sweep));
    return vscode.Uri.file(file);
  };

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-sweeps-it-'));
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs a sweep file capped at 3 of its 12 trials, each recorded as a run, with the sweep view live', async () => {
    const hyperlab = await api();
    const name = `it-cap-${Date.now()}`;
    const uri = write(name, { experiment: experiment(8, 25), method: 'random', seed: 4, max_trials: 12, workers: 1, parameters: { learning_rate: { min: 0.001, max: 0.3, distribution: 'log_uniform' }, units: { values: [2, 4, 8] } } });
    const outcome = ended(await vscode.commands.executeCommand('hyperlab.runSweep', uri, { trials: 3 }));
    assert.equal(outcome.type === 'ended' && outcome.state, 'finished');
    const state = hyperlab.sweeps.state()!;
    assert.equal(state.info.study, name);
    assert.deepEqual(state.trials.map((t) => [t.number, t.state, t.epochs]), [[0, 'complete', 8], [1, 'complete', 8], [2, 'complete', 8]]);
    await hyperlab.whenWebviewReady('sweep', 45_000);
    const runs = (await hyperlab.runs.list()).filter((r) => r.source.kind === 'sweep' && r.source.study === name);
    assert.deepEqual(runs.map((r) => r.id).sort(), state.trials.map((t) => t.runId).sort(), 'every trial is a run of the store');
    assert.ok(runs.every((r) => r.status === 'finished' && r.epochs === 8));
    const journal = path.join(hyperlab.sweeps.dir(), `${name}.optuna.log`);
    assert.ok(!journal.startsWith(path.join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, '')), 'the test host keeps journals out of the workspace');
    assert.equal((await readStudy(journal, name))!.rows.length, 3);
    assert.equal(hyperlab.sweeps.remembered(), null, 'a finished sweep is not remembered');
    // Run it again: the study continues (3 more, capped), counting the trials already there.
    const again = ended(await vscode.commands.executeCommand('hyperlab.runSweep', uri, { trials: 2 }));
    assert.equal(again.type === 'ended' && again.trials, 5);
  });

  it('keeps the host\'s event loop free while 40 trials run with the sweep view open (fANOVA in its worker; the numbers are printed, not asserted)', async () => {
    const hyperlab = await api();
    const uri = write(`it-loop-${Date.now()}`, { experiment: experiment(10, 25), method: 'tpe', seed: 5, max_trials: 40, workers: 1, parameters: { learning_rate: { min: 0.001, max: 0.3, distribution: 'log_uniform' }, units: { values: [2, 4, 8] }, activation: { values: ['tanh', 'relu'] } } });
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const t0 = Date.now();
    const outcome = ended(await vscode.commands.executeCommand('hyperlab.runSweep', uri, { trials: 'all' }));
    delay.disable();
    const ms = (ns: number) => (ns / 1e6).toFixed(1);
    console.log(`    host event loop while 40 trials ran (${((Date.now() - t0) / 1000).toFixed(1)} s, sweep view open): p50 ${ms(delay.percentile(50))} ms, p99 ${ms(delay.percentile(99))} ms, max ${ms(delay.max)} ms`);
    assert.equal(outcome.type === 'ended' && outcome.trials, 40);
    assert.ok(hyperlab.isWebviewReady('sweep'));
    const state = await hyperlab.sweeps.when((s) => (s.importance?.params.length ?? 0) === 3);
    assert.equal(state.importance!.note, null);
  });

  it('cancels a running sweep: its running trial ends failed ("cancelled") and the sweep ends cancelled', async () => {
    const hyperlab = await api();
    const uri = write(`it-cancel-${Date.now()}`, { experiment: experiment(400, 1), method: 'tpe', seed: 2, max_trials: 20, workers: 1, parameters: { learning_rate: { min: 0.001, max: 0.1, distribution: 'log_uniform' } } });
    const running = vscode.commands.executeCommand('hyperlab.runSweep', uri, { trials: 'all' });
    await hyperlab.sweeps.when((s) => s.trials.some((t) => t.state === 'running' && t.epochs >= 1));
    assert.ok(hyperlab.sweeps.running());
    await vscode.commands.executeCommand('hyperlab.pauseSweep');
    assert.equal(hyperlab.sweeps.remembered()?.state, 'paused');
    await vscode.commands.executeCommand('hyperlab.resumeSweep');
    await vscode.commands.executeCommand('hyperlab.cancelSweep');
    const outcome = ended(await running);
    assert.equal(outcome.type === 'ended' && outcome.state, 'cancelled');
    const trials = hyperlab.sweeps.state()!.trials;
    assert.deepEqual(trials.map((t) => [t.state, t.reason]), [['fail', 'cancelled: the sweep was stopped']]);
    assert.equal(hyperlab.sweeps.remembered(), null);
  });

  it('resumes a sweep from its journal after its host went away mid-sweep: the interrupted trial fails, the study completes', async () => {
    const hyperlab = await api();
    const name = `it-resume-${Date.now()}`;
    const uri = write(name, { experiment: experiment(60, 5), method: 'random', seed: 9, max_trials: 3, workers: 1, parameters: { learning_rate: { min: 0.001, max: 0.1, distribution: 'log_uniform' } } });
    const running = vscode.commands.executeCommand('hyperlab.runSweep', uri, { trials: 'all' });
    await hyperlab.sweeps.when((s) => s.trials.some((t) => t.state === 'complete') && s.trials.some((t) => t.state === 'running' && t.epochs >= 1));
    await hyperlab.sweeps.simulateHostExit();
    assert.deepEqual(ended(await running), { type: 'abandoned' });
    const journal = path.join(hyperlab.sweeps.dir(), `${name}.optuna.log`);
    // The journal as a killed host leaves it: the trial it was training, and maybe the next one, asked
    // ahead while the worker trained (a random sweep does that), both still RUNNING.
    const left = (await readStudy(journal, name))!.rows.map((r) => r.state);
    assert.ok(left.join() === 'complete,running' || left.join() === 'complete,running,running', `the journal as a killed host leaves it: ${left.join()}`);
    assert.equal(hyperlab.sweeps.remembered()?.state, 'running');
    const outcome = ended(await hyperlab.sweeps.resumeRemembered());
    assert.equal(outcome.type === 'ended' && outcome.state, 'finished');
    const rows = (await readStudy(journal, name))!.rows;
    // Every trial the host left RUNNING fails as interrupted and does not count: three complete in all.
    assert.deepEqual(rows.map((r) => r.state), ['complete', ...left.slice(1).map(() => 'fail'), 'complete', 'complete']);
    for (const r of rows.slice(1, left.length)) assert.match(r.reason ?? '', /^interrupted/);
    const runs = await hyperlab.runs.list();
    assert.equal(runs.find((r) => r.id === rows[1]!.runId)?.status, 'interrupted', 'its run shows interrupted, not running');
  });

  it('makes a sweep from the sidebar\'s settings, writes it into the sweeps folder and runs it', async () => {
    const hyperlab = await api();
    const before = new Set(fs.existsSync(hyperlab.sweeps.dir()) ? fs.readdirSync(hyperlab.sweeps.dir()) : []);
    const outcome = ended(await vscode.commands.executeCommand('hyperlab.sweepFromSidebar', { parameters: { learning_rate: '0.01 .. 0.3 log', units: '2, 4' }, method: 'random', earlyTerminate: 'median', metric: 'val_accuracy', maxTrials: 2 }));
    assert.equal(outcome.type === 'ended' && outcome.state, 'finished');
    const made = fs.readdirSync(hyperlab.sweeps.dir()).filter((f) => f.endsWith('.sweep.json') && !before.has(f));
    assert.equal(made.length, 1);
    const sweep = JSON.parse(fs.readFileSync(path.join(hyperlab.sweeps.dir(), made[0]!), 'utf8')) as { parameters: unknown; metric: unknown; experiment: { data: { dataset: string } } };
    assert.deepEqual(sweep.parameters, { learning_rate: { min: 0.01, max: 0.3, distribution: 'log_uniform' }, units: { values: [2, 4] } });
    assert.deepEqual(sweep.metric, { name: 'val_accuracy', goal: 'maximize' });
    assert.equal(sweep.experiment.data.dataset, hyperlab.sidebar.settings().dataset);
    const state = hyperlab.sweeps.state()!;
    assert.equal(state.trials.length, 2);
    assert.ok(state.trials.every((t) => t.state === 'complete' && [2, 4].includes(t.params.units as number)));
  });

  it('exports a sweep as an Optuna script with the same search space', async () => {
    const uri = write('it-export', { experiment: experiment(5, 25), method: 'tpe', max_trials: 10, parameters: { learning_rate: { min: 0.001, max: 0.1, distribution: 'log_uniform' }, activation: { values: ['relu', 'tanh'] } } });
    const target = path.join(dir, 'it_export_optuna.py');
    const written = await vscode.commands.executeCommand('hyperlab.exportSweepOptuna', uri, { target });
    assert.equal(written, target);
    const script = fs.readFileSync(target, 'utf8');
    assert.match(script, /trial\.suggest_float\("learning_rate", 0\.001, 0\.1, log=True\)/);
    assert.match(script, /trial\.suggest_categorical\("activation", \["relu", "tanh"\]\)/);
  });
});
