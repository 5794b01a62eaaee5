/**
 * Reads a `*.sweep.json` file (in the spirit of W&B's sweep config): the base experiment (inline, or
 * a path to a `*.experiment.json`), `parameters` keyed by their path in the experiment, `method`
 * grid | random | tpe, `metric` {name, goal}, `early_terminate` median | asha | hyperband with
 * Optuna's arguments and defaults, `max_trials`, `workers`, `seed`, and optionally the study `name`
 * and `storage`. Pure: the caller reads files (sweepFile.ts does it on Node). Every mistake is a
 * ConfigError naming the key, the value and what is allowed.
 */
import { ConfigError, describedAs } from '../engine/configError';
import { msg, quantity } from '../shared/message';
import { type JsonObject, optionalNumber, readObject, readOneOf, readString, rejectUnknownKeys } from '../engine/experiment/specReader';
import { OPTIMIZER_CLASS_NAMES, optimizerClassName } from '../engine/optimizers/optimizerRegistry';
import { type EarlyTerminate, readEarlyTerminate } from './earlyTerminate';
import { baseOptimizerClass, checkPath } from './parameterPaths';
import { MAX_GRID, type ParameterSpec, gridSize, readParameter } from './searchSpace';

export const METHODS = ['grid', 'random', 'tpe'] as const;
export type SweepMethod = (typeof METHODS)[number];
export type Goal = 'minimize' | 'maximize';

export interface SweepMetric {
  /** A Keras history key: loss, val_loss, a compile metric or its val_ form. */
  readonly name: string;
  readonly goal: Goal;
}

export interface SweepDefinition {
  /** The study name: `name`, else the sweep file's name without .sweep.json. */
  readonly name: string;
  /** The base experiment, as JSON in Keras spelling. */
  readonly experiment: JsonObject;
  /** The base experiment file as the sweep names it (relative to the sweep file), or null when inline. */
  readonly experimentFile: string | null;
  readonly parameters: readonly ParameterSpec[];
  readonly method: SweepMethod;
  readonly metric: SweepMetric;
  readonly earlyTerminate: EarlyTerminate | null;
  /** Trials in the whole study (whoever runs them); a grid stops at its size. */
  readonly maxTrials: number;
  /** Parallel trials; null: the machine's cores − 1, at least 1. */
  readonly workers: number | null;
  /** The sampler's seed; null: unseeded (the runner picks one and records it in the study). */
  readonly seed: number | null;
  /** The journal file as the sweep names it, or null for .hyperlab/sweeps/NAME.optuna.log. */
  readonly storage: string | null;
}

const KEYS = ['name', 'experiment', 'parameters', 'method', 'metric', 'early_terminate', 'max_trials', 'workers', 'seed', 'storage', 'description'];

/** How a sweep file names its study by default: foo.sweep.json → "foo". */
export function studyNameFromFile(fileName: string): string {
  const base = fileName.replace(/\\/g, '/').split('/').pop() ?? fileName;
  return base.replace(/\.sweep\.json$/i, '').replace(/\.json$/i, '');
}

function readMetric(value: unknown, experiment: JsonObject): SweepMetric {
  const m = value === undefined ? {} : readObject(value, 'metric');
  rejectUnknownKeys(m, ['name', 'goal'], 'metric');
  const compile = (experiment.compile ?? {}) as JsonObject;
  const metrics = Array.isArray(compile.metrics) ? compile.metrics.filter((x): x is string => typeof x === 'string') : [];
  const allowed = ['loss', 'val_loss', ...metrics, ...metrics.map((x) => `val_${x}`)];
  const name = m.name === undefined ? 'val_loss' : readString(m.name, 'metric.name');
  if (!allowed.includes(name)) throw new ConfigError('metric.name', name, msg('a key of the experiment\'s Keras history: one of {0} (add the metric to compile.metrics to sweep on it)', allowed.join(', ')));
  const goal = m.goal === undefined ? (/loss|error/.test(name) ? 'minimize' : 'maximize') : readOneOf(m.goal, 'metric.goal', ['minimize', 'maximize'] as const);
  return { name, goal };
}

