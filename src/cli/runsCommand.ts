/**
 * `hyperlab runs [--runs-dir DIR] [--json]`: lists the runs of a run store (default `.hyperlab/runs`
 * under the current folder), newest first: id, name, status (a run whose writer died mid-run shows as
 * interrupted, with the epochs it recorded), epochs and best metrics. --json prints one object per run
 * and line.
 */
import { echo } from '../shared/echo';
import path from 'node:path';
import { listRuns, type RunSummary } from '../runs/runList';
import type { Output } from './trainCommand';

export const RUNS_USAGE = 'hyperlab runs [--runs-dir DIR] [--json]';
export const DEFAULT_RUNS_DIR = path.join('.hyperlab', 'runs');

export interface RunsArgs {
  readonly runsDir: string;
  readonly json: boolean;
}

export function parseRunsArgs(argv: readonly string[]): RunsArgs | string {
  let runsDir = DEFAULT_RUNS_DIR, json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--runs-dir') {
      const next = argv[++i];
      if (!next) return '--runs-dir needs a folder';
      runsDir = next;
    } else if (a.startsWith('-')) return `unknown option ${echo(a)}`;
    else return `unexpected argument ${echo(a)}`;
  }
  return { runsDir, json };
}

/** The best value of each history key (and its epoch), for a line of the listing. */
function bestMetrics(run: RunSummary): Record<string, number | null> {
  return Object.fromEntries(Object.entries(run.summary).filter(([, s]) => s.best !== null).map(([k, s]) => [k, s.best]));
}

const short = (v: number | null | undefined) => (v === null || v === undefined ? '-' : Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4 ? v.toFixed(4) : v.toExponential(2));

export async function runs(args: RunsArgs, io: Output): Promise<number> {
  const list = await listRuns(path.resolve(args.runsDir));
  if (args.json) {
    for (const r of list) {
      io.out(JSON.stringify({
        id: r.id, name: r.name, status: r.status, reason: r.reason, source: r.source, started: r.started, ended: r.ended, epochs: r.epochs,
        best_epoch: r.bestEpoch, best: bestMetrics(r), final: Object.fromEntries(Object.entries(r.summary).map(([k, s]) => [k, s.final])), starred: r.starred, note: r.note,
      }));
    }
    return 0;
  }
  if (list.length === 0) {
    io.out(`no runs in ${path.resolve(args.runsDir)}`);
    return 0;
  }
  const rows = list.map((r) => [r.id, r.status, String(r.epochs), short(r.summary.loss?.best), short(r.summary.val_loss?.best), short((r.summary.val_accuracy ?? r.summary.accuracy)?.best), `${r.starred ? '★ ' : ''}${r.name}`]);
  const head = ['id', 'status', 'epochs', 'best loss', 'best val_loss', 'best acc', 'name'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  io.out(line(head));
  for (const r of rows) io.out(line(r));
  return 0;
}
