/**
 * Hovers for the lecture's regularization techniques written as arguments: L1/L2 penalties
 * (`kernel_regularizer=l2(0.01)`, `regularizers.L1L2(l1=..., l2=...)`, the strings 'l1', 'l2') with the
 * penalty Keras 3 adds to the loss (l2·Σw², no ½) and how many values it covers, and the rate of a Dropout
 * layer (inverted dropout: kept values scaled by 1/(1 − rate), active only in training). Early stopping,
 * the third technique, has its own hover (earlyStoppingHover.ts).
 */
import type { LayerSummary, ModelSummary, PyValue } from '../kerasModel';
import { TYPICAL, plainNumber, rangeText } from '../../shared/typicalValues';
import { type Translate, escapeMarkdown, formulaBlock, inlineCode, localNumber, pyFloat, pyNumber, sections, tupleText } from './hoverMarkdown';
import { weightRole, weightShape } from './weightShapes';

export interface RegularizerHoverInput {
  readonly value: PyValue;
  readonly argName: string | null;
  readonly layer: LayerSummary | null;
  readonly model: ModelSummary | null;
}

interface Factors {
  readonly className: 'L1' | 'L2' | 'L1L2';
  /** null when the factor is not used; NaN when it cannot be read. */
  readonly l1: number | null;
  readonly l2: number | null;
}

const CLASS_OF: Readonly<Record<string, Factors['className']>> = { l1: 'L1', L1: 'L1', l2: 'L2', L2: 'L2', L1L2: 'L1L2', l1_l2: 'L1L2', l1l2: 'L1L2' };

function factor(value: PyValue | undefined, fallback: number): number {
  if (value === undefined || value.kind === 'none') return fallback;
  return value.kind === 'number' ? value.value : Number.NaN;
}

/** Keras 3 defaults: L1(l1=0.01), L2(l2=0.01), L1L2(l1=0.0, l2=0.0); a string builds the class with no arguments. */
function readFactors(value: PyValue): Factors | null {
  const name = value.kind === 'string' ? value.value : value.kind === 'call' ? value.callee.split('.').pop() ?? '' : '';
  if (value.kind === 'string' && name === 'l1_l2') return null;
  const className = Object.hasOwn(CLASS_OF, name) ? CLASS_OF[name]! : null;
  if (className === null) return null;
  const args = value.kind === 'call' ? value.args : [];
  const kwargs = value.kind === 'call' ? value.kwargs : {};
  if (className === 'L1') return { className, l1: factor(args[0] ?? kwargs['l1'], 0.01), l2: null };
  if (className === 'L2') return { className, l1: null, l2: factor(args[0] ?? kwargs['l2'], 0.01) };
  return { className, l1: factor(args[0] ?? kwargs['l1'], 0.0), l2: factor(args[1] ?? kwargs['l2'], 0.0) };
}

const num = (n: number): string => (Number.isNaN(n) ? '?' : pyFloat(n));

