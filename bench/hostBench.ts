/**
 * The extension host's side of training, measured: (1) the main thread's event-loop delay (p50/p99/max,
 * perf_hooks.monitorEventLoopDelay) while the real training worker (dist/worker.js) trains W1 on MNIST and
 * streams its batched metrics, with the host-side work of each message done as the extension does it
 * (TrainingRun and PanelFeed, the panel's increments serialized); target p99 under 20 ms. (1b) How fast
 * Pause and Stop take effect under a loaded CPU (controlsBench.ts). (2) How many decision boundaries per
 * second the engine computes for Playground's 2-8-8-1 network (the 100×100 grid); target at least 30.
 * Run by `npm run bench -- --host` (needs `npm run build` for dist/worker.js).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { playgroundGrid } from '../src/engine/datasets/playground';
import { loadExperiment } from '../src/engine/experiment/experiment';
import { nodeDataIo } from '../src/engine/experiment/nodeDataIo';
import { createBackend } from '../src/engine/kernels/engineBackend';
import { predictRows } from '../src/engine/training/predict';
import { controlLatency, reportControls } from './controlsBench';
import { Emitter } from '../src/shared/emitter';
import { PANEL_STRING_KEYS, type PanelStrings } from '../src/shared/protocol/panelProtocol';
import { PanelFeed } from '../src/host/training/panelFeed';
import { TrainingRun, type RunState } from '../src/host/training/trainingRun';
import type { Comparison } from '../src/host/training/trainingService';

const ROOT = process.cwd();
const TRAIN_SECONDS = 12;
const t = (m: string, ...a: (string | number)[]) => m.replace(/\{(\d+)\}/g, (_, i: string) => String(a[Number(i)]));
const W1_EXPERIMENT = {
  seed: 1, model: { input_shape: [784], layers: [{ class_name: 'Dense', units: 512, activation: 'relu' }, { class_name: 'Dense', units: 10, activation: 'softmax' }] },
  compile: { optimizer: 'rmsprop', loss: 'categorical_crossentropy', metrics: ['accuracy'] }, fit: { epochs: 50, batch_size: 128 }, data: { dataset: 'mnist' },
};

async function hostLag(): Promise<{ p50: number; p99: number; max: number; messages: number; steps: number; bytes: number }> {
  // The extension's own host path: TrainingRun (guard, append in place) and PanelFeed (the panel's increments, serialized).
  const run = new TrainingRun({ label: 'W1', experiment: W1_EXPERIMENT, baseDir: ROOT, source: { kind: 'cli' } }, {
    spawnWorker: () => new Worker(path.join(ROOT, 'dist', 'worker.js')),
    extensionRoot: ROOT, readRoots: () => null, t, log: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  const runs = new Emitter<RunState | null>(), comparisons = new Emitter<Comparison>();
  let messages = 0, bytes = 0;
  const feed = new PanelFeed({ get state() { return run.state; }, compared: { ids: [], chosen: false }, liveExperiment: W1_EXPERIMENT, onDidChangeRun: runs.event, onDidChangeComparison: comparisons.event }, {
    post: (m) => void (bytes += JSON.stringify(m).length), t, strings: () => Object.fromEntries(PANEL_STRING_KEYS.map((k) => [k, k])) as PanelStrings, locale: () => 'en',
    readRun: () => Promise.resolve(null), log: { error: () => undefined },
  });
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let measuring = false;
  run.onDidChange((s) => {
    messages++;
    if (s.status === 'running' && !measuring) {
      measuring = true;
      histogram.enable();
    }
    runs.fire(s);
  });
  await feed.sendSnapshot();
  run.start();
  const timer = setTimeout(() => run.stop(), TRAIN_SECONDS * 1000);
  await new Promise<void>((resolve) => run.onDidChange((s) => { if (s.status === 'stopped' || s.status === 'finished' || s.status === 'failed') resolve(); }));
  clearTimeout(timer);
  histogram.disable();
  const steps = run.workerSteps;
  feed.dispose();
  run.dispose();
  const ms = (ns: number) => ns / 1e6;
  return { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), messages, steps, bytes };
}

async function boundaryRate(): Promise<number> {
  const exp = await loadExperiment({
    seed: 1, model: { input_shape: [2], layers: [{ class_name: 'Dense', units: 8, activation: 'tanh' }, { class_name: 'Dense', units: 8, activation: 'tanh' }, { class_name: 'Dense', units: 1, activation: 'sigmoid' }] },
    compile: { optimizer: { class_name: 'SGD', learning_rate: 0.03 }, loss: 'binary_crossentropy' }, fit: { epochs: 1, batch_size: 10 }, data: { dataset: 'circle' },
  }, { io: nodeDataIo(ROOT, ROOT), backend: createBackend('auto') });
  const grid = playgroundGrid(['x1', 'x2'], 100);
  for (let i = 0; i < 20; i++) predictRows(exp.compiled.model, grid, 10_000, exp.buffers); // warm-up
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < 2000) {
    predictRows(exp.compiled.model, grid, 10_000, exp.buffers);
    n++;
  }
  return n / ((performance.now() - t0) / 1000);
}

async function main(): Promise<void> {
  const lag = await hostLag();
  console.log(`Host event-loop delay while W1 trains in the worker (${TRAIN_SECONDS} s, ${lag.steps} steps in ${lag.messages} updates, ${(lag.bytes / 1024).toFixed(0)} KB to the panel): p50 ${lag.p50.toFixed(2)} ms, p99 ${lag.p99.toFixed(2)} ms, max ${lag.max.toFixed(2)} ms`);
  console.log(`TARGET host event-loop p99 < 20 ms: ${lag.p99.toFixed(2)} ms -> ${lag.p99 < 20 ? 'PASS' : 'FAIL'}`);
  reportControls(await controlLatency(30));
  const rate = await boundaryRate();
  console.log(`Decision boundaries computed per second (2-8-8-1, 100×100 grid): ${rate.toFixed(0)}`);
  console.log(`TARGET boundary redraw rate >= 30/s: ${rate.toFixed(0)}/s -> ${rate >= 30 ? 'PASS' : 'FAIL'}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
