/**
 * Makes a dataset's targets fit the loss and the model's output, the way a Keras user would expect:
 * one-hot targets become class indices for sparse_categorical_crossentropy, class indices become one-hot
 * for categorical_crossentropy with a softmax of k units. Anything else that does not fit is an error
 * naming both shapes and the usual fix (the lecture's loss/activation pairing). Then every target value
 * must lie in the loss' domain (checkTargetDomain): a label of 2 with binary_crossentropy gives a
 * negative loss that trains towards nonsense.
 */
import { ConfigError, describedAs } from '../configError';
import { type Message, msg } from '../../shared/message';
import { DataError, type DataLocation, type Dataset } from '../datasets/dataset';
import type { Loss } from '../losses/loss';
import { echo } from '../../shared/echo';

export interface AdaptedTargets {
  readonly train: Dataset;
  readonly validation: Dataset | null;
  readonly notes: string[];
}

function toIndices(d: Dataset): Dataset {
  const w = d.targetWidth, y = new Float32Array(d.n);
  for (let r = 0; r < d.n; r++) {
    let best = 0;
    for (let j = 1; j < w; j++) if (d.y[r * w + j]! > d.y[r * w + best]!) best = j;
    y[r] = best;
  }
  return { ...d, y, targetWidth: 1 };
}

function toOneHot(d: Dataset, k: number): Dataset {
  const y = new Float32Array(d.n * k);
  for (let r = 0; r < d.n; r++) {
    const c = d.y[r]!;
    if (!Number.isInteger(c) || c < 0 || c >= k) throw new ConfigError('data', describedAs(msg('class {0} in row {1}', c, r + 1)), msg('class indices 0..{0} for an output of {1} units', k - 1, k));
    y[r * k + c] = 1;
  }
  return { ...d, y, targetWidth: k };
}

const shape = (w: number) => `(None, ${w})`;

export function adaptTargets(train: Dataset, validation: Dataset | null, loss: Loss, outputSize: number, outputShape: readonly number[], description: Message): AdaptedTargets {
  const want = loss.targetWidth(outputSize);
  const have = train.targetWidth;
  if (want === have) return { train, validation, notes: [] };
  const isClasses = train.task !== 'regression';
  const classCount = train.classNames?.length ?? (train.task === 'binary' ? 2 : have);
  if (want === 1 && isClasses && have === outputSize) {
    return { train: toIndices(train), validation: validation && toIndices(validation), notes: [`one-hot targets converted to class indices for ${loss.name}`] };
  }
  if (have === 1 && isClasses && want === outputSize && outputSize === classCount) {
    return { train: toOneHot(train, outputSize), validation: validation && toOneHot(validation, outputSize), notes: [`class indices converted to one-hot targets for ${loss.name}`] };
  }
  const hint = train.task === 'binary'
    ? msg('end the model with Dense(1, activation=\'sigmoid\') and use binary_crossentropy')
    : train.task === 'multiclass'
      ? msg('end the model with Dense({0}, activation=\'softmax\') and use categorical_crossentropy', have)
      : msg('end the model with Dense({0}) (linear) and use mean_squared_error', have);
  throw new ConfigError('model.layers', describedAs(msg('output shape {0}', `(None, ${outputShape.join(', ')})`)),
    msg('an output that fits the targets {0} of {1} ({2}) with {3}: {4}', shape(have), description, train.task, loss.name, hint));
}

/** Where target value (index, column) came from, in the user's terms; `index` counts training rows, then validation rows. */
export type TargetLocator = (index: number, column: number) => DataLocation;

interface TargetDomain {
  readonly contains: (v: number) => boolean;
  readonly allowed: Message;
}

/**
 * The values y_true may take, as Keras' loss docstrings define them (keras/src/losses/losses.py): for
 * BinaryCrossentropy "y_true (true label): This is either 0 or 1" (values in between are soft labels,
 * which label_smoothing itself produces); CategoricalCrossentropy expects "labels to be provided in a
 * one_hot representation"; SparseCategoricalCrossentropy "labels to be provided as integers", the class
 * index. Regression losses take any number. Null: no restriction.
 */
function targetDomain(loss: Loss, outputSize: number): TargetDomain | null {
  switch (loss.name) {
    case 'binary_crossentropy':
      return { contains: (v) => v >= 0 && v <= 1, allowed: msg('a label 0 or 1 (or a probability in between) for binary_crossentropy') };
    case 'categorical_crossentropy':
      return { contains: (v) => v >= 0 && v <= 1, allowed: msg('one-hot values 0 or 1 (or probabilities in between) for categorical_crossentropy') };
    case 'sparse_categorical_crossentropy':
      return {
        contains: (v) => Number.isInteger(v) && v >= 0 && v < outputSize,
        allowed: msg('a class index, an integer from 0 to {0}, for sparse_categorical_crossentropy with {1} output units', outputSize - 1, outputSize),
      };
    default:
      return null;
  }
}

/** Throws a DataError at the first target of `d` outside the loss' domain; `first` is d's first row index for `locate`. */
export function checkTargetDomain(d: Dataset, first: number, loss: Loss, outputSize: number, locate: TargetLocator): void {
  const domain = targetDomain(loss, outputSize);
  if (domain === null) return;
  const w = d.targetWidth;
  for (let i = 0; i < d.y.length; i++) {
    const v = d.y[i]!;
    if (domain.contains(v)) continue;
    const where = locate(first + Math.floor(i / w), i % w);
    throw new DataError(msg('the target {0} is outside the domain of {1}', echo(String(v)), loss.name), {
      ...where, hint: msg('expected {0}; use a regression loss such as "mean_squared_error" for other values, or fix the labels', domain.allowed),
    });
  }
}
