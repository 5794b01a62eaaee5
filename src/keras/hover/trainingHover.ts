/**
 * Hovers over `model.fit(...)` and `model.compile(...)` and their arguments: epochs (the lecture's
 * underfitting/overfitting balance), batch_size (which direction is noisier, and the lecture's iterations per epoch,
 * size_of_training_set / batch_size, when the size of x is known statically, e.g. 60000 / 128 → 469),
 * validation_split (Keras takes the last samples, before shuffling), and compile's optimizer default and
 * metrics. Keras semantics from keras/src/trainers/trainer.py and data_adapters/.
 */
import type { DocumentAnalysis, PyValue } from '../kerasModel';
import type { CallArgument } from './callArguments';
import { type SampleCount, sampleCount } from './dataSize';
import { TYPICAL } from '../../shared/typicalValues';
import { type Translate, escapeMarkdown, inlineCode, localNumber, pyNumber, sections, table, valueCell } from './hoverMarkdown';

export const FIT_SIGNATURE = ['x', 'y', 'batch_size', 'epochs', 'verbose', 'callbacks', 'validation_split', 'validation_data', 'shuffle', 'class_weight', 'sample_weight', 'initial_epoch', 'steps_per_epoch', 'validation_steps', 'validation_batch_size', 'validation_freq'];
export const COMPILE_SIGNATURE = ['optimizer', 'loss', 'loss_weights', 'metrics', 'weighted_metrics', 'run_eagerly', 'steps_per_execution', 'jit_compile', 'auto_scale_loss'];

export interface FitHoverInput {
  readonly args: readonly CallArgument[];
  readonly focus: string | null;
  readonly analysis: DocumentAnalysis;
  readonly text: string;
}

const get = (args: readonly CallArgument[], name: string): PyValue | undefined => args.find((a) => a.name === name)?.value;

function intValue(value: PyValue | undefined, fallback: number): number | null {
  if (value === undefined || value.kind === 'none') return fallback;
  return value.kind === 'number' && Number.isInteger(value.value) && value.value > 0 ? value.value : null;
}

export function fitHover(input: FitHoverInput, t: Translate): string {
  const title = `**fit** · ${t('training')}${input.focus ? ` · ${inlineCode(input.focus)}` : ''}`;
  const about = aboutArgument(input.focus, t);
  const iterations = iterationsSection(input, t);
  const overview = about === null ? overviewTable(input.args, t) : null;
  return sections([title, about, iterations, overview, `_${t('Epochs and batch size are optimization hyperparameters: you choose them before training.')}_`]);
}

function aboutArgument(focus: string | null, t: Translate): string | null {
  switch (focus) {
    case 'epochs': return [
      t('Number of epochs: how many times training goes through the whole training set, each pass updating the parameters to minimise the loss. Raise it while the validation loss still falls; early stopping can pick the end for you.'),
      t('Too few epochs can lead to underfitting, too many to overfitting: look for a balance, for instance with early stopping.'),
      t('In Keras, epochs is the index of the last epoch: with initial_epoch=k, training runs epochs − k epochs.'),
    ].join('\n\n');
    // The variance of a mini-batch gradient falls roughly as 1 / batch size: Goodfellow, Bengio and Courville,
    // Deep Learning (2016), §8.1.3 ("larger batches provide a more accurate estimate of the gradient, but with
    // less than linear returns"; "small batches can offer a regularizing effect"). The sidebar's tooltip says
    // the same (test/unit/teachingFacts.test.ts); the lecture's slide has the two directions swapped.
    case 'batch_size': return [
      t('Batch size: how many training examples each parameter update averages the gradient over (Keras uses 32 when it is not given). Powers of 2 from {0} to {1} are the usual choices.', TYPICAL.batchSize.low, TYPICAL.batchSize.high),
      t('A larger batch gives a more accurate gradient estimate (its variance falls roughly as 1 / batch size) and fewer, costlier updates per epoch; a smaller batch gives more, noisier updates, and that noise can regularize.'),
      t('Memory grows with the batch, and on parallel hardware a larger batch usually makes an epoch faster. When you change the batch size a lot, tune the learning rate again.'),
      `_${t('Source: Goodfellow, Bengio and Courville, Deep Learning (2016), §8.1.3. The lecture\'s slide has the two directions swapped.')}_`,
    ].join('\n\n');
    case 'validation_split': return t('The fraction of the training data kept apart for validation: Keras takes the last samples of x and y, before shuffling, and evaluates the loss and metrics on them at the end of each epoch without training on them. validation_data, when given, takes precedence.');
    case 'validation_data': return t('Data to evaluate the loss and metrics on at the end of each epoch, as (x_val, y_val); the model does not train on it. Dropout is off during this evaluation.');
    case 'shuffle': return t('True (the default) shuffles the training data before each epoch.');
    case 'callbacks': return t('Objects Keras calls during training, for instance EarlyStopping, which stops training when the monitored quantity stops improving.');
    case 'initial_epoch': return t('The epoch to start from (useful to resume training); training runs epochs − initial_epoch epochs.');
    default: return null;
  }
}

