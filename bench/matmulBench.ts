/**
 * Micro-benchmark: GFLOP/s of the pure TypeScript reference kernels (src/engine/kernels/matmul.ts)
 * against the WebAssembly SIMD kernels (wasmKernels.ts) on the products of real training steps: the
 * forward Y = X W and both gradients dW = X^T dY and dX = dY W^T of each Dense layer in workload W1
 * (MNIST MLP 784-512-10, batch 128) and W3 (256-1024-1024, batch 256). Each figure is the median of
 * several timed samples after a warm-up, on one thread. It measures kernels only, not training, and
 * checks no numerics (test/unit/engine/wasmKernels.test.ts does).
 *
 * usage: npx esbuild bench/matmulBench.ts --bundle --platform=node --format=cjs --outfile=out/bench/matmulBench.js
 *        node out/bench/matmulBench.js
 */
import { matmul, matmulTransAAccumulate, matmulTransB } from '../src/engine/kernels/matmul';
import { type WasmKernels, createWasmKernels, paddedFloats } from '../src/engine/kernels/wasmKernels';
import { Rng } from '../src/engine/rng';

/** One Dense layer's products: X (batch, inputs), W (inputs, units), Y and dY (batch, units). */
interface LayerShape {
  readonly workload: string;
  readonly batch: number;
  readonly inputs: number;
  readonly units: number;
}

const LAYERS: readonly LayerShape[] = [
  { workload: 'W1', batch: 128, inputs: 784, units: 512 },
  { workload: 'W1', batch: 128, inputs: 512, units: 10 },
  { workload: 'W3', batch: 256, inputs: 256, units: 1024 },
  { workload: 'W3', batch: 256, inputs: 1024, units: 1024 },
];

const SAMPLES = 7;
const MIN_SAMPLE_MS = 20; // repeat a call within a sample until timer resolution stops mattering

/** The buffers of one layer, in whichever memory the kernels under test need. */
interface Buffers {
  x: Float32Array; // (batch, inputs)
  w: Float32Array; // (inputs, units)
  y: Float32Array; // (batch, units)
  dY: Float32Array; // (batch, units)
  dW: Float32Array; // (inputs, units)
  dX: Float32Array; // (batch, inputs)
}

function buffers(shape: LayerShape, alloc: (length: number) => Float32Array, rng: Rng): Buffers {
  const { batch: m, inputs: k, units: n } = shape;
  const b = { x: alloc(m * k), w: alloc(k * n), y: alloc(m * n), dY: alloc(m * n), dW: alloc(k * n), dX: alloc(m * k) };
  for (const v of [b.x, b.w, b.dY]) for (let i = 0; i < v.length; i++) v[i] = rng.uniformRange(-1, 1);
  return b;
}

/** Median GFLOP/s of `run`, which does `flops` floating-point operations per call. */
function gflops(run: () => void, flops: number): number {
  for (let i = 0; i < 3; i++) run(); // warm-up: lets V8 tier the JS and wasm code up
  let reps = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) run();
    if (performance.now() - t0 >= MIN_SAMPLE_MS) break;
    reps *= 2;
  }
  const rates: number[] = [];
  for (let s = 0; s < SAMPLES; s++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) run();
    rates.push((flops * reps) / ((performance.now() - t0) * 1e6));
  }
  rates.sort((a, b) => a - b);
  return rates[SAMPLES >> 1]!;
}

function benchLayer(shape: LayerShape, kernels: WasmKernels, rng: Rng): string[] {
  const { batch: m, inputs: k, units: n } = shape;
  const ts = buffers(shape, (l) => new Float32Array(l), rng);
  kernels.reset();
  kernels.reserve(2 * paddedFloats(m * k) + 2 * paddedFloats(k * n) + 2 * paddedFloats(m * n));
  const wa = buffers(shape, (l) => kernels.alloc(l), rng);
  const flops = 2 * m * k * n; // every product of the layer has the same count
  const products: ReadonlyArray<readonly [string, string, () => void, () => void]> = [
    ['Y = X W', `${m}x${k} @ ${k}x${n}`,
      () => matmul(ts.x, ts.w, ts.y, m, k, n), () => kernels.matmul(wa.x, wa.w, wa.y, m, k, n)],
    ['dW += X^T dY', `(${m}x${k})^T @ ${m}x${n}`,
      () => matmulTransAAccumulate(ts.x, ts.dY, ts.dW, m, k, n), () => kernels.matmulTransAAccumulate(wa.x, wa.dY, wa.dW, m, k, n)],
    ['dX = dY W^T', `${m}x${n} @ (${k}x${n})^T`,
      () => matmulTransB(ts.dY, ts.w, ts.dX, m, n, k), () => kernels.matmulTransB(wa.dY, wa.w, wa.dX, m, n, k)],
  ];
  return products.map(([what, dims, tsRun, wasmRun]) => {
    const t = gflops(tsRun, flops), w = gflops(wasmRun, flops);
    return [shape.workload, what, dims, t.toFixed(2), w.toFixed(2), `${(w / t).toFixed(1)}x`].join(' | ');
  });
}

function main(): void {
  const kernels = createWasmKernels();
  if (!kernels) {
    console.log('matmulBench: this runtime has no WebAssembly SIMD; nothing to compare.');
    return;
  }
  console.log(`matmulBench: Node ${process.version}, median of ${SAMPLES} samples, GFLOP/s on one thread\n`);
  console.log('workload | product | shape | TS | wasm | speed-up');
  console.log('--- | --- | --- | ---: | ---: | ---:');
  const rng = new Rng(1);
  for (const shape of LAYERS) for (const row of benchLayer(shape, kernels, rng)) console.log(row);
}

main();
