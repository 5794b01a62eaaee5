/**
 * An experiment file (JSON in Keras spelling: seed, model, compile, fit, data, initial_weights) turned
 * into everything a run needs: the data split, the built and compiled model, the fit settings and the
 * callbacks. Every key is checked; a mistake is a ConfigError that names the key, the value and what
 * is allowed, and a model that does not fit its data says which shapes disagree and how to fix it.
 */
import type { Callback } from '../callbacks/callback';
import { EarlyStopping } from '../callbacks/earlyStopping';
import { ConfigError, describedAs } from '../configError';
import { type Message, msg, quantity, renderMessage } from '../../shared/message';
import { sliceRows, type Dataset } from '../datasets/dataset';
import type { Arena } from '../kernels/arena';
import type { Kernels } from '../kernels/kernels';
import { parseLayers } from '../layers/layerRegistry';
import { getLoss, type LossIdentifier } from '../losses/lossRegistry';
import { resolveMetric } from '../metrics/metricRegistry';
import { Sequential, type LayerWeights } from '../model/sequential';
import { type OptimizerIdentifier, createOptimizer } from '../optimizers/optimizerRegistry';
import { Rng } from '../rng';
import { type BatchBuffers, type CompiledModel, type Samples, allocateBatchBuffers, batchBufferFloats } from '../training/fit';
import { parseCallbacks, unavailableMonitors } from './callbackSpecs';
import { type DataIo, type LoadedData, loadData } from './dataSpec';
import { type JsonObject, optionalBoolean, optionalNumber, readFloat32, readName, readObject, readSeed, readShape, rejectUnknownKeys } from './specReader';
import { adaptTargets, checkTargetDomain } from './targets';

export const DEFAULT_SEED = 42;

export interface Experiment {
  readonly seed: number;
  readonly data: LoadedData;
  readonly train: Samples;
  readonly validation: Samples | null;
  readonly compiled: CompiledModel;
  readonly epochs: number;
  readonly batchSize: number;
  readonly shuffle: boolean;
  readonly callbacks: readonly Callback[];
  readonly earlyStopping: EarlyStopping | null;
  /** Generator for shuffling (after the data and the weights have been drawn). */
  readonly rng: Rng;
  readonly buffers: BatchBuffers;
  /** Sentences for the user: where the data came from, what was adapted. */
  readonly notes: readonly string[];
  /** What Keras would warn about (a callback monitoring a metric the logs will not have). */
  readonly warnings: readonly string[];
}

export interface ExperimentRuntime {
  readonly io: DataIo;
  /** The matrix kernels and the arena their buffers come from (a fresh one per run): see engineBackend.ts. */
  readonly backend: { readonly kernels: Kernels; readonly arena: Arena };
}

const TOP_KEYS = ['seed', 'model', 'compile', 'fit', 'data', 'initial_weights'];

/**
 * Keras' validation_split: the last fraction of the samples, before any shuffling. A split that leaves
 * either side empty is an error, as in Keras (keras/src/trainers/data_adapters/array_slicing.py
 * train_validation_split raises "Training data contains N samples, which is not sufficient to split it").
 */
function splitLast(d: Dataset, fraction: number, description: Message): { train: Dataset; validation: Dataset } {
  const splitAt = Math.floor(d.n * (1 - fraction));
  if (splitAt === 0 || splitAt === d.n) {
    const instead = d.n < 2 ? msg('no validation_split') : msg('a validation_split between {0} and {1}', (1 / d.n).toPrecision(2), (1 - 1 / d.n).toPrecision(2));
    throw new ConfigError('fit.validation_split', fraction,
      msg('a fraction that leaves rows for both training and validation: {0} has {1} rows, and splitting at floor({1} × (1 - {2})) = {3} leaves {3} training and {4} validation rows; use more data or {5}',
        description, d.n, fraction, splitAt, d.n - splitAt, instead));
  }
  return { train: sliceRows(d, 0, splitAt), validation: sliceRows(d, splitAt, d.n) };
}

