/**
 * TensorFlow Playground's six 2-D datasets, generated as tensorflow/playground `src/dataset.ts` does
 * (read at commit bf5e6fc; keys from `src/state.ts`, sample counts from `src/playground.ts`): the same
 * formulas and constants, and per point the same order of random draws (noise offsets are drawn even
 * when noise is 0, as there). It cannot be bit-identical with Playground: Playground draws from
 * seedrandom's global Math.random, HyperLab from its own seeded Rng, so one seed gives another, equally
 * distributed sample. Playground's class labels are ±1; here they are 0/1 (1 ↔ +1, 0 ↔ -1), so
 * binary_crossentropy applies. Regression labels are kept as Playground computes them.
 * Not here: shuffling, the train/test split and feature columns (see playground.ts).
 */
import type { Rng } from '../rng';

/** One generated example: its position in the plane and its label (0/1, or the regression value). */
export interface Point2D {
  readonly x: number;
  readonly y: number;
  readonly label: number;
}

/** (numSamples, noise in [0, 0.5], rng) -> points, in generation order (not shuffled). */
export type PlaygroundGenerator = (numSamples: number, noise: number, rng: Rng) => Point2D[];

export interface PlaygroundDatasetInfo {
  /** Playground's UI title. */
  readonly title: string;
  readonly task: 'binary' | 'regression';
  /** Playground's NUM_SAMPLES_CLASSIFY (500) or NUM_SAMPLES_REGRESS (1200). */
  readonly defaultSamples: number;
  /** How the noise setting acts on this dataset, for tooltips and docs. */
  readonly noiseEffect: string;
  readonly generate: PlaygroundGenerator;
}

/** Playground's dist(): Euclidean norm written out (not Math.hypot, which may round differently). */
function norm(x: number, y: number): number {
  return Math.sqrt(x * x + y * y);
}

