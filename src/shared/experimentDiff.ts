/**
 * What changed between two experiments (two runs' hyperparameters), as short readable lines:
 * "compile.optimizer.learning_rate: 0.001 → 0.01", "model.layers[0].units: 8 → 16", "fit.epochs added: 20".
 * The training panel names these under the previous run's ghost curves. Pure data; no I/O.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function show(v: Json): string {
  const s = JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

function walk(path: string, a: Json | undefined, b: Json | undefined, out: string[]): void {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  if (a === undefined) return void out.push(`${path} added: ${show(b!)}`);
  if (b === undefined) return void out.push(`${path} removed (was ${show(a)})`);
  const isObj = (v: Json): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObj(a) && isObj(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) walk(path ? `${path}.${key}` : key, a[key], b[key], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((item, i) => walk(`${path}[${i}]`, item, b[i], out));
    return;
  }
  out.push(`${path}: ${show(a)} → ${show(b)}`);
}

/** The differences from `before` to `after`, at most `limit` lines (the rest counted in a last line). */
export function experimentDiff(before: unknown, after: unknown, limit = 8): string[] {
  const out: string[] = [];
  walk('', JSON.parse(JSON.stringify(before ?? null)) as Json, JSON.parse(JSON.stringify(after ?? null)) as Json, out);
  if (out.length <= limit) return out;
  return [...out.slice(0, limit), `and ${out.length - limit} more changes`];
}
