/**
 * "Sweep…" from the sidebar, without the dialogs: which of the sidebar's hyperparameters can become a
 * range (given its settings: a dropout rate needs a Dropout layer), a sensible range around the current
 * value for each, the text form the user edits ("0.003 .. 0.3 log", "2 .. 16", "0 .. 0.5 step 0.1",
 * "tanh, relu"), a range turned into a grid's values, and the sweep file itself (the sidebar's
 * experiment inline). Pure: the dialogs are sidebarSweepCommand.ts; every sweep is checked by the
 * pure layer's readSweepDefinition before it is written.
 */
import type { HyperparamSettings } from '../../shared/hyperparams';
import type { Translate } from '../../shared/message';
import { experimentFromSettings } from '../sidebar/experimentFromSettings';

/** A parameter as the sweep file writes it: a list of values or a range. */
export type ParamSpec =
  | { readonly values: readonly (number | string | boolean)[] }
  | { readonly min: number; readonly max: number; readonly distribution?: 'log_uniform' | 'int_uniform' | 'uniform'; readonly step?: number };

export interface SweepCandidate {
  /** The parameter's name in the sweep file (an alias or a Keras path). */
  readonly name: string;
  readonly label: string;
  /** What it sets, in Keras spelling. */
  readonly detail: string;
  readonly proposal: ParamSpec;
  /** Picked at first in the dialog. */
  readonly picked: boolean;
}

const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];
/** One or two significant digits, so proposals read as numbers a person would write. */
const round = (x: number): number => Number(x.toPrecision(x >= 1 ? 2 : 1));
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

function unitsRange(units: number): ParamSpec {
  return { min: clamp(Math.ceil(units / 2), 1, 64), max: clamp(units * 4, 2, 64) };
}

export function sweepCandidates(s: HyperparamSettings, t: Translate): SweepCandidate[] {
  const dense = s.layers.map((l, i) => ({ l, i })).filter(({ l }) => l.type === 'Dense');
  const hasDropout = s.layers.some((l) => l.type === 'Dropout');
  const lr = s.learning_rate;
  const out: SweepCandidate[] = [
    { name: 'learning_rate', label: t('Learning rate'), detail: 'compile.optimizer.learning_rate', proposal: { min: round(clamp(lr / 10, 1e-6, 1)), max: round(clamp(lr * 10, 1e-5, 10)), distribution: 'log_uniform' }, picked: true },
    { name: 'optimizer', label: t('Optimizer'), detail: 'compile.optimizer.class_name', proposal: { values: uniq([s.optimizer, 'SGD', 'Adam', 'RMSprop']) }, picked: false },
  ];
  if (dense.length > 0) {
    out.push({ name: 'units', label: t('Neurons (every hidden layer)'), detail: 'model.layers[*].units', proposal: unitsRange(dense[0]!.l.units), picked: true });
    if (dense.length > 1) {
      for (const [k, { l, i }] of dense.entries()) {
        out.push({ name: `model.layers[${i}].units`, label: t('Neurons in hidden layer {0}', k + 1), detail: `model.layers[${i}].units`, proposal: unitsRange(l.units), picked: false });
      }
    }
    out.push(
      { name: 'hidden_layers', label: t('Number of hidden layers'), detail: 'model.hidden_layers', proposal: { min: Math.max(1, dense.length - 1), max: Math.min(6, dense.length + 1) }, picked: false },
      { name: 'activation', label: t('Activation'), detail: 'model.layers[*].activation', proposal: { values: uniq([dense[0]!.l.activation, 'relu', 'tanh', 'sigmoid']) }, picked: true },
    );
  }
  const b = s.batch_size;
  out.push({ name: 'batch_size', label: t('Batch size'), detail: 'fit.batch_size', proposal: { values: uniq([Math.max(1, Math.round(b / 2)), b, b * 2, b * 4].filter((x) => x <= 512)).sort((x, y) => x - y) }, picked: false });
  if (hasDropout) out.push({ name: 'dropout', label: t('Dropout rate'), detail: 'model.layers[*].rate', proposal: { min: 0, max: 0.5, step: 0.1 }, picked: false });
  if (dense.length > 0) {
    out.push(
      { name: 'l2', label: t('L2 regularization rate'), detail: 'model.layers[*].kernel_regularizer.l2', proposal: { min: 0.00001, max: 0.1, distribution: 'log_uniform' }, picked: false },
      {
        name: 'kernel_initializer', label: t('Kernel initializer'), detail: 'model.layers[*].kernel_initializer',
        proposal: { values: uniq([...(s.kernel_initializer === 'constant' ? [] : [s.kernel_initializer]), 'glorot_uniform', 'he_normal', 'lecun_normal']) }, picked: false,
      },
    );
  }
  const e = s.epochs;
  out.push(
    { name: 'epochs', label: t('Epochs'), detail: 'fit.epochs', proposal: { values: uniq([Math.max(1, Math.round(e / 2)), e, Math.min(10_000, e * 2)]) }, picked: false },
    { name: 'noise', label: t('Dataset noise'), detail: 'data.noise', proposal: { min: 0, max: 0.5, step: 0.1 }, picked: false },
  );
  return out;
}

