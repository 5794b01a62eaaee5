/**
 * The WebAssembly SIMD matrix kernels (assembly/matmul.ts, inlined as base64 by scripts/buildWasm.mjs)
 * and the memory they work on. The engine allocates its buffers with `alloc`, as Float32Array views into
 * the module's linear memory, so a kernel call passes byte offsets and copies nothing. This is not a
 * general allocator (a bump pointer with one `reset`), and it does not fall back to copying: a buffer
 * that is not one of its views is a planning bug, and the call throws. It has the same `name`,
 * kernel and `reserve`/`alloc` shape as the engine's Kernels and Arena contracts.
 *
 * Memory rules. Growing a WebAssembly.Memory detaches every view on its old ArrayBuffer (they become
 * length 0 and silently read undefined), so the memory may grow only while no view is out:
 *  1. Plan first: `reserve(floats)` (the sum of `paddedFloats(length)` over the allocations to come)
 *     grows the memory once, before the first `alloc`.
 *  2. `alloc` throws, with the sizes in the message, if it would have to grow after a view was handed
 *     out since the last `reset`; `reserve` throws in the same case.
 *  3. `reset()` frees everything at once: earlier views must be dropped, since new allocations reuse
 *     their bytes (and a later grow detaches them).
 */
import { MATMUL_WASM_BASE64 } from './generated/matmulWasm';

/** The module's exports, as assembly/matmul.ts declares them (addresses and sizes in bytes). */
interface MatmulExports {
  scratchBytes(): number;
  heapBase(): number;
  matmul(a: number, b: number, out: number, m: number, k: number, n: number, scratch: number): void;
  matmulBias(a: number, b: number, bias: number, out: number, m: number, k: number, n: number, scratch: number): void;
  matmulTransAAccumulate(a: number, b: number, out: number, m: number, k: number, n: number, scratch: number): void;
  matmulTransB(a: number, b: number, out: number, m: number, n: number, k: number, scratch: number): void;
}

/**
 * The part of the WebAssembly JS API used here, typed locally: the project compiles against lib ES2022
 * and @types/node 20, neither of which declares the WebAssembly namespace, and a global declaration
 * would clash with lib.dom the day a tsconfig includes it.
 */
interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: { env: { memory: WasmMemory } }) => { readonly exports: object };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
  CompileError: new () => Error;
}
/** An opaque compiled module. */
interface WasmModule {
  readonly __wasmModule?: never;
}
/** A WebAssembly.Memory: `buffer` is replaced (and the old one detached) by every successful grow. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(deltaPages: number): number;
}

const PAGE_BYTES = 65536;
const ALIGN_BYTES = 16; // one v128

/** Floats an allocation of `length` really takes: lengths round up to 4 floats to keep 16-byte alignment. */
export function paddedFloats(length: number): number {
  return Math.ceil(length / 4) * 4;
}

function alignUp(bytes: number, align: number): number {
  return Math.ceil(bytes / align) * align;
}

const wasmApi = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
let compiled: WasmModule | null | undefined; // undefined: not tried yet; null: no SIMD here

