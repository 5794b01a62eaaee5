/**
 * Turns a Keras model read from source (a Sequential, or a functional chain with one input and one
 * output) with its compile(...) and fit(...) calls into an experiment file for HyperLab's engine, so
 * "Train Model" trains what the code says. Layers the engine does not train (anything but Dense,
 * Dropout, Activation, Flatten and the input) and values not knowable statically are reported, never
 * guessed; the data is left for the caller to choose.
 */
import type { LayerCall, ModelSummary, PyValue } from './kerasModel';
import { declaredInputShape } from './layers/applyLayer';
import { findRule } from './layers/layerRegistry';
import { type Message, msg, renderMessage } from './message';

export const TRAINABLE_LAYERS = ['Dense', 'Dropout', 'Activation', 'Flatten'] as const;

export interface ExperimentDraft {
  /** The experiment without `data` (seed, model, compile, fit), or null when the model cannot be trained. */
  readonly experiment: Record<string, unknown> | null;
  /** The same, built as far as it goes even when blocked (unsupported layers are left out): for "Load from code". */
  readonly partial: Record<string, unknown>;
  /** The model's input size per sample (784 for input_shape=(28, 28)), or null when unknown. */
  readonly inputSize: number | null;
  readonly outputSize: number | null;
  /** Why the model cannot be trained (unsupported layers, unknown shapes). */
  readonly blockers: readonly Message[];
  /** Values HyperLab could not read and replaced by Keras' defaults. */
  readonly notes: readonly string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Python's positional parameters of the Keras functions used as argument values. */
const CALL_SIGNATURES: Readonly<Record<string, readonly string[]>> = {
  l1: ['l1'], L1: ['l1'], l2: ['l2'], L2: ['l2'], l1_l2: ['l1', 'l2'], L1L2: ['l1', 'l2'],
  Constant: ['value'], RandomUniform: ['minval', 'maxval', 'seed'], RandomNormal: ['mean', 'stddev', 'seed'],
  TruncatedNormal: ['mean', 'stddev', 'seed'], VarianceScaling: ['scale', 'mode', 'distribution', 'seed'],
  SGD: ['learning_rate', 'momentum', 'nesterov'], RMSprop: ['learning_rate', 'rho', 'momentum', 'epsilon', 'centered'],
  Adam: ['learning_rate', 'beta_1', 'beta_2', 'epsilon', 'amsgrad'], AdamW: ['learning_rate', 'weight_decay'],
  Adagrad: ['learning_rate', 'initial_accumulator_value', 'epsilon'], Nadam: ['learning_rate', 'beta_1', 'beta_2', 'epsilon'],
  EarlyStopping: ['monitor', 'min_delta', 'patience', 'verbose', 'mode', 'baseline', 'restore_best_weights', 'start_from_epoch'],
  ReduceLROnPlateau: ['monitor', 'factor', 'patience', 'verbose', 'mode', 'min_delta', 'cooldown', 'min_lr'],
};

/** Keras 3's Model.compile and Model.fit positional parameters (keras/src/trainers/trainer.py; fit in each backend's trainer.py). */
const COMPILE_SIGNATURE = ['optimizer', 'loss', 'loss_weights', 'metrics'];
const FIT_SIGNATURE = ['x', 'y', 'batch_size', 'epochs', 'verbose', 'callbacks', 'validation_split', 'validation_data', 'shuffle'];

/** Binds a call's positional arguments to names; null when it has more than the signature knows. */
function bind(callee: string, signature: readonly string[], args: readonly PyValue[], kwargs: Readonly<Record<string, PyValue>>): Map<string, PyValue> | null {
  if (args.length > signature.length) return null;
  const out = new Map<string, PyValue>();
  args.forEach((a, i) => out.set(signature[i]!, a));
  for (const [k, v] of Object.entries(kwargs)) out.set(k, v);
  return out;
}

class Converter {
  readonly notes: string[] = [];
  readonly blockers: Message[] = [];

  /** A PyValue as JSON; unknown values are reported under `what` and give undefined. */
  value(v: PyValue, what: string): Json | undefined {
    switch (v.kind) {
      case 'number': return v.value;
      case 'string': return v.value;
      case 'bool': return v.value;
      case 'none': return null;
      case 'tuple': {
        const items = v.items.map((item, i) => this.value(item, `${what}[${i}]`));
        return items.some((i) => i === undefined) ? undefined : (items as Json[]);
      }
      case 'call': return this.callObject(v.callee, v.args, v.kwargs, what);
      case 'unknown':
        this.notes.push(`${what}: ${renderMessage(v.reason)}`);
        return undefined;
    }
  }

  /** regularizers.l2(0.01) → {"class_name": "l2", "l2": 0.01}: the flat form the engine's registries read. */
  callObject(callee: string, args: readonly PyValue[], kwargs: Readonly<Record<string, PyValue>>, what: string): Json | undefined {
    const bound = bind(callee, CALL_SIGNATURES[callee] ?? [], args, kwargs);
    if (!bound) {
      this.notes.push(`${what}: cannot read the positional arguments of ${callee}(...)`);
      return undefined;
    }
    const out: { [key: string]: Json } = { class_name: callee };
    for (const [k, v] of bound) {
      if (k === 'verbose' || k === 'name') continue;
      const j = this.value(v, `${what}.${k}`);
      if (j !== undefined) out[k] = j;
    }
    return out;
  }

