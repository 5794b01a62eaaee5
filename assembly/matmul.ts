/**
 * WebAssembly SIMD (simd128) matrix products for the engine, in AssemblyScript. scripts/buildWasm.mjs
 * compiles this file to src/engine/kernels/generated/matmulWasm.ts; src/engine/kernels/wasmKernels.ts
 * is the only caller. This is not a memory manager: every argument is a byte address into linear
 * memory that the TypeScript side owns (its bump allocator), and `scratch` is a region of
 * scratchBytes() that the caller reserved for packing. Nothing here allocates, checks bounds or traps.
 *
 * All three products reduce to one strided GEMM, C (M, N) (+)= A (M, K) @ B (K, N), where
 * A[i, p] = a[i·rsA + p·csA] and B[p, j] = b[p·rsB + j·csB], so a transposed operand is just a
 * swap of its strides. The GEMM follows the BLIS layering (Van Zee & van de Geijn, "BLIS: A Framework
 * for Rapidly Instantiating BLAS Functionality", 2015): a K block of B is packed into contiguous
 * (KC, 8) panels that stay in L1, and a 4x8 micro-kernel keeps its 4x8 tile of C in eight f32x4
 * registers while it streams K. A is read in place when its rows are contiguous along K (the forward
 * and dX products); the transposed A of dW is packed into (KC, 4) micro-panels first, because reading
 * it in place strides by a whole row of X per K step (4 KiB for 1024 features, which maps every step
 * to the same L1 set). simd128 has no fused multiply-add, so each step is a mul and an add;
 * eight independent accumulators are enough to hide their latency, and 4x8 needs 12 of x64's 16
 * xmm registers (8 accumulators, 2 B vectors, the broadcast A value, a product), where V8 keeps one
 * as scratch and a 4x16 tile's 16 accumulators alone would already spill.
 */

/** Rows of C per micro-tile. */
const MR: i32 = 4;
/** Columns of C per micro-tile: two f32x4 vectors. */
const NR: i32 = 8;
/** Longest K block: a packed (KC, NR) panel is 8 KiB, a quarter of L1. */
const KC_MAX: i32 = 256;
/** Rows of A per block, so one A block (MC, KC) (256 KiB) stays in L2 while every panel passes over it. */
const MC: i32 = 256;

/**
 * Scratch layout: the packed B panel (KC_MAX, NR), an edge tile (MR, NR) for partial tiles of C, then
 * the packed A block: MC / MR micro-panels of (KC_MAX, MR).
 */
const PANEL_BYTES: usize = <usize>(KC_MAX * NR * 4);
const TILE_BYTES: usize = <usize>(MR * NR * 4);
const TILE_LDC: usize = <usize>(NR * 4);
const A_BLOCK_BYTES: usize = <usize>(MC * KC_MAX * 4);

/** Bytes of scratch memory every product call needs (16-byte aligned by the caller). */
export function scratchBytes(): i32 {
  return <i32>(PANEL_BYTES + TILE_BYTES + A_BLOCK_BYTES);
}

/** First free byte after this module's static data: the caller's allocator starts here. */
export function heapBase(): usize {
  return __heap_base;
}

/**
 * The 4x8 micro-kernel: C tile (4, 8) (+)= A rows (4, kc) @ panel (kc, 8).
 * `ap` addresses A[row 0, p0]; rows 1..3 sit at ap + o1, o2, o3 (bytes), so a partial tile can point
 * its missing rows at row 0 and throw their results away. `cs` is the byte step of A along K.
 * `load` starts from the values already in C (K blocks after the first, or an accumulating call).
 */
