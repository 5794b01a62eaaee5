/**
 * Makes a dataset's targets fit the loss and the model's output, the way a Keras user would expect:
 * one-hot targets become class indices for sparse_categorical_crossentropy, class indices become one-hot
 * for categorical_crossentropy with a softmax of k units. Anything else that does not fit is an error
 * naming both shapes and the usual fix (the lecture's loss/activation pairing).
 */
import { ConfigError, describedAs } from '../configError';
import { type Message, msg } from '../../shared/message';
import type { Dataset } from '../datasets/dataset';
import type { Loss } from '../losses/loss';

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