function readWeights(value: unknown, key: string): LayerWeights[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) throw new ConfigError(key, value, msg('null or a list of {0}, one per Dense layer', '{"kernel": [[...]], "bias": [...] | null}'));
  return value.map((entry: unknown, i) => {
    const w = readObject(entry, `${key}[${i}]`);
    rejectUnknownKeys(w, ['kernel', 'bias'], `${key}[${i}]`);
    const kernel = w.kernel;
    if (!Array.isArray(kernel) || !kernel.every((r) => Array.isArray(r))) {
      throw new ConfigError(`${key}[${i}].kernel`, kernel, msg('a matrix [inputs][units] of finite numbers'));
    }
    (kernel as unknown[][]).forEach((r, a) => r.forEach((v, b) => readFloat32(v, `${key}[${i}].kernel[${a}][${b}]`)));
    const bias = w.bias ?? null;
    if (bias !== null && !Array.isArray(bias)) throw new ConfigError(`${key}[${i}].bias`, bias, msg('null or a list of finite numbers'));
    if (bias !== null) (bias as unknown[]).forEach((v, b) => readFloat32(v, `${key}[${i}].bias[${b}]`));
    return { kernel: kernel as number[][], bias: bias as number[] | null };
  });
}

/**
 * The most trainable values a run may have: weights, gradients and up to three optimizer slots are
 * five float32 copies, so 50 million parameters already take 1 GB. Checked before allocating anything.
 */
export const MAX_PARAMS = 50_000_000;

function refuseAbsurdModel(model: Sequential): void {
  const params = model.declaredParams;
  if (params <= MAX_PARAMS) return;
  const gb = (params * 4 * 5) / 1024 ** 3;
  throw new ConfigError('model.layers', describedAs(msg('{0} parameters', quantity(params))),
    msg('at most {0} parameters: this model would need about {1} GB for its weights, gradients and optimizer state; use fewer or smaller layers', quantity(MAX_PARAMS), quantity(gb, 1)));
}

