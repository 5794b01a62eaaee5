/**
 * Child process of the benchmark runner: trains one workload with TensorFlow.js 4.22 (tf.sequential, the
 * same layers, Keras-default optimizer arguments, batch size and data as HyperLab) on the 'cpu' or 'wasm'
 * backend and prints one BenchResult line. Two training drivers: `fit` is model.fit (shuffle, loss and
 * metrics per batch, as Keras users call it); `step` is a hand-written loop of optimizer.minimize on
 * gathered batches that only reads the loss back, so fit's per-batch bookkeeping is not charged to
 * TF.js. For wasm it reports which binary the backend picked (SIMD, threads). It never runs HyperLab.
 *
 * usage: node out/bench/tfjsBench.js --workload W1|W2|W3 --backend cpu|wasm --mode fit|step
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import path from 'node:path';
import { Rng } from '../src/engine/rng';
import { argValue, peakRssMb, printResult, timePlan, workloadArg } from './benchResult';
import { SEED, WORKLOADS, type Workload, type WorkloadId, loadWorkloadData, planFor, prefix } from './workloads';

const ROOT = path.resolve(__dirname, '..', '..');

function optimizerFor(w: Workload): tf.Optimizer {
  // Keras defaults: RMSprop rho 0.9, momentum 0, epsilon 1e-7; Adam beta_1 0.9, beta_2 0.999, epsilon 1e-7.
  if (w.optimizer === 'RMSprop') return tf.train.rmsprop(w.learningRate, 0.9, 0, 1e-7, false);
  if (w.optimizer === 'Adam') return tf.train.adam(w.learningRate, 0.9, 0.999, 1e-7);
  return tf.train.sgd(w.learningRate);
}

function buildModel(w: Workload): tf.Sequential {
  const model = tf.sequential();
  w.layers.forEach((l, i) => {
    model.add(tf.layers.dense({
      units: l.units, activation: l.activation,
      kernelInitializer: tf.initializers.glorotUniform({ seed: SEED + i }),
      ...(i === 0 ? { inputShape: [w.inputs] } : {}),
    }));
  });
  return model;
}

function lossFn(w: Workload): (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor {
  return w.loss === 'binary_crossentropy' ? tf.metrics.binaryCrossentropy : tf.metrics.categoricalCrossentropy;
}

/** Picks the backend; for wasm, the .wasm files come from the package's dist folder on disk. */
async function useBackend(name: string): Promise<string[]> {
  if (name === 'wasm') {
    const dist = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json', { paths: [ROOT] })), 'dist');
    setWasmPaths(`${dist}${path.sep}`);
  }
  if (!(await tf.setBackend(name))) throw new Error(`TF.js backend ${name} failed to initialize`);
  await tf.ready();
  if (name !== 'wasm') return ['TF.js cpu backend: plain JavaScript kernels'];
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  // backend_wasm.js getPathToWasmBinary: threads+simd, else simd, else the plain binary.
  const binary = threads && simd ? 'tfjs-backend-wasm-threaded-simd.wasm' : simd ? 'tfjs-backend-wasm-simd.wasm' : 'tfjs-backend-wasm.wasm';
  return [`TF.js wasm binary: ${binary} (WASM_HAS_SIMD_SUPPORT=${String(simd)}, WASM_HAS_MULTITHREAD_SUPPORT=${String(threads)})`];
}

