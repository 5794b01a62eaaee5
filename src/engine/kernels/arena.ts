/**
 * Where the engine's buffers come from. A model plans its memory in two passes: first with a
 * CountingArena (which only adds up sizes), then with the real arena after `reserve(total)`, so a
 * WebAssembly-backed arena can size its linear memory once and never grow (growing would detach every
 * view handed out before). The plain arena simply makes Float32Arrays.
 */

export interface Arena {
  /** Makes room for `floats` more values in total before the allocations that follow. */
  reserve(floats: number): void;
  /** A zeroed buffer of `length` floats. */
  alloc(length: number): Float32Array;
}

/** Plain JavaScript memory. */
export class HeapArena implements Arena {
  reserve(_floats: number): void {
    // Nothing to prepare: every allocation is its own ArrayBuffer.
  }

  alloc(length: number): Float32Array {
    return new Float32Array(length);
  }
}

/** Sums the sizes a planning pass asks for; the buffers it returns are empty and never used. */
export class CountingArena implements Arena {
  total = 0;
  private static readonly empty = new Float32Array(0);

  reserve(_floats: number): void {
    // Planning only.
  }

  alloc(length: number): Float32Array {
    // Round each request up to 4 floats (16 bytes), as the SIMD arena aligns them.
    this.total += Math.ceil(length / 4) * 4;
    return CountingArena.empty;
  }
}
