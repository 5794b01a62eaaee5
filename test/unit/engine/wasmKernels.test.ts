/**
 * The WebAssembly SIMD kernels against the pure TypeScript reference (src/engine/kernels/matmul.ts) on
 * seeded random matrices, plus the memory contract of WasmKernels: 16-byte aligned zeroed views, growth
 * only while no view is out, and a thrown error (never a silent copy) for buffers outside its memory.
 * Shapes are picked to reach every edge path of assembly/matmul.ts: partial row and column tiles,
 * several K blocks, more rows than one A block, and both the packed and in-place transposed A.
 */
import * as assert from 'node:assert/strict';
import { matmul, matmulTransAAccumulate, matmulTransB } from '../../../src/engine/kernels/matmul';
import { type WasmKernels, createWasmKernels, paddedFloats } from '../../../src/engine/kernels/wasmKernels';
import { Rng } from '../../../src/engine/rng';

/** (m, k, n) in matmul's naming; each kernel maps them onto its own operands. */
const SHAPES: ReadonlyArray<readonly [number, number, number]> = [
  [1, 1, 1], [3, 5, 7], [17, 33, 9], [4, 8, 8], [2, 3, 64], [5, 300, 13], [7, 301, 19],
  [300, 40, 20], [33, 520, 70], [128, 512, 10], [64, 1024, 40], [1, 784, 512],
];

function newKernels(): WasmKernels {
  const kernels = createWasmKernels();
  assert.ok(kernels, 'Node 20 supports WebAssembly SIMD, so createWasmKernels() must not return null');
  return kernels;
}

function randomize(x: Float32Array, rng: Rng): Float32Array {
  for (let i = 0; i < x.length; i++) x[i] = rng.uniformRange(-1, 1);
  return x;
}

/** A heap copy of a view, for the reference kernel. */
function heapCopy(x: Float32Array): Float32Array {
  return new Float32Array(x);
}

/**
 * actual (rows, cols) matches expected within 1e-5 of each expected row's L2 norm: the kernels sum in a
 * different order, so float32 rounding differs by a few ulps of the row's magnitude, while an indexing
 * bug is off by the magnitude itself. Names the first bad element and the worst difference.
 */
function assertClose(actual: Float32Array, expected: Float32Array, rows: number, cols: number, what: string): void {
  let worst = 0, firstBad = -1;
  for (let i = 0; i < rows; i++) {
    let norm = 0;
    for (let j = 0; j < cols; j++) norm += expected[i * cols + j]! ** 2;
    const tol = 1e-5 * Math.sqrt(norm) + 1e-30;
    for (let j = 0; j < cols; j++) {
      const d = Math.abs(actual[i * cols + j]! - expected[i * cols + j]!);
      if (!(d <= tol) && firstBad < 0) firstBad = i * cols + j;
      worst = Math.max(worst, d / tol);
    }
  }
  assert.ok(firstBad < 0, `${what}: first bad index ${firstBad} (got ${actual[firstBad]}, want ${expected[firstBad]}); worst |diff| / tol = ${worst.toFixed(2)}`);
}

/** After reset(), reserves exactly the padded total of `lengths` and allocates one view per length. */
function allocAll<L extends number[]>(kernels: WasmKernels, ...lengths: L): { [I in keyof L]: Float32Array } {
  kernels.reset();
  kernels.reserve(lengths.reduce((s, l) => s + paddedFloats(l), 0));
  return lengths.map((l) => kernels.alloc(l)) as { [I in keyof L]: Float32Array };
}

