/**
 * One entry of a sweep's `parameters`, read into the Optuna distribution that `trial.suggest_*` would
 * record for it: `values` → CategoricalDistribution of those choices; `min`/`max` → FloatDistribution
 * (`log_uniform` sets log=True, `step` a discretization) or, with `int_uniform` / `int_log_uniform`
 * (the default when both ends are integers), IntDistribution. Also the finite list a grid search
 * walks. Errors name the parameter, the value and what is allowed.
 */
import { ConfigError } from '../engine/configError';
import { msg } from '../shared/message';
import { type JsonObject, readNumber, readObject, rejectUnknownKeys } from '../engine/experiment/specReader';
import { FEATURE_SEPARATOR, type ParamValue } from './applyParameters';
import { type Distribution, categoricalDistribution, floatDistribution, intDistribution } from './distributions';
import { type ParameterPath, parseParameterPath } from './parameterPaths';

export const DISTRIBUTIONS = ['uniform', 'log_uniform', 'log_uniform_values', 'int_uniform', 'int_log_uniform'] as const;
export type DistributionName = (typeof DISTRIBUTIONS)[number];

export interface ParameterSpec {
  readonly path: ParameterPath;
  readonly distribution: Distribution;
  /** The values a grid search takes, in order; null for a continuous range. */
  readonly grid: readonly ParamValue[] | null;
}

/** The most grid points a sweep may enumerate. */
export const MAX_GRID = 1_000_000;

function readChoice(v: unknown, key: string, features: boolean): ParamValue {
  if (features) {
    if (!Array.isArray(v) || v.length === 0 || !v.every((f) => typeof f === 'string' && f !== '' && !f.includes(FEATURE_SEPARATOR))) {
      throw new ConfigError(key, v, msg('a non-empty list of Playground feature names, e.g. ["x1", "x2", "x1^2"]'));
    }
    return v.join(FEATURE_SEPARATOR);
  }
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) return v;
  throw new ConfigError(key, v, msg('a number, a string, true/false or null (what an Optuna categorical choice can hold)'));
}

function readValues(spec: JsonObject, key: string, path: ParameterPath): ParameterSpec {
  rejectUnknownKeys(spec, ['values'], key);
  const values = spec.values;
  if (!Array.isArray(values) || values.length === 0) throw new ConfigError(`${key}.values`, values, msg('a non-empty list of values'));
  const choices = values.map((v: unknown, i) => readChoice(v, `${key}.values[${i}]`, path.kind === 'features'));
  choices.forEach((c, i) => {
    if (choices.indexOf(c) !== i) throw new ConfigError(`${key}.values[${i}]`, values[i], msg('a value not already in the list'));
  });
  return { path, distribution: categoricalDistribution(choices), grid: choices };
}

function defaultDistribution(min: number, max: number, step: number | undefined): DistributionName {
  return Number.isInteger(min) && Number.isInteger(max) && (step === undefined || Number.isInteger(step)) ? 'int_uniform' : 'uniform';
}

function gridOf(d: Distribution): ParamValue[] | null {
  if (d.kind === 'categorical') return [...d.choices];
  if (d.kind === 'int' && !d.log) return Array.from({ length: Math.floor((d.high - d.low) / d.step) + 1 }, (_, k) => d.low + k * d.step);
  if (d.kind === 'int') return Array.from({ length: d.high - d.low + 1 }, (_, k) => d.low + k);
  if (d.step === null) return null;
  const n = Math.round((d.high - d.low) / d.step) + 1;
  return Array.from({ length: n }, (_, k) => Number((d.low + k * d.step!).toPrecision(12)));
}

function readRange(spec: JsonObject, key: string, path: ParameterPath): ParameterSpec {
  rejectUnknownKeys(spec, ['min', 'max', 'distribution', 'step'], key);
  const min = readNumber(spec.min, `${key}.min`);
  const max = readNumber(spec.max, `${key}.max`, { above: min });
  const step = spec.step === undefined || spec.step === null ? undefined : readNumber(spec.step, `${key}.step`, { above: 0 });
  const name = spec.distribution === undefined ? defaultDistribution(min, max, step) : spec.distribution;
  if (typeof name !== 'string' || !(DISTRIBUTIONS as readonly string[]).includes(name)) {
    throw new ConfigError(`${key}.distribution`, name, msg('one of {0} (log_uniform takes the values themselves as min and max, like W&B\'s log_uniform_values)', DISTRIBUTIONS.join(', ')));
  }
  const log = name.includes('log');
  if (log && min <= 0) throw new ConfigError(`${key}.min`, min, msg('a number > 0 for {0} (a log scale cannot reach 0)', name));
  if (log && step !== undefined) throw new ConfigError(`${key}.step`, step, msg('no step with {0} (Optuna: "step is not supported when log is true")', name));
  let distribution: Distribution;
  if (name.startsWith('int')) {
    readNumber(min, `${key}.min`, { integer: true });
    readNumber(max, `${key}.max`, { integer: true });
    if (step !== undefined) readNumber(step, `${key}.step`, { integer: true, min: 1 });
    distribution = intDistribution(min, max, log, step ?? 1);
  } else {
    distribution = floatDistribution(min, max, log, step ?? null);
  }
  return { path, distribution, grid: gridOf(distribution) };
}

/** Reads `parameters.<name>`. */
export function readParameter(name: string, value: unknown): ParameterSpec {
  const key = `parameters.${name}`;
  const path = parseParameterPath(name);
  const spec = readObject(value, key);
  if (spec.values !== undefined) return readValues(spec, key, path);
  if (spec.min !== undefined || spec.max !== undefined) {
    if (path.kind === 'features') throw new ConfigError(key, value, msg('{"values": [[...features], ...]}: data.features takes lists of features'));
    return readRange(spec, key, path);
  }
  throw new ConfigError(key, value, msg('{"values": [...]} or {"min": ..., "max": ..., "distribution": "uniform" | "log_uniform" | "int_uniform", "step": ...}'));
}

/** How many points the grid of these parameters has (product of their value counts). */
export function gridSize(parameters: readonly ParameterSpec[]): number {
  return parameters.reduce((n, p) => n * (p.grid?.length ?? Infinity), 1);
}