/** A spec as the user edits it. */
export function formatSpec(spec: ParamSpec): string {
  if ('values' in spec) return spec.values.map(String).join(', ');
  return `${spec.min} .. ${spec.max}${spec.distribution === 'log_uniform' ? ' log' : ''}${spec.step !== undefined ? ` step ${spec.step}` : ''}`;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

function parseValue(text: string): number | string | boolean {
  const v = text.trim().replace(/^["']|["']$/g, '');
  if (NUMBER.test(v)) return Number(v);
  if (v === 'true' || v === 'false') return v === 'true';
  return v;
}

/** The user's text as a spec, or the reason it is not one (localized). */
export function parseSpec(text: string, t: Translate): ParamSpec | { readonly error: string } {
  const range = /^\s*([^\s,]+?)(?:\s*(?:\.\.|…)\s*|\s+to\s+)([^\s,]+?)(?:\s+(log))?(?:\s+step\s+(\S+))?\s*$/i.exec(text);
  if (range) {
    const [min, max] = [range[1]!, range[2]!];
    if (!NUMBER.test(min) || !NUMBER.test(max)) return { error: t('Write a range as "min .. max" with numbers, e.g. 0.001 .. 0.1 log or 2 .. 16 step 2') };
    if (range[4] !== undefined && !NUMBER.test(range[4])) return { error: t('The step must be a number: {0}', range[4]) };
    const spec: { min: number; max: number; distribution?: 'log_uniform'; step?: number } = { min: Number(min), max: Number(max) };
    if (range[3]) spec.distribution = 'log_uniform';
    if (range[4] !== undefined) spec.step = Number(range[4]);
    return spec;
  }
  const values = text.split(',').map((v) => v.trim()).filter((v) => v !== '');
  if (values.length === 0) return { error: t('Give values separated by commas, or a range "min .. max"') };
  return { values: uniq(values.map(parseValue)) };
}

/** Whether grid search can walk the spec as is (a list, integers, or a step). */
export function isGridReady(spec: ParamSpec): boolean {
  if ('values' in spec) return true;
  if (spec.step !== undefined) return true;
  return spec.distribution !== 'log_uniform' && spec.distribution !== 'uniform' && Number.isInteger(spec.min) && Number.isInteger(spec.max);
}

/** A range as a few grid values: log-spaced (4) for a log range, evenly spaced (5) for another. */
export function gridValues(spec: ParamSpec): ParamSpec {
  if (isGridReady(spec) || 'values' in spec) return spec;
  const n = spec.distribution === 'log_uniform' ? 4 : 5;
  const at = (k: number) => (spec.distribution === 'log_uniform' ? spec.min * (spec.max / spec.min) ** (k / (n - 1)) : spec.min + ((spec.max - spec.min) * k) / (n - 1));
  return { values: uniq(Array.from({ length: n }, (_, k) => Number(at(k).toPrecision(2)))) };
}

export interface SidebarSweepChoices {
  readonly parameters: Readonly<Record<string, ParamSpec>>;
  readonly method: 'tpe' | 'random' | 'grid';
  readonly earlyTerminate: 'median' | 'asha' | 'hyperband' | null;
  readonly metric: { readonly name: string; readonly goal: 'minimize' | 'maximize' };
  readonly maxTrials: number;
}

/** The metrics the sidebar's experiment logs, validation first (what a sweep should judge by). */
export function sidebarMetrics(s: HyperparamSettings): { name: string; goal: 'minimize' | 'maximize' }[] {
  const metrics = experimentFromSettings(s).compile.metrics;
  const down = (m: string) => /loss|error/.test(m);
  return [
    { name: 'val_loss', goal: 'minimize' as const },
    ...metrics.map((m) => ({ name: `val_${m}`, goal: down(m) ? ('minimize' as const) : ('maximize' as const) })),
    { name: 'loss', goal: 'minimize' as const },
  ];
}

/** The sweep file's JSON: the sidebar's experiment inline, the chosen parameters, method, pruner, metric. */
export function sidebarSweepJson(s: HyperparamSettings, c: SidebarSweepChoices, description: string): Record<string, unknown> {
  const parameters = Object.fromEntries(Object.entries(c.parameters).map(([k, v]) => [k, c.method === 'grid' ? gridValues(v) : v]));
  return {
    description,
    experiment: experimentFromSettings(s),
    method: c.method,
    metric: c.metric,
    parameters,
    ...(c.earlyTerminate ? { early_terminate: { type: c.earlyTerminate } } : {}),
    max_trials: c.maxTrials,
  };
}

/** A file name in `taken` is not reused: circle-sweep.sweep.json, circle-sweep-2.sweep.json, ... */
export function sweepFileName(dataset: string, taken: (name: string) => boolean): string {
  for (let n = 1; ; n++) {
    const name = `${dataset}-sweep${n === 1 ? '' : `-${n}`}.sweep.json`;
    if (!taken(name)) return name;
  }
}
