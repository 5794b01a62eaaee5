/**
 * File access for experiments on Node (the CLI and the training worker): relative data paths resolve
 * against the experiment file's folder, and MNIST's bundled subset is found under the extension's
 * media/mnist folder; `mnist` is where the host found (or downloaded) the full set, see mnistCache.ts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type MnistHint, mnistLoadOptions } from '../datasets/mnistCache';
import type { DataIo } from './dataSpec';

export function nodeDataIo(baseDir: string, extensionRoot: string, mnist?: MnistHint): DataIo {
  return {
    readTextFile: async (file) => {
      const full = path.resolve(baseDir, file);
      try {
        return await readFile(full, 'utf8');
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new Error(`cannot read ${full}: ${code === 'ENOENT' ? 'no such file' : code ?? String(e)}`);
      }
    },
    mnist: mnistLoadOptions(extensionRoot, mnist),
  };
}
