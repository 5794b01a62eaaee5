/**
 * Asks the real Keras 3 (kerasOracle.py, in the Python of HYPERLAB_KERAS_PYTHON that `npm run test:keras`
 * sets up) what a batch of Python programs build: per program, every layer of `model` with its name, class,
 * output shape(s) and trainable / non-trainable parameter counts, or the error Keras raised. One Python
 * process per batch, since importing Keras and JAX takes seconds. Test-only.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export interface KerasLayer {
  readonly name: string;
  readonly class: string;
  /** The output shape, a list of shapes for several outputs, or null when the layer was never called. */
  readonly output: (number | null)[] | (number | null)[][] | null;
  readonly built: boolean;
  readonly trainable: number;
  readonly non_trainable: number;
}

export interface KerasModel {
  readonly name: string;
  readonly built: boolean;
  readonly layers: readonly KerasLayer[];
  readonly trainable: number;
  readonly non_trainable: number;
}

export type KerasResult = { readonly ok: true; readonly model: KerasModel } | { readonly ok: false; readonly error: string };

export function kerasPython(): string {
  const python = process.env['HYPERLAB_KERAS_PYTHON'];
  if (!python) throw new Error('HYPERLAB_KERAS_PYTHON is not set: run this tier with `npm run test:keras`, which installs Keras 3');
  return python;
}

/** Runs every program in Keras, in order. */
export function runInKeras(programs: readonly string[]): KerasResult[] {
  const script = path.resolve('test/keras/kerasOracle.py');
  const r = spawnSync(kerasPython(), [script], { input: JSON.stringify(programs), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`the Keras oracle failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const lines = r.stdout.trim().split('\n');
  const header = JSON.parse(lines[0]!) as { keras: string };
  if (!/^3\./.test(header.keras)) throw new Error(`the oracle runs Keras ${header.keras}, not Keras 3`);
  const results = lines.slice(1).map((l) => JSON.parse(l) as KerasResult);
  if (results.length !== programs.length) throw new Error(`the oracle answered ${results.length} of ${programs.length} programs: ${r.stderr.slice(-2000)}`);
  return results;
}
