/**
 * TensorFlow Playground's data pipeline (tensorflow/playground `src/playground.ts` generateData and
 * INPUTS, commit bf5e6fc): generate the 2-D points, shuffle them with the seeded Rng, split at
 * floor(n · train_ratio) into train and test (the test part is our validation data), and build the
 * requested feature columns from (x1, x2). Every spec field is validated with a ConfigError.
 * The generators themselves live in playgroundGenerators.ts; nothing here draws points.
 */
import { msg } from '../../shared/message';
import { ConfigError, lookup } from '../configError';
import type { Rng } from '../rng';
import { createDataset, type Dataset, type DatasetSplit } from './dataset';
import { PLAYGROUND_DATASETS, type Point2D, type PlaygroundDatasetInfo } from './playgroundGenerators';

/** The settings of a Playground dataset, in Keras-style snake_case like the rest of a run config. */
export interface PlaygroundSpec {
  /** circle | xor | gauss | spiral | reg-plane | reg-gauss (Playground's URL keys). */
  readonly dataset: string;
  /** Points to generate; default 500 for classification, 1200 for regression. */
  readonly samples?: number;
  /** 0..0.5 (Playground's noise slider divided by 100); default 0. */
  readonly noise?: number;
  /** Fraction used for training, 0.1..0.9 (Playground's "ratio of training to test data"); default 0.5. */
  readonly train_ratio?: number;
  /** Feature columns in this order; default ['x1', 'x2']. */
  readonly features?: readonly string[];
}

export interface PlaygroundSplit extends DatasetSplit {
  readonly validation: Dataset;
  /** The same examples as points in the plane, row for row, for the decision-boundary plot. */
  readonly points: { readonly train: readonly Point2D[]; readonly validation: readonly Point2D[] };
}

type FeatureFn = (x1: number, x2: number) => number;

/** Playground's INPUTS (x, y, xSquared, ySquared, xTimesY, sinX, sinY) under HyperLab's names. */
export const PLAYGROUND_FEATURES: ReadonlyMap<string, FeatureFn> = new Map<string, FeatureFn>([
  ['x1', (x1) => x1],
  ['x2', (_x1, x2) => x2],
  ['x1^2', (x1) => x1 * x1],
  ['x2^2', (_x1, x2) => x2 * x2],
  ['x1*x2', (x1, x2) => x1 * x2],
  ['sin(x1)', (x1) => Math.sin(x1)],
  ['sin(x2)', (_x1, x2) => Math.sin(x2)],
]);

export const DEFAULT_PLAYGROUND_FEATURES: readonly string[] = ['x1', 'x2'];
const DEFAULT_NOISE = 0;
const DEFAULT_TRAIN_RATIO = 0.5;
const MIN_SAMPLES = 10;
const MAX_SAMPLES = 100_000;

/** Generates, shuffles, splits and featurizes a Playground dataset. Throws ConfigError on a bad spec. */
export function playgroundDataset(spec: PlaygroundSpec, rng: Rng): PlaygroundSplit {
  const { info, name, samples, noise, trainRatio, features } = validateSpec(spec);
  const generated = info.generate(samples, noise, rng);
  // Playground's shuffle() is Fisher-Yates over the same seeded stream that generated the points.
  const order = rng.shuffle(Array.from(generated, (_p, i) => i));
  const shuffled = order.map((i) => generated[i]!);
  // Playground: floor(length * percTrainData / 100) with an integer percentage. Rounding the ratio to
  // 1e-6 first keeps e.g. 0.29 * 100 (= 28.999...) from losing a row to floating point.
  const splitIndex = Math.floor((shuffled.length * Math.round(trainRatio * 1e6)) / 1e6);
  const trainPoints = shuffled.slice(0, splitIndex);
  const validationPoints = shuffled.slice(splitIndex);
  return {
    train: pointsToDataset(trainPoints, features, info.task),
    validation: pointsToDataset(validationPoints, features, info.task),
    points: { train: trainPoints, validation: validationPoints },
    note: `${name}: ${trainPoints.length} training and ${validationPoints.length} validation points (noise ${noise}, train_ratio ${trainRatio})`,
  };
}

