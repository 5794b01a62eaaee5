/**
 * Puts a trial's parameter values into a copy of the base experiment (JSON in Keras spelling), so the
 * trial trains as an ordinary experiment file. Structure first (model.hidden_layers, then the
 * optimizer's class), then every other value in the order the sweep lists them. It validates nothing
 * the experiment loader checks anyway: a bad value fails that trial with the loader's ConfigError.
 */
import { ConfigError } from '../engine/configError';
import { msg } from '../shared/message';
import type { JsonObject } from '../engine/experiment/specReader';
import { OPTIMIZER_DEFAULTS, optimizerClassName } from '../engine/optimizers/optimizerRegistry';
import { LAYER_ARGS, type ParameterPath, type PathSegment } from './parameterPaths';

/** A value a parameter takes: what Optuna can store (None, bool, int, float, str). */
export type ParamValue = number | string | boolean | null;

export interface Assignment {
  readonly path: ParameterPath;
  readonly value: ParamValue;
}

/** data.features choices travel as one string (Optuna's categorical choices are scalars): "x1,x2,x1^2". */
export const FEATURE_SEPARATOR = ',';

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const clone = <T>(v: T): T => structuredClone(v);

/** The arguments object of a Keras config: its nested "config" when it uses one. */
function argsOf(obj: JsonObject, key: string): JsonObject {
  if (key !== 'class_name' && key !== 'config' && isObject(obj.config) && typeof obj.class_name === 'string') return obj.config;
  return obj;
}

function setAt(target: unknown, segments: readonly PathSegment[], value: unknown, where: string, inLayers = false): void {
  const [head, ...rest] = segments;
  if (head === undefined) return;
  if ('key' in head) {
    if (!isObject(target)) throw new ConfigError(where, target, msg('an object at {0}', head.key));
    const obj = argsOf(target, head.key);
    if (rest.length === 0) {
      obj[head.key] = value;
      return;
    }
    if (obj[head.key] === undefined || obj[head.key] === null) obj[head.key] = isIndex(rest[0]) ? [] : {};
    setAt(obj[head.key], rest, value, where, head.key === 'layers');
    return;
  }
  if (!Array.isArray(target)) throw new ConfigError(where, target, msg('a list to index'));
  if ('index' in head) {
    if (head.index >= target.length) throw new ConfigError(where, head.index, msg('an index below {0}', target.length));
    setAt(target[head.index], rest, value, where);
    return;
  }
  // [*]: every element; in model.layers every hidden layer (all but the output) whose class takes the key.
  const nextKey = rest[0] && 'key' in rest[0] ? rest[0].key : '';
  const items = inLayers ? target.slice(0, -1).filter((l) => isObject(l) && (LAYER_ARGS[l.class_name as string] ?? []).includes(nextKey)) : target;
  for (const item of items) setAt(item, rest, value, where);
}

const isIndex = (s: PathSegment | undefined): boolean => s !== undefined && !('key' in s);

function flatOptimizer(exp: JsonObject): JsonObject {
  const compile = isObject(exp.compile) ? exp.compile : (exp.compile = {});
  const opt = compile.optimizer ?? 'rmsprop';
  let flat: JsonObject;
  if (typeof opt === 'string') flat = { class_name: optimizerClassName(opt) ?? opt };
  else if (isObject(opt)) flat = isObject(opt.config) ? { class_name: opt.class_name, ...opt.config } : { ...opt };
  else throw new ConfigError('compile.optimizer', opt, msg('an optimizer name or {"class_name": ..., ...} to vary its arguments'));
  compile.optimizer = flat;
  return flat;
}

function setOptimizerClass(exp: JsonObject, value: ParamValue, where: string): void {
  const name = typeof value === 'string' ? optimizerClassName(value) : undefined;
  if (name === undefined) throw new ConfigError(where, value, msg('an optimizer class: one of {0}', Object.keys(OPTIMIZER_DEFAULTS).join(', ')));
  const flat = flatOptimizer(exp);
  const takes = OPTIMIZER_DEFAULTS[name];
  // Arguments the base gave for another class (momentum for SGD) do not carry over to Adam.
  for (const k of Object.keys(flat)) if (k !== 'class_name' && !(k in takes)) delete flat[k];
  flat.class_name = name;
}

