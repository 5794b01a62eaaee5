/**
 * What the Runs view lists, without 'vscode': the store's runs filtered (status, starred, a
 * hyperparameter's value), sorted (newest first or by a metric's best value, in the metric's own
 * direction) and grouped (by day or by where they came from), each with the line that describes it.
 * runsView.ts turns this into tree items.
 */
import { metricDirection } from '../../shared/metricDirection';
import { flattenHyperparameters } from '../../runs/runCompare';
import type { RunSummary } from '../../runs/runList';
import type { ShownStatus } from '../../runs/runReader';

export type GroupBy = 'day' | 'source';

export interface RunsFilter {
  readonly statuses: readonly ShownStatus[];
  readonly starredOnly: boolean;
  /** `path=value`: a run matches when a hyperparameter whose path ends with `path` has a value containing `value`. */
  readonly hyperparameter: string | null;
}

export const NO_FILTER: RunsFilter = { statuses: [], starredOnly: false, hyperparameter: null };

/** 'started' (newest first) or a history key, sorted by its best value (lowest loss, highest accuracy first). */
export type RunsSort = string;

export interface RunGroup {
  readonly key: string;
  /** What the group is (a day or a source); the view localizes `label`. */
  readonly label: { readonly kind: 'today' | 'yesterday' | 'day' | 'source'; readonly text: string };
  readonly runs: readonly RunSummary[];
}

function matchesHyperparameter(run: RunSummary, query: string): boolean {
  const eq = query.indexOf('=');
  const path = (eq < 0 ? query : query.slice(0, eq)).trim().toLowerCase();
  const value = eq < 0 ? null : query.slice(eq + 1).trim().toLowerCase();
  for (const [p, v] of flattenHyperparameters(run.experiment)) {
    const key = p.toLowerCase();
    if (!(key === path || key.endsWith(`.${path}`) || key.endsWith(path))) continue;
    if (value === null || v.toLowerCase() === value || v.toLowerCase().includes(value)) return true;
  }
  return false;
}

export function filterRuns(runs: readonly RunSummary[], f: RunsFilter): RunSummary[] {
  return runs.filter((r) =>
    (f.statuses.length === 0 || f.statuses.includes(r.status)) && (!f.starredOnly || r.starred) && (f.hyperparameter === null || matchesHyperparameter(r, f.hyperparameter)));
}

export function sortRuns(runs: readonly RunSummary[], by: RunsSort): RunSummary[] {
  const out = [...runs];
  if (by === 'started') return out.sort((a, b) => b.started.localeCompare(a.started) || b.id.localeCompare(a.id));
  if (by === 'name') return out.sort((a, b) => a.name.localeCompare(b.name));
  const up = metricDirection(by) === 'up';
  const value = (r: RunSummary) => r.summary[by]?.best ?? r.summary[by]?.final ?? null;
  return out.sort((a, b) => {
    const va = value(a), vb = value(b);
    if (va === null || vb === null) return va === null ? (vb === null ? 0 : 1) : -1; // runs without the metric last
    return up ? vb - va : va - vb;
  });
}

/** History keys that some run has, for the sort picker (losses first). */
export function sortableKeys(runs: readonly RunSummary[]): string[] {
  const keys = new Set<string>();
  for (const r of runs) for (const k of Object.keys(r.summary)) if (metricDirection(k) !== null) keys.add(k);
  const rank = (k: string) => (k === 'val_loss' ? 0 : k === 'loss' ? 1 : k.startsWith('val_') ? 2 : 3);
  return [...keys].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

const localDay = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

function sourceText(r: RunSummary): string {
  const s = r.source;
  const base = (f?: string) => (f ? f.split(/[\\/]/).pop() ?? f : '');
  switch (s.kind) {
    case 'code':
      return `${base(s.file)}${s.model ? ` · ${s.model}` : ''}`;
    case 'experiment':
    case 'walkthrough':
    case 'cli':
      return s.file ? `${s.kind}: ${base(s.file)}` : s.kind;
    case 'sweep':
      return `sweep: ${s.study ?? ''}`;
    default:
      return s.kind;
  }
}

/** Groups in the order of the (sorted) runs' first appearance. */
export function groupRuns(runs: readonly RunSummary[], by: GroupBy, now = new Date()): RunGroup[] {
  const today = localDay(now.toISOString());
  const yesterday = localDay(new Date(now.getTime() - 86_400_000).toISOString());
  const groups = new Map<string, { label: RunGroup['label']; runs: RunSummary[] }>();
  for (const r of runs) {
    let key: string, label: RunGroup['label'];
    if (by === 'day') {
      key = localDay(r.started);
      label = key === today ? { kind: 'today', text: key } : key === yesterday ? { kind: 'yesterday', text: key } : { kind: 'day', text: key };
    } else {
      key = sourceText(r);
      label = { kind: 'source', text: key };
    }
    const g = groups.get(key) ?? { label, runs: [] };
    g.runs.push(r);
    groups.set(key, g);
  }
  return [...groups].map(([key, g]) => ({ key, label: g.label, runs: g.runs }));
}

const fmt = (v: number) => (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4 ? v.toFixed(4) : v.toExponential(2));

/** The short line beside a run: its best validation (else training) loss and accuracy, or the sorted metric. */
export function describeRun(r: RunSummary, sort: RunsSort): string {
  const keys = sort !== 'started' && sort !== 'name' ? [sort] : ['val_loss', 'loss', 'val_accuracy', 'accuracy'];
  const parts: string[] = [];
  for (const k of keys) {
    if (parts.length >= 2) break;
    const best = r.summary[k]?.best;
    if (best === undefined || best === null) continue;
    if ((k === 'loss' && parts.some((p) => p.startsWith('val_loss'))) || (k === 'accuracy' && parts.some((p) => p.startsWith('val_accuracy')))) continue;
    parts.push(`${k} ${fmt(best)}`);
  }
  return parts.join(' · ');
}
