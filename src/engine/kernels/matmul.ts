/**
 * Dense matrix products on row-major Float32Array buffers, in plain TypeScript. These are the
 * reference kernels: the WebAssembly SIMD kernels must agree with them. Loop order i-k-j keeps the
 * inner loop contiguous in both `b` and `out`, which V8 compiles to tight scalar code.
 */

/** out (m, n) = a (m, k) @ b (k, n); out is overwritten. */
export function matmul(a: Float32Array, b: Float32Array, out: Float32Array, m: number, k: number, n: number): void {
  out.fill(0, 0, m * n);
  for (let i = 0; i < m; i++) {
    const ao = i * k, oo = i * n;
    for (let p = 0; p < k; p++) {
      const av = a[ao + p]!;
      if (av === 0) continue;
      const bo = p * n;
      for (let j = 0; j < n; j++) out[oo + j]! += av * b[bo + j]!;
    }
  }
}

/** out (k, n) += a^T @ b, with a (m, k) and b (m, n): the kernel gradient dW += X^T dY. */
export function matmulTransAAccumulate(a: Float32Array, b: Float32Array, out: Float32Array, m: number, k: number, n: number): void {
  for (let i = 0; i < m; i++) {
    const ao = i * k, bo = i * n;
    for (let p = 0; p < k; p++) {
      const av = a[ao + p]!;
      if (av === 0) continue;
      const oo = p * n;
      for (let j = 0; j < n; j++) out[oo + j]! += av * b[bo + j]!;
    }
  }
}

/** out (m, k) = a (m, n) @ b^T, with b (k, n): the input gradient dX = dY W^T. out is overwritten. */
export function matmulTransB(a: Float32Array, b: Float32Array, out: Float32Array, m: number, n: number, k: number): void {
  for (let i = 0; i < m; i++) {
    const ao = i * n, oo = i * k;
    for (let p = 0; p < k; p++) {
      const bo = p * n;
      let s = 0;
      for (let j = 0; j < n; j++) s += a[ao + j]! * b[bo + j]!;
      out[oo + p] = s;
    }
  }
}
