/**
 * What the schema in hyperparams.ts implies for one set of sidebar settings: the starting settings, the
 * check of a value against its field (the webview runs it at the control, the host again on every
 * message, since messages are untrusted), the restore of stored settings that may be stale or damaged,
 * the rules that tie fields together (Playground's problem type ↔ dataset), which controls apply (an
 * optimizer's own arguments, early stopping's when it is on), and the numbers the sidebar shows live:
 * training samples, iterations per epoch and the parameter count. Pure functions; no I/O.
 */
import { isRecord } from './protocol/guards';
import {
  DATASETS, FIELDS, GROUP_LABELS, type DatasetName, type Field, type HyperparamSettings, LAYERS_FIELD, LAYER_FIELDS, type LayerSettings, MAX_HIDDEN_LAYERS, OPTIMIZER_ARGS,
  PLAYGROUND_SAMPLES, PROBLEM_OF_DATASET, type ProblemType, SCALAR_KEYS, type ScalarKey,
} from './hyperparams';

export const LAYER_KEYS = Object.keys(LAYER_FIELDS) as readonly (keyof LayerSettings)[];

/** Playground's output layer and loss for each problem type (with HyperLab's 0/1 labels: sigmoid, not tanh). */
export const OUTPUT_OF_PROBLEM: { readonly [P in ProblemType]: { readonly activation: 'sigmoid' | 'linear'; readonly loss: string; readonly metrics: readonly string[] } } = {
  classification: { activation: 'sigmoid', loss: 'binary_crossentropy', metrics: ['accuracy'] },
  regression: { activation: 'linear', loss: 'mean_squared_error', metrics: ['mean_absolute_error'] },
};

export function defaultSettings(): HyperparamSettings {
  const scalars = Object.fromEntries(SCALAR_KEYS.map((k) => [k, FIELDS[k].default]));
  return { ...scalars, layers: LAYERS_FIELD.default } as unknown as HyperparamSettings;
}

/** A hidden layer as Playground adds one: Dense, 2 neurons, the activation of the layer before it. */
export function newLayer(before: LayerSettings | undefined): LayerSettings {
  return { type: LAYER_FIELDS.type.default, units: LAYER_FIELDS.units.default, activation: before?.activation ?? LAYER_FIELDS.activation.default, rate: LAYER_FIELDS.rate.default };
}

/** The allowed values in language-neutral notation: "1 … 64", "0 < x ≤ 10", "circle, xor". */
export function allowedRange(field: Field): string {
  switch (field.kind) {
    case 'number':
      return field.integer ? `${field.min} … ${field.max}` : `${field.min} ${field.minOpen ? '<' : '≤'} x ${field.maxOpen ? '<' : '≤'} ${field.max}`;
    case 'choice':
      return field.options.join(', ');
    case 'boolean':
      return 'true, false';
    case 'set':
      return `1 … ${field.options.length}: ${field.options.join(', ')}`;
  }
}

export function isInRange(field: Extract<Field, { kind: 'number' }>, v: unknown): v is number {
  if (typeof v !== 'number' || !Number.isFinite(v) || (field.integer && !Number.isInteger(v))) return false;
  return (field.minOpen ? v > field.min : v >= field.min) && (field.maxOpen ? v < field.max : v <= field.max);
}

