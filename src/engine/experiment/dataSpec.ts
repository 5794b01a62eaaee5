/**
 * Reads an experiment's `data` entry and loads the data it names: a TensorFlow Playground dataset, MNIST,
 * a CSV file, or inline arrays. File access goes through the caller's DataIo (the CLI and the worker
 * read files with Node; tests give fixtures), so this module stays free of I/O of its own.
 */
import { ConfigError, describedAs } from '../configError';
import { type Message, msg, quantity } from '../../shared/message';
import { csvDataset } from '../datasets/csv';
import { DataError, createDataset, type Dataset, type DatasetSplit } from '../datasets/dataset';
import { loadMnist, type MnistLoadOptions } from '../datasets/mnistFiles';
import { playgroundDataset } from '../datasets/playground';
import type { Point2D } from '../datasets/playgroundGenerators';
import type { Rng } from '../rng';
import { type JsonObject, optionalBoolean, readMatrix, readObject, readString, rejectUnknownKeys } from './specReader';
import type { TargetLocator } from './targets';
import { echoPath } from '../../shared/echo';

export interface DataIo {
  /** Reads a text file; relative paths are resolved against the experiment file's folder. */
  readTextFile(path: string): Promise<string>;
  /** A path the experiment names (an MNIST folder), resolved as readTextFile resolves file names. */
  resolvePath(path: string): string;
  /** Where MNIST may be found (the bundled subset's folder at least). */
  readonly mnist: MnistLoadOptions;
}

export interface LoadedData extends DatasetSplit {
  /** Playground data only: the points, row for row, for the decision boundary. */
  readonly points?: { readonly train: readonly Point2D[]; readonly validation: readonly Point2D[] };
  /** Whether the split already holds the validation data (so fit.validation_split does not apply). */
  readonly ownValidation: boolean;
  /** What the data is, for the run's status line ("Playground circle (250 training and 250 validation points)"). */
  readonly description: Message;
  /** Where a target value came from (rows counted through train, then validation), for error messages. */
  readonly locateTarget: TargetLocator;
}

/** The dataset names, mapped to Playground's own keys. */
const PLAYGROUND_NAMES: Readonly<Record<string, string>> = {
  circle: 'circle', xor: 'xor', gauss: 'gauss', spiral: 'spiral',
  plane: 'reg-plane', 'reg-plane': 'reg-plane', multi_gaussian: 'reg-gauss', 'reg-gauss': 'reg-gauss',
};

function inlineDataset(x: unknown, y: unknown, key: string): Dataset {
  const X = readMatrix(x, `${key}.x`), Y = readMatrix(y, `${key}.y`);
  if (X.rows !== Y.rows) throw new ConfigError(`${key}.y`, describedAs(msg('{0} rows', Y.rows)), msg('as many rows as {0} ({1})', `${key}.x`, X.rows));
  const binary = Y.cols === 1 && Y.data.every((v) => v === 0 || v === 1);
  return createDataset({
    x: X.data, y: Y.data, targetWidth: Y.cols,
    featureNames: Array.from({ length: X.cols }, (_, i) => `x${i + 1}`),
    task: binary ? 'binary' : Y.cols > 1 && isOneHot(Y.data, Y.cols) ? 'multiclass' : 'regression',
  });
}

/** Runs a dataset builder whose ConfigErrors name its own keys ('samples') and re-keys them under `key` ('data.samples'). */
function underKey<T>(key: string, build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (e instanceof ConfigError) throw new ConfigError(`${key}.${e.key}`, e.value, e.allowed);
    throw e;
  }
}

/** Targets of generated or downloaded data: sample numbers, 1-based. */
function sampleLocator(source: string): TargetLocator {
  return (index) => ({ source: `${source} sample ${index + 1}` });
}

function isOneHot(y: Float32Array, width: number): boolean {
  for (let r = 0; r < y.length / width; r++) {
    let ones = 0;
    for (let j = 0; j < width; j++) {
      const v = y[r * width + j]!;
      if (v === 1) ones++;
      else if (v !== 0) return false;
    }
    if (ones !== 1) return false;
  }
  return true;
}