/** model.hidden_layers = n: the first n hidden blocks (a Dense and the Dropouts after it), the last one repeated to grow. */
function setHiddenLayers(exp: JsonObject, value: ParamValue, where: string): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new ConfigError(where, value, msg('a whole number of hidden layers >= 0'));
  const model = isObject(exp.model) ? exp.model : null;
  const layers: unknown[] | null = model && Array.isArray(model.layers) ? (model.layers as unknown[]) : null;
  if (!model || !layers || layers.length === 0) throw new ConfigError(where, value, msg('a base model with model.layers'));
  const body = layers.slice(0, -1), output: unknown = layers[layers.length - 1];
  const firstDense = body.findIndex((l) => isObject(l) && l.class_name === 'Dense');
  const prefix = firstDense < 0 ? body : body.slice(0, firstDense);
  const blocks: unknown[][] = [];
  for (const l of firstDense < 0 ? [] : body.slice(firstDense)) {
    if (isObject(l) && l.class_name === 'Dense') blocks.push([l]);
    else blocks[blocks.length - 1]!.push(l);
  }
  if (value > 0 && blocks.length === 0) throw new ConfigError(where, value, msg('0: the base model has no hidden Dense layer to repeat'));
  const kept = blocks.slice(0, value);
  while (kept.length < value) kept.push(blocks[blocks.length - 1]!.map(withoutIdentity));
  const rebuilt = [...prefix, ...kept.flat(), output];
  // The input shape rides on the first layer in Keras' Sequential; keep it there when that layer changed.
  const shapeKeys = ['input_shape', 'input_dim', 'batch_input_shape'];
  const shapeHolder = layers.find((l) => isObject(l) && shapeKeys.some((k) => argsOf(l, k)[k] !== undefined)) as JsonObject | undefined;
  if (shapeHolder && rebuilt[0] !== shapeHolder && !(isObject(rebuilt[0]) && rebuilt[0].class_name === 'InputLayer')) {
    const moved = clone(shapeHolder), first = clone(rebuilt[0]) as JsonObject;
    for (const k of shapeKeys) if (argsOf(moved, k)[k] !== undefined) argsOf(first, k)[k] = argsOf(moved, k)[k];
    rebuilt[0] = first;
    const holderAt = rebuilt.indexOf(shapeHolder);
    if (holderAt > 0) rebuilt[holderAt] = withoutIdentity(shapeHolder);
  }
  model.layers = rebuilt;
}

/** A copy of a layer without its name and input shape (a repeated layer gets Keras' automatic name). */
function withoutIdentity(layer: unknown): unknown {
  const copy = clone(layer);
  if (isObject(copy)) for (const k of ['name', 'input_shape', 'input_dim', 'batch_input_shape']) { delete copy[k]; if (isObject(copy.config)) delete copy.config[k]; }
  return copy;
}