export async function loadExperiment(json: unknown, runtime: ExperimentRuntime): Promise<Experiment> {
  const spec = readObject(json, 'experiment');
  rejectUnknownKeys(spec, TOP_KEYS, '');
  const seed = spec.seed === undefined ? DEFAULT_SEED : readSeed(spec.seed, 'seed');
  const rng = new Rng(seed);
  const modelSpec = readObject(spec.model, 'model');
  rejectUnknownKeys(modelSpec, ['input_shape', 'layers', 'name'], 'model');
  if (modelSpec.name !== undefined) readName(modelSpec.name, 'model.name');
  const compileSpec: JsonObject = spec.compile === undefined ? {} : readObject(spec.compile, 'compile');
  rejectUnknownKeys(compileSpec, ['optimizer', 'loss', 'metrics'], 'compile');
  const fitSpec: JsonObject = spec.fit === undefined ? {} : readObject(spec.fit, 'fit');
  rejectUnknownKeys(fitSpec, ['epochs', 'batch_size', 'shuffle', 'validation_split', 'callbacks', 'verbose'], 'fit');

  // Data first (it draws from the seed's stream before the weights do, as Playground generates then builds).
  const data = await loadData(spec.data, 'data', rng, runtime.io);
  const notes: string[] = [];
  if (data.note) notes.push(data.note);
  const validationSplit = optionalNumber(fitSpec.validation_split, 'fit.validation_split', 0, { min: 0, below: 1 });
  let train = data.train, validation = data.validation;
  if (validationSplit > 0) {
    if (data.ownValidation) {
      notes.push(`fit.validation_split is ignored: ${renderMessage(data.description)} has its own validation data (Keras: validation_data overrides validation_split)`);
    } else {
      ({ train, validation } = splitLast(train, validationSplit, data.description));
    }
  }

  const parsed = parseLayers(modelSpec.layers, 'model.layers');
  const givenShape = modelSpec.input_shape !== undefined ? readShape(modelSpec.input_shape, 'model.input_shape') : null;
  if (givenShape && parsed.inputShape) throw new ConfigError('model.input_shape', modelSpec.input_shape, msg('one input shape (the first layer already gives one)'));
  // Without an input shape, Keras builds the model from the data on the first fit() call.
  const inputShape = givenShape ?? parsed.inputShape ?? [train.features];
  const model = new Sequential(parsed.layers, inputShape);
  if (model.inputSize !== train.features) {
    const columns = `${train.featureNames.slice(0, 4).join(', ')}${train.features > 4 ? ', ...' : ''}`;
    throw new ConfigError('model.input_shape', inputShape, msg('a shape with {0} values: the model takes {1} inputs per sample but {2} has {0} feature columns ({3}); set input_shape=[{0}] or pick another dataset',
      train.features, model.inputSize, data.description, columns));
  }
  const lossId = (compileSpec.loss ?? null) as LossIdentifier | null;
  if (lossId === null) throw new ConfigError('compile.loss', undefined, msg('a loss, e.g. "binary_crossentropy" (Keras: {0})', '"No loss to compute. Provide a `loss` argument in `compile()`."'));
  const loss = getLoss(lossId, 'compile.loss');
  const optimizer = createOptimizer((compileSpec.optimizer ?? 'rmsprop') as OptimizerIdentifier, 'compile.optimizer');
  const epochs = optionalNumber(fitSpec.epochs, 'fit.epochs', 1, { integer: true, min: 1, max: 100_000 });
  const batchSize = optionalNumber(fitSpec.batch_size, 'fit.batch_size', 32, { integer: true, min: 1 });
  const shuffle = optionalBoolean(fitSpec.shuffle, 'fit.shuffle', true);
  if (fitSpec.verbose !== undefined) optionalNumber(fitSpec.verbose, 'fit.verbose', 0, { integer: true, min: 0, max: 2 });
  const callbacks = parseCallbacks(fitSpec.callbacks, 'fit.callbacks');

  refuseAbsurdModel(model);
  const maxBatch = Math.max(1, Math.min(batchSize, Math.max(train.n, validation?.n ?? 0)));
  const { kernels, arena } = runtime.backend;
  model.build(maxBatch, kernels, arena, rng, batchBufferFloats(model, loss, maxBatch));
  const buffers = allocateBatchBuffers(model, loss, arena, maxBatch);
  const outShape = model.outputShape;
  const adapted = adaptTargets(train, validation, loss, model.outputSize, outShape, data.description);
  notes.push(...adapted.notes);
  checkTargetDomain(adapted.train, 0, loss, model.outputSize, data.locateTarget);
  if (adapted.validation) checkTargetDomain(adapted.validation, adapted.train.n, loss, model.outputSize, data.locateTarget);
  const metricNames = compileSpec.metrics ?? [];
  if (!Array.isArray(metricNames)) throw new ConfigError('compile.metrics', metricNames, msg('a list of metric names, e.g. ["accuracy"]'));
  const metrics = metricNames.map((name: unknown, i) => {
    if (typeof name !== 'string') throw new ConfigError(`compile.metrics[${i}]`, name, msg('a metric name'));
    return resolveMetric(name, loss, model.outputSize, `compile.metrics[${i}]`);
  });
  const logKeys = ['loss', ...metrics.map((m) => m.key)];
  const warnings = unavailableMonitors(callbacks, adapted.validation ? [...logKeys, ...logKeys.map((k) => `val_${k}`)] : logKeys);
  const weights = readWeights(spec.initial_weights, 'initial_weights');
  if (weights) model.setWeights(weights);
  optimizer.build(model.params.length, model.variables);

  const toSamples = (d: Dataset): Samples => ({ x: d.x, xScale: d.xScale, y: d.y, n: d.n });
  return {
    seed, data, notes, warnings, rng, buffers,
    train: toSamples(adapted.train),
    validation: adapted.validation ? toSamples(adapted.validation) : null,
    compiled: { model, loss, optimizer, metrics },
    epochs, batchSize, shuffle, callbacks,
    earlyStopping: callbacks.find((c): c is EarlyStopping => c instanceof EarlyStopping) ?? null,
  };
}