// @ts-ignore: decorator
@inline
function micro4x8(ap: usize, o1: usize, o2: usize, o3: usize, cs: usize, bp: usize, kc: i32, cp: usize, ldc: usize, load: bool): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  if (load) {
    c00 = v128.load(cp); c01 = v128.load(cp, 16);
    c10 = v128.load(cp + ldc); c11 = v128.load(cp + ldc, 16);
    c20 = v128.load(cp + 2 * ldc); c21 = v128.load(cp + 2 * ldc, 16);
    c30 = v128.load(cp + 3 * ldc); c31 = v128.load(cp + 3 * ldc, 16);
  }
  for (let p: i32 = 0; p < kc; p++) {
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    let av = v128.load32_splat(ap);
    c00 = f32x4.add(c00, f32x4.mul(av, b0));
    c01 = f32x4.add(c01, f32x4.mul(av, b1));
    av = v128.load32_splat(ap + o1);
    c10 = f32x4.add(c10, f32x4.mul(av, b0));
    c11 = f32x4.add(c11, f32x4.mul(av, b1));
    av = v128.load32_splat(ap + o2);
    c20 = f32x4.add(c20, f32x4.mul(av, b0));
    c21 = f32x4.add(c21, f32x4.mul(av, b1));
    av = v128.load32_splat(ap + o3);
    c30 = f32x4.add(c30, f32x4.mul(av, b0));
    c31 = f32x4.add(c31, f32x4.mul(av, b1));
    ap += cs;
    bp += 32;
  }
  v128.store(cp, c00); v128.store(cp, c01, 16);
  v128.store(cp + ldc, c10); v128.store(cp + ldc, c11, 16);
  v128.store(cp + 2 * ldc, c20); v128.store(cp + 2 * ldc, c21, 16);
  v128.store(cp + 3 * ldc, c30); v128.store(cp + 3 * ldc, c31, 16);
}

/**
 * Packs B[p0 .. p0+kc, j0 .. j0+nr] into dst as (kc, NR) row-major, zero-padding columns nr..NR, so
 * the micro-kernel reads one contiguous 32-byte row per K step whatever B's layout.
 */
function packPanel(b: usize, rsB: usize, csB: usize, p0: i32, kc: i32, j0: i32, nr: i32, dst: usize): void {
  if (nr == NR && csB == 1) {
    // Row-major B: each panel row is 8 contiguous floats.
    let src = b + ((<usize>p0 * rsB + <usize>j0) << 2);
    const step = rsB << 2;
    for (let p: i32 = 0; p < kc; p++) {
      v128.store(dst, v128.load(src));
      v128.store(dst, v128.load(src, 16), 16);
      src += step;
      dst += 32;
    }
    return;
  }
  if (nr == NR && rsB == 1) {
    packTransposed(b, csB, p0, kc, j0, dst);
    return;
  }
  // Edge panel or unusual strides: scalar, with zeros past column nr.
  for (let p: i32 = 0; p < kc; p++) {
    const row = b + ((<usize>(p0 + p) * rsB) << 2);
    for (let c: i32 = 0; c < NR; c++) {
      const v: f32 = c < nr ? load<f32>(row + ((<usize>(j0 + c) * csB) << 2)) : 0;
      store<f32>(dst + (<usize>(p * NR + c) << 2), v);
    }
  }
}

/**
 * packPanel for B stored transposed (rsB = 1: column j of B is contiguous at b + j·csB). Reads four
 * columns x four K steps as four vectors and transposes the 4x4 block with shuffles, so the packing
 * that turns dX = dY W^T into a plain GEMM costs about as much as a copy.
 */
function packTransposed(b: usize, csB: usize, p0: i32, kc: i32, j0: i32, dst: usize): void {
  const colStep = csB << 2;
  for (let h: i32 = 0; h < NR; h += 4) {
    const s0 = b + ((<usize>(j0 + h) * csB + <usize>p0) << 2);
    const s1 = s0 + colStep, s2 = s1 + colStep, s3 = s2 + colStep;
    const d = dst + (<usize>h << 2);
    let p: i32 = 0;
    for (; p + 4 <= kc; p += 4) {
      const off = <usize>p << 2;
      const r0 = v128.load(s0 + off), r1 = v128.load(s1 + off);
      const r2 = v128.load(s2 + off), r3 = v128.load(s3 + off);
      const t0 = f32x4.shuffle(r0, r1, 0, 4, 1, 5); // r0[0] r1[0] r0[1] r1[1]
      const t1 = f32x4.shuffle(r2, r3, 0, 4, 1, 5); // r2[0] r3[0] r2[1] r3[1]
      const t2 = f32x4.shuffle(r0, r1, 2, 6, 3, 7);
      const t3 = f32x4.shuffle(r2, r3, 2, 6, 3, 7);
      const dp = d + (<usize>p << 5); // row p of the (kc, 8) panel
      v128.store(dp, f32x4.shuffle(t0, t1, 0, 1, 4, 5));
      v128.store(dp, f32x4.shuffle(t0, t1, 2, 3, 6, 7), 32);
      v128.store(dp, f32x4.shuffle(t2, t3, 0, 1, 4, 5), 64);
      v128.store(dp, f32x4.shuffle(t2, t3, 2, 3, 6, 7), 96);
    }
    for (; p < kc; p++) {
      const off = <usize>p << 2;
      const dp = d + (<usize>p << 5);
      store<f32>(dp, load<f32>(s0 + off));
      store<f32>(dp, load<f32>(s1 + off), 4);
      store<f32>(dp, load<f32>(s2 + off), 8);
      store<f32>(dp, load<f32>(s3 + off), 12);
    }
  }
}

