/**
 * `hyperlab export-optuna SWEEP.json [-o FILE]`: writes the sweep as a standalone Optuna script (to
 * FILE, else to stdout) with the same search space, sampler, pruner and storage, whose objective fits
 * the Keras model or, with --backend hyperlab, runs `hyperlab train` (src/sweeps/optunaScript.ts).
 */
import { echo } from '../shared/echo';
import path from 'node:path';
import { writeFileAtomic } from '../storage/atomicFile';
import { optunaScript } from '../sweeps/optunaScript';
import { loadSweepFile } from '../sweeps/sweepFile';
import type { Output } from './trainCommand';

export const EXPORT_OPTUNA_USAGE = 'hyperlab export-optuna SWEEP.json [-o FILE]';

export interface ExportOptunaArgs {
  readonly file: string;
  readonly out: string | null;
}

export function parseExportOptunaArgs(argv: readonly string[]): ExportOptunaArgs | string {
  let file: string | null = null, out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-o' || a === '--output') {
      out = argv[++i] ?? null;
      if (!out) return `${a} needs a file name`;
    } else if (a.startsWith('-')) return `unknown option ${echo(a)}`;
    else if (file === null) file = a;
    else return `unexpected argument ${echo(a)}`;
  }
  return file === null ? 'missing the sweep file' : { file, out };
}

export async function exportOptuna(args: ExportOptunaArgs, io: Output, cwd = process.cwd()): Promise<number> {
  const sf = loadSweepFile(args.file, cwd);
  // The journal HyperLab's sweep writes by default: relative to where both are run, unless the sweep names one.
  const storage = sf.definition.storage !== null ? sf.storage : path.relative(cwd, sf.storage) || sf.storage;
  const script = optunaScript(sf.definition, { sweepFile: path.basename(sf.file), storage, dataDir: sf.baseDir });
  if (args.out === null) {
    io.out(script.trimEnd());
    return 0;
  }
  await writeFileAtomic(path.resolve(cwd, args.out), script);
  io.err(`wrote ${args.out}: python3 ${args.out} --help`);
  return 0;
}
