/**
 * The matrix kernels the layers call, as one swappable object: the pure TypeScript reference
 * (kernels/matmul.ts) or the WebAssembly SIMD implementation. Both have the same semantics; tests
 * check they agree.
 */
import { matmul, matmulTransAAccumulate, matmulTransB } from './matmul';

export interface Kernels {
  readonly name: string;
  /** out (m, n) = a (m, k) @ b (k, n). */
  matmul(a: Float32Array, b: Float32Array, out: Float32Array, m: number, k: number, n: number): void;
  /** out (m, n) = a (m, k) @ b (k, n) + bias (n) on every row. */
  matmulBias(a: Float32Array, b: Float32Array, bias: Float32Array, out: Float32Array, m: number, k: number, n: number): void;
  /** out (k, n) += a (m, k)^T @ b (m, n). */
  matmulTransAAccumulate(a: Float32Array, b: Float32Array, out: Float32Array, m: number, k: number, n: number): void;
  /** out (m, k) = a (m, n) @ b (k, n)^T. */
  matmulTransB(a: Float32Array, b: Float32Array, out: Float32Array, m: number, n: number, k: number): void;
}

function matmulBias(a: Float32Array, b: Float32Array, bias: Float32Array, out: Float32Array, m: number, k: number, n: number): void {
  matmul(a, b, out, m, k, n);
  for (let i = 0; i < m; i++) {
    const o = i * n;
    for (let j = 0; j < n; j++) out[o + j]! += bias[j]!;
  }
}

export const TS_KERNELS: Kernels = { name: 'typescript', matmul, matmulBias, matmulTransAAccumulate, matmulTransB };