  layer(call: LayerCall, index: number): { [key: string]: Json } | null {
    const lookup = findRule(call.className);
    const canonical = lookup?.rule.className ?? call.className;
    if (!(TRAINABLE_LAYERS as readonly string[]).includes(canonical)) {
      this.blockers.push(msg('{0} (line {1}): HyperLab\'s trainer runs {2} layers', call.className, call.span.line, TRAINABLE_LAYERS.join(', ')));
      return null;
    }
    const bound = bind(canonical, lookup?.signature ?? [], call.args, call.kwargs);
    if (!bound) {
      this.blockers.push(msg('{0} (line {1}): too many positional arguments', call.className, call.span.line));
      return null;
    }
    const out: { [key: string]: Json } = { class_name: canonical };
    for (const [k, v] of bound) {
      if (['input_shape', 'input_dim', 'batch_input_shape', 'name', 'dtype', 'seed', 'noise_shape'].includes(k)) continue;
      const j = this.value(v, `layer ${index + 1} (${canonical}).${k}`);
      if (j === undefined) {
        if (k === 'units' || k === 'rate') this.blockers.push(msg('{0} (line {1}): its {2} cannot be known without running the code', canonical, call.span.line, k));
        continue;
      }
      out[k] = j;
    }
    return out;
  }

  /** compile(...) or fit(...) arguments by name (keyword, or positional by Keras' `signature`), keeping `keep`. */
  kwargs(call: LayerCall | null, keep: readonly string[], what: string, signature: readonly string[]): { [key: string]: Json } {
    const out: { [key: string]: Json } = {};
    if (!call) return out;
    for (const name of keep) {
      const position = signature.indexOf(name);
      const v = call.kwargs[name] ?? (position >= 0 ? call.args[position] : undefined);
      if (v === undefined) continue;
      const j = this.value(v, `${what}(${name}=...)`);
      if (j !== undefined) out[name] = j;
    }
    return out;
  }
}

const product = (dims: readonly (number | null)[]) => (dims.every((d): d is number => d !== null) ? dims.reduce((a, b) => a * b, 1) : null);

export function experimentFromModel(summary: ModelSummary, seed = 42): ExperimentDraft {
  const c = new Converter();
  const { graph } = summary;
  if (graph.unknownReason) c.blockers.push(graph.unknownReason);
  const nodes = graph.nodes.filter((n) => !n.isInput);
  if (graph.kind === 'functional' && (graph.outputs.length !== 1 || graph.nodes.some((n) => n.inputs.length > 1))) {
    c.blockers.push(msg('only a single chain of layers can be trained (one input, one output, no merges)'));
  }
  const layers = nodes.map((n, i) => c.layer(n.call, i));
  const last = summary.layers[summary.layers.length - 1]?.outcome.outputShape ?? null;
  const inputShape = inputShapeOf(summary);
  if (!inputShape || inputShape.some((d) => d === null)) c.blockers.push(msg('the model has no known input shape: add input_shape=(...) to the first layer or keras.Input(shape=(...))'));
  const compile = c.kwargs(graph.compile, ['optimizer', 'loss', 'metrics'], 'compile', COMPILE_SIGNATURE);
  if (compile.loss === undefined) c.blockers.push(msg('model.compile(loss=...) is missing (or not readable): HyperLab needs the loss to train'));
  const fit = c.kwargs(graph.fit, ['epochs', 'batch_size', 'shuffle', 'validation_split', 'callbacks'], 'fit', FIT_SIGNATURE);
  const blocked = c.blockers.length > 0 || layers.some((l) => l === null);
  return {
    experiment: blocked ? null : { seed, model: { input_shape: inputShape as Json, layers: layers as Json[] }, compile, fit },
    partial: { seed, model: { input_shape: inputShape as Json, layers: layers.filter((l) => l !== null) as Json[] }, compile, fit },
    inputSize: inputShape ? product(inputShape) : null,
    outputSize: last && last.slice(1).every((d) => typeof d === 'number' || d === null) ? product(last.slice(1) as (number | null)[]) : null,
    blockers: c.blockers,
    notes: c.notes,
  };
}

/** The input shape (without batch) from an Input node or the first layer's input_shape/input_dim/... */
function inputShapeOf(summary: ModelSummary): (number | null)[] | null {
  const inputNode = summary.layers.find((l) => l.node.isInput);
  const shape = inputNode?.outcome.outputShape ?? (summary.graph.nodes[0] ? declaredInputShape(summary.graph.nodes[0].call) : null);
  // A size HyperLab cannot read is as unusable for training as None.
  return shape ? shape.slice(1).map((d) => (typeof d === 'number' ? d : null)) : null;
}