/**
 * Packs A[i0 .. i0+mc, p0 .. p0+kc] into dst as ceil(mc / 4) micro-panels of (kc, 4): panel q holds
 * rows i0+4q .. i0+4q+3, one K step per 16 bytes, zeros past row mc. With rsA = 1 (A = a^T) those four
 * values are contiguous in a, so a full panel row is one vector copy; rows of a are read in order.
 */
function packA(a: usize, rsA: usize, csA: usize, i0: i32, mc: i32, p0: i32, kc: i32, dst: usize): void {
  const panelBytes = <usize>kc << 4;
  for (let p: i32 = 0; p < kc; p++) {
    const src = a + ((<usize>(p0 + p) * csA + <usize>i0 * rsA) << 2);
    let d = dst + (<usize>p << 4);
    let r: i32 = 0;
    if (rsA == 1) {
      for (; r + MR <= mc; r += MR) {
        v128.store(d, v128.load(src + (<usize>r << 2)));
        d += panelBytes;
      }
    }
    for (; r < mc; r += MR) {
      for (let q: i32 = 0; q < MR; q++) {
        const v: f32 = r + q < mc ? load<f32>(src + ((<usize>(r + q) * rsA) << 2)) : 0;
        store<f32>(d + (<usize>q << 2), v);
      }
      d += panelBytes;
    }
  }
}

/**
 * A tile of C that is not a full 4x8 (the last rows or columns): the micro-kernel runs on the scratch
 * tile, whose missing A rows repeat row 0, and only the `rows` x `nr` valid values are copied in and out.
 */
function edgeTile(ap: usize, rsA: usize, cs: usize, panel: usize, kc: i32, cp: usize, ldc: usize, rows: i32, nr: i32, load: bool, tile: usize): void {
  const bytes = <usize>nr << 2;
  if (load) {
    for (let r: i32 = 0; r < rows; r++) memory.copy(tile + <usize>r * TILE_LDC, cp + <usize>r * ldc, bytes);
  }
  const o1 = rows > 1 ? rsA : 0;
  const o2 = rows > 2 ? 2 * rsA : 0;
  const o3 = rows > 3 ? 3 * rsA : 0;
  micro4x8(ap, o1, o2, o3, cs, panel, kc, tile, TILE_LDC, load);
  for (let r: i32 = 0; r < rows; r++) memory.copy(cp + <usize>r * ldc, tile + <usize>r * TILE_LDC, bytes);
}

/**
 * C (m, n) (+)= A (m, k) @ B (k, n) with element strides as in the header; ldc is C's row stride in
 * elements. `accumulate` false overwrites C.
 */
