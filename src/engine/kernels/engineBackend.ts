/**
 * Picks the engine's matrix kernels for a run: WebAssembly SIMD when this runtime has it (about 40x the
 * plain TypeScript loops on the lecture's MNIST model), the TypeScript reference otherwise or on request.
 * Each call gives a fresh arena: with wasm, every buffer of the run lives in that instance's memory.
 */
import { HeapArena, type Arena } from './arena';
import { TS_KERNELS, type Kernels } from './kernels';
import { createWasmKernels } from './wasmKernels';

export type KernelChoice = 'auto' | 'wasm' | 'typescript';
export const KERNEL_CHOICES: readonly KernelChoice[] = ['auto', 'wasm', 'typescript'];

export interface EngineBackend {
  readonly kernels: Kernels;
  readonly arena: Arena;
}

export function createBackend(choice: KernelChoice = 'auto'): EngineBackend {
  if (choice !== 'typescript') {
    const wasm = createWasmKernels();
    if (wasm) return { kernels: wasm, arena: wasm };
    if (choice === 'wasm') throw new Error('WebAssembly SIMD is not available in this runtime; use the TypeScript kernels');
  }
  return { kernels: TS_KERNELS, arena: new HeapArena() };
}
