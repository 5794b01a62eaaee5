/**
 * Loss / output-activation pairing, checked on the model's compile(...) call against the lecture's table
 * (regression: linear + MSE; binary: sigmoid(1 unit) + binary_crossentropy; one-hot classes: softmax +
 * categorical_crossentropy; integer labels: softmax + sparse_categorical_crossentropy). It flags softmax +
 * binary_crossentropy, sigmoid + categorical losses, a linear output with a probability crossentropy, and
 * from_logits=True after softmax/sigmoid (Keras' TF backend warns about that one too). Nothing is flagged
 * when the loss, the activation or from_logits cannot be read.
 */
import type { Diagnostic, LayerCall, LayerSummary, ModelGraph, PyValue } from './kerasModel';
import { type Message, msg, said } from './message';

type LossKind = 'binary' | 'categorical' | 'sparse' | 'other';

interface Loss {
  readonly kind: LossKind;
  readonly name: string;
  /** true / false, or null when it cannot be read. */
  readonly fromLogits: boolean | null;
  readonly value: PyValue;
}

const LOSS_KINDS: Readonly<Record<string, LossKind>> = {
  binary_crossentropy: 'binary', bce: 'binary', binarycrossentropy: 'binary', binary_focal_crossentropy: 'binary', binaryfocalcrossentropy: 'binary',
  categorical_crossentropy: 'categorical', categoricalcrossentropy: 'categorical', cce: 'categorical',
  sparse_categorical_crossentropy: 'sparse', sparsecategoricalcrossentropy: 'sparse',
};

function readLoss(compile: LayerCall): Loss | null {
  const value = compile.kwargs['loss'] ?? compile.args[1];
  if (!value) return null;
  if (value.kind === 'string') return { kind: LOSS_KINDS[value.value.toLowerCase()] ?? 'other', name: value.value, fromLogits: false, value };
  if (value.kind !== 'call') return null;
  const kind = LOSS_KINDS[value.callee.toLowerCase()] ?? 'other';
  const flag = value.kwargs['from_logits'] ?? (kind !== 'other' ? value.args[0] : undefined);
  const fromLogits = flag === undefined ? false : flag.kind === 'bool' ? flag.value : null;
  return { kind, name: value.callee, fromLogits, value };
}

/** Classes whose `activation` argument defaults to linear / tanh. */
const LINEAR_DEFAULT = /^(Dense|Conv[123]D(Transpose)?|SeparableConv[12]D|DepthwiseConv[12]D|EinsumDense)$/;
const TANH_DEFAULT = /^(SimpleRNN|LSTM|GRU)$/;

/** The output layer's activation name, or null when it cannot be read (also used by the loss hover). */
export function outputActivation(call: LayerCall): string | null {
  const c = call.className;
  if (c === 'Softmax') return 'softmax';
  if (c === 'ReLU') return 'relu';
  const v = call.kwargs['activation'] ?? (c === 'Activation' || c === 'Dense' ? call.args[c === 'Dense' ? 1 : 0] : undefined);
  if (v === undefined) return LINEAR_DEFAULT.test(c) ? 'linear' : TANH_DEFAULT.test(c) ? 'tanh' : null;
  if (v.kind === 'none') return 'linear';
  return v.kind === 'string' ? v.value.toLowerCase() : null;
}

const PAIRING = msg('Pairings: binary → Dense(1, activation="sigmoid") + binary_crossentropy; one-hot classes → softmax + categorical_crossentropy; integer labels → softmax + sparse_categorical_crossentropy.');

function mismatch(loss: Loss, activation: string, units: number | null): Message | null {
  const probabilities = activation === 'softmax' || activation === 'sigmoid';
  if (loss.fromLogits === true && probabilities) {
    return msg('from_logits=True expects raw scores (logits), but the output layer already applies {0}: remove the activation (linear output) or drop from_logits=True.', activation);
  }
  if (loss.fromLogits !== false) return null;
  if (activation === 'softmax' && loss.kind === 'binary') {
    return msg('A softmax output with {0}: for two classes use Dense(1, activation="sigmoid") with binary_crossentropy; for several classes keep softmax and use categorical_crossentropy (one-hot labels) or sparse_categorical_crossentropy (integer labels). {1}', loss.name, PAIRING);
  }
  if (activation === 'sigmoid' && (loss.kind === 'categorical' || loss.kind === 'sparse') && units !== null) {
    if (units === 1) return msg('{0} on a single sigmoid unit does not learn (one renormalized probability is always 1): use binary_crossentropy. {1}', loss.name, PAIRING);
    return msg('A sigmoid output with {0} units and {1}: for one class out of {0} use activation="softmax"; for several labels at once (multi-label) keep sigmoid and use binary_crossentropy. {2}', units, loss.name, PAIRING);
  }
  if (activation === 'linear' && loss.kind !== 'other') {
    const logits = loss.kind === 'binary' ? 'keras.losses.BinaryCrossentropy(from_logits=True)'
      : loss.kind === 'sparse' ? 'keras.losses.SparseCategoricalCrossentropy(from_logits=True)' : 'keras.losses.CategoricalCrossentropy(from_logits=True)';
    const probability = loss.kind === 'binary' ? 'activation="sigmoid"' : 'activation="softmax"';
    return msg('The output layer has no activation (linear), so it outputs logits, but {0} expects probabilities: use {1} or {2}. {3}', loss.name, logits, probability, PAIRING);
  }
  return null;
}

export function lossActivationDiagnostics(graph: ModelGraph, layers: readonly LayerSummary[]): Diagnostic[] {
  if (!graph.compile || graph.outputs.length !== 1) return [];
  const loss = readLoss(graph.compile);
  const out = layers.find((l) => l.node.id === graph.outputs[0]);
  if (!loss || !out || out.node.isInput) return [];
  const activation = outputActivation(out.node.call);
  if (activation === null) return [];
  const shape = out.outcome.outputShape;
  const lastDim = shape && shape.length > 0 ? shape[shape.length - 1] : null;
  const units = typeof lastDim === 'number' ? lastDim : null;
  const text = mismatch(loss, activation, units);
  if (!text) return [];
  return [{ severity: 'warning', code: 'loss-activation-mismatch', ...said(text), span: loss.value.span ?? graph.compile.span }];
}
