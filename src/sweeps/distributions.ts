/**
 * Optuna's parameter distributions (optuna/distributions.py, 3.1 and 4.x alike): FloatDistribution
 * (low, high, log, step), IntDistribution (low, high, log, step) and CategoricalDistribution
 * (choices), with their internal representation (a float; a categorical stores its choice's index),
 * their JSON form as the journal stores it (distribution_to_json: {"name": ..., "attributes": ...}
 * with Python's attribute order) and check_distribution_compatibility. The sampling is elsewhere.
 */
import type { ParamValue } from './applyParameters';
import { echo } from '../shared/echo';
import { pyDumps, pyFloat, pyLoads } from './pythonJson';

export interface FloatDistribution { readonly kind: 'float'; readonly low: number; readonly high: number; readonly log: boolean; readonly step: number | null }
export interface IntDistribution { readonly kind: 'int'; readonly low: number; readonly high: number; readonly log: boolean; readonly step: number }
export interface CategoricalDistribution { readonly kind: 'categorical'; readonly choices: readonly ParamValue[] }
export type Distribution = FloatDistribution | IntDistribution | CategoricalDistribution;

/** A decimal number as integer × 10^-scale, from the shortest repr (Python's Decimal(str(x))). */
function decimal(x: number): { units: bigint; scale: number } {
  const [mant, expText] = x.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  const frac = mant.split('.')[1] ?? '';
  const digits = BigInt(mant.replace('.', ''));
  const scale = frac.length - exp;
  return scale >= 0 ? { units: digits, scale } : { units: digits * 10n ** BigInt(-scale), scale: 0 };
}

/** _adjust_discrete_uniform_high: high becomes the last low + k·step at or below it, in exact decimals. */
export function adjustFloatHigh(low: number, high: number, step: number): number {
  const parts = [decimal(low), decimal(high), decimal(step)];
  const scale = Math.max(...parts.map((p) => p.scale));
  const [l, h, s] = parts.map((p) => p.units * 10n ** BigInt(scale - p.scale)) as [bigint, bigint, bigint];
  const r = h - l;
  if (r % s === 0n) return high;
  // Python's // on Decimals truncates toward zero; r >= 0 here.
  const adjusted = (r / s) * s + l;
  return Number(`${adjusted}e-${scale}`);
}

export function floatDistribution(low: number, high: number, log = false, step: number | null = null): FloatDistribution {
  if (log && step !== null) throw new Error('FloatDistribution: step is not supported when log is true');
  if (low > high) throw new Error(`FloatDistribution: low ${low} > high ${high}`);
  if (log && low <= 0) throw new Error(`FloatDistribution: low must be > 0 for a log distribution, got ${low}`);
  if (step !== null && step <= 0) throw new Error(`FloatDistribution: step must be > 0, got ${step}`);
  return { kind: 'float', low, high: step === null ? high : adjustFloatHigh(low, high, step), log, step };
}

export function intDistribution(low: number, high: number, log = false, step = 1): IntDistribution {
  if (log && step !== 1) throw new Error('IntDistribution: step must be 1 when log is true');
  if (low > high) throw new Error(`IntDistribution: low ${low} > high ${high}`);
  if (log && low < 1) throw new Error(`IntDistribution: low must be >= 1 for a log distribution, got ${low}`);
  if (!Number.isInteger(step) || step <= 0) throw new Error(`IntDistribution: step must be a positive integer, got ${step}`);
  const r = high - low;
  return { kind: 'int', low, high: r % step === 0 ? high : Math.floor(r / step) * step + low, log, step };
}

export function categoricalDistribution(choices: readonly ParamValue[]): CategoricalDistribution {
  if (choices.length === 0) throw new Error('CategoricalDistribution: choices must contain one or more elements');
  return { kind: 'categorical', choices: [...choices] };
}

/** _categorical_choice_equal: Python equality (1 == 1.0 == True) with NaN equal to NaN. */
export function choiceEqual(a: ParamValue, b: ParamValue): boolean {
  const num = (v: ParamValue) => (typeof v === 'boolean' ? Number(v) : v);
  const x = num(a), y = num(b);
  return x === y || (typeof x === 'number' && typeof y === 'number' && Number.isNaN(x) && Number.isNaN(y));
}