/** Training with model.fit on the first `samples` rows (tensors made once per size, outside the timing). */
function fitTrainer(w: Workload, model: tf.Sequential, xs: tf.Tensor2D, ys: tf.Tensor2D) {
  model.compile({ optimizer: optimizerFor(w), loss: w.loss === 'binary_crossentropy' ? 'binaryCrossentropy' : 'categoricalCrossentropy', metrics: [...w.metrics] });
  const slices = new Map<number, [tf.Tensor2D, tf.Tensor2D]>();
  const slice = (n: number): [tf.Tensor2D, tf.Tensor2D] => {
    let s = slices.get(n);
    if (!s) slices.set(n, s = [xs.slice([0, 0], [n, -1]), ys.slice([0, 0], [n, -1])]);
    return s;
  };
  return {
    prepare: (n: number) => void slice(n),
    train: async (samples: number, epochs: number) => {
      const [x, y] = slice(samples);
      const h = await model.fit(x, y, { batchSize: w.batchSize, epochs, shuffle: true, verbose: 0 });
      const last = h.history['loss']?.at(-1);
      if (typeof last !== 'number' || !Number.isFinite(last)) throw new Error(`TF.js fit: loss ${String(last)}`);
    },
  };
}

/** A plain training loop: shuffle (seeded), gather each batch, optimizer.minimize, read the loss. */
function stepTrainer(w: Workload, model: tf.Sequential, xs: tf.Tensor2D, ys: tf.Tensor2D) {
  const optimizer = optimizerFor(w), loss = lossFn(w), rng = new Rng(SEED);
  return {
    prepare: (_n: number) => undefined,
    train: (samples: number, epochs: number) => {
      const order = Int32Array.from({ length: samples }, (_, i) => i);
      for (let e = 0; e < epochs; e++) {
        rng.shuffle(order);
        for (let from = 0; from < samples; from += w.batchSize) {
          const value = tf.tidy(() => {
            const idx = tf.tensor1d(order.subarray(from, Math.min(from + w.batchSize, samples)), 'int32');
            const xb = tf.gather(xs, idx), yb = tf.gather(ys, idx);
            const cost = optimizer.minimize(() => tf.mean<tf.Scalar>(loss(yb, model.apply(xb, { training: true }) as tf.Tensor)), true);
            return cost ? cost.dataSync()[0] : Number.NaN;
          });
          if (value === undefined || !Number.isFinite(value)) throw new Error(`TF.js step: loss ${String(value)}`);
        }
      }
    },
  };
}

async function main(): Promise<void> {
  const id: WorkloadId = workloadArg();
  const backend = argValue('backend', 'wasm'), mode = argValue('mode', 'fit');
  if (backend !== 'cpu' && backend !== 'wasm') throw new Error(`--backend must be cpu or wasm, got ${backend}`);
  if (mode !== 'fit' && mode !== 'step') throw new Error(`--mode must be fit or step, got ${mode}`);
  const notes = await useBackend(backend);
  const w = WORKLOADS[id];
  const plan = planFor(id, backend === 'wasm' ? 'tfjs-wasm' : 'tfjs-cpu');
  const data = await loadWorkloadData(id, path.join(ROOT, 'media', 'mnist'));
  const used = prefix(data.train, Math.max(plan.samples, plan.warmup.samples));
  const xs = tf.tensor2d(used.x, [used.n, w.inputs]), ys = tf.tensor2d(used.y, [used.n, used.y.length / used.n]);
  const model = buildModel(w);
  const trainer = mode === 'fit' ? fitTrainer(w, model, xs, ys) : stepTrainer(w, model, xs, ys);
  trainer.prepare(plan.samples);
  const timing = await timePlan(plan, trainer.train);
  printResult({
    workload: id,
    implementation: `TF.js ${backend} (${mode === 'fit' ? 'model.fit' : 'minimize loop'})`,
    samplesPerSecond: timing.median,
    repetitions: timing.repetitions,
    samplesPerRep: plan.samples * plan.epochs,
    warmupSamples: plan.warmup.samples * plan.warmup.epochs,
    peakRssMb: peakRssMb(),
    notes: [...notes, data.note, mode === 'fit'
      ? `model.fit with shuffle, loss and ${w.metrics.join(', ') || 'no'} metrics per batch`
      : 'optimizer.minimize per batch, loss read back, no metrics',
    `${plan.epochs} epoch(s) over ${plan.samples} samples per repetition, ${plan.reps} repetition(s)`],
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`tfjsBench: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
