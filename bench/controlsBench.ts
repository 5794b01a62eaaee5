/**
 * How fast Pause and Stop take effect, measured through the extension's own TrainingRun and the real
 * training worker (dist/worker.js) while a second thread keeps every core busy (users train on loaded
 * machines): from the click (run.pause(), run.stop()) to the worker's report that it has paused or
 * ended, in milliseconds and in batches trained after the click (the worker's step counter in shared
 * memory). The worker reads a shared flag before every batch, so both should stay within one batch.
 * Part of `npm run bench -- --host`.
 */
import * as os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { TrainingRun } from '../src/host/training/trainingRun';
import type { RunState } from '../src/host/training/trainingRun';

const ROOT = process.cwd();
const t = (m: string, ...a: (string | number)[]) => m.replace(/\{(\d+)\}/g, (_, i: string) => String(a[Number(i)]));

const experiment = {
  seed: 1, model: { input_shape: [2], layers: [{ class_name: 'Dense', units: 8, activation: 'tanh' }, { class_name: 'Dense', units: 8, activation: 'tanh' }, { class_name: 'Dense', units: 1, activation: 'sigmoid' }] },
  compile: { optimizer: { class_name: 'SGD', learning_rate: 0.03 }, loss: 'binary_crossentropy' }, fit: { epochs: 100_000, batch_size: 1 }, data: { dataset: 'circle' },
};

function newRun(): TrainingRun {
  return new TrainingRun({ label: 'bench', experiment, baseDir: ROOT, source: { kind: 'sidebar' } }, {
    spawnWorker: () => new Worker(path.join(ROOT, 'dist', 'worker.js')),
    extensionRoot: ROOT, readRoots: () => null, t, log: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });
}

const until = (run: TrainingRun, pred: (s: RunState) => boolean): Promise<RunState> =>
  new Promise((resolve) => {
    if (pred(run.state)) return resolve(run.state);
    const sub = run.onDidChange((s) => {
      if (pred(s)) {
        sub.dispose();
        resolve(s);
      }
    });
  });

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/** Polls the worker's step counter (shared memory) until it has not moved for `quietMs`; the time of its last move. */
function lastMove(run: TrainingRun, quietMs: number): Promise<number> {
  return new Promise((resolve) => {
    let seen = run.workerSteps, movedAt = performance.now();
    const timer = setInterval(() => {
      const now = run.workerSteps;
      if (now !== seen) {
        seen = now;
        movedAt = performance.now();
      } else if (performance.now() - movedAt > quietMs) {
        clearInterval(timer);
        resolve(movedAt);
      }
    }, 1);
  });
}

/** Busy threads, one per core, for the length of the measurement. */
function loadCpu(): Worker[] {
  return Array.from({ length: os.availableParallelism() }, () => new Worker('const end = Date.now() + 600000; while (Date.now() < end) {}', { eval: true }));
}

export async function controlLatency(rounds: number): Promise<{ pause: number[]; pauseBatches: number[]; stop: number[]; stopBatches: number[] }> {
  const hogs = loadCpu();
  const out = { pause: [] as number[], pauseBatches: [] as number[], stop: [] as number[], stopBatches: [] as number[] };
  try {
    const run = newRun();
    run.start();
    await until(run, (s) => s.epochs.length >= 1);
    for (let i = 0; i < rounds; i++) {
      await new Promise((r) => setTimeout(r, 100 + ((i * 37) % 200)));
      const clickedAt = performance.now();
      run.pause();
      // Counted from the flag's store: read before it, a host thread preempted between the two lines (the
      // CPU is loaded on purpose) charged the worker with a batch it trained before the click.
      const before = run.workerSteps;
      // A paused worker blocks before its next batch: its step counter stops moving.
      const movedAt = await lastMove(run, 300);
      out.pause.push(Math.max(0, movedAt - clickedAt));
      out.pauseBatches.push(run.workerSteps - before);
      run.resume();
    }
    run.dispose();
    for (let i = 0; i < Math.min(rounds, 10); i++) {
      const r = newRun();
      r.start();
      await until(r, (s) => s.epochs.length >= 1);
      await new Promise((res) => setTimeout(res, 50 + i * 20));
      const clickedAt = performance.now();
      r.stop();
      const before = r.workerSteps;
      // Stop is done when the host has the worker's report (what the panel and status bar then show).
      await until(r, (s) => s.status === 'stopped' || s.status === 'finished' || s.status === 'failed');
      out.stop.push(performance.now() - clickedAt);
      out.stopBatches.push(r.workerSteps - before);
      r.dispose();
    }
  } finally {
    await Promise.all(hogs.map((h) => h.terminate()));
  }
  return out;
}

export function reportControls(r: Awaited<ReturnType<typeof controlLatency>>): void {
  const line = (name: string, ms: number[], batches: number[]) =>
    `${name}: p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms; batches trained after the click p50 ${percentile(batches, 50)}, max ${Math.max(...batches)} (${ms.length} clicks)`;
  console.log(`Controls under a loaded CPU (${os.availableParallelism()} busy threads):`);
  console.log(`  ${line('Pause', r.pause, r.pauseBatches)}`);
  console.log(`  ${line('Stop', r.stop, r.stopBatches)}`);
}