export function regularizerHover(input: RegularizerHoverInput, t: Translate): string {
  const shown = input.value.kind === 'string' ? `'${input.value.value}'` : input.value.kind === 'call' ? input.value.callee : '?';
  const title = `**${escapeMarkdown(shown)}** · ${t('regularizer')}${input.argName ? ` (${escapeMarkdown(input.argName)})` : ''}`;
  const factors = readFactors(input.value);
  if (factors === null) {
    const l1l2 = input.value.kind === 'string' && input.value.value === 'l1_l2';
    return sections([title, l1l2 ? t('Keras 3 does not accept the string \'l1_l2\' (it raises "Could not interpret regularizer identifier"); write regularizers.L1L2(l1=0.01, l2=0.01).') : t('HyperLab has no notes on this regularizer.')]);
  }
  const formula: string[] = [];
  if (factors.l1 !== null) formula.push(`L1: penalty = l1 · Σ|w| = ${num(factors.l1)} · Σ|w|`);
  if (factors.l2 !== null) formula.push(`L2: penalty = l2 · Σw² = ${num(factors.l2)} · Σw²`);
  const typical = rangeText(TYPICAL.weightPenalty);
  const lead = factors.className === 'L1' ? t('L1 adds l1 · Σ|w| to the loss and pushes some weights to exactly zero; typical factors are {0}, tried on a log scale.', typical)
    : factors.className === 'L2' ? t('L2 adds l2 · Σw² to the loss and pulls every weight towards zero; typical factors are {0}, tried on a log scale.', typical)
      : t('L1L2 adds both penalties to the loss; typical factors are {0} each, tried on a log scale.', typical);
  const notes: string[] = [];
  if (factors.l1 !== null) notes.push(t('L1 adds to the cost a term proportional to the sum of the absolute values of the weights: C(θ) + λ·Σ|θᵢ|. It induces sparsity, setting some weights to zero.'));
  if (factors.l2 !== null) notes.push(t('L2 adds to the cost a term proportional to the sum of the squares of the weights: C(θ) + λ·Σθᵢ². It shrinks the weights but rarely sets them to zero. Keras uses no ½ factor.'));
  if (factors.className === 'L1L2' && input.value.kind === 'call' && input.value.args.length === 0 && Object.keys(input.value.kwargs).length === 0) {
    notes.push(t('Without arguments both factors are 0.0 in Keras 3, so there is no penalty (tf.keras 2\'s l1_l2() used 0.01 for both).'));
  }
  const coverage = coverageLine(input, t);
  return sections([
    [title, lead].join('\n\n'),
    [formulaBlock(formula), ...notes].join('\n\n'),
    [coverage, t('The penalty is added to the loss during training, penalizing large weights to prevent overfitting and improve generalization. Keras also adds it to val_loss.')].filter((s) => s !== null).join('\n\n'),
    `_${t('The regularization factor is a hyperparameter: you choose it before training.')}_`,
  ]);
}

/** "It penalizes the 401,408 values of the kernel (784, 512) of dense." */
function coverageLine(input: RegularizerHoverInput, t: Translate): string | null {
  if (input.argName === 'activity_regularizer') return t('activity_regularizer penalizes the layer\'s output instead of its weights; Keras divides that penalty by the batch size.');
  const role = input.argName ? weightRole(input.argName) : null;
  if (!input.layer || !input.model || role === null) return null;
  const weight = weightShape(input.model, input.layer, role);
  if (!weight) return null;
  const count = weight.shape.reduce((a, b) => a * b, 1);
  return t('It penalizes the {0} values of the weight {1} of {2}.', localNumber(count, t), inlineCode(tupleText(weight.shape)), inlineCode(input.layer.node.name));
}

export interface DropoutHoverInput {
  readonly rate: PyValue;
  readonly layer: LayerSummary;
}

export function dropoutHover(input: DropoutHoverInput, t: Translate): string {
  const title = `**Dropout** · ${t('rate')} ${inlineCode(input.rate.kind === 'number' ? pyNumber(input.rate.value) : '?')}`;
  const lines = [t('Dropout sets a random fraction of the previous layer\'s outputs to zero at each training step, so the network cannot rely on any single unit. Typical rates go from {0} near the input to {1} in wide hidden layers.',
    plainNumber(TYPICAL.dropoutRate.low), plainNumber(TYPICAL.dropoutRate.high))];
  if (input.rate.kind === 'number') {
    const rate = input.rate.value;
    if (rate < 0 || rate > 1) lines.push(t('The rate must be between 0 and 1: Keras raises an error for {0}.', pyNumber(rate)));
    // keras/src/backend/*/random.py dropout: rate == 1.0 returns zeros_like(inputs), a constant, so no
    // gradient flows back through it; the next layer's kernel gradient (input · δ) is 0, its bias' is not.
    else if (rate === 1) lines.push(t('A rate of 1 makes Keras return zeros during training: no gradient reaches the layers before it, so they stop learning, and the layers after it receive only zeros, so only their biases learn.'));
    else {
      lines.push(t('With rate {0}, each value is set to 0 with probability {0} ({1}% of the units on average) at every training step.', pyNumber(rate), localNumber(rate * 100, t, 2)));
      lines.push(t('Keras uses inverted dropout: the kept values are multiplied by 1 / (1 − rate) = {0}, so nothing changes when the model is evaluated: evaluate() and predict() use every unit, and fit() turns dropout on by itself.', localNumber(Number((1 / (1 - rate)).toPrecision(4)), t)));
    }
  }
  lines.push(t('It has no weights: {0} parameters.', 0));
  return sections([title, lines.join('\n\n'), `_${t('The dropout rate is a regularization hyperparameter: you choose it before training.')}_`]);
}
