import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const cli = (...args: string[]) => spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8' });

function writeSpec(spec: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-cli-'));
  const file = path.join(dir, 'experiment.json');
  fs.writeFileSync(file, JSON.stringify(spec));
  return file;
}

const circle = {
  seed: 3,
  model: { input_shape: [2], layers: [{ class_name: 'Dense', units: 4, activation: 'tanh' }, { class_name: 'Dense', units: 1, activation: 'sigmoid' }] },
  compile: { optimizer: { class_name: 'SGD', learning_rate: 0.03 }, loss: 'binary_crossentropy', metrics: ['accuracy'] },
  fit: { epochs: 2, batch_size: 50, callbacks: [{ class_name: 'EarlyStopping', monitor: 'val_loss', patience: 5 }] },
  data: { dataset: 'circle', samples: 200, noise: 0.1 },
};

describe('hyperlab train (built CLI)', function () {
  this.timeout(30_000);

  it('prints JSON lines: a step per optimizer step, an epoch per epoch, then end', () => {
    const spec = writeSpec(circle);
    const weights = path.join(path.dirname(spec), 'weights.json');
    const r = cli('train', spec, '--json', '--log-steps', '--weights', weights);
    assert.equal(r.status, 0, r.stderr);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    // 200 samples, train_ratio 0.5 -> 100 training samples -> 2 steps of 50 per epoch.
    assert.deepEqual(events.map((e) => e.event), ['step', 'step', 'epoch', 'step', 'step', 'epoch', 'end']);
    assert.deepEqual(events.filter((e) => e.event === 'step').map((e) => [e.epoch, e.step]), [[1, 1], [1, 2], [2, 1], [2, 2]]);
    const epoch = events[2]!;
    for (const key of ['loss', 'accuracy', 'val_loss', 'val_accuracy']) assert.equal(typeof epoch[key], 'number', key);
    assert.deepEqual(events.at(-1), { event: 'end', epochs_run: 2, stopped_epoch: null, best_epoch: 2 });
    const w = JSON.parse(fs.readFileSync(weights, 'utf8')) as { kernel: number[][]; bias: number[] }[];
    assert.equal(w.length, 2);
    assert.equal(w[0]!.kernel.length, 2);
    assert.equal(w[0]!.kernel[0]!.length, 4);
  });

  it('runs the same experiment to the same numbers with either kernel set', () => {
    const spec = writeSpec(circle);
    const run = (k: string) => cli('train', spec, '--json', '--kernels', k).stdout;
    const wasm = run('wasm').split('\n').map((l) => l && (JSON.parse(l) as { loss?: number }).loss);
    const ts = run('typescript').split('\n').map((l) => l && (JSON.parse(l) as { loss?: number }).loss);
    wasm.forEach((v, i) => {
      if (typeof v === 'number') assert.ok(Math.abs(v - (ts[i] as number)) < 1e-5, `line ${i}: ${v} vs ${ts[i]}`);
    });
  });

  it('prints Keras-like progress without --json', () => {
    const r = cli('train', writeSpec(circle));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Epoch 1\/2$/m);
    assert.match(r.stdout, /^2\/2 - \d+s - [\d.]+ms\/step - accuracy: \d\.\d{4} - loss: \d\.\d{4} - val_accuracy: \d\.\d{4} - val_loss: \d\.\d{4}$/m);
  });

  it('exits 1 with the key, the value and what is allowed on a bad experiment', () => {
    const r = cli('train', writeSpec({ ...circle, fit: { epochs: 0 } }));
    assert.equal(r.status, 1);
    assert.match(r.stderr, /hyperlab train: fit\.epochs: got 0; expected an integer >= 1/);
    const missing = cli('train', '/nonexistent/spec.json');
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /cannot read .*spec\.json: no such file/);
    const usage = cli('train');
    assert.equal(usage.status, 1);
    assert.match(usage.stderr, /missing the experiment file/);
  });

  it('warns on stderr, as Keras does, when EarlyStopping monitors val_loss without validation data', () => {
    const spec = writeSpec({ model: { layers: [{ class_name: 'Dense', units: 1 }] }, compile: { loss: 'mse' }, fit: { epochs: 2, callbacks: [{ class_name: 'EarlyStopping' }] }, data: { x: [[1], [2]], y: [[1], [2]] } });
    const r = cli('train', spec, '--json');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /^warning: Early stopping is conditioned on metric `val_loss` which is not available\. Available metrics are: loss/);
    assert.deepEqual(JSON.parse(r.stdout.trim().split('\n').at(-1)!), { event: 'end', epochs_run: 2, stopped_epoch: null, best_epoch: null });
  });

  it('exits 1 with a one-line error for an empty training split, naming the rows', () => {
    const r = cli('train', writeSpec({ model: { layers: [{ class_name: 'Dense', units: 1 }] }, compile: { loss: 'mse' }, fit: { validation_split: 0.99 }, data: { x: [[1], [2], [3]], y: [[1], [2], [3]] } }));
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^hyperlab train: fit\.validation_split: got 0\.99; .* leaves 0 training and 3 validation rows.*\n$/);
  });

  it('refuses a device or a folder as the experiment file instead of reading it forever', () => {
    const zero = cli('train', '/dev/zero');
    assert.equal(zero.status, 1);
    assert.equal(zero.stderr, 'hyperlab train: cannot read /dev/zero: it is a character device; HyperLab reads only regular files\n');
    const folder = cli('summary', os.tmpdir());
    assert.equal(folder.status, 1);
    assert.match(folder.stderr, /^hyperlab summary: cannot read .*: it is a folder; HyperLab reads only regular files\n$/);
  });

  it('exits 1 and explains exploding gradients when the loss becomes NaN', () => {
    const spec = writeSpec({ model: { layers: [{ class_name: 'Dense', units: 1 }] }, compile: { optimizer: { class_name: 'SGD', learning_rate: 1e6 }, loss: 'mse' }, fit: { epochs: 50, batch_size: 1 }, data: { x: [[100], [200]], y: [[1], [2]] } });
    const r = cli('train', spec, '--json');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /loss became (NaN|Infinity).*lower the learning rate or set clipnorm/);
  });
});
