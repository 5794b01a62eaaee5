/**
 * The extension host's side of training, measured: (1) the main thread's event-loop delay (p50/p99/max,
 * perf_hooks.monitorEventLoopDelay) while the real training worker (dist/worker.js) trains W1 on MNIST and
 * streams its batched metrics, with the host-side work of each message done as the extension does it
 * (guard, append, build the panel's view); target p99 under 20 ms. (2) How many decision boundaries per
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
import { CONTROL_BYTES, CONTROL_SLOTS, CONTROL_STOP, type EpochRecord, isWorkerToHost } from '../src/shared/protocol/workerProtocol';

const ROOT = process.cwd();
const TRAIN_SECONDS = 12;

async function hostLag(): Promise<{ p50: number; p99: number; max: number; messages: number; steps: number }> {
  const worker = new Worker(path.join(ROOT, 'dist', 'worker.js'));
  const control = new Int32Array(new SharedArrayBuffer(CONTROL_BYTES), 0, CONTROL_SLOTS);
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let messages = 0, steps = 0;
  let epochs: EpochRecord[] = [];
  const done = new Promise<void>((resolve, reject) => {
    worker.on('message', (raw: unknown) => {
      if (!isWorkerToHost(raw)) return reject(new Error('malformed worker message'));
      messages++;
      if (raw.type === 'didStart') histogram.enable();
      if (raw.type === 'didReceiveMetrics') {
        steps += raw.steps.length;
        epochs = [...epochs, ...raw.epochs];
        // What the panel's view costs the host per message (trainingRun + runView).
        JSON.stringify(epochs.map((e) => ({ epoch: e.epoch, loss: e.logs.loss ?? null, val_loss: e.logs.val_loss ?? null })));
      }
      if (raw.type === 'didFinishTraining' || raw.type === 'didFailTraining') resolve();
    });
    worker.on('error', reject);
  });
  worker.postMessage({
    type: 'startTraining', baseDir: ROOT, extensionRoot: ROOT, kernels: 'auto', control: control.buffer,
    experiment: {
      seed: 1, model: { input_shape: [784], layers: [{ class_name: 'Dense', units: 512, activation: 'relu' }, { class_name: 'Dense', units: 10, activation: 'softmax' }] },
      compile: { optimizer: 'rmsprop', loss: 'categorical_crossentropy', metrics: ['accuracy'] }, fit: { epochs: 50, batch_size: 128 }, data: { dataset: 'mnist' },
    },
  });
  setTimeout(() => { Atomics.store(control, CONTROL_STOP, 1); }, TRAIN_SECONDS * 1000);
  await done;
  histogram.disable();
  await worker.terminate();
  const ms = (ns: number) => ns / 1e6;
  return { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), messages, steps };
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
  console.log(`Host event-loop delay while W1 trains in the worker (${TRAIN_SECONDS} s, ${lag.steps} steps in ${lag.messages} messages): p50 ${lag.p50.toFixed(2)} ms, p99 ${lag.p99.toFixed(2)} ms, max ${lag.max.toFixed(2)} ms`);
  console.log(`TARGET host event-loop p99 < 20 ms: ${lag.p99.toFixed(2)} ms -> ${lag.p99 < 20 ? 'PASS' : 'FAIL'}`);
  const rate = await boundaryRate();
  console.log(`Decision boundaries computed per second (2-8-8-1, 100×100 grid): ${rate.toFixed(0)}`);
  console.log(`TARGET boundary redraw rate >= 30/s: ${rate.toFixed(0)}/s -> ${rate >= 30 ? 'PASS' : 'FAIL'}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
