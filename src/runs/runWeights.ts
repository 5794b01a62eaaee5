/**
 * A run's trained weights, `<id>.weights.json`, written once at the end, atomically (temp file + rename):
 * the experiment file's `initial_weights` layout (one {"kernel": [[...]], "bias": [...]} per Dense layer)
 * so a person can read it and an experiment can start from it. Numbers are written with the fewest digits
 * that give back the same float32 (the engine trains in float32), which keeps the file about half the size
 * of JSON.stringify's float64 digits. Models over MAX_STORED_PARAMS keep no weights (the end record says so).
 */
import { writeFileAtomicSync } from '../storage/atomicFile';

/** 2 million parameters ≈ 20 MB of JSON: larger models' weights are not kept in the store. */
export const MAX_STORED_PARAMS = 2_000_000;

export interface StoredLayerWeights {
  readonly kernel: readonly (readonly number[])[];
  readonly bias: readonly number[] | null;
}

export interface WeightsDocument {
  readonly format: 'hyperlab.weights';
  readonly schema: 1;
  readonly run: string;
  /** The epoch whose weights these are: the last one, or EarlyStopping's best when it restored them. */
  readonly epoch: number;
  readonly restored_best_weights: boolean;
  readonly initial_weights: readonly StoredLayerWeights[];
}

/** The shortest decimal that reads back as the same float32 as `v`. */
export function float32Text(v: number): string {
  const f = Math.fround(v);
  if (!Number.isFinite(f) || f === 0) return Number.isFinite(f) ? '0' : 'null';
  for (let digits = 1; digits <= 9; digits++) {
    const s = f.toPrecision(digits);
    if (Math.fround(Number(s)) === f) return String(Number(s));
  }
  return String(f);
}

const list = (xs: readonly number[]) => `[${xs.map(float32Text).join(',')}]`;

export function weightsJson(doc: WeightsDocument): string {
  const layers = doc.initial_weights.map((w) => `{"kernel":[${w.kernel.map(list).join(',')}],"bias":${w.bias ? list(w.bias) : 'null'}}`);
  const { initial_weights: _w, ...rest } = doc;
  return `${JSON.stringify(rest).slice(0, -1)},"initial_weights":[\n${layers.join(',\n')}]}\n`;
}

/** Writes the document atomically; returns false (writing nothing) for models over MAX_STORED_PARAMS. */
export function writeWeightsSync(file: string, doc: WeightsDocument): boolean {
  const params = doc.initial_weights.reduce((n, w) => n + w.kernel.reduce((k, row) => k + row.length, 0) + (w.bias?.length ?? 0), 0);
  if (params > MAX_STORED_PARAMS) return false;
  writeFileAtomicSync(file, weightsJson(doc));
  return true;
}