function readParameters(value: unknown, experiment: JsonObject): ParameterSpec[] {
  const obj = readObject(value, 'parameters');
  const names = Object.keys(obj);
  if (names.length === 0) throw new ConfigError('parameters', value, msg('at least one parameter, e.g. {"learning_rate": {"min": 0.0001, "max": 0.1, "distribution": "log_uniform"}}'));
  const specs = names.map((n) => readParameter(n, obj[n]));
  const paths = new Map<string, string>();
  for (const s of specs) {
    const seen = paths.get(s.path.path);
    if (seen !== undefined) throw new ConfigError(`parameters.${s.path.name}`, s.path.name, msg('a path no other parameter sets ({0} already sets {1})', seen, s.path.path));
    paths.set(s.path.path, s.path.name);
  }
  // The optimizer classes the sweep may use: its class_name choices, else the base optimizer's class.
  const classSpec = specs.find((s) => s.path.kind === 'optimizerClass');
  const classes = classSpec ? (classSpec.grid ?? []).map((v, i) => {
    const name = typeof v === 'string' ? optimizerClassName(v) : undefined;
    if (name === undefined) throw new ConfigError(`parameters.${classSpec.path.name}.values[${i}]`, v, msg('an optimizer: one of {0} (any case)', OPTIMIZER_CLASS_NAMES.join(', ')));
    return name;
  }) : [baseOptimizerClass(experiment) ?? 'RMSprop'];
  for (const s of specs) checkPath(experiment, s.path, classes);
  if (specs.some((s) => s.path.kind === 'hiddenLayers')) {
    const indexed = specs.find((s) => s.path.path.startsWith('model.layers[') && !s.path.path.startsWith('model.layers[*]'));
    if (indexed) throw new ConfigError(`parameters.${indexed.path.name}`, indexed.path.path, msg('model.layers[*].<argument> when model.hidden_layers is swept too (an index may not exist in every trial)'));
  }
  return specs;
}

function readMaxTrials(value: unknown, method: SweepMethod, parameters: readonly ParameterSpec[]): number {
  if (method === 'grid') {
    const size = gridSize(parameters);
    const missing = parameters.find((p) => p.grid === null);
    if (missing) throw new ConfigError(`parameters.${missing.path.name}`, missing.path.name, msg('values, an int_uniform range or a step: grid search enumerates every value'));
    if (size > MAX_GRID) throw new ConfigError('parameters', describedAs(msg('{0} grid points', quantity(size))), msg('at most {0} grid points; give fewer values or use method "random" or "tpe"', quantity(MAX_GRID)));
    return Math.min(size, optionalNumber(value, 'max_trials', size, { integer: true, min: 1 }));
  }
  if (value === undefined) throw new ConfigError('max_trials', value, msg('the number of trials the {0} sweep runs in all, a whole number >= 1 (only a grid stops by itself)', method));
  return optionalNumber(value, 'max_trials', 1, { integer: true, min: 1, max: 1_000_000 });
}

export interface SweepSource {
  /** The sweep file's name (for the default study name), e.g. "circle.sweep.json". */
  readonly fileName: string;
  /** Reads the experiment file the sweep names (a path relative to the sweep file) as JSON. */
  readExperiment(relativePath: string): unknown;
}

/** Reads a parsed `*.sweep.json`. */
export function readSweepDefinition(json: unknown, source: SweepSource): SweepDefinition {
  const spec = readObject(json, 'sweep');
  rejectUnknownKeys(spec, KEYS, '');
  const experimentFile = typeof spec.experiment === 'string' ? readString(spec.experiment, 'experiment') : null;
  if (spec.experiment === undefined) throw new ConfigError('experiment', undefined, msg('the base experiment: a path to a *.experiment.json file or the experiment itself {"model": ..., "compile": ..., "fit": ..., "data": ...}'));
  const experiment = readObject(experimentFile === null ? spec.experiment : source.readExperiment(experimentFile), experimentFile === null ? 'experiment' : `experiment (${experimentFile})`);
  const method = spec.method === undefined ? 'tpe' : readOneOf(spec.method, 'method', METHODS);
  const parameters = readParameters(spec.parameters, experiment);
  const name = spec.name === undefined ? studyNameFromFile(source.fileName) : readString(spec.name, 'name');
  if (!/^[\w.-]+$/.test(name)) throw new ConfigError('name', name, msg('a study name of letters, digits, _, - and . (it names the journal file)'));
  return {
    name, experiment, experimentFile, parameters, method,
    metric: readMetric(spec.metric, experiment),
    earlyTerminate: readEarlyTerminate(spec.early_terminate),
    maxTrials: readMaxTrials(spec.max_trials, method, parameters),
    workers: spec.workers === undefined || spec.workers === 'auto' ? null : optionalNumber(spec.workers, 'workers', 1, { integer: true, min: 1, max: 256 }),
    seed: spec.seed === undefined || spec.seed === null ? null : optionalNumber(spec.seed, 'seed', 0, { integer: true, min: 0, max: 4294967295 }),
    storage: spec.storage === undefined ? null : readString(spec.storage, 'storage'),
  };
}
