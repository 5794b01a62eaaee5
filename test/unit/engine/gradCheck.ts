/**
 * Finite-difference gradient checking for the engine's tests. The engine computes in float32, so the
 * reference is a central difference with a step large enough to beat float32 rounding, and the check
 * uses a mixed absolute/relative tolerance. On failure it names the first bad index and the worst
 * difference (llm.c test_gpt2.c style).
 */
import * as assert from 'node:assert/strict';

/** Central-difference derivative of f with respect to x[i]; x is restored afterwards. */
export function numericDerivative(f: () => number, x: Float32Array, i: number, eps = 1e-2): number {
  const old = x[i]!;
  x[i] = old + eps;
  const plus = f();
  x[i] = old - eps;
  const minus = f();
  x[i] = old;
  return (plus - minus) / (2 * eps);
}

export interface GradCheckOptions {
  eps?: number;
  atol?: number;
  rtol?: number;
  /** Check only these indices (default: all). */
  indices?: readonly number[];
}

/**
 * Asserts that `analytic[i]` matches d f / d x[i] for every checked i.
 * f must recompute everything from x (it is called 2 * |indices| times).
 */
export function assertGradientMatches(label: string, f: () => number, x: Float32Array, analytic: ArrayLike<number>, opts: GradCheckOptions = {}): void {
  const { eps = 1e-2, atol = 2e-3, rtol = 2e-2 } = opts;
  const indices = opts.indices ?? Array.from({ length: x.length }, (_, i) => i);
  let worst = 0, worstIndex = -1, firstBad = -1;
  for (const i of indices) {
    const numeric = numericDerivative(f, x, i, eps);
    const diff = Math.abs(numeric - analytic[i]!);
    if (diff > worst) { worst = diff; worstIndex = i; }
    if (firstBad < 0 && diff > atol + rtol * Math.abs(numeric)) firstBad = i;
  }
  if (firstBad >= 0) {
    const numeric = numericDerivative(f, x, firstBad, eps);
    assert.fail(`${label}: gradient mismatch at index ${firstBad} (analytic ${analytic[firstBad]}, numeric ${numeric}); max |diff| ${worst} at ${worstIndex}`);
  }
}

/** Asserts two arrays agree element-wise within atol + rtol*|expected|; names the first bad index. */
export function assertClose(label: string, actual: ArrayLike<number>, expected: ArrayLike<number>, atol = 1e-6, rtol = 1e-5): void {
  assert.equal(actual.length, expected.length, `${label}: length ${actual.length} != ${expected.length}`);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!));
  for (let i = 0; i < expected.length; i++) {
    if (!(Math.abs(actual[i]! - expected[i]!) <= atol + rtol * Math.abs(expected[i]!))) {
      assert.fail(`${label}: first mismatch at index ${i}: got ${actual[i]}, expected ${expected[i]} (max |diff| ${worst})`);
    }
  }
}
