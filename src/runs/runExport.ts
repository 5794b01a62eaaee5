/**
 * Selected runs' metrics as CSV (one row per run and epoch, a column per history key, the union over the
 * runs; empty where a run has no such key) or as JSON (each run with its experiment, status, summary and
 * epochs). Both are text for the caller to write; fields are quoted per RFC 4180 where needed.
 */
import type { RunData } from './runReader';

function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const displayName = (r: RunData) => r.meta.name ?? r.header.name;

export function runsToCsv(runs: readonly RunData[]): string {
  // learning_rate is the rate each epoch trained with (ReduceLROnPlateau also logs it: the same value).
  const keys = [...new Set(runs.flatMap((r) => r.epochs.flatMap((e) => Object.keys(e.logs))))].filter((k) => k !== 'learning_rate');
  const lines = [['run_id', 'run_name', 'epoch', ...keys, 'learning_rate'].map(csvField).join(',')];
  for (const r of runs) {
    for (const e of r.epochs) lines.push([r.header.id, displayName(r), e.epoch, ...keys.map((k) => e.logs[k]), e.learning_rate ?? e.logs.learning_rate].map(csvField).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

export function runsToJson(runs: readonly RunData[]): string {
  return JSON.stringify(runs.map((r) => ({
    id: r.header.id, name: displayName(r), status: r.status, source: r.header.source, started: r.header.started, ended: r.end?.ended ?? null,
    experiment: r.header.experiment, summary: r.summary, best_epoch: r.end?.best_epoch ?? null, starred: r.meta.starred, note: r.meta.note,
    epochs: r.epochs.map((e) => ({ epoch: e.epoch, ...e.logs, learning_rate: e.learning_rate ?? e.logs.learning_rate ?? null })),
  })), null, 2) + '\n';
}