describe('WasmKernels: products', () => {
  const kernels = newKernels();
  const rng = new Rng(20240611);

  for (const [m, k, n] of SHAPES) {
    it(`matmul (${m}, ${k}) @ (${k}, ${n}) matches the reference`, () => {
      const [a, b, out] = allocAll(kernels, m * k, k * n, m * n);
      randomize(a, rng); randomize(b, rng); randomize(out, rng); // out is overwritten, not added to
      const want = new Float32Array(m * n);
      matmul(heapCopy(a), heapCopy(b), want, m, k, n);
      kernels.matmul(a, b, out, m, k, n);
      assertClose(out, want, m, n, 'matmul');
    });

    it(`matmulBias (${m}, ${k}) @ (${k}, ${n}) + bias matches the reference plus bias`, () => {
      const [a, b, bias, out] = allocAll(kernels, m * k, k * n, n, m * n);
      randomize(a, rng); randomize(b, rng); randomize(bias, rng); randomize(out, rng);
      const want = new Float32Array(m * n);
      matmul(heapCopy(a), heapCopy(b), want, m, k, n);
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) want[i * n + j]! += bias[j]!;
      kernels.matmulBias(a, b, bias, out, m, k, n);
      assertClose(out, want, m, n, 'matmulBias');
    });

    it(`matmulTransAAccumulate (${m}, ${k})^T @ (${m}, ${n}) adds onto out like the reference`, () => {
      const [a, b, out] = allocAll(kernels, m * k, m * n, k * n);
      randomize(a, rng); randomize(b, rng); randomize(out, rng);
      const want = heapCopy(out);
      matmulTransAAccumulate(heapCopy(a), heapCopy(b), want, m, k, n);
      kernels.matmulTransAAccumulate(a, b, out, m, k, n);
      assertClose(out, want, k, n, 'matmulTransAAccumulate');
    });

    it(`matmulTransB (${m}, ${n}) @ (${k}, ${n})^T matches the reference`, () => {
      // Here the contraction runs over n: out (m, k) = a (m, n) @ b (k, n)^T.
      const [a, b, out] = allocAll(kernels, m * n, k * n, m * k);
      randomize(a, rng); randomize(b, rng); randomize(out, rng);
      const want = new Float32Array(m * k);
      matmulTransB(heapCopy(a), heapCopy(b), want, m, n, k);
      kernels.matmulTransB(a, b, out, m, n, k);
      assertClose(out, want, m, k, 'matmulTransB');
    });
  }

  it('matches the reference on the MNIST layer 128x784 @ 784x512, forward and both gradients', () => {
    const m = 128, k = 784, n = 512;
    const [x, w, y, dY, dW, dX] = allocAll(kernels, m * k, k * n, m * n, m * n, k * n, m * k);
    randomize(x, rng); randomize(w, rng); randomize(dY, rng);
    const wantY = new Float32Array(m * n), wantDW = new Float32Array(k * n), wantDX = new Float32Array(m * k);
    matmul(heapCopy(x), heapCopy(w), wantY, m, k, n);
    matmulTransAAccumulate(heapCopy(x), heapCopy(dY), wantDW, m, k, n);
    matmulTransB(heapCopy(dY), heapCopy(w), wantDX, m, n, k);
    kernels.matmul(x, w, y, m, k, n);
    kernels.matmulTransAAccumulate(x, dY, dW, m, k, n);
    kernels.matmulTransB(dY, w, dX, m, n, k);
    assertClose(y, wantY, m, n, 'Y = X W');
    assertClose(dW, wantDW, k, n, 'dW = X^T dY');
    assertClose(dX, wantDX, m, k, 'dX = dY W^T');
  });

  it('matmulTransAAccumulate accumulates: two calls add the product twice', () => {
    const m = 9, k = 20, n = 24;
    const [a, b, out] = allocAll(kernels, m * k, m * n, k * n);
    randomize(a, rng); randomize(b, rng); randomize(out, rng);
    const start = heapCopy(out), once = new Float32Array(k * n);
    matmulTransAAccumulate(heapCopy(a), heapCopy(b), once, m, k, n);
    kernels.matmulTransAAccumulate(a, b, out, m, k, n);
    kernels.matmulTransAAccumulate(a, b, out, m, k, n);
    const want = start.map((s, i) => s + 2 * once[i]!);
    assertClose(out, want, k, n, 'start + 2 X^T dY');
  });

  it('accepts views at any float offset, such as weights sliced from one flat parameter buffer', () => {
    const m = 6, k = 11, n = 13;
    const [flat, out] = allocAll(kernels, 1 + m * k + k * n, m * n);
    randomize(flat, rng);
    const a = flat.subarray(1, 1 + m * k), b = flat.subarray(1 + m * k); // byteOffset ≡ 4 (mod 16)
    assert.equal(a.byteOffset % 16, 4);
    const want = new Float32Array(m * n);
    matmul(heapCopy(a), heapCopy(b), want, m, k, n);
    kernels.matmul(a, b, out, m, k, n);
    assertClose(out, want, m, n, 'matmul on unaligned views');
  });

  it('treats k = 0 as an empty sum and m = 0 as nothing to do, like the reference', () => {
    const [a, b, out] = allocAll(kernels, 4, 6, 6);
    out.fill(7);
    kernels.matmul(a, b, out, 2, 0, 3);
    assert.deepEqual(Array.from(out), [0, 0, 0, 0, 0, 0]);
    out.fill(7);
    kernels.matmulTransAAccumulate(a, b, out, 0, 2, 3);
    kernels.matmul(a, b, out, 0, 2, 3);
    assert.deepEqual(Array.from(out), [7, 7, 7, 7, 7, 7]);
  });
});

