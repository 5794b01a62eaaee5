/**
 * ZeroPadding1D/2D/3D and Cropping1D/2D/3D (keras/src/layers/reshaping/zero_padding*d.py, cropping*d.py):
 * each spatial axis grows (or shrinks) by its two amounts; the amounts are an int for every side, one int per
 * axis for both its sides, or a (before, after) pair per axis — in 1-D a single pair. Cropping must leave at
 * least one row, as Keras checks. No weights.
 */
import type { Dim, Shape } from '../kerasModel';
import { pyRepr, type BoundArgs } from './boundArgs';
import { formatShape } from './formatting';
import { type LayerRule, NO_WEIGHTS, Unknowable, dataFormat, isSize, layoutAxes, problem, requireRank } from './layerRule';
import { msg } from '../message';

type Pair = [number, number];

function nonNegative(args: BoundArgs, name: string, v: number): number {
  if (!Number.isInteger(v) || v < 0) throw problem('invalid-argument', msg('{0} {1} must hold non-negative integers, got {2}', args.className, name, v));
  return v;
}

/** The (before, after) amounts of each spatial axis. */
function amounts(args: BoundArgs, name: string, dims: number, fallback: readonly Pair[]): Pair[] {
  const value = args.known(name);
  if (value === undefined || value.kind === 'none') return fallback.map((p) => [...p]);
  if (value.kind !== 'tuple') {
    const n = nonNegative(args, name, args.int(name));
    return Array.from({ length: dims }, (): Pair => [n, n]);
  }
  const wrong = () => problem('invalid-argument', dims === 1
    ? msg('{0} {1} must be an int or a pair (before, after), got {2}', args.className, name, pyRepr(value))
    : msg('{0} {1} must be an int, {2} ints or {2} (before, after) pairs, got {3}', args.className, name, dims, pyRepr(value)));
  const number = (item: (typeof value.items)[number]): number => {
    if (item.kind === 'unknown') throw new Unknowable(msg('{0}: {1}', name, item.reason));
    if (item.kind !== 'number') throw wrong();
    return nonNegative(args, name, item.value);
  };
  if (dims === 1) {
    if (value.items.length !== 2) throw wrong();
    return [[number(value.items[0]!), number(value.items[1]!)]];
  }
  if (value.items.length !== dims) throw wrong();
  return value.items.map((item): Pair => {
    if (item.kind === 'tuple') {
      if (item.items.length !== 2) throw wrong();
      return [number(item.items[0]!), number(item.items[1]!)];
    }
    const n = number(item);
    return [n, n];
  });
}

const AXES: Record<number, string> = { 1: '(batch, steps, features)', 2: '(batch, height, width, channels)', 3: '(batch, depth, height, width, channels)' };

function rule(className: string, dims: number, crop: boolean, fallback: readonly Pair[]): LayerRule {
  const name = crop ? 'cropping' : 'padding';
  const hasFormat = !(crop && dims === 1);
  return {
    className, source: `reshaping/${crop ? 'cropping' : 'zero_padding'}${dims}d.py`, inputs: 'one',
    signature: hasFormat ? [name, 'data_format'] : [name],
    check: ({ args }) => void amounts(args, name, dims, fallback),
    outputShape: ({ args, inputs }): Shape => {
      const input = inputs.one();
      const format = hasFormat ? dataFormat(args) : 'channels_last';
      requireRank(className, input, dims + 2, AXES[dims]!);
      const sides = amounts(args, name, dims, fallback);
      const out: Dim[] = [...input];
      layoutAxes(format, dims + 2).spatial.forEach((axis, i) => {
        const n = input[axis] ?? null;
        const [a, b] = sides[i]!;
        if (!isSize(n)) return;
        if (crop && a + b >= n) {
          throw problem('impossible-shape', msg('{0} removes {1} of the {2} steps of an axis of {3}; the cropping must be smaller than the input', className, a + b, n, formatShape(input)));
        }
        out[axis] = crop ? n - a - b : n + a + b;
      });
      return out;
    },
    weights: () => NO_WEIGHTS,
  };
}

const ones = (dims: number): Pair[] => Array.from({ length: dims }, (): Pair => [1, 1]);

export const PADDING_RULES: readonly LayerRule[] = [
  rule('ZeroPadding1D', 1, false, ones(1)),
  rule('ZeroPadding2D', 2, false, ones(2)),
  rule('ZeroPadding3D', 3, false, ones(3)),
  rule('Cropping1D', 1, true, ones(1)),
  rule('Cropping2D', 2, true, [[0, 0], [0, 0]]),
  rule('Cropping3D', 3, true, ones(3)),
];
