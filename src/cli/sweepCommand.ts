/**
 * `hyperlab sweep SWEEP.json [--workers N] [--json] [--storage PATH] [--study NAME] [--max-trials N]
 * [--runs-dir DIR] [--kernels K]`: runs a sweep file's trials in parallel worker threads, stores the
 * study as an Optuna journal (default .hyperlab/sweeps/NAME.optuna.log) and every trial as a run
 * (default .hyperlab/runs). Running it again on the same storage resumes the study, counting the
 * trials already there toward max_trials, whoever ran them. --json prints one JSON object per line:
 * start, trial, pruned, failed, end. Ctrl+C stops the running trials and ends the sweep.
 */
import { echo } from '../shared/echo';
import { randomInt } from 'node:crypto';
import path from 'node:path';
import { KERNEL_CHOICES, type KernelChoice } from '../engine/kernels/engineBackend';
import { processAlive } from '../sweeps/processAlive';
import { SweepController } from '../sweeps/sweepController';
import type { SweepEvent } from '../sweeps/sweepEvents';
import { loadSweepFile } from '../sweeps/sweepFile';
import { planSweep } from '../sweeps/sweepPlan';
import { runStoreRecorder } from '../sweeps/trialRecording';
import { WorkerTrialRunner, defaultWorkers } from '../sweeps/trialPool';
import { DEFAULT_RUNS_DIR } from './runsCommand';
import type { Output } from './trainCommand';

export const SWEEP_USAGE = 'hyperlab sweep SWEEP.json [--workers N] [--json] [--storage PATH] [--study NAME] [--max-trials N] [--runs-dir DIR] [--kernels auto|wasm|typescript]';

export interface SweepArgs {
  readonly file: string;
  readonly workers: number | null;
  readonly json: boolean;
  readonly storage: string | null;
  readonly study: string | null;
  readonly maxTrials: number | null;
  readonly runsDir: string;
  readonly kernels: KernelChoice;
}

function positiveInt(v: string | undefined): number | null {
  return v !== undefined && /^\d+$/.test(v) && Number(v) >= 1 ? Number(v) : null;
}

export function parseSweepArgs(argv: readonly string[]): SweepArgs | string {
  let file: string | null = null, workers: number | null = null, json = false, storage: string | null = null, study: string | null = null;
  let maxTrials: number | null = null, runsDir = DEFAULT_RUNS_DIR, kernels: KernelChoice = 'auto';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string | undefined => argv[++i];
    if (a === '--json') json = true;
    else if (a === '--workers') { workers = positiveInt(value()); if (workers === null) return '--workers takes a whole number >= 1'; }
    else if (a === '--max-trials') { maxTrials = positiveInt(value()); if (maxTrials === null) return '--max-trials takes a whole number >= 1'; }
    else if (a === '--storage') { storage = value() ?? null; if (!storage) return '--storage needs a journal file path'; }
    else if (a === '--study') { study = value() ?? null; if (!study) return '--study needs a study name'; }
    else if (a === '--runs-dir') { const v = value(); if (!v) return '--runs-dir needs a folder'; runsDir = v; }
    else if (a === '--kernels') { const v = value() as KernelChoice | undefined; if (!v || !KERNEL_CHOICES.includes(v)) return `--kernels takes one of ${KERNEL_CHOICES.join(', ')}`; kernels = v; }
    else if (a.startsWith('-')) return `unknown option ${echo(a)}`;
    else if (file === null) file = a;
    else return `unexpected argument ${echo(a)}`;
  }
  if (file === null) return 'missing the sweep file';
  return { file, workers, json, storage, study, maxTrials, runsDir, kernels };
}

const fmt = (v: number | null): string => (v === null ? 'n/a' : Number(v.toPrecision(6)).toString());
const paramsText = (p: Readonly<Record<string, unknown>>): string => Object.entries(p).map(([k, v]) => `${k}=${typeof v === 'number' ? fmt(v) : String(v)}`).join(', ');

