/**
 * A run's readable name, made from what it is, e.g. `circle · 2→[3 tanh]→1 · SGD 0.03`: the data, the
 * architecture (inputs → hidden layers → outputs) and the optimizer with its learning rate. Random
 * names (DVC's `exp-3f2a1`) say nothing in a list of twenty runs; these say what differs. The experiment
 * is read leniently (it has already been validated, or is someone's file that may not be): an unknown
 * part is left out of the name rather than guessed.
 */
import { OPTIMIZER_DEFAULTS, type OptimizerClassName } from '../engine/optimizers/optimizerRegistry';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : null);

function dataName(data: Obj | null): string | null {
  if (!data) return null;
  if (typeof data.dataset === 'string') return data.dataset === 'mnist' ? 'MNIST' : data.dataset;
  if (typeof data.csv === 'string') return data.csv.split(/[\\/]/).pop() ?? data.csv;
  if (Array.isArray(data.x)) return 'inline data';
  return null;
}

function inputSize(exp: Obj, data: Obj | null, layers: readonly Obj[]): number | null {
  const model = obj(exp.model);
  const shape = (model?.input_shape ?? layers[0]?.input_shape);
  if (Array.isArray(shape) && shape.every((d) => typeof d === 'number')) return (shape).reduce((a, b) => a * b, 1);
  if (typeof layers[0]?.input_dim === 'number') return layers[0].input_dim;
  if (data && Array.isArray(data.features)) return data.features.length;
  if (data?.dataset === 'mnist') return 784;
  if (data && typeof data.dataset === 'string') return 2;
  return null;
}

function layerPart(layer: Obj): string | null {
  switch (layer.class_name) {
    case 'Dense': {
      const act = typeof layer.activation === 'string' ? layer.activation : 'linear';
      return typeof layer.units === 'number' ? `${layer.units} ${act}` : null;
    }
    case 'Dropout':
      return typeof layer.rate === 'number' ? `drop ${layer.rate}` : 'drop';
    case 'Activation':
      return typeof layer.activation === 'string' ? layer.activation : null;
    case 'Flatten':
      return null;
    default:
      return typeof layer.class_name === 'string' ? layer.class_name : null;
  }
}

/** "8 relu, 8 relu, 8 relu" → "8 relu ×3". */
function collapse(parts: readonly string[]): string[] {
  const out: { part: string; n: number }[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last && last.part === p) last.n++;
    else out.push({ part: p, n: 1 });
  }
  return out.map(({ part, n }) => (n > 1 ? `${part} ×${n}` : part));
}

function architecture(exp: Obj, data: Obj | null): string | null {
  const model = obj(exp.model);
  const layers = Array.isArray(model?.layers) ? (model.layers as unknown[]).map(obj).filter((l): l is Obj => l !== null) : [];
  if (layers.length === 0) return null;
  const lastDense = layers.map((l) => l.class_name).lastIndexOf('Dense');
  const out = lastDense >= 0 && typeof layers[lastDense]!.units === 'number' ? String(layers[lastDense]!.units) : '?';
  const hidden = collapse(layers.slice(0, lastDense < 0 ? layers.length : lastDense).map(layerPart).filter((p): p is string => p !== null));
  const inputs = inputSize(exp, data, layers);
  return `${inputs ?? '?'}→${hidden.length > 0 ? `[${hidden.join(', ')}]→` : ''}${out}`;
}

function optimizerName(exp: Obj): string | null {
  const opt = obj(exp.compile)?.optimizer;
  const o = typeof opt === 'string' ? { class_name: opt } : obj(opt);
  if (!o || typeof o.class_name !== 'string') return null;
  const known = (Object.keys(OPTIMIZER_DEFAULTS) as OptimizerClassName[]).find((k) => k.toLowerCase() === (o.class_name as string).toLowerCase());
  const name = known ?? o.class_name;
  const cfg = obj(o.config) ?? o;
  const lr = typeof cfg.learning_rate === 'number' ? cfg.learning_rate : known ? (OPTIMIZER_DEFAULTS[known].learning_rate as number) : null;
  const extras: string[] = [];
  if (typeof cfg.momentum === 'number' && cfg.momentum > 0) extras.push(`m ${cfg.momentum}`);
  if (cfg.nesterov === true) extras.push('Nesterov');
  return [name, lr !== null ? String(lr) : null, ...extras].filter((p) => p !== null).join(' ');
}

export function runName(experiment: unknown): string {
  const exp = obj(experiment);
  if (!exp) return 'run';
  const data = obj(exp.data);
  const parts = [dataName(data), architecture(exp, data), optimizerName(exp)].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(' · ') : 'run';
}
