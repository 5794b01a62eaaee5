/**
 * The hover over `EarlyStopping(...)` and each of its arguments: the lecture's idea of early stopping, and
 * what every argument does in Keras 3 (keras/src/callbacks/early_stopping.py: improvement means beating the
 * best value by more than min_delta; patience counts epochs without improvement from start_from_epoch; a
 * baseline that is not beaten keeps the count running; restore_best_weights restores the best epoch's
 * weights whenever training ends). The argument under the cursor is shown first.
 */
import type { PyValue } from '../kerasModel';
import type { CallArgument } from './callArguments';
import { type Translate, escapeMarkdown, inlineCode, pyNumber, sections, valueCell } from './hoverMarkdown';

export const EARLY_STOPPING_SIGNATURE = ['monitor', 'min_delta', 'patience', 'verbose', 'mode', 'baseline', 'restore_best_weights', 'start_from_epoch'];

const DEFAULTS: Readonly<Record<string, string>> = {
  monitor: "'val_loss'", min_delta: '0', patience: '0', verbose: '0', mode: "'auto'", baseline: 'None', restore_best_weights: 'False', start_from_epoch: '0',
};

function explanation(name: string, t: Translate): string | null {
  switch (name) {
    case 'monitor': return t('The quantity watched at the end of each epoch. Names starting with val_ need validation data (validation_split or validation_data); if the quantity is missing, Keras warns and never stops.');
    case 'min_delta': return t('The smallest change that counts as an improvement: a smaller change counts as no improvement.');
    case 'patience': return t('How many epochs without improvement to wait before stopping. With 0, training stops at the first epoch that does not improve.');
    case 'verbose': return t('1 prints a message when training stops early and when the best weights are restored.');
    case 'mode': return t('\'min\' stops when the quantity stops decreasing, \'max\' when it stops increasing; \'auto\' infers it from the name (a loss must decrease; a metric goes in its own direction).');
    case 'baseline': return t('A value the quantity must beat: while it does not, improvements do not reset the patience count, so training stops after patience epochs.');
    case 'restore_best_weights': return t('True: when training ends, the model gets back the weights of its best epoch (Keras 3 does this whether or not training stopped early). False: it keeps the weights of the last epoch.');
    case 'start_from_epoch': return t('Epochs to wait before watching the quantity (a warm-up): nothing is counted before this epoch.');
    default: return null;
  }
}

export interface EarlyStoppingHoverInput {
  readonly args: readonly CallArgument[];
  readonly focus: string | null;
}

export function earlyStoppingHover(input: EarlyStoppingHoverInput, t: Translate): string {
  const title = `**EarlyStopping** · ${t('callback')}`;
  const lead = t('Early stopping is a regularization technique that prevents overfitting by stopping training when performance on the validation set stops improving; give it a patience of a few epochs so that noise does not stop it, and restore_best_weights=True to keep the best model.');
  const idea = [
      t('It monitors a performance metric (loss, accuracy, ...).'),
      t('It stops training if the metric stops improving for a given number of epochs.'),
      t('It helps find a balance between bias and variance.'),
      t('It saves computing resources by avoiding unnecessary epochs.'),
    ].map((l) => `- ${l}`).join('\n');
  const names = Object.keys(DEFAULTS);
  const ordered = input.focus !== null && names.includes(input.focus) ? [input.focus, ...names.filter((n) => n !== input.focus)] : names;
  const list = ordered.map((name) => argumentLine(name, input, t)).join('\n');
  return sections([[title, lead].join('\n\n'), idea, [summary(input.args, t), list].filter((s) => s !== null).join('\n\n'), `_${t('Patience and the monitored quantity are regularization hyperparameters: you choose them before training.')}_`]);
}

function argumentLine(name: string, input: EarlyStoppingHoverInput, t: Translate): string {
  const arg = input.args.find((a) => a.name === name);
  const value = arg ? valueCell(arg.value, t) : `${inlineCode(DEFAULTS[name]!)} (${t('default')})`;
  const label = name === input.focus ? `**${escapeMarkdown(name)}**` : escapeMarkdown(name);
  const defaultNote = arg ? ` (${t('default')} ${inlineCode(DEFAULTS[name]!)})` : '';
  return `- ${label} = ${value}${defaultNote}: ${explanation(name, t) ?? ''}`;
}

function text(value: PyValue | undefined): string | null {
  if (value === undefined) return null;
  if (value.kind === 'string') return value.value;
  if (value.kind === 'number') return pyNumber(value.value);
  return null;
}

/** "With your values: training stops once val_loss has not improved for 3 epochs in a row." */
function summary(args: readonly CallArgument[], t: Translate): string | null {
  const get = (name: string): PyValue | undefined => args.find((a) => a.name === name)?.value;
  const monitor = get('monitor') === undefined ? 'val_loss' : text(get('monitor'));
  const patienceValue = get('patience');
  const patience = patienceValue === undefined ? 0 : patienceValue.kind === 'number' ? patienceValue.value : null;
  if (monitor === null || patience === null) return null;
  const line = patience === 0
    ? t('With your values: training stops at the first epoch (after the first) in which {0} does not improve.', inlineCode(monitor))
    : t('With your values: training stops once {0} has not improved for {1} epochs in a row.', inlineCode(monitor), pyNumber(patience));
  return `**${line}**`;
}