/** d3.scale.linear().domain([d0, d1]).range([r0, r1]) applied to v, unclamped. */
function linearScale(v: number, d0: number, d1: number, r0: number, r1: number): number {
  return r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/**
 * Playground's normalRandom(mean, variance): the Marsaglia polar method keeping only the first deviate
 * (the second is discarded, not cached), scaled by sqrt(variance). Playground loops while s > 1; s = 0
 * is also redrawn here because it would give NaN.
 */
function normalFromVariance(rng: Rng, mean: number, variance: number): number {
  let v1: number, v2: number, s: number;
  do {
    v1 = 2 * rng.uniform() - 1;
    v2 = 2 * rng.uniform() - 1;
    s = v1 * v1 + v2 * v2;
  } while (s > 1 || s === 0);
  return mean + Math.sqrt(variance) * Math.sqrt((-2 * Math.log(s)) / s) * v1;
}

/**
 * circle (classifyCircleData): radius R = 5. numSamples/2 points with r ~ U(0, R/2) are drawn first, then
 * numSamples/2 with r ~ U(0.7 R, R), at angle ~ U(0, 2π), placed at (r sin a, r cos a). The label is
 * whether the point, shifted by U(-R, R)·noise on each axis, lies inside R/2: noise flips labels near
 * the boundary and never moves the point.
 */
export function classifyCircle(numSamples: number, noise: number, rng: Rng): Point2D[] {
  const radius = 5;
  const points: Point2D[] = [];
  const ring = (rMin: number, rMax: number): void => {
    for (let i = 0; i < numSamples / 2; i++) {
      const r = rng.uniformRange(rMin, rMax);
      const angle = rng.uniformRange(0, 2 * Math.PI);
      const x = r * Math.sin(angle);
      const y = r * Math.cos(angle);
      const noiseX = rng.uniformRange(-radius, radius) * noise;
      const noiseY = rng.uniformRange(-radius, radius) * noise;
      points.push({ x, y, label: norm(x + noiseX, y + noiseY) < radius * 0.5 ? 1 : 0 });
    }
  };
  ring(0, radius * 0.5); // positives, inside the circle
  ring(radius * 0.7, radius); // negatives, on the outer ring
  return points;
}

/**
 * xor (classifyXORData): x, y ~ U(-5, 5), each pushed 0.3 away from its axis; label 1 when the point
 * shifted by U(-5, 5)·noise per axis has x·y >= 0. Noise flips labels, points stay put.
 */
export function classifyXor(numSamples: number, noise: number, rng: Rng): Point2D[] {
  const padding = 0.3;
  const points: Point2D[] = [];
  for (let i = 0; i < numSamples; i++) {
    let x = rng.uniformRange(-5, 5);
    x += x > 0 ? padding : -padding;
    let y = rng.uniformRange(-5, 5);
    y += y > 0 ? padding : -padding;
    const noiseX = rng.uniformRange(-5, 5) * noise;
    const noiseY = rng.uniformRange(-5, 5) * noise;
    points.push({ x, y, label: (x + noiseX) * (y + noiseY) >= 0 ? 1 : 0 });
  }
  return points;
}

/**
 * gauss (classifyTwoGaussData): numSamples/2 points ~ N((2, 2), variance) with label 1, then as many
 * ~ N((-2, -2), variance) with label 0; variance = linear map of noise [0, 0.5] -> [0.5, 4], so noise
 * widens both clouds until they overlap.
 */
export function classifyTwoGauss(numSamples: number, noise: number, rng: Rng): Point2D[] {
  const variance = linearScale(noise, 0, 0.5, 0.5, 4);
  const points: Point2D[] = [];
  const cloud = (cx: number, cy: number, label: number): void => {
    for (let i = 0; i < numSamples / 2; i++) {
      const x = normalFromVariance(rng, cx, variance);
      const y = normalFromVariance(rng, cy, variance);
      points.push({ x, y, label });
    }
  };
  cloud(2, 2, 1);
  cloud(-2, -2, 0);
  return points;
}

/**
 * spiral (classifySpiralData): two arms of n = numSamples/2 points; point i has r = 5 i/n and
 * t = 1.75 · 2π · i/n + Δ (Δ = 0 for label 1, π for label 0), at (r sin t, r cos t) plus
 * U(-1, 1)·noise on each axis: here noise moves the points, labels are exact.
 */
export function classifySpiral(numSamples: number, noise: number, rng: Rng): Point2D[] {
  const n = numSamples / 2;
  const points: Point2D[] = [];
  const arm = (deltaT: number, label: number): void => {
    for (let i = 0; i < n; i++) {
      const r = (i / n) * 5;
      const t = ((1.75 * i) / n) * 2 * Math.PI + deltaT;
      const x = r * Math.sin(t) + rng.uniformRange(-1, 1) * noise;
      const y = r * Math.cos(t) + rng.uniformRange(-1, 1) * noise;
      points.push({ x, y, label });
    }
  };
  arm(0, 1);
  arm(Math.PI, 0);
  return points;
}

/** Draws x, y ~ U(-6, 6) and labels the point shifted by U(-6, 6)·noise per axis (both regression sets). */
function regressionPoints(numSamples: number, noise: number, rng: Rng, label: (x: number, y: number) => number): Point2D[] {
  const radius = 6;
  const points: Point2D[] = [];
  for (let i = 0; i < numSamples; i++) {
    const x = rng.uniformRange(-radius, radius);
    const y = rng.uniformRange(-radius, radius);
    const noiseX = rng.uniformRange(-radius, radius) * noise;
    const noiseY = rng.uniformRange(-radius, radius) * noise;
    points.push({ x, y, label: label(x + noiseX, y + noiseY) });
  }
  return points;
}

/** reg-plane (regressPlane): label = linear map of x + y from [-10, 10] to [-1, 1], unclamped. */
export function regressPlane(numSamples: number, noise: number, rng: Rng): Point2D[] {
  return regressionPoints(numSamples, noise, rng, (x, y) => linearScale(x + y, -10, 10, -1, 1));
}

/** regressGaussian's six centres (cx, cy, sign). */
const GAUSSIAN_CENTRES: readonly (readonly [number, number, number])[] = [
  [-4, 2.5, 1], [0, 2.5, -1], [4, 2.5, 1],
  [-4, -2.5, -1], [0, -2.5, 1], [4, -2.5, -1],
];

/**
 * reg-gauss (regressGaussian): each centre contributes sign · clamp(linear map of the distance
 * [0, 2] -> [1, 0]); the label is the contribution largest in absolute value (the first one on ties).
 */
export function regressGaussian(numSamples: number, noise: number, rng: Rng): Point2D[] {
  return regressionPoints(numSamples, noise, rng, (x, y) => {
    let label = 0;
    for (const [cx, cy, sign] of GAUSSIAN_CENTRES) {
      const bump = Math.min(1, Math.max(0, linearScale(norm(x - cx, y - cy), 0, 2, 1, 0)));
      const value = sign * bump;
      if (Math.abs(value) > Math.abs(label)) label = value;
    }
    return label;
  });
}

const CLASSIFY_SAMPLES = 500;
const REGRESS_SAMPLES = 1200;

/** Playground's dataset keys (src/state.ts `datasets`, `regDatasets`), in its UI order. */
export const PLAYGROUND_DATASETS: ReadonlyMap<string, PlaygroundDatasetInfo> = new Map<string, PlaygroundDatasetInfo>([
  ['circle', { title: 'Circle', task: 'binary', defaultSamples: CLASSIFY_SAMPLES, noiseEffect: 'flips labels near the circle', generate: classifyCircle }],
  ['xor', { title: 'Exclusive or', task: 'binary', defaultSamples: CLASSIFY_SAMPLES, noiseEffect: 'flips labels near the axes', generate: classifyXor }],
  ['gauss', { title: 'Gaussian', task: 'binary', defaultSamples: CLASSIFY_SAMPLES, noiseEffect: 'widens both clouds (variance 0.5 to 4)', generate: classifyTwoGauss }],
  ['spiral', { title: 'Spiral', task: 'binary', defaultSamples: CLASSIFY_SAMPLES, noiseEffect: 'moves the points off the arms', generate: classifySpiral }],
  ['reg-plane', { title: 'Plane', task: 'regression', defaultSamples: REGRESS_SAMPLES, noiseEffect: 'labels are computed at jittered positions', generate: regressPlane }],
  ['reg-gauss', { title: 'Multi gaussian', task: 'regression', defaultSamples: REGRESS_SAMPLES, noiseEffect: 'labels are computed at jittered positions', generate: regressGaussian }],
]);