/** Compiles the module once per thread; null when this runtime has no WebAssembly or no simd128. */
function compiledModule(api: WasmApi): WasmModule | null {
  if (compiled !== undefined) return compiled;
  const binary = atob(MATMUL_WASM_BASE64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  try {
    compiled = new api.Module(bytes); // synchronous: a 3 KB module, and we run in Node, not a page
  } catch (err) {
    // A CompileError here means the engine lacks simd128 (the build script already compiled it once).
    if (!(err instanceof api.CompileError)) throw err;
    compiled = null;
  }
  return compiled;
}

/** A fresh kernel instance with its own memory, or null when WebAssembly SIMD is unavailable. */
export function createWasmKernels(): WasmKernels | null {
  if (!wasmApi) return null;
  const module = compiledModule(wasmApi);
  return module ? new WasmKernels(wasmApi, module) : null;
}

export class WasmKernels {
  readonly name = 'wasm-simd';
  /** The linear memory every view from `alloc` lives in. */
  readonly memory: WasmMemory;
  private readonly wasm: MatmulExports;
  private readonly scratch: number; // byte address of the module's packing scratch
  private readonly heapStart: number; // first byte `alloc` hands out
  private top: number; // next free byte
  private viewsOut = 0; // views handed out since the last reset
  // memory.buffer, read once per grow: the getter crosses into the runtime, and owns() runs for every
  // operand of every kernel call (it was a tenth of a small net's training time).
  private buffer!: ArrayBuffer;

  /** Use createWasmKernels(), which also handles runtimes without SIMD. */
  constructor(api: WasmApi, module: WasmModule) {
    this.memory = new api.Memory({ initial: 1 });
    const instance = new api.Instance(module, { env: { memory: this.memory } });
    this.wasm = instance.exports as unknown as MatmulExports;
    this.scratch = alignUp(this.wasm.heapBase(), ALIGN_BYTES);
    this.heapStart = this.top = alignUp(this.scratch + this.wasm.scratchBytes(), ALIGN_BYTES);
    this.buffer = this.memory.buffer;
    this.growTo(this.heapStart);
  }

  /** Floats allocated since the last reset, padding included. */
  get usedFloats(): number {
    return (this.top - this.heapStart) / 4;
  }

  /** Floats that can still be allocated without growing the memory. */
  get freeFloats(): number {
    return (this.buffer.byteLength - this.top) / 4;
  }

  /** Grows the memory now so that `floats` more floats (padded, see paddedFloats) fit without growing later. */
  reserve(floats: number): void {
    checkCount('reserve', 'floats', floats);
    this.ensure(this.top + paddedFloats(floats) * 4, `reserve(${floats})`);
  }

  /** A zeroed (length) view into the module memory, 16-byte aligned. */
  alloc(length: number): Float32Array {
    checkCount('alloc', 'length', length);
    const end = this.top + paddedFloats(length) * 4;
    this.ensure(end, `alloc(${length})`);
    const view = new Float32Array(this.buffer, this.top, length);
    view.fill(0); // the bytes may hold a previous allocation's values after reset()
    this.top = end;
    this.viewsOut++;
    return view;
  }

  /** Frees every allocation; views handed out before must not be used again. */
  reset(): void {
    this.top = this.heapStart;
    this.viewsOut = 0;
  }

  /** True when `view` lives in this instance's allocatable memory (what every kernel argument must do). */
  owns(view: Float32Array): boolean {
    return view.buffer === this.buffer && view.byteOffset >= this.heapStart;
  }

  /** out (m, n) = a (m, k) @ b (k, n); out is overwritten. */
  matmul(a: Float32Array, b: Float32Array, out: Float32Array, m: number, k: number, n: number): void {
    this.checkDims('matmul', m, k, n);
    this.checkView('matmul', 'a', a, m * k);
    this.checkView('matmul', 'b', b, k * n);
    this.checkOut('matmul', out, m * n, a, m * k, b, k * n);
    this.wasm.matmul(a.byteOffset, b.byteOffset, out.byteOffset, m, k, n, this.scratch);
  }

  /** out (m, n) = a (m, k) @ b (k, n) + bias (n) on every row; out is overwritten. */
  matmulBias(a: Float32Array, b: Float32Array, bias: Float32Array, out: Float32Array, m: number, k: number, n: number): void {
    this.checkDims('matmulBias', m, k, n);
    this.checkView('matmulBias', 'a', a, m * k);
    this.checkView('matmulBias', 'b', b, k * n);
    this.checkView('matmulBias', 'bias', bias, n);
    this.checkOut('matmulBias', out, m * n, a, m * k, b, k * n, bias, n);
    this.wasm.matmulBias(a.byteOffset, b.byteOffset, bias.byteOffset, out.byteOffset, m, k, n, this.scratch);
  }

  /** out (k, n) += a (m, k)^T @ b (m, n): the kernel gradient dW += X^T dY. */
  matmulTransAAccumulate(a: Float32Array, b: Float32Array, out: Float32Array, m: number, k: number, n: number): void {
    this.checkDims('matmulTransAAccumulate', m, k, n);
    this.checkView('matmulTransAAccumulate', 'a', a, m * k);
    this.checkView('matmulTransAAccumulate', 'b', b, m * n);
    this.checkOut('matmulTransAAccumulate', out, k * n, a, m * k, b, m * n);
    this.wasm.matmulTransAAccumulate(a.byteOffset, b.byteOffset, out.byteOffset, m, k, n, this.scratch);
  }

  /** out (m, k) = a (m, n) @ b (k, n)^T: the input gradient dX = dY W^T; out is overwritten. */
  matmulTransB(a: Float32Array, b: Float32Array, out: Float32Array, m: number, n: number, k: number): void {
    this.checkDims('matmulTransB', m, n, k);
    this.checkView('matmulTransB', 'a', a, m * n);
    this.checkView('matmulTransB', 'b', b, k * n);
    this.checkOut('matmulTransB', out, m * k, a, m * n, b, k * n);
    this.wasm.matmulTransB(a.byteOffset, b.byteOffset, out.byteOffset, m, n, k, this.scratch);
  }

  /** Makes the memory at least `end` bytes, unless that would detach views already handed out. */
  private ensure(end: number, what: string): void {
    if (end <= this.buffer.byteLength) return;
    if (this.viewsOut > 0) {
      const have = this.freeFloats + this.usedFloats, need = (end - this.heapStart) / 4;
      throw new Error(
        `WasmKernels.${what} needs ${need} floats but ${have} are reserved, and growing the memory now would ` +
        `detach the ${this.viewsOut} views already handed out. Call reserve(total) with the sum of ` +
        'paddedFloats(length) over every allocation before the first alloc (or reset() and plan again).',
      );
    }
    this.growTo(end);
  }

  private growTo(end: number): void {
    const pages = Math.ceil((end - this.buffer.byteLength) / PAGE_BYTES);
    if (pages <= 0) return;
    try {
      this.memory.grow(pages);
      this.buffer = this.memory.buffer; // growing detached the old one
    } catch (err) {
      throw new Error(`WasmKernels could not grow its memory to ${Math.ceil(end / 2 ** 20)} MiB (WebAssembly's limit is 4 GiB); use a smaller batch or model`, { cause: err });
    }
  }

  private checkDims(kernel: string, m: number, k: number, n: number): void {
    if (!(isCount(m) && isCount(k) && isCount(n))) throw new Error(`WasmKernels.${kernel}: dimensions must be non-negative integers, got ${m}, ${k}, ${n}`);
  }

  /**
   * Every operand must be a view of this memory (the zero-copy contract) and long enough. These checks
   * run on every kernel call, so they allocate nothing.
   */
  private checkView(kernel: string, name: string, view: Float32Array, length: number): void {
    if (!this.owns(view)) {
      const why = view.buffer.byteLength === 0 ? 'it is detached (made before the memory grew)' : 'it is not a view from alloc()';
      throw new Error(`WasmKernels.${kernel}: ${name} is not in the kernels' memory: ${why}. Allocate every kernel buffer with alloc(), after reserve().`);
    }
    if (view.length < length) throw new Error(`WasmKernels.${kernel}: ${name} has ${view.length} floats but the shape needs ${length}`);
  }

  /** `out` must be valid too and must not overlap an input: the kernel reads inputs after it has started writing `out`. */
  private checkOut(kernel: string, out: Float32Array, outLength: number, a: Float32Array, aLength: number, b: Float32Array, bLength: number, c?: Float32Array, cLength = 0): void {
    this.checkView(kernel, 'out', out, outLength);
    if (outLength === 0) return;
    const start = out.byteOffset, end = start + outLength * 4;
    const overlaps = (v: Float32Array, length: number) => length > 0 && v.byteOffset < end && start < v.byteOffset + length * 4;
    if (overlaps(a, aLength) || overlaps(b, bLength) || (c !== undefined && overlaps(c, cLength))) {
      throw new Error(`WasmKernels.${kernel}: out overlaps an input; give the result its own buffer`);
    }
  }
}

function isCount(d: number): boolean {
  return Number.isInteger(d) && d >= 0;
}

function checkCount(method: string, name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new Error(`WasmKernels.${method}: ${name} must be a non-negative integer, got ${value}`);
}
