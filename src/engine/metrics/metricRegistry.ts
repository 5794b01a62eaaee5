/**
 * Keras metric identifiers → the engine's Metric objects and their history keys, following
 * keras/src/trainers/compile_utils.py `get_metric`:
 *  - 'accuracy' / 'acc' (any case) pick an accuracy from the shapes (`is_binary_or_sparse_categorical`):
 *    an output of width 1 → binary_accuracy; else a target of width 1 (sparse labels) →
 *    sparse_categorical_accuracy; else categorical_accuracy;
 *  - other strings go through keras/src/metrics/__init__.py (class names, their snake_case, and the
 *    aliases 'mae', 'MAE', 'mse', 'MSE');
 *  - a string identifier is itself the metric's name, so the history key is exactly what the user wrote
 *    ('acc' → 'acc', 'mae' → 'mae'; validation adds the 'val_' prefix elsewhere).
 * Target widths come from the loss, as the engine's targets are shaped for it. A metric whose targets
 * cannot be the loss's targets (sparse_categorical_accuracy with one-hot targets, ...) is a ConfigError.
 */
import { type Message, msg } from '../../shared/message';
import { ConfigError } from '../configError';
import type { Loss } from '../losses/loss';
import { getLoss, type LossIdentifier } from '../losses/lossRegistry';
import { BinaryAccuracy, CategoricalAccuracy, SparseCategoricalAccuracy } from './accuracyMetrics';
import type { Metric } from './metric';
import { MeanAbsoluteErrorMetric, MeanSquaredErrorMetric } from './regressionMetrics';

export interface ResolvedMetric {
  metric: Metric;
  /** The Keras history/log key: the identifier as written ('accuracy', 'acc', 'mae', ...). */
  key: string;
}

const BY_NAME: ReadonlyMap<string, () => Metric> = new Map<string, () => Metric>([
  ['binary_accuracy', () => new BinaryAccuracy()], ['BinaryAccuracy', () => new BinaryAccuracy()],
  ['categorical_accuracy', () => new CategoricalAccuracy()], ['CategoricalAccuracy', () => new CategoricalAccuracy()],
  ['sparse_categorical_accuracy', () => new SparseCategoricalAccuracy()],
  ['SparseCategoricalAccuracy', () => new SparseCategoricalAccuracy()],
  ['mean_absolute_error', () => new MeanAbsoluteErrorMetric()], ['MeanAbsoluteError', () => new MeanAbsoluteErrorMetric()],
  ['mae', () => new MeanAbsoluteErrorMetric()], ['MAE', () => new MeanAbsoluteErrorMetric()],
  ['mean_squared_error', () => new MeanSquaredErrorMetric()], ['MeanSquaredError', () => new MeanSquaredErrorMetric()],
  ['mse', () => new MeanSquaredErrorMetric()], ['MSE', () => new MeanSquaredErrorMetric()],
]);

/** Every metric name `resolveMetric` accepts ('accuracy' and 'acc' in any letter case). */
export const METRIC_NAMES: readonly string[] = ['accuracy', 'acc', ...BY_NAME.keys()];

function isLoss(loss: LossIdentifier | Loss): loss is Loss {
  return typeof loss === 'object' && loss !== null && 'targetWidth' in loss;
}

/**
 * The metric Keras would compute for `name` on a model whose output has `outputWidth` units and is
 * trained with `loss` (an identifier, parsed with key 'loss', or an already built Loss); `key` names the
 * setting in errors, e.g. "compile.metrics[0]".
 */
export function resolveMetric(name: string, loss: LossIdentifier | Loss, outputWidth: number, key: string): ResolvedMetric {
  if (typeof name !== 'string') throw new ConfigError(key, name, msg('a metric name: one of {0}', METRIC_NAMES.join(', ')));
  const targetWidth = (isLoss(loss) ? loss : getLoss(loss, 'loss')).targetWidth(outputWidth);
  const metric = makeMetric(name, outputWidth, targetWidth, key);
  if (metric.targetWidth(outputWidth) !== targetWidth) {
    throw new ConfigError(key, name, targetHint(targetWidth, outputWidth));
  }
  return { metric, key: name };
}

function makeMetric(name: string, outputWidth: number, targetWidth: number, key: string): Metric {
  const lower = name.toLowerCase();
  if (lower === 'accuracy' || lower === 'acc') {
    // compile_utils.is_binary_or_sparse_categorical: binary is checked first.
    if (outputWidth === 1) return new BinaryAccuracy();
    if (targetWidth === 1) return new SparseCategoricalAccuracy();
    return new CategoricalAccuracy();
  }
  const make = BY_NAME.get(name);
  if (make === undefined) throw new ConfigError(key, name, msg('one of {0}', METRIC_NAMES.join(', ')));
  return make();
}

function targetHint(targetWidth: number, outputWidth: number): Message {
  return targetWidth === 1 && outputWidth > 1
    ? msg('a metric for integer class labels (the loss takes sparse labels): \'accuracy\' or \'sparse_categorical_accuracy\'')
    : msg('a metric for targets of width {0} (the loss\'s targets): \'accuracy\', \'binary_accuracy\', \'categorical_accuracy\', \'mae\' or \'mse\'', targetWidth);
}