/** One feature row for the point (x1, x2), written into `out` at `offset`. */
export function featureRow(x1: number, x2: number, features: readonly string[], out = new Float32Array(features.length), offset = 0): Float32Array {
  for (let f = 0; f < features.length; f++) {
    const fn = PLAYGROUND_FEATURES.get(features[f]!);
    if (fn === undefined) throw new ConfigError(`features[${f}]`, features[f], msg('one of {0}', [...PLAYGROUND_FEATURES.keys()].join(', ')));
    out[offset + f] = fn(x1, x2);
  }
  return out;
}

/**
 * The decision-boundary grid of Playground's heatmap (DENSITY = 100 over [-6, 6]²): row j·density + i
 * is the point x1 = -6 + 12 i/(density-1), x2 = 6 - 12 j/(density-1), i.e. an image whose first row is
 * the top edge (x2 = 6). Returns (density², features) row-major, ready for one batched forward pass.
 */
export function playgroundGrid(features: readonly string[], density = 100, domain: readonly [number, number] = [-6, 6]): Float32Array {
  const [lo, hi] = domain;
  const out = new Float32Array(density * density * features.length);
  const step = (hi - lo) / (density - 1);
  for (let j = 0; j < density; j++) {
    for (let i = 0; i < density; i++) featureRow(lo + i * step, hi - j * step, features, out, (j * density + i) * features.length);
  }
  return out;
}

function pointsToDataset(points: readonly Point2D[], features: readonly string[], task: PlaygroundDatasetInfo['task']): Dataset {
  const x = new Float32Array(points.length * features.length);
  const y = new Float32Array(points.length);
  points.forEach((p, r) => {
    featureRow(p.x, p.y, features, x, r * features.length);
    y[r] = p.label;
  });
  return task === 'binary'
    ? createDataset({ x, y, featureNames: features, targetWidth: 1, task, classNames: ['-1', '+1'] })
    : createDataset({ x, y, featureNames: features, targetWidth: 1, task });
}

interface ValidSpec {
  info: PlaygroundDatasetInfo;
  name: string;
  samples: number;
  noise: number;
  trainRatio: number;
  features: readonly string[];
}

function validateSpec(spec: PlaygroundSpec): ValidSpec {
  if (typeof spec !== 'object' || spec === null) throw new ConfigError('dataset', spec, msg('an object such as { dataset: "circle" }'));
  const info = lookup(PLAYGROUND_DATASETS, 'dataset', spec.dataset);
  const samples = spec.samples ?? info.defaultSamples;
  if (!Number.isInteger(samples) || samples < MIN_SAMPLES || samples > MAX_SAMPLES) {
    throw new ConfigError('samples', spec.samples, msg('an integer from {0} to {1} (Playground uses {2})', MIN_SAMPLES, MAX_SAMPLES, info.defaultSamples));
  }
  const noise = spec.noise ?? DEFAULT_NOISE;
  if (typeof noise !== 'number' || !(noise >= 0 && noise <= 0.5)) {
    throw new ConfigError('noise', spec.noise, msg('a number from 0 to 0.5 (Playground\'s noise slider 0..50, divided by 100)'));
  }
  const trainRatio = spec.train_ratio ?? DEFAULT_TRAIN_RATIO;
  if (typeof trainRatio !== 'number' || !(trainRatio >= 0.1 && trainRatio <= 0.9)) {
    throw new ConfigError('train_ratio', spec.train_ratio, msg('a number from 0.1 to 0.9 (Playground\'s ratio of training to test data, 10..90 %)'));
  }
  return { info, name: spec.dataset, samples, noise, trainRatio, features: validateFeatures(spec.features) };
}

function validateFeatures(requested: unknown): readonly string[] {
  if (requested === undefined) return DEFAULT_PLAYGROUND_FEATURES;
  const allowed = msg('a non-empty list of distinct names from {0}', [...PLAYGROUND_FEATURES.keys()].join(', '));
  if (!Array.isArray(requested) || requested.length === 0) throw new ConfigError('features', requested, allowed);
  const names: string[] = [];
  (requested as unknown[]).forEach((name, i) => {
    if (typeof name !== 'string' || !PLAYGROUND_FEATURES.has(name)) throw new ConfigError(`features[${i}]`, name, allowed);
    if (names.includes(name)) throw new ConfigError(`features[${i}]`, name, msg('{0} (it appears twice)', allowed));
    names.push(name);
  });
  return names;
}
