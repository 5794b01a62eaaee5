/**
 * The shapes every dataset source (TensorFlow Playground generators, CSV files, MNIST) hands to the
 * training loop: a row-major feature matrix with its targets, and a train/validation split. Also the
 * one error type for bad data, which names the row and column a user can fix. This file holds types
 * and row-slicing helpers only: no parsing, no randomness, no I/O.
 */
import { type Message, type MessageArg, msg, renderMessage } from '../../shared/message';

/** What the targets mean, and so which losses and metrics fit them. */
export type Task = 'binary' | 'multiclass' | 'regression';

/** Feature storage: floats, or bytes (MNIST's pixels) read as x · xScale, which keeps 60,000 images in 47 MB instead of 188 MB. */
export type FeatureArray = Float32Array | Uint8Array;

export interface Dataset {
  /** (n, features) row-major; the feature values are x · xScale. */
  readonly x: FeatureArray;
  /** Multiplies x to give the feature values (1/255 for MNIST bytes); 1 for float features. */
  readonly xScale: number;
  /** (n, targetWidth) row-major: 0/1 for binary, one-hot for multiclass, values for regression. */
  readonly y: Float32Array;
  readonly n: number;
  readonly features: number;
  readonly targetWidth: number;
  /** One name per feature column, in column order. */
  readonly featureNames: readonly string[];
  readonly task: Task;
  /** For classification: the label of each class index (binary: index 0 is y = 0, index 1 is y = 1). */
  readonly classNames?: readonly string[];
}

export interface DatasetSplit {
  readonly train: Dataset;
  /** The held-out part (Playground's "test" data, Keras' validation data); null when there is none. */
  readonly validation: Dataset | null;
  /** A sentence for the user about how the data was obtained or split. */
  readonly note?: string;
}

/** Where a data problem is, in the user's terms. */
export interface DataLocation {
  /** Source name shown first, e.g. a file name. */
  readonly source?: string;
  /** 1-based row as a spreadsheet numbers it (the header is row 1). */
  readonly row?: number;
  /** Column name (CSV header) or description. */
  readonly column?: string;
  /** What the user can do about it. */
  readonly hint?: Message;
}

/**
 * Bad data (as opposed to a bad setting, which is a ConfigError): the message carries row and column.
 * The problem and the hint are message templates, msg(...), translated like ConfigError's (see the
 * header of src/engine/configError.ts); `message` is the English rendering, `text` the translatable one.
 */
export class DataError extends Error {
  readonly source: string | undefined;
  readonly row: number | undefined;
  readonly column: string | undefined;
  readonly hint: Message | undefined;
  readonly text: Message;

  constructor(problem: Message, where: DataLocation = {}) {
    const place: MessageArg[] = [];
    if (where.source !== undefined) place.push(where.source);
    if (where.row !== undefined) place.push(msg('row {0}', where.row));
    if (where.column !== undefined) place.push(msg('column {0}', where.column));
    let text = problem;
    if (place.length > 0) text = msg('{0}: {1}', place.reduce((a, b) => msg('{0}, {1}', a, b)), text);
    if (where.hint !== undefined) text = msg('{0}; {1}', text, where.hint);
    super(renderMessage(text));
    this.name = 'DataError';
    this.text = text;
    this.source = where.source;
    this.row = where.row;
    this.column = where.column;
    this.hint = where.hint;
  }
}

/** Builds a Dataset after checking that the buffers match the declared shape. */
export function createDataset(fields: {
  x: FeatureArray;
  xScale?: number;
  y: Float32Array;
  featureNames: readonly string[];
  targetWidth: number;
  task: Task;
  classNames?: readonly string[];
}): Dataset {
  const features = fields.featureNames.length;
  const { x, y, targetWidth } = fields;
  if (features === 0) throw new Error('createDataset: a dataset needs at least one feature column');
  if (x.length % features !== 0) throw new Error(`createDataset: x has ${x.length} values, not a multiple of ${features} features`);
  const n = x.length / features;
  if (y.length !== n * targetWidth) {
    throw new Error(`createDataset: y has ${y.length} values; expected n * targetWidth = ${n} * ${targetWidth}`);
  }
  const dataset: Dataset = { x, xScale: fields.xScale ?? 1, y, n, features, targetWidth, featureNames: fields.featureNames, task: fields.task };
  return fields.classNames === undefined ? dataset : { ...dataset, classNames: fields.classNames };
}

/** Rows [start, end) as a new Dataset (copies, so the parts never alias). */
export function sliceRows(d: Dataset, start: number, end: number): Dataset {
  return {
    ...d,
    x: d.x.slice(start * d.features, end * d.features),
    y: d.y.slice(start * d.targetWidth, end * d.targetWidth),
    n: end - start,
  };
}

/** The rows at `indices`, in that order, as a new Dataset. */
export function takeRows(d: Dataset, indices: ArrayLike<number>): Dataset {
  const m = indices.length;
  const x = d.x instanceof Uint8Array ? new Uint8Array(m * d.features) : new Float32Array(m * d.features);
  const y = new Float32Array(m * d.targetWidth);
  for (let r = 0; r < m; r++) {
    const i = indices[r]!;
    x.set(d.x.subarray(i * d.features, (i + 1) * d.features), r * d.features);
    y.set(d.y.subarray(i * d.targetWidth, (i + 1) * d.targetWidth), r * d.targetWidth);
  }
  return { ...d, x, y, n: m };
}