function gemm(a: usize, rsA: usize, csA: usize, b: usize, rsB: usize, csB: usize, c: usize, ldc: usize,
  m: i32, n: i32, k: i32, accumulate: bool, scratch: usize): void {
  if (m <= 0 || n <= 0) return;
  const ldcB = ldc << 2;
  if (k <= 0) {
    // An empty sum: C = 0, or unchanged when accumulating.
    if (!accumulate) for (let i: i32 = 0; i < m; i++) memory.fill(c + <usize>i * ldcB, 0, <usize>n << 2);
    return;
  }
  const panel = scratch, tile = scratch + PANEL_BYTES, aBlock = tile + TILE_BYTES;
  // Pack A only when it is strided along K and enough panels pass over it to repay the copy
  // (dW of a 10-unit output layer has two panels: reading in place is faster there).
  const packed = csA != 1 && n > 2 * NR;
  // Byte strides of A as the micro-kernel sees it: in place, or the packed (kc, 4) micro-panels.
  const rsAB: usize = packed ? 4 : rsA << 2;
  const csAB: usize = packed ? 16 : csA << 2;
  // Equal K blocks (784 = 4 x 196, not 3 x 256 + 16): no short block to pay loop overhead on.
  const kBlocks = (k + KC_MAX - 1) / KC_MAX;
  const kcEven = (k + kBlocks - 1) / kBlocks;
  for (let i0: i32 = 0; i0 < m; i0 += MC) {
    const iEnd = min(m, i0 + MC);
    for (let p0: i32 = 0; p0 < k; p0 += kcEven) {
      const kc = min(kcEven, k - p0);
      const load = accumulate || p0 > 0;
      if (packed) packA(a, rsA, csA, i0, iEnd - i0, p0, kc, aBlock);
      // Address of A[i, p0] for a micro-tile starting at row i.
      const aBase: usize = packed ? aBlock : a + ((<usize>p0 * csA + <usize>i0 * rsA) << 2);
      const tileStep: usize = packed ? <usize>kc << 4 : rsAB << 2; // bytes from one 4-row tile to the next
      for (let j0: i32 = 0; j0 < n; j0 += NR) {
        const nr = min(NR, n - j0);
        packPanel(b, rsB, csB, p0, kc, j0, nr, panel);
        const cj = c + (<usize>j0 << 2);
        let i = i0;
        let ap = aBase;
        if (nr == NR) {
          for (; i + MR <= iEnd; i += MR) {
            micro4x8(ap, rsAB, 2 * rsAB, 3 * rsAB, csAB, panel, kc, cj + <usize>i * ldcB, ldcB, load);
            ap += tileStep;
          }
        }
        for (; i < iEnd; i += MR) {
          edgeTile(ap, rsAB, csAB, panel, kc, cj + <usize>i * ldcB, ldcB, min(MR, iEnd - i), nr, load, tile);
          ap += tileStep;
        }
      }
    }
  }
}

/** out (m, n) = a (m, k) @ b (k, n): the forward product Y = X W. */
export function matmul(a: usize, b: usize, out: usize, m: i32, k: i32, n: i32, scratch: usize): void {
  gemm(a, <usize>k, 1, b, <usize>n, 1, out, <usize>n, m, n, k, false, scratch);
}

/** out (m, n) = a (m, k) @ b (k, n) + bias (n) on every row: Dense's forward pass in one call. */
export function matmulBias(a: usize, b: usize, bias: usize, out: usize, m: i32, k: i32, n: i32, scratch: usize): void {
  const rowBytes = <usize>n << 2;
  for (let i: i32 = 0; i < m; i++) memory.copy(out + <usize>i * rowBytes, bias, rowBytes);
  gemm(a, <usize>k, 1, b, <usize>n, 1, out, <usize>n, m, n, k, true, scratch);
}

/**
 * out (k, n) += a (m, k)^T @ b (m, n): the kernel gradient dW += X^T dY. As a GEMM, A = a^T has
 * strides (1, k): a micro-tile's four A values per K step are four contiguous floats of one row of a.
 */
export function matmulTransAAccumulate(a: usize, b: usize, out: usize, m: i32, k: i32, n: i32, scratch: usize): void {
  gemm(a, 1, <usize>k, b, <usize>n, 1, out, <usize>n, k, n, m, true, scratch);
}

/**
 * out (m, k) = a (m, n) @ b (k, n)^T: the input gradient dX = dY W^T. As a GEMM, B = b^T has strides
 * (1, n), which packTransposed turns into ordinary panels.
 */
export function matmulTransB(a: usize, b: usize, out: usize, m: i32, n: i32, k: i32, scratch: usize): void {
  gemm(a, <usize>n, 1, b, 1, <usize>n, out, <usize>k, m, k, n, false, scratch);
}
