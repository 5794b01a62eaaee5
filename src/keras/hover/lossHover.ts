/**
 * The hover over a loss (`loss='categorical_crossentropy'`, `losses.BinaryCrossentropy(from_logits=True)`):
 * the lecture's table of problem type, output activation and loss, with the row of this loss highlighted;
 * the loss formula as Keras 3 computes it (keras/src/losses/losses.py); and the model's actual output
 * layer against the row. It explains; the mismatch diagnostics live in lossActivationCheck.ts.
 */
import type { ModelSummary, PyValue } from '../kerasModel';
import { outputActivation } from '../lossActivationCheck';
import { type Translate, escapeMarkdown, formulaBlock, inlineCode, localNumber, lookupOwn, sections, table } from './hoverMarkdown';

type Row = 'categorical' | 'sparse' | 'regression' | 'binary';

interface LossInfo {
  readonly row: Row | null;
  readonly formula: string | null;
}

const LOSSES: Readonly<Record<string, LossInfo>> = {
  categoricalcrossentropy: { row: 'categorical', formula: 'loss = −Σᵢ yᵢ·log(pᵢ)' },
  cce: { row: 'categorical', formula: 'loss = −Σᵢ yᵢ·log(pᵢ)' },
  sparsecategoricalcrossentropy: { row: 'sparse', formula: 'loss = −log(p_y)   (y = the class index)' },
  binarycrossentropy: { row: 'binary', formula: 'loss = −[y·log(p) + (1 − y)·log(1 − p)]' },
  bce: { row: 'binary', formula: 'loss = −[y·log(p) + (1 − y)·log(1 − p)]' },
  binaryfocalcrossentropy: { row: 'binary', formula: null },
  meansquarederror: { row: 'regression', formula: 'loss = mean((y − ŷ)²)' },
  mse: { row: 'regression', formula: 'loss = mean((y − ŷ)²)' },
  meanabsoluteerror: { row: 'regression', formula: 'loss = mean(|y − ŷ|)' },
  mae: { row: 'regression', formula: 'loss = mean(|y − ŷ|)' },
  huber: { row: 'regression', formula: 'loss = mean(0.5·e² if |e| ≤ δ, else δ·|e| − 0.5·δ²),  e = y − ŷ,  δ = 1.0' },
  meanabsolutepercentageerror: { row: 'regression', formula: null }, mape: { row: 'regression', formula: null },
  meansquaredlogarithmicerror: { row: 'regression', formula: null }, msle: { row: 'regression', formula: null },
  logcosh: { row: 'regression', formula: null },
};

export function lossInfo(name: string): LossInfo | undefined {
  return lookupOwn(LOSSES, name.toLowerCase().replace(/_/g, ''));
}

export interface LossHoverInput {
  readonly value: PyValue;
  /** The model whose compile() gets this loss, when known. */
  readonly model: ModelSummary | null;
}

function lossName(value: PyValue): string | null {
  if (value.kind === 'string') return value.value;
  if (value.kind === 'call') return value.callee.split('.').pop() ?? null;
  return null;
}

function fromLogits(value: PyValue): boolean | null {
  if (value.kind !== 'call') return false;
  const flag = value.kwargs['from_logits'] ?? value.args[0];
  if (flag === undefined) return false;
  return flag.kind === 'bool' ? flag.value : null;
}

export function lossHover(input: LossHoverInput, t: Translate): string {
  const name = lossName(input.value);
  const title = `**${escapeMarkdown(name ?? '?')}** · ${t('loss function')}`;
  const info = name === null ? undefined : lossInfo(name);
  const logits = fromLogits(input.value);
  const parts: string[] = [title, pairingTable(info?.row ?? null, logits === true, t)];
  if (info?.formula) parts.push([formulaBlock([info.formula]), t('Keras averages it over the samples of each batch and adds the regularization penalties of the layers.')].join('\n\n'));
  if (logits === true) parts.push(t('from_logits=True: the pairing is the table\'s, but the loss applies the sigmoid or softmax itself, so the output layer has no activation (linear) and outputs logits.'));
  const output = outputLine(input.model, info?.row ?? null, logits === true, t);
  if (output) parts.push(output);
  if (!info) parts.push(t('This loss is not in the lecture\'s table.'));
  return sections(parts);
}

/**
 * The lecture's table. With from_logits=True the highlighted row still pairs the loss with its sigmoid or
 * softmax, which the loss then applies (keras/src/losses/losses.py: from_logits computes the cross-entropy
 * from the raw scores), while the layer itself stays linear: the cell says both.
 */
function pairingTable(match: Row | null, logits: boolean, t: Translate): string {
  const rows: [Row, string, string, string][] = [
    ['categorical', t('Multiclass classification, one-hot labels'), 'softmax', 'categorical_crossentropy'],
    ['sparse', t('Multiclass classification, class index labels'), 'softmax', 'sparse_categorical_crossentropy'],
    ['regression', t('Regression'), 'linear', 'mean_squared_error (MSE), mean_absolute_error (MAE)'],
    ['binary', t('Binary classification'), t('sigmoid (1 unit)'), 'binary_crossentropy'],
  ];
  const cells = rows.map(([row, problem, activation, loss]) => {
    const mark = (s: string): string => (row === match ? `**${s}**` : s);
    const shown = row === match && logits && row !== 'regression' ? t('{0}, applied by the loss (output layer: linear)', activation) : activation;
    return [row === match ? '▶' : '', mark(problem), mark(shown), mark(loss)];
  });
  return `${t('Recommended pairs of output activation and loss (lecture):')}\n\n${table(['', t('Problem type'), t('Output activation'), t('Loss')], cells)}`;
}

/** What the model's output layer uses, and whether it matches the highlighted row. */
function outputLine(model: ModelSummary | null, row: Row | null, logits: boolean, t: Translate): string | null {
  if (!model || model.graph.outputs.length !== 1) return null;
  const out = model.layers.find((l) => l.node.id === model.graph.outputs[0]);
  if (!out || out.node.isInput) return null;
  const activation = outputActivation(out.node.call);
  if (activation === null) return null;
  const shape = out.outcome.outputShape;
  const lastDim = shape && shape.length > 0 ? shape[shape.length - 1] : null;
  const units = typeof lastDim === 'number' ? lastDim : null;
  const layer = `${inlineCode(out.node.name)} (${escapeMarkdown(out.node.call.className)})`;
  const line = units === null ? t('Your output layer {0} uses {1}.', layer, inlineCode(activation))
    : units === 1 ? t('Your output layer {0} uses {1} on 1 unit.', layer, inlineCode(activation))
      : t('Your output layer {0} uses {1} on {2} units.', layer, inlineCode(activation), localNumber(units, t));
  if (row === null) return line;
  const paired = row === 'regression' ? 'linear' : row === 'binary' ? 'sigmoid' : 'softmax';
  if (logits && row !== 'regression') {
    // The table's activation is still there, inside the loss; the layer must not apply it a second time.
    const verdict = activation === 'linear'
      ? `✓ ${t('It matches: with from_logits=True the loss applies {0} itself.', inlineCode(paired))}`
      : `⚠ ${t('With from_logits=True the output layer should be linear: the loss applies {0} itself.', inlineCode(paired))}`;
    return `${line} ${verdict}`;
  }
  const verdict = activation === paired ? `✓ ${t('It matches the table.')}` : `⚠ ${t('The table pairs this loss with {0}.', inlineCode(paired))}`;
  return `${line} ${verdict}`;
}

