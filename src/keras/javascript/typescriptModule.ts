/**
 * The TypeScript compiler, whose parser reads TensorFlow.js files, loaded on first use: it is 3.5 MB of
 * JavaScript, so it lives in its own bundle (dist/typescript.js, next to the extension's and the CLI's)
 * and Python users never load it. Where that bundle is absent (the tests and benchmarks run from the
 * sources) it comes from node_modules. Only the parser is used (createSourceFile): no program, no type
 * checking, no file access.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as TS from 'typescript';

let loaded: typeof TS | null = null;

export function typescript(): typeof TS {
  if (loaded) return loaded;
  const bundled = path.join(__dirname, 'typescript.js');
  // Runtime requires on purpose: esbuild keeps 'typescript' external, so it is not inlined into every bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded = (fs.existsSync(bundled) ? require(bundled) : require('typescript')) as typeof TS;
  return loaded;
}