describe('WasmKernels: memory', () => {
  it('hands out zeroed views aligned to 16 bytes, and reset() reuses the space zeroed again', () => {
    const kernels = newKernels();
    kernels.reserve(1024);
    const views = [1, 3, 4, 5, 17, 0, 2].map((l) => kernels.alloc(l));
    for (const v of views) {
      assert.equal(v.byteOffset % 16, 0, `byteOffset ${v.byteOffset} of a length-${v.length} view`);
      assert.ok(kernels.owns(v));
      assert.ok(v.every((x) => x === 0));
      v.fill(3);
    }
    assert.equal(kernels.usedFloats, [1, 3, 4, 5, 17, 0, 2].reduce((s, l) => s + paddedFloats(l), 0));
    const firstOffset = views[0]!.byteOffset;
    kernels.reset();
    const again = kernels.alloc(8);
    assert.equal(again.byteOffset, firstOffset);
    assert.deepEqual(Array.from(again), [0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('grows on the first alloc, but refuses to grow once a view is out, pointing at reserve()', () => {
    const kernels = newKernels();
    const big = kernels.freeFloats + 10; // more than the initial memory holds
    const first = kernels.alloc(big); // no view out yet: growing is safe
    assert.equal(first.length, big);
    assert.throws(() => kernels.alloc(kernels.freeFloats + 1), /growing the memory now would detach the 1 views.*reserve\(total\)/);
    assert.throws(() => kernels.reserve(kernels.freeFloats + 1), /reserve/);
    assert.equal(first.length, big, 'the refused growth left the existing view attached');
    kernels.alloc(kernels.freeFloats); // exactly what is left still fits
  });

  it('after reserve(total) every planned alloc fits in one ArrayBuffer, so no view is ever detached', () => {
    const kernels = newKernels();
    const lengths = [784 * 512, 512, 784 * 512, 512, 128 * 784, 128 * 512, 3];
    kernels.reserve(lengths.reduce((s, l) => s + paddedFloats(l), 0));
    const buffer = kernels.memory.buffer;
    const views = lengths.map((l) => kernels.alloc(l));
    assert.ok(views.every((v) => v.buffer === buffer && v.length > 0));
  });

  it('throws, rather than copying, for a buffer that is not one of its views', () => {
    const kernels = newKernels();
    const [a, b] = allocAll(kernels, 4, 4);
    assert.throws(() => kernels.matmul(a, b, new Float32Array(4), 2, 2, 2), /out is not in the kernels' memory: it is not a view from alloc\(\)/);
    assert.throws(() => kernels.matmulTransB(new Float32Array(4), b, a, 2, 2, 2), /a is not in the kernels' memory/);
    const other = newKernels().alloc(4); // another instance's memory is not ours either
    assert.throws(() => kernels.matmul(a, other, b, 2, 2, 2), /b is not in the kernels' memory/);
  });

  it('throws for a view detached by a grow after reset()', () => {
    const kernels = newKernels();
    const old = kernels.alloc(4);
    kernels.reset();
    const fresh = kernels.alloc(kernels.freeFloats + 4); // allowed: reset() dropped every view
    assert.equal(old.length, 0, 'the old view was detached by the grow');
    assert.throws(() => kernels.matmul(old, fresh, fresh, 1, 1, 1), /a is not in the kernels' memory: it is detached/);
  });

  it('rejects short buffers, overlapping output and bad dimensions with the reason', () => {
    const kernels = newKernels();
    const [a, b, out] = allocAll(kernels, 6, 6, 4);
    assert.throws(() => kernels.matmul(a, b, out, 3, 2, 3), /out has 4 floats but the shape needs 9/);
    assert.throws(() => kernels.matmul(a, b, a, 2, 3, 2), /out overlaps a/);
    assert.throws(() => kernels.matmul(a, b, out, 2.5, 2, 2), /non-negative integers/);
    assert.throws(() => kernels.alloc(-1), /non-negative integer/);
  });
});