/** The JSON line of an event ({"event": "trial" | "pruned" | "failed" | "start" | "end", ...}), or null for none. */
export function jsonLine(e: SweepEvent): object | null {
  switch (e.type) {
    case 'started': return { event: 'start', study: e.study, storage: e.storage, resumed: e.resumed, existing_trials: e.existingTrials, interrupted: e.interrupted, max_trials: e.maxTrials, workers: e.workers, seed: e.seed };
    case 'trialEnded':
      if (e.state === 'complete') return { event: 'trial', number: e.number, state: 'complete', value: e.value, params: e.params, epochs: e.epochs, run: e.runId };
      if (e.state === 'pruned') return { event: 'pruned', number: e.number, step: e.epochs - 1, value: e.value, params: e.params, epochs: e.epochs, run: e.runId };
      return { event: 'failed', number: e.number, reason: e.reason, params: e.params, epochs: e.epochs, run: e.runId };
    case 'ended': return { event: 'end', state: e.state, best: e.best && { number: e.best.number, value: e.best.value, params: e.best.params, run: e.best.runId }, trials: e.trials, ...(e.error ? { error: e.error } : {}) };
    default: return null;
  }
}

function textLine(e: SweepEvent, metric: string): string | null {
  switch (e.type) {
    case 'started': return `${e.resumed ? 'resuming' : 'starting'} study ${e.study} in ${e.storage}: ${e.existingTrials} trials there, up to ${e.maxTrials}, ${e.workers} worker${e.workers === 1 ? '' : 's'}, seed ${e.seed}${e.interrupted ? `; ${e.interrupted} interrupted trials marked failed` : ''}`;
    case 'trialEnded':
      if (e.state === 'complete') return `trial ${e.number} complete: ${metric} ${fmt(e.value)} after ${e.epochs} epochs (${paramsText(e.params)})`;
      if (e.state === 'pruned') return `trial ${e.number} pruned at epoch ${e.epochs}: ${metric} ${fmt(e.value)} (${paramsText(e.params)})`;
      return `trial ${e.number} failed: ${e.reason} (${paramsText(e.params)})`;
    case 'studyChanged': return `the study now has ${e.trials} trials (another worker added some)`;
    case 'ended': return e.error ? `sweep failed: ${e.error}` : `${e.state === 'cancelled' ? 'sweep stopped' : 'sweep finished'}: ${e.trials} trials; ${e.best ? `best trial ${e.best.number}: ${metric} ${fmt(e.best.value)} (${paramsText(e.best.params)})${e.best.runId ? `, run ${e.best.runId}` : ''}` : 'no trial completed'}`;
    default: return null;
  }
}

export async function sweep(args: SweepArgs, io: Output, extensionRoot: string, cwd = process.cwd()): Promise<number> {
  const sf = loadSweepFile(args.file, cwd);
  const def = sf.definition;
  const study = args.study ?? def.name;
  const storage = args.storage ? path.resolve(cwd, args.storage) : args.study ? path.join(path.dirname(sf.storage), `${args.study}.optuna.log`) : sf.storage;
  if (!args.json) {
    const plan = planSweep(def, args.maxTrials ?? def.maxTrials);
    io.out(`${def.method} sweep of ${def.parameters.length} parameter${def.parameters.length === 1 ? '' : 's'}, ${def.metric.goal} ${def.metric.name}: up to ${plan.trials} trials × ${plan.epochsPerTrial} epochs = ${plan.maxEpochs} epochs${plan.expectedEpochs < plan.maxEpochs ? `, about ${plan.expectedEpochs} with ${def.earlyTerminate!.type} pruning${plan.brackets ? ` (${plan.brackets} brackets)` : ''}` : ''}`);
  }
  const controller = new SweepController(
    { definition: def, storage, study, workers: args.workers, ...(args.maxTrials ? { maxTrials: args.maxTrials } : {}), baseDir: sf.baseDir, sweepFile: sf.file },
    {
      runner: (n) => new WorkerTrialRunner(n, extensionRoot, args.kernels),
      recorder: runStoreRecorder(path.resolve(cwd, args.runsDir)),
      defaultWorkers, randomSeed: () => randomInt(0, 2 ** 32 - 1), processAlive,
    },
  );
  controller.onEvent((e) => {
    const line = args.json ? jsonLine(e) : textLine(e, def.metric.name);
    if (line !== null) io.out(typeof line === 'string' ? line : JSON.stringify(line));
  });
  const onSigint = () => controller.cancel();
  process.once('SIGINT', onSigint);
  try {
    const end = await controller.run();
    if (end.error) io.err(`hyperlab sweep: ${end.error}`);
    return end.error ? 1 : 0;
  } finally {
    process.off('SIGINT', onSigint);
  }
}
