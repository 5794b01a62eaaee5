/**
 * Child process of the benchmark runner: trains one workload with HyperLab's engine and prints one
 * BenchResult line. The run is built the way the CLI and the worker build theirs, from an experiment in
 * Keras spelling through loadExperiment (W1 reads MNIST through the engine's own loader, W2 generates the
 * Playground circle); W3's 8192 random rows are too many for inline JSON, so its experiment is built from
 * the first batch inline and then trained on the full Float32Arrays. With --accuracy it trains W1 for five
 * full epochs on the 60k images and reports the test accuracy after each. It never trains TF.js.
 *
 * usage: node out/bench/hyperlabBench.js --workload W1|W2|W3 --kernels wasm|typescript [--accuracy]
 */
import path from 'node:path';
import { type Experiment, loadExperiment } from '../src/engine/experiment/experiment';
import { nodeDataIo } from '../src/engine/experiment/nodeDataIo';
import { runExperiment } from '../src/engine/experiment/runExperiment';
import { type EngineBackend, type KernelChoice, createBackend } from '../src/engine/kernels/engineBackend';
import { argValue, peakRssMb, printResult, timePlan, workloadArg } from './benchResult';
import { CIRCLE_SPEC, SEED, WORKLOADS, type Workload, type WorkloadId, planFor, prefix, randomData } from './workloads';

const ROOT = path.resolve(__dirname, '..', '..'); // out/bench/ -> the project

/** The workload as an experiment file, with the given `data` entry. */
function experimentJson(w: Workload, data: unknown, epochs: number): Record<string, unknown> {
  return {
    seed: SEED,
    model: { input_shape: [w.inputs], layers: w.layers.map((l) => ({ class_name: 'Dense', units: l.units, activation: l.activation })) },
    compile: { optimizer: { class_name: w.optimizer, learning_rate: w.learningRate }, loss: w.loss, metrics: [...w.metrics] },
    fit: { epochs, batch_size: w.batchSize },
    data,
  };
}

/** Rows of a flat matrix as number[][] (for inline experiment data). */
function rows(values: Float32Array | Uint8Array, n: number): number[][] {
  const w = values.length / n;
  return Array.from({ length: n }, (_, r) => Array.from(values.subarray(r * w, (r + 1) * w)));
}

async function buildExperiment(id: WorkloadId, backend: EngineBackend, epochs: number): Promise<Experiment> {
  const w = WORKLOADS[id];
  const runtime = { io: nodeDataIo(ROOT, ROOT), backend };
  if (id === 'W1') return loadExperiment(experimentJson(w, { dataset: 'mnist' }, epochs), runtime);
  if (id === 'W2') return loadExperiment(experimentJson(w, { ...CIRCLE_SPEC }, epochs), runtime);
  const data = randomData(w.trainSamples, w.inputs, 10, SEED);
  const first = prefix(data, w.batchSize);
  const exp = await loadExperiment(experimentJson(w, { x: rows(first.x, first.n), y: rows(first.y, first.n) }, epochs), runtime);
  return { ...exp, train: data };
}

/** Trains `epochs` epochs over the first `samples` samples, without validation or callbacks. */
function trainPrefix(exp: Experiment, samples: number, epochs: number): void {
  const result = runExperiment({ ...exp, train: prefix(exp.train, samples), validation: null, epochs, callbacks: [], earlyStopping: null });
  if (result.stoppedBy !== 'completed') throw new Error(`training stopped: ${result.stoppedBy}`);
}

async function benchmark(id: WorkloadId, kernels: KernelChoice): Promise<void> {
  const backend = createBackend(kernels);
  const exp = await buildExperiment(id, backend, 1);
  const plan = planFor(id, kernels === 'typescript' ? 'hyperlab-typescript' : 'hyperlab-wasm');
  const timing = await timePlan(plan, (samples, epochs) => trainPrefix(exp, samples, epochs));
  printResult({
    workload: id,
    implementation: `HyperLab (${backend.kernels.name})`,
    samplesPerSecond: timing.median,
    repetitions: timing.repetitions,
    samplesPerRep: plan.samples * plan.epochs,
    warmupSamples: plan.warmup.samples * plan.warmup.epochs,
    peakRssMb: peakRssMb(),
    notes: [...exp.notes, `fit() with shuffle, loss and ${WORKLOADS[id].metrics.join(', ') || 'no'} metrics per batch; ${plan.epochs} epoch(s) over ${plan.samples} samples per repetition`],
  });
}

/** W1 for five full epochs on the 60k images, validated on the 10k test images after each epoch. */
async function accuracy(kernels: KernelChoice): Promise<void> {
  const epochs = 5;
  const backend = createBackend(kernels);
  const exp = await buildExperiment('W1', backend, epochs);
  const valAccuracy: number[] = [];
  const t0 = performance.now();
  const result = runExperiment(exp, {
    onEpoch: (e) => {
      const acc = e.logs['val_accuracy'] ?? Number.NaN;
      valAccuracy.push(acc);
      process.stderr.write(`epoch ${e.epoch}: loss ${(e.logs.loss ?? Number.NaN).toFixed(4)} val_accuracy ${acc.toFixed(4)} (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  const rate = (exp.train.n * result.epochsRun) / seconds;
  printResult({
    workload: 'W1',
    implementation: `HyperLab (${backend.kernels.name}) 5 epochs`,
    samplesPerSecond: rate,
    repetitions: [rate],
    samplesPerRep: exp.train.n * result.epochsRun,
    warmupSamples: 0,
    peakRssMb: peakRssMb(),
    notes: [...exp.notes, `${result.epochsRun} epochs in ${seconds.toFixed(1)} s including validation on ${exp.validation?.n ?? 0} test images`],
    valAccuracy,
  });
}

async function main(): Promise<void> {
  const kernels = argValue('kernels', 'wasm');
  if (kernels !== 'wasm' && kernels !== 'typescript' && kernels !== 'auto') throw new Error(`--kernels must be wasm, typescript or auto, got ${kernels}`);
  if (process.argv.includes('--accuracy')) await accuracy(kernels);
  else await benchmark(workloadArg(), kernels);
}

main().catch((e: unknown) => {
  process.stderr.write(`hyperlabBench: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