/** kernel_regularizer.l1/.l2: whatever the layer had becomes L1L2 with the same factors, then the factor is set. */
function setRegularizerFactor(exp: JsonObject, p: ParameterPath, value: ParamValue, where: string): void {
  const regPath = p.segments.slice(0, -1);
  const factor = (p.segments[p.segments.length - 1] as { key: string }).key;
  const normalize = (reg: unknown): JsonObject => {
    const byName: Record<string, [number, number]> = { l1: [0.01, 0], L1: [0.01, 0], l2: [0, 0.01], L2: [0, 0.01], l1l2: [0, 0], L1L2: [0, 0] };
    if (reg === undefined || reg === null) return { class_name: 'L1L2', l1: 0, l2: 0 };
    if (typeof reg === 'string' && byName[reg]) return { class_name: 'L1L2', l1: byName[reg][0], l2: byName[reg][1] };
    if (isObject(reg) && typeof reg.class_name === 'string' && byName[reg.class_name]) {
      const a = isObject(reg.config) ? reg.config : reg;
      const [d1, d2] = reg.class_name.toLowerCase() === 'l1' ? [0.01, 0] : reg.class_name.toLowerCase() === 'l2' ? [0, 0.01] : [0, 0];
      return { class_name: 'L1L2', l1: typeof a.l1 === 'number' ? a.l1 : d1, l2: typeof a.l2 === 'number' ? a.l2 : d2 };
    }
    throw new ConfigError(where, reg, msg('a layer regularizer l1, l2, l1l2, {"class_name": "L1"|"L2"|"L1L2", ...} or none'));
  };
  // Walk to every layer the path selects, then replace its regularizer.
  const holders: JsonObject[] = [];
  collect(exp, regPath.slice(0, -1), holders, false);
  const regKey = (regPath[regPath.length - 1] as { key: string }).key;
  for (const h of holders) {
    const args = argsOf(h, regKey);
    args[regKey] = { ...normalize(args[regKey]), [factor]: value };
  }
}

/** The objects `segments` selects ([*] in model.layers: the hidden Dense layers). */
function collect(target: unknown, segments: readonly PathSegment[], out: JsonObject[], inLayers: boolean): void {
  const [head, ...rest] = segments;
  if (head === undefined) {
    if (isObject(target)) out.push(target);
    return;
  }
  if ('key' in head) {
    if (isObject(target)) collect(argsOf(target, head.key)[head.key], rest, out, head.key === 'layers');
  } else if (Array.isArray(target)) {
    const items = 'index' in head ? [target[head.index]] : inLayers ? target.slice(0, -1).filter((l) => isObject(l) && l.class_name === 'Dense') : target;
    for (const item of items) collect(item, rest, out, false);
  }
}

function setFeatures(exp: JsonObject, value: ParamValue, where: string): void {
  if (typeof value !== 'string' || value === '') throw new ConfigError(where, value, msg('Playground features joined by "{0}", e.g. "x1,x2,x1^2"', FEATURE_SEPARATOR));
  const features = value.split(FEATURE_SEPARATOR).map((f) => f.trim());
  const data = isObject(exp.data) ? exp.data : (exp.data = {});
  data.features = features;
  // The model takes as many inputs as there are features: keep a declared input shape in step.
  const model = isObject(exp.model) ? exp.model : null;
  if (model && Array.isArray(model.input_shape)) model.input_shape = [features.length];
  const first: unknown = model && Array.isArray(model.layers) ? (model.layers as unknown[])[0] : undefined;
  if (isObject(first)) {
    const a = argsOf(first, 'input_shape');
    if (Array.isArray(a.input_shape)) a.input_shape = [features.length];
    if (Array.isArray(a.shape) && first.class_name === 'InputLayer') a.shape = [features.length];
    if (typeof a.input_dim === 'number') a.input_dim = features.length;
  }
}

const ORDER: Readonly<Record<ParameterPath['kind'], number>> = { hiddenLayers: 0, optimizerClass: 1, optimizerArg: 2, features: 2, regularizerFactor: 2, value: 2 };

/** A copy of `base` with every assignment applied. */
export function applyParameters(base: JsonObject, assignments: readonly Assignment[]): JsonObject {
  const exp = clone(base);
  const ordered = [...assignments].sort((a, b) => ORDER[a.path.kind] - ORDER[b.path.kind]);
  for (const { path: p, value } of ordered) {
    const where = `parameters.${p.name}`;
    switch (p.kind) {
      case 'hiddenLayers': setHiddenLayers(exp, value, where); break;
      case 'optimizerClass': setOptimizerClass(exp, value, where); break;
      case 'optimizerArg': flatOptimizer(exp)[(p.segments[2] as { key: string }).key] = value; break;
      case 'regularizerFactor': setRegularizerFactor(exp, p, value, where); break;
      case 'features': setFeatures(exp, value, where); break;
      case 'value': setAt(exp, p.segments, value, where); break;
    }
  }
  return exp;
}
