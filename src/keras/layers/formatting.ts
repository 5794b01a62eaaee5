/**
 * How the layer rules write numbers and shapes in formulas and messages, the way Keras' summary and Python
 * print them: counts with en-US thousands separators ('401,920'), shapes as Python tuples ('(None, 784)',
 * '(None,)'; a size HyperLab cannot read statically is '?'). Pure string helpers; no rules, no Keras semantics.
 */
import type { Shape } from '../kerasModel';

/** 401920 → '401,920' (Keras prints `f"{count:,}"`). */
export function formatCount(n: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.abs(Math.trunc(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** [null, 784] → '(None, 784)'; a one-element shape keeps Python's trailing comma. */
export function formatShape(shape: Shape): string {
  const items = shape.map((d) => (d === null ? 'None' : typeof d === 'number' ? String(d) : '?'));
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

/** 'expr = total' with the total formatted, e.g. '784 × 512 + 512 = 401,920'. */
export function formulaText(expr: string, total: number): string {
  return `${expr} = ${formatCount(total)}`;
}

/** Multiplies factors for a formula: [3, 3, 1, 32] → '3 × 3 × 1 × 32'. */
export function product(factors: readonly number[]): string {
  return factors.map(formatCount).join(' × ');
}