/** Whether `value` is one the field allows. */
export function checkField(field: Field, value: unknown): boolean {
  switch (field.kind) {
    case 'number':
      return isInRange(field, value);
    case 'choice':
      return typeof value === 'string' && field.options.includes(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'set':
      return Array.isArray(value) && value.length >= 1 && new Set(value).size === value.length &&
        value.every((v) => typeof v === 'string' && (field.options as readonly string[]).includes(v));
  }
}

export interface SettingsProblem {
  /** Where: "batch_size", "layers[1].units", "dataset". */
  readonly path: string;
  /** The field's English label (the host translates it). */
  readonly label: string;
  /** allowedRange of the field, or the rule that was broken. */
  readonly allowed: string;
}

const problem = (path: string, field: { readonly label: string }, allowed: string): SettingsProblem => ({ path, label: field.label, allowed });

function layerProblems(raw: unknown, i: number): SettingsProblem[] {
  const path = `layers[${i}]`;
  if (!isRecord(raw) || Object.keys(raw).length !== LAYER_KEYS.length) return [problem(path, LAYERS_FIELD, LAYER_KEYS.join(', '))];
  return LAYER_KEYS.filter((k) => !checkField(LAYER_FIELDS[k], raw[k])).map((k) => problem(`${path}.${k}`, LAYER_FIELDS[k], allowedRange(LAYER_FIELDS[k])));
}

/** Everything wrong with untrusted settings; [] means they are valid HyperparamSettings. */
export function validateSettings(raw: unknown): SettingsProblem[] {
  if (!isRecord(raw)) return [problem('', { label: 'settings' }, 'an object')];
  const problems: SettingsProblem[] = [];
  const known = new Set<string>([...SCALAR_KEYS, 'layers']);
  for (const extra of Object.keys(raw).filter((k) => !known.has(k))) problems.push(problem(extra, { label: extra }, 'no such setting'));
  for (const k of SCALAR_KEYS) if (!checkField(FIELDS[k], raw[k])) problems.push(problem(k, FIELDS[k], allowedRange(FIELDS[k])));
  const layers = raw.layers;
  if (!Array.isArray(layers) || layers.length > MAX_HIDDEN_LAYERS) problems.push(problem('layers', LAYERS_FIELD, `0 … ${MAX_HIDDEN_LAYERS}`));
  else layers.forEach((layer: unknown, i) => problems.push(...layerProblems(layer, i)));
  if (problems.length === 0 && PROBLEM_OF_DATASET[raw.dataset as DatasetName] !== raw.problem_type) {
    problems.push(problem('dataset', FIELDS.dataset, datasetsFor(raw.problem_type as ProblemType).join(', ')));
  }
  return problems;
}

export function isHyperparamSettings(raw: unknown): raw is HyperparamSettings {
  return validateSettings(raw).length === 0;
}

/**
 * Settings from storage (the webview's state or the workspace's), which may come from an older HyperLab
 * or be damaged: every valid value is kept, anything else falls back to its start value.
 */
export function restoreSettings(raw: unknown): HyperparamSettings {
  const start = defaultSettings();
  if (!isRecord(raw)) return start;
  const pick = <K extends ScalarKey>(k: K): HyperparamSettings[K] => (checkField(FIELDS[k], raw[k]) ? raw[k] : start[k]) as HyperparamSettings[K];
  const scalars = Object.fromEntries(SCALAR_KEYS.map((k) => [k, pick(k)])) as Omit<HyperparamSettings, 'layers'>;
  const layers = Array.isArray(raw.layers) && raw.layers.length <= MAX_HIDDEN_LAYERS
    ? raw.layers.map((layer: unknown) => {
      const fresh = newLayer(undefined);
      if (!isRecord(layer)) return fresh;
      const keep = <K extends keyof LayerSettings>(k: K): LayerSettings[K] => (checkField(LAYER_FIELDS[k], layer[k]) ? layer[k] : fresh[k]) as LayerSettings[K];
      return { type: keep('type'), units: keep('units'), activation: keep('activation'), rate: keep('rate') };
    })
    : start.layers;
  const settings = { ...scalars, layers };
  return PROBLEM_OF_DATASET[settings.dataset] === settings.problem_type ? settings : { ...settings, problem_type: PROBLEM_OF_DATASET[settings.dataset] };
}

export function datasetsFor(problemType: ProblemType): DatasetName[] {
  return DATASETS.filter((d) => PROBLEM_OF_DATASET[d] === problemType);
}

/** Playground's rule: switching the problem type switches to a dataset of that type. */
export function withProblemType(s: HyperparamSettings, problemType: ProblemType): HyperparamSettings {
  const dataset = PROBLEM_OF_DATASET[s.dataset] === problemType ? s.dataset : datasetsFor(problemType)[0]!;
  return { ...s, problem_type: problemType, dataset };
}

/** The scalar settings that take part in the run, in schema order (the sidebar shows only these). */
export function activeKeys(s: HyperparamSettings): ScalarKey[] {
  const optimizerArgs = new Set<string>(OPTIMIZER_ARGS[s.optimizer]);
  const inactive = new Set<ScalarKey>();
  for (const args of Object.values(OPTIMIZER_ARGS)) for (const a of args) if (!optimizerArgs.has(a)) inactive.add(a);
  if (s.regularizer === 'none') inactive.add('regularization_rate');
  if (!s.early_stopping) for (const k of ['patience', 'min_delta', 'restore_best_weights'] as const) inactive.add(k);
  if (s.kernel_initializer !== 'constant') inactive.add('kernel_constant');
  if (s.bias_initializer !== 'constant') inactive.add('bias_constant');
  return SCALAR_KEYS.filter((k) => !inactive.has(k));
}

/** Playground's split: floor(samples · train_ratio), with the ratio rounded to 1e-6 (src/engine/datasets/playground.ts). */
export function trainingSamples(s: HyperparamSettings): number {
  const samples = PLAYGROUND_SAMPLES[PROBLEM_OF_DATASET[s.dataset]];
  return Math.floor((samples * Math.round(s.train_ratio * 1e6)) / 1e6);
}

/** The lecture's num_iterations_per_epoch = ⌈training samples / batch_size⌉ (the last batch may be short). */
export function iterationsPerEpoch(s: HyperparamSettings): number {
  return Math.ceil(trainingSamples(s) / s.batch_size);
}

/** Trainable parameters: Σ over Dense layers (inputs · units + units), the output Dense(1) included; Dropout adds none. */
export function parameterCount(s: HyperparamSettings): number {
  let inputs = s.features.length, total = 0;
  for (const layer of s.layers) {
    if (layer.type !== 'Dense') continue;
    total += inputs * layer.units + layer.units;
    inputs = layer.units;
  }
  return total + inputs + 1;
}

/** Every English text of the schema (group and field labels, tooltips, option names), for translation. */
export function schemaTexts(): string[] {
  const fields: { readonly label: string; readonly tooltip: string; readonly optionLabels?: Readonly<Record<string, string | undefined>> }[] =
    [LAYERS_FIELD, ...Object.values(LAYER_FIELDS), ...Object.values(FIELDS)];
  const texts = fields.flatMap((f) => [f.label, f.tooltip, ...Object.values(f.optionLabels ?? {}).filter((v): v is string => v !== undefined)]);
  return [...new Set([...Object.values(GROUP_LABELS), ...texts])];
}
