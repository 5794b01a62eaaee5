/**
 * Numbers and shapes written the way Keras 3 prints them in model.summary() (keras/src/utils/
 * summary_utils.py): counts with thousands separators (`f"{n:,}"`), shapes as `(None, 28, 28, 1)` (a
 * one-element shape is `(None)`, since Keras joins the dims itself), and parameter memory with
 * `readable_memory_size`: bytes divided by 1024 until below 1024, two decimals with Python's rounding
 * (ties to even on the exact binary value, which BigInt arithmetic reproduces). float32 weights: 4 bytes.
 */
import type { ParamCount, Shape } from './kerasModel';

export const UNKNOWN_MARK = '?';

export function formatCount(n: number): string {
  return Math.trunc(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatShape(shape: Shape | null): string {
  if (shape === null) return UNKNOWN_MARK;
  return `(${shape.map((d) => (d === null ? 'None' : typeof d === 'number' ? String(d) : UNKNOWN_MARK)).join(', ')})`;
}

/** A layer's output as Keras prints it: one shape, or the list of shapes of a layer that returns several. */
export function formatOutputs(outcome: { readonly outputShape: Shape | null; readonly outputShapes?: readonly (Shape | null)[] } | null): string {
  if (!outcome) return UNKNOWN_MARK;
  if (outcome.outputShapes && outcome.outputShapes.length > 1) return `[${outcome.outputShapes.map(formatShape).join(', ')}]`;
  return formatShape(outcome.outputShape);
}

/** Bytes of `count` float32 weights (dtype_size('float32') = 32 bits, / 8). */
export function weightBytes(count: number): number {
  return count * 4;
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/**
 * Python's "{:.2f}".format(bytes / 1024**k): the division by a power of two is exact in binary floating
 * point, so the printed value is the exact rational bytes·100 / 1024^k rounded half to even.
 */
export function readableMemorySize(bytes: number): string {
  let k = 0;
  let scaled = bytes;
  while (k < UNITS.length - 1 && scaled / 1024 >= 1) {
    scaled /= 1024;
    k++;
  }
  return `${twoDecimals(BigInt(Math.round(bytes)), BigInt(1024) ** BigInt(k))} ${UNITS[k]}`;
}

function twoDecimals(num: bigint, den: bigint): string {
  const scaled = num * 100n;
  let q = scaled / den;
  const r = scaled % den;
  if (2n * r > den || (2n * r === den && q % 2n === 1n)) q += 1n;
  const whole = q / 100n;
  const frac = (q % 100n).toString().padStart(2, '0');
  return `${whole}.${frac}`;
}

/** `407,050 (1.55 MB)` as in the summary footer; '?' when unknown. */
export function countWithSize(n: number | null): string {
  return n === null ? UNKNOWN_MARK : `${formatCount(n)} (${readableMemorySize(weightBytes(n))})`;
}

export function totalCount(p: ParamCount | null): number | null {
  return p === null ? null : p.trainable + p.nonTrainable;
}
