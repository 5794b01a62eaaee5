/**
 * File access for experiments on Node (the CLI and the training worker): relative data paths (a CSV, an
 * MNIST folder) resolve against the experiment file's folder, files are read through storage/userFile.ts
 * (regular files only, within a size limit, so a FIFO or /dev/zero is an error and not a hang), and
 * MNIST's bundled subset is found under the extension's media/mnist folder.
 */
import path from 'node:path';
import { UserFileError, readUserFile } from '../../storage/userFile';
import { DataError } from '../datasets/dataset';
import type { DataIo } from './dataSpec';

/**
 * The largest CSV file read: papaparse holds every cell as a string, so a file takes several times its size
 * in memory; 128 MB still takes the 110 MB mnist_train.csv that circulates.
 */
export const MAX_CSV_BYTES = 128 * 1024 * 1024;

export function nodeDataIo(baseDir: string, extensionRoot: string): DataIo {
  return {
    resolvePath: (file) => path.resolve(baseDir, file),
    readTextFile: async (file) => {
      const full = path.resolve(baseDir, file);
      try {
        return (await readUserFile(full, { maxBytes: MAX_CSV_BYTES, what: 'CSV files' })).toString('utf8');
      } catch (e) {
        if (e instanceof UserFileError) {
          throw new DataError(`cannot read ${e.message}`, e.problem === 'missing' ? { hint: 'a relative path is resolved against the experiment file\'s folder' } : {});
        }
        throw e;
      }
    },
    mnist: { bundledDirectory: path.join(extensionRoot, 'media', 'mnist') },
  };
}
