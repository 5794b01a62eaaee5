/**
 * A `*.sweep.json` on disk: reads it and the experiment file it names, and resolves where things are
 * — the folder the base experiment's relative data paths start from, and the study's journal file
 * (`storage` in the sweep, else `.hyperlab/sweeps/NAME.optuna.log` beside the sweep file's folder).
 * The pure reading is sweepDefinition.ts.
 */
import * as fs from 'node:fs';
import path from 'node:path';
import { echo, echoPath } from '../shared/echo';
import { type SweepDefinition, readSweepDefinition } from './sweepDefinition';

export interface SweepFile {
  readonly file: string;
  readonly definition: SweepDefinition;
  /** Where the base experiment's relative paths (CSV data) resolve from. */
  readonly baseDir: string;
  /** The journal file the study lives in, absolute. */
  readonly storage: string;
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${what} ${echoPath(file)}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(e)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    // JSON.parse quotes the text around the error: capped (shared/echo.ts), as hyperlab train does.
    throw new Error(`${echoPath(file)} is not valid JSON: ${echo(e instanceof Error ? e.message : String(e), 200)}`);
  }
}

/** The default journal of a study: `<root>/.hyperlab/sweeps/<name>.optuna.log`. */
export function defaultStoragePath(root: string, studyName: string): string {
  return path.join(root, '.hyperlab', 'sweeps', `${studyName}.optuna.log`);
}

/** Loads a sweep file; `storageRoot` is where .hyperlab/ lives (the workspace folder; default the sweep's folder). */
export function loadSweepFile(file: string, storageRoot?: string): SweepFile {
  const abs = path.resolve(file);
  const dir = path.dirname(abs);
  const definition = readSweepDefinition(readJson(abs, 'the sweep file'), {
    fileName: path.basename(abs),
    readExperiment: (rel) => readJson(path.resolve(dir, rel), 'the experiment file'),
  });
  const baseDir = definition.experimentFile === null ? dir : path.dirname(path.resolve(dir, definition.experimentFile));
  const storage = definition.storage !== null ? path.resolve(dir, definition.storage) : defaultStoragePath(storageRoot ?? dir, definition.name);
  return { file: abs, definition, baseDir, storage };
}
