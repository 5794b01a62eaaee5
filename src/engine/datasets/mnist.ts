/**
 * MNIST (by Yann LeCun, Corinna Cortes and Christopher J.C. Burges) from bytes already in memory: the
 * original IDX files (big-endian header: two zero bytes, type code 0x08 = unsigned byte, the number of
 * dimensions, then one uint32 per dimension; images have magic 0x00000803, labels 0x00000801) or the
 * arrays of Keras' mnist.npz (x_train, y_train, x_test, y_test). Either way images become 784 float
 * features scaled to [0, 1] (x / 255, as the Keras examples do) and labels one-hot rows of 10, and the
 * test set is the validation data. No file access here: mnistFiles.ts finds and reads the files.
 */
import { echo } from '../../shared/echo';
import { msg } from '../../shared/message';
import { DataError, createDataset, type Dataset, type DatasetSplit } from './dataset';
import { parseNpy } from './npy';

export const MNIST_CLASS_NAMES: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
export const IDX_IMAGES_MAGIC = 0x00000803;
export const IDX_LABELS_MAGIC = 0x00000801;

/** A parsed IDX file of unsigned bytes. */
export interface IdxArray {
  readonly dims: readonly number[];
  /** The values in row-major order (a view into the input bytes). */
  readonly data: Uint8Array;
}

/** The four MNIST files as bytes (IDX, uncompressed). */
export interface MnistIdxFiles {
  readonly trainImages: Uint8Array;
  readonly trainLabels: Uint8Array;
  readonly testImages: Uint8Array;
  readonly testLabels: Uint8Array;
}

/** Parses an IDX file of unsigned bytes and checks its magic number (images: 3 dims, labels: 1). */
export function parseIdx(bytes: Uint8Array, kind: 'images' | 'labels', source = `IDX ${kind} file`): IdxArray {
  const expected = kind === 'images' ? IDX_IMAGES_MAGIC : IDX_LABELS_MAGIC;
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    throw new DataError(msg('this is a gzip-compressed file'), { source, hint: msg('unpack it with gunzip, or give it a .gz name so HyperLab unpacks it') });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = bytes.length >= 4 ? view.getUint32(0, false) : -1;
  if (magic !== expected) {
    const hex = (n: number): string => `0x${n.toString(16).padStart(8, '0')}`;
    const got = magic < 0 ? msg('only {0} bytes', bytes.length) : msg('magic number {0}', hex(magic));
    throw new DataError(kind === 'images' ? msg('not an MNIST images file ({0}, expected {1})', got, hex(expected)) : msg('not an MNIST labels file ({0}, expected {1})', got, hex(expected)), {
      source, hint: msg('expected a file like {0}', kind === 'images' ? 'train-images-idx3-ubyte' : 'train-labels-idx1-ubyte'),
    });
  }
  const ndims = bytes[3]!;
  const headerBytes = 4 + 4 * ndims;
  if (bytes.length < headerBytes) throw new DataError(msg('truncated IDX header'), { source });
  const dims = Array.from({ length: ndims }, (_d, i) => view.getUint32(4 + 4 * i, false));
  const count = dims.reduce((a, b) => a * b, 1);
  if (bytes.length < headerBytes + count) {
    throw new DataError(msg('truncated: the header promises {0} values, the file holds {1}', count, bytes.length - headerBytes), {
      source, hint: msg('the download may be incomplete: fetch the file again'),
    });
  }
  return { dims, data: bytes.subarray(headerBytes, headerBytes + count) };
}

/**
 * Images (n, rows, cols) of bytes as a (n, rows · cols) Dataset with one-hot labels. The pixels stay
 * bytes with xScale 1/255 (values in [0, 1], as Keras users scale them); the training loop scales each
 * batch as it gathers it.
 */
export function mnistDataset(pixels: Uint8Array, imageShape: readonly number[], labels: ArrayLike<number>, source = 'MNIST'): Dataset {
  const [n, rows, cols] = imageShape;
  if (imageShape.length !== 3 || n === undefined || rows === undefined || cols === undefined) {
    throw new DataError(msg('images have shape {0}; expected (count, rows, cols)', `(${imageShape.join(', ')})`), { source });
  }
  if (labels.length !== n) throw new DataError(msg('{0} images but {1} labels', n, labels.length), { source, hint: msg('the image and label files do not belong together') });
  const features = rows * cols;
  if (pixels.length < n * features) throw new DataError(msg('{0} pixel bytes for {1} images of {2}', pixels.length, n, `${rows}×${cols}`), { source, hint: msg('the image file is truncated') });
  const x = pixels.subarray(0, n * features);
  const y = new Float32Array(n * 10);
  for (let r = 0; r < n; r++) {
    const label = labels[r]!;
    if (!Number.isInteger(label) || label < 0 || label > 9) throw new DataError(msg('label {0} at index {1} is not a digit 0..9', label, r), { source });
    y[r * 10 + label] = 1;
  }
  return createDataset({ x, xScale: 1 / 255, y, featureNames: pixelNames(features), targetWidth: 10, task: 'multiclass', classNames: MNIST_CLASS_NAMES });
}

/** Train and test sets from the four IDX files; the test set becomes the validation data. */
export function mnistFromIdx(files: MnistIdxFiles, source = 'MNIST'): DatasetSplit & { validation: Dataset } {
  const part = (images: Uint8Array, labels: Uint8Array, name: string): Dataset => {
    const img = parseIdx(images, 'images', `${source} ${name} images`);
    const lab = parseIdx(labels, 'labels', `${source} ${name} labels`);
    return mnistDataset(img.data, img.dims, lab.data, `${source} ${name}`);
  };
  return { train: part(files.trainImages, files.trainLabels, 'train'), validation: part(files.testImages, files.testLabels, 't10k') };
}

/** Train and test sets from the members of Keras' mnist.npz (names with or without ".npy"). */
export function mnistFromNpz(members: ReadonlyMap<string, Uint8Array>, source = 'mnist.npz'): DatasetSplit & { validation: Dataset } {
  const array = (name: string) => {
    const bytes = members.get(`${name}.npy`) ?? members.get(name);
    if (bytes === undefined) {
      const found = [...members.keys()];
      const shown = found.slice(0, 10).map((m) => echo(m)).join(', ');
      const list = found.length > 10 ? msg('{0} and {1} more', shown, found.length - 10) : shown;
      throw new DataError(msg('no array "{0}"', name), { source, hint: msg('expected x_train, y_train, x_test, y_test; found {0}', list) });
    }
    return parseNpy(bytes, `${source}/${name}.npy`);
  };
  const part = (xName: string, yName: string): Dataset => {
    const xs = array(xName);
    if (!(xs.data instanceof Uint8Array)) throw new DataError(msg('{0} has dtype \'{1}\'; expected uint8 pixels', xName, xs.descr), { source });
    return mnistDataset(xs.data, xs.shape, array(yName).data, `${source} ${xName}`);
  };
  return { train: part('x_train', 'y_train'), validation: part('x_test', 'y_test') };
}

let pixelNameCache: { size: number; names: readonly string[] } | null = null;

/** 'pixel0' .. 'pixel783', shared between datasets of the same image size. */
function pixelNames(size: number): readonly string[] {
  if (pixelNameCache?.size !== size) pixelNameCache = { size, names: Array.from({ length: size }, (_n, i) => `pixel${i}`) };
  return pixelNameCache.names;
}
