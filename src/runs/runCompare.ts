/**
 * What differs between runs, for the comparison table: each experiment flattened to its hyperparameters
 * by Keras path (`compile.optimizer.learning_rate`, `model.layers[0].units`, `data.features`), keeping
 * only the paths whose values are not all equal. Data arrays and weights are not hyperparameters: they
 * count as one value each (their size), so inline data never floods the table.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const NOT_HYPERPARAMETERS = new Set(['data.x', 'data.y', 'initial_weights']);

function isPlain(v: Json): boolean {
  return v === null || typeof v !== 'object';
}

function flatten(path: string, v: Json | undefined, out: Map<string, string>): void {
  if (v === undefined) return;
  if (NOT_HYPERPARAMETERS.has(path)) {
    out.set(path, v === null ? 'null' : Array.isArray(v) ? `${v.length} rows` : 'set');
    return;
  }
  if (Array.isArray(v)) {
    if (v.every(isPlain)) out.set(path, v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ') || '[]');
    else v.forEach((item, i) => flatten(`${path}[${i}]`, item, out));
    return;
  }
  if (v !== null && typeof v === 'object') {
    // A {class_name, ...} object reads as its class name plus its arguments.
    for (const [k, item] of Object.entries(v)) flatten(path ? `${path}.${k}` : k, item, out);
    return;
  }
  out.set(path, typeof v === 'string' ? v : JSON.stringify(v));
}

export interface DifferenceRow {
  readonly path: string;
  /** One per run, in the order given; '—' where the run does not set it. */
  readonly values: readonly string[];
}

/** An experiment's hyperparameters by Keras path, each value as text (`model.layers[0].units` → `3`). */
export function flattenHyperparameters(experiment: unknown): Map<string, string> {
  const out = new Map<string, string>();
  flatten('', JSON.parse(JSON.stringify(experiment ?? null)) as Json, out);
  return out;
}

export function differingHyperparameters(experiments: readonly unknown[]): DifferenceRow[] {
  const flat = experiments.map(flattenHyperparameters);
  const paths = new Set(flat.flatMap((m) => [...m.keys()]));
  const rows: DifferenceRow[] = [];
  for (const path of paths) {
    const values = flat.map((m) => m.get(path) ?? '—');
    if (new Set(values).size > 1) rows.push({ path, values });
  }
  return rows;
}