/** The lecture's formulas with the numbers: iterations per epoch = size / batch_size, total = per epoch × epochs. */
function iterationsSection(input: FitHoverInput, t: Translate): string | null {
  const batch = intValue(get(input.args, 'batch_size'), 32);
  const epochs = intValue(get(input.args, 'epochs'), 1);
  const initial = get(input.args, 'initial_epoch');
  const start = initial === undefined ? 0 : initial.kind === 'number' ? initial.value : null;
  if (get(input.args, 'steps_per_epoch') !== undefined) return t('steps_per_epoch sets the number of iterations per epoch directly.');
  const samples = sampleCount(get(input.args, 'x'), input.analysis, input.text);
  const formula = t('Iterations per epoch = training set size / batch size; total iterations = iterations per epoch × epochs.');
  if (samples === null || batch === null) {
    return input.focus === 'batch_size' || input.focus === 'epochs' || input.focus === null ? `${formula} ${t('HyperLab cannot tell the size of x without running the code.')}` : null;
  }
  const lines = [sourceLine(samples, t)];
  const split = get(input.args, 'validation_split');
  let train = samples.count;
  if (split?.kind === 'number' && split.value > 0 && split.value < 1 && get(input.args, 'validation_data') === undefined) {
    // keras/src/trainers/data_adapters/array_slicing.py train_validation_split: split_at = floor(n · (1 − split)).
    train = Math.floor(samples.count * (1 - split.value));
    lines.push(t('validation_split={0} keeps the last {1} samples for validation, so {2} remain for training.', pyNumber(split.value), localNumber(samples.count - train, t), localNumber(train, t)));
  }
  const perEpoch = Math.ceil(train / batch);
  const exact = train / batch;
  // The lecture's formula with our numbers, written in the display language (60.000 / 128 = 468,75 in Spanish).
  const n = (x: number): string => localNumber(x, t, 2);
  const perEpochText = `${n(train)} / ${n(batch)} = ${Number.isInteger(exact) ? n(exact) : `${n(Math.round(exact * 100) / 100)} → ${n(perEpoch)}`}`;
  // Keras keeps the partial last batch (ceil), unless steps_per_epoch says otherwise.
  const partial = Number.isInteger(exact) ? '' : ` (${t('the last batch has {0} samples', n(train - (perEpoch - 1) * batch))})`;
  lines.push(`${t('Iterations per epoch')}: ${inlineCode(perEpochText)}${partial}`);
  if (epochs !== null && start !== null && epochs > start) {
    const runs = epochs - start;
    lines.push(`${t('Total iterations')}: ${inlineCode(`${n(perEpoch)} × ${n(runs)} = ${n(perEpoch * runs)}`)}`);
  }
  return lines.join('\n\n');
}

function sourceLine(samples: SampleCount, t: Translate): string {
  const code = inlineCode(samples.source);
  const count = localNumber(samples.count, t);
  if (samples.part === 'train') return t('Training set: {0} samples (the training part of {1}).', count, code);
  if (samples.part === 'test') return t('Training set: {0} samples (the test part of {1}).', count, code);
  return t('Training set: {0} samples (from {1}).', count, code);
}

function overviewTable(args: readonly CallArgument[], t: Translate): string {
  const rows = [['epochs', '1'], ['batch_size', t('None (32)')], ['validation_split', '0.0'], ['shuffle', 'True']].map(([name, fallback]) => {
    const value = get(args, name!);
    return [escapeMarkdown(name!), value ? valueCell(value, t) : '—', inlineCode(fallback!)];
  });
  return table([t('Argument'), t('Your value'), t('Keras default')], rows);
}

export interface CompileHoverInput {
  readonly args: readonly CallArgument[];
  readonly focus: string | null;
}

export function compileHover(input: CompileHoverInput, t: Translate): string {
  const title = `**compile** · ${t('configures training')}`;
  const about = input.focus === 'metrics'
    ? t('Metrics are computed and shown during training and evaluation, but the optimizer does not minimise them: it minimises the loss.')
    : t('compile() chooses how the model learns: the loss to minimise, the optimizer that updates the parameters, and the metrics to report. Hover each of them for details.');
  const optimizer = get(input.args, 'optimizer');
  const note = optimizer === undefined ? t('Without optimizer=, Keras uses {0}.', inlineCode("'rmsprop'")) : null;
  return sections([title, [about, note].filter((s) => s !== null).join('\n\n')]);
}