export function toInternal(d: Distribution, value: ParamValue): number {
  if (d.kind === 'categorical') {
    const i = d.choices.findIndex((c) => choiceEqual(c, value));
    if (i < 0) throw new Error(`'${echo(String(value))}' not in ${echo(JSON.stringify(d.choices))}`);
    return i;
  }
  if (typeof value !== 'number' || Number.isNaN(value)) throw new Error(`${echo(String(value))} is not a valid ${d.kind} parameter value`);
  return value;
}

export function toExternal(d: Distribution, internal: number): ParamValue {
  if (d.kind === 'categorical') return d.choices[Math.trunc(internal)] ?? null;
  return d.kind === 'int' ? Math.trunc(internal) : internal;
}

/** BaseDistribution.single(): the range holds one value. */
export function isSingle(d: Distribution): boolean {
  if (d.kind === 'categorical') return d.choices.length === 1;
  if (d.low === d.high) return true;
  if (d.kind === 'int') return !d.log && d.high - d.low < d.step;
  return d.step !== null && adjustFloatHigh(d.low, d.high, d.step) - d.low < d.step;
}

/** BaseDistribution._contains on the internal representation. */
export function contains(d: Distribution, internal: number): boolean {
  if (d.kind === 'categorical') return Math.trunc(internal) >= 0 && Math.trunc(internal) < d.choices.length;
  if (internal < d.low || internal > d.high) return false;
  if (d.kind === 'int') return (internal - d.low) % d.step === 0;
  if (d.step === null) return true;
  const k = (internal - d.low) / d.step;
  return Math.abs(k - Math.round(k)) < 1e-8;
}

/** distribution_to_json, byte for byte as Optuna writes it (attribute order of each class's __dict__). */
export function distributionToJson(d: Distribution): string {
  switch (d.kind) {
    case 'float':
      return pyDumps({ name: 'FloatDistribution', attributes: { step: d.step === null ? null : pyFloat(d.step), low: pyFloat(d.low), high: pyFloat(d.high), log: d.log } });
    case 'int':
      return pyDumps({ name: 'IntDistribution', attributes: { log: d.log, step: d.step, low: d.low, high: d.high } });
    case 'categorical':
      return pyDumps({ name: 'CategoricalDistribution', attributes: { choices: d.choices } });
  }
}

const OLD_NAMES: Readonly<Record<string, (a: Record<string, unknown>) => Distribution>> = {
  UniformDistribution: (a) => floatDistribution(a.low as number, a.high as number),
  LogUniformDistribution: (a) => floatDistribution(a.low as number, a.high as number, true),
  DiscreteUniformDistribution: (a) => floatDistribution(a.low as number, a.high as number, false, a.q as number),
  IntUniformDistribution: (a) => intDistribution(a.low as number, a.high as number, false, (a.step as number | undefined) ?? 1),
  IntLogUniformDistribution: (a) => intDistribution(a.low as number, a.high as number, true),
};

/** json_to_distribution, including the deprecated classes older Optuna wrote. */
export function distributionFromJson(text: string): Distribution {
  const obj = pyLoads(text) as { name?: string; attributes?: Record<string, unknown> };
  const a = obj.attributes ?? {};
  switch (obj.name) {
    case 'FloatDistribution': return floatDistribution(a.low as number, a.high as number, a.log === true, (a.step as number | null | undefined) ?? null);
    case 'IntDistribution': return intDistribution(a.low as number, a.high as number, a.log === true, (a.step as number | undefined) ?? 1);
    case 'CategoricalDistribution': return categoricalDistribution(a.choices as ParamValue[]);
  }
  const old = obj.name ? OLD_NAMES[obj.name] : undefined;
  if (!old) throw new Error(`unknown distribution class: ${echo(String(obj.name))}`);
  return old(a);
}

/** check_distribution_compatibility: same class, same log, and for categoricals the same choices. Null when compatible. */
export function incompatibility(old: Distribution, next: Distribution): string | null {
  if (old.kind !== next.kind) return 'Cannot set different distribution kind to the same parameter name.';
  if (old.kind !== 'categorical' && next.kind !== 'categorical' && old.log !== next.log) return 'Cannot set different log configuration to the same parameter name.';
  if (old.kind === 'categorical' && next.kind === 'categorical') {
    const same = old.choices.length === next.choices.length && old.choices.every((c, i) => choiceEqual(c, next.choices[i]!));
    if (!same) return 'CategoricalDistribution does not support dynamic value space.';
  }
  return null;
}
