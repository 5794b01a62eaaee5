/**
 * "Load from code": the hyperparameters of a Keras model read from source (as an experiment, see
 * src/keras/toExperiment.ts) put into the sidebar's settings. The sidebar trains Playground-sized
 * networks, so the model's hidden layers, optimizer with its arguments, epochs, batch size, EarlyStopping,
 * initializers and L1/L2 penalty are taken; its input and output layers are not (the sidebar's data and
 * problem type decide those). Every value goes through the sidebar's own validation: what does not fit
 * is left as it was and named.
 */
import { ACTIVATIONS, type HyperparamSettings, INITIALIZERS, type LayerSettings, OPTIMIZER_ARGS, OPTIMIZERS } from '../../shared/hyperparams';
import { validateSettings } from '../../shared/hyperparamSettings';

type Obj = Readonly<Record<string, unknown>>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export interface LoadedSettings {
  readonly settings: HyperparamSettings;
  /** What was not taken, in words. */
  readonly skipped: readonly string[];
}

function hiddenLayers(layers: readonly Obj[], skipped: string[]): LayerSettings[] | null {
  // A leading Flatten only reshapes the input (Flatten(input_shape=(28, 28))): part of the input, as for Apply to Code.
  let start = 0;
  while (layers[start]?.class_name === 'Flatten') start++;
  const lastDense = layers.map((l) => l.class_name).lastIndexOf('Dense');
  const hidden = layers.slice(start, Math.max(start, lastDense));
  const out: LayerSettings[] = [];
  for (const l of hidden) {
    if (l.class_name === 'Dense') {
      const activation = typeof l.activation === 'string' ? l.activation : 'linear';
      if (!(ACTIVATIONS as readonly string[]).includes(activation)) return skipped.push(`activation "${activation}"`), null;
      out.push({ type: 'Dense', units: num(l.units) ?? 0, activation: activation as LayerSettings['activation'], rate: 0.5 });
    } else if (l.class_name === 'Dropout') {
      out.push({ type: 'Dropout', units: out.at(-1)?.units ?? 4, activation: out.at(-1)?.activation ?? 'relu', rate: num(l.rate) ?? 0.5 });
    } else {
      skipped.push(`the ${String(l.class_name)} layer`);
      return null;
    }
  }
  return out;
}

function optimizerPatch(value: unknown): Partial<Record<string, unknown>> {
  const config = typeof value === 'string' ? { class_name: value } : obj(value);
  const className = typeof config.class_name === 'string' ? config.class_name.toLowerCase() : '';
  const name = OPTIMIZERS.find((o) => o.toLowerCase() === className);
  if (!name) return {};
  const patch: Record<string, unknown> = { optimizer: name };
  const lr = num(config.learning_rate);
  if (lr !== undefined) patch.learning_rate = lr;
  for (const arg of OPTIMIZER_ARGS[name]) if (config[arg] !== undefined) patch[arg] = config[arg];
  return patch;
}

export function settingsFromExperiment(base: HyperparamSettings, experiment: unknown): LoadedSettings {
  const e = obj(experiment), model = obj(e.model), compile = obj(e.compile), fit = obj(e.fit);
  const skipped: string[] = [];
  const layers = (Array.isArray(model.layers) ? model.layers : []).map(obj);
  const patch: Record<string, unknown> = { ...optimizerPatch(compile.optimizer) };
  const hidden = hiddenLayers(layers, skipped);
  if (hidden) patch.layers = hidden;
  if (fit.epochs !== undefined) patch.epochs = fit.epochs;
  if (fit.batch_size !== undefined) patch.batch_size = fit.batch_size;
  const es = (Array.isArray(fit.callbacks) ? fit.callbacks : []).map(obj).find((c) => c.class_name === 'EarlyStopping');
  if (es) Object.assign(patch, { early_stopping: true, ...(es.patience !== undefined ? { patience: es.patience } : {}), ...(es.min_delta !== undefined ? { min_delta: es.min_delta } : {}), ...(es.restore_best_weights !== undefined ? { restore_best_weights: es.restore_best_weights } : {}) });
  const firstDense = layers.find((l) => l.class_name === 'Dense') ?? {};
  for (const key of ['kernel_initializer', 'bias_initializer'] as const) {
    const v = firstDense[key];
    if (typeof v === 'string' && (INITIALIZERS as readonly string[]).includes(v)) patch[key] = v;
    const constant = obj(v);
    if (constant.class_name === 'Constant') Object.assign(patch, { [key]: 'constant', [key === 'kernel_initializer' ? 'kernel_constant' : 'bias_constant']: num(constant.value) ?? 0 });
  }
  const reg = obj(firstDense.kernel_regularizer);
  const regName = typeof reg.class_name === 'string' ? reg.class_name.toUpperCase() : '';
  if (regName === 'L1' || regName === 'L2') Object.assign(patch, { regularizer: regName, regularization_rate: num(reg[regName.toLowerCase()]) ?? 0.01 });
  // Apply key by key, keeping the base value wherever the sidebar's validation refuses the code's value.
  let settings = base;
  for (const [key, value] of Object.entries(patch)) {
    const candidate = { ...settings, [key]: value };
    const problems = validateSettings(candidate);
    if (problems.length === 0) settings = candidate;
    else skipped.push(`${key} = ${JSON.stringify(value)} (${problems[0]!.allowed})`);
  }
  return { settings, skipped };
}