export async function loadData(value: unknown, key: string, rng: Rng, io: DataIo): Promise<LoadedData> {
  const spec: JsonObject = readObject(value, key);
  if (spec.dataset !== undefined) {
    const name = readString(spec.dataset, `${key}.dataset`);
    if (name === 'mnist') {
      rejectUnknownKeys(spec, ['dataset', 'path'], key);
      const split = await loadMnist(spec.path === undefined ? io.mnist : { ...io.mnist, directory: io.resolvePath(readString(spec.path, `${key}.path`)), directoryKey: `${key}.path` });
      const description = msg('MNIST ({0} training and {1} validation images)', quantity(split.train.n), quantity(split.validation.n));
      return { ...split, ownValidation: true, description, locateTarget: sampleLocator('MNIST') };
    }
    const pgName = PLAYGROUND_NAMES[name];
    if (!pgName) throw new ConfigError(`${key}.dataset`, name, msg('one of {0}', [...Object.keys(PLAYGROUND_NAMES).filter((k) => !k.startsWith('reg-')), 'mnist'].join(', ')));
    rejectUnknownKeys(spec, ['dataset', 'samples', 'noise', 'train_ratio', 'features'], key);
    const split = underKey(key, () => playgroundDataset({ ...spec, dataset: pgName }, rng));
    // One name per split: the held-out points are the validation data (Keras' val_loss); Playground calls them test data.
    const description = msg('Playground "{0}" ({1} training and {2} validation points)', name, quantity(split.train.n), quantity(split.validation.n));
    return { ...split, ownValidation: true, description, locateTarget: sampleLocator(`Playground "${name}"`) };
  }
  if (spec.csv !== undefined) {
    rejectUnknownKeys(spec, ['csv', 'target', 'standardize', 'task'], key);
    const path = readString(spec.csv, `${key}.csv`);
    const text = await io.readTextFile(path).catch((e: unknown) => {
      // "data.csv: cannot read /abs/path: no such file": the key first, as every data error says it.
      throw e instanceof DataError && e.source === undefined ? new DataError(e.text, { source: `${key}.csv` }) : e;
    });
    const csvSpec = {
      target: readString(spec.target, `${key}.target`),
      standardize: optionalBoolean(spec.standardize, `${key}.standardize`, false),
      ...(spec.task === undefined ? {} : { task: spec.task as 'auto' }),
    };
    const shown = echoPath(path);
    const split = underKey(key, () => csvDataset(text, csvSpec, shown));
    const locateTarget: TargetLocator = (index) => ({ source: shown, row: split.rowNumbers[index]!, column: split.targetColumn });
    return { ...split, ownValidation: false, description: msg('CSV {0} ({1} rows)', shown, quantity(split.train.n)), locateTarget };
  }
  if (spec.x !== undefined) {
    rejectUnknownKeys(spec, ['x', 'y', 'validation_data'], key);
    const train = inlineDataset(spec.x, spec.y, key);
    let validation: Dataset | null = null;
    if (spec.validation_data !== undefined && spec.validation_data !== null) {
      const v = readObject(spec.validation_data, `${key}.validation_data`);
      rejectUnknownKeys(v, ['x', 'y'], `${key}.validation_data`);
      validation = inlineDataset(v.x, v.y, `${key}.validation_data`);
      if (validation.features !== train.features || validation.targetWidth !== train.targetWidth) {
        throw new ConfigError(`${key}.validation_data`, describedAs(msg('{0} features, {1} targets', validation.features, validation.targetWidth)),
          msg('{0} features and {1} targets like {2} and {3}', train.features, train.targetWidth, `${key}.x`, `${key}.y`));
      }
    }
    const locateTarget: TargetLocator = (index, column) => {
      const [name, row, width] = index < train.n ? [`${key}.y`, index, train.targetWidth] : [`${key}.validation_data.y`, index - train.n, validation?.targetWidth ?? 1];
      return { source: width === 1 ? `${name}[${row}]` : `${name}[${row}][${column}]` };
    };
    return { train, validation, ownValidation: validation !== null, description: msg('inline data ({0} rows)', quantity(train.n)), locateTarget };
  }
  throw new ConfigError(key, value, msg('a Playground dataset {0}, {1}, {2} or inline {3}', '{"dataset": "circle", ...}', '{"dataset": "mnist"}', '{"csv": "path", "target": "column"}', '{"x": [[...]], "y": [[...]]}'));
}
