/**
 * Reads the `fit.callbacks` list of an experiment: EarlyStopping and ReduceLROnPlateau with every
 * Keras argument (keras/src/callbacks/early_stopping.py, reduce_lr_on_plateau.py). Flat or nested
 * {"config": {...}} form; unknown classes, arguments and bad values are ConfigErrors.
 */
import type { Callback } from '../callbacks/callback';
import { EARLY_STOPPING_DEFAULTS, EarlyStopping } from '../callbacks/earlyStopping';
import { REDUCE_LR_DEFAULTS, ReduceLROnPlateau } from '../callbacks/reduceLROnPlateau';
import { ConfigError } from '../configError';
import { echo } from '../../shared/echo';
import { msg } from '../../shared/message';
import { type JsonObject, optionalBoolean, optionalNumber, readObject, readOneOf, readNumber, readString, rejectUnknownKeys } from './specReader';

const MODES = ['auto', 'min', 'max'] as const;

function args(raw: JsonObject, key: string): JsonObject {
  return raw.config === undefined ? raw : { class_name: raw.class_name, ...readObject(raw.config, `${key}.config`) };
}

function earlyStopping(a: JsonObject, key: string): EarlyStopping {
  rejectUnknownKeys(a, ['class_name', 'monitor', 'min_delta', 'patience', 'verbose', 'mode', 'baseline', 'restore_best_weights', 'start_from_epoch'], key);
  const d = EARLY_STOPPING_DEFAULTS;
  return new EarlyStopping({
    monitor: a.monitor === undefined ? d.monitor : readString(a.monitor, `${key}.monitor`),
    min_delta: optionalNumber(a.min_delta, `${key}.min_delta`, d.min_delta),
    patience: optionalNumber(a.patience, `${key}.patience`, d.patience, { integer: true, min: 0 }),
    mode: a.mode === undefined ? d.mode : readOneOf(a.mode, `${key}.mode`, MODES),
    baseline: a.baseline === undefined || a.baseline === null ? null : readNumber(a.baseline, `${key}.baseline`),
    restore_best_weights: optionalBoolean(a.restore_best_weights, `${key}.restore_best_weights`, d.restore_best_weights),
    start_from_epoch: optionalNumber(a.start_from_epoch, `${key}.start_from_epoch`, d.start_from_epoch, { integer: true, min: 0 }),
  });
}

function reduceLr(a: JsonObject, key: string): ReduceLROnPlateau {
  rejectUnknownKeys(a, ['class_name', 'monitor', 'factor', 'patience', 'verbose', 'mode', 'min_delta', 'cooldown', 'min_lr'], key);
  const d = REDUCE_LR_DEFAULTS;
  return new ReduceLROnPlateau({
    monitor: a.monitor === undefined ? d.monitor : readString(a.monitor, `${key}.monitor`),
    factor: optionalNumber(a.factor, `${key}.factor`, d.factor, { above: 0, below: 1 }),
    patience: optionalNumber(a.patience, `${key}.patience`, d.patience, { integer: true, min: 0 }),
    mode: a.mode === undefined ? d.mode : readOneOf(a.mode, `${key}.mode`, MODES),
    min_delta: optionalNumber(a.min_delta, `${key}.min_delta`, d.min_delta),
    cooldown: optionalNumber(a.cooldown, `${key}.cooldown`, d.cooldown, { integer: true, min: 0 }),
    min_lr: optionalNumber(a.min_lr, `${key}.min_lr`, d.min_lr, { min: 0 }),
  });
}

export function parseCallbacks(value: unknown, key: string): Callback[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ConfigError(key, value, msg('a list of callback configs'));
  return value.map((entry: unknown, i) => {
    const k = `${key}[${i}]`;
    const raw = readObject(entry, k);
    const a = args(raw, k);
    const cls = readString(a.class_name, `${k}.class_name`);
    if (a.verbose !== undefined) readNumber(a.verbose, `${k}.verbose`, { integer: true, min: 0 });
    try {
      if (cls === 'EarlyStopping') return earlyStopping(a, k);
      if (cls === 'ReduceLROnPlateau') return reduceLr(a, k);
    } catch (e) {
      if (e instanceof ConfigError) throw e;
      throw new ConfigError(k, entry, msg('{0}', e instanceof Error ? e.message : String(e)));
    }
    throw new ConfigError(`${k}.class_name`, cls, msg('one of {0}', 'EarlyStopping, ReduceLROnPlateau'));
  });
}

/**
 * Keras' warnings for a monitor the logs will not hold (early_stopping.py and reduce_lr_on_plateau.py
 * log "... conditioned on metric `val_loss` which is not available. Available metrics are: ..." each epoch
 * and then ignore the epoch). Known before training: `logKeys` are the keys every epoch's logs will have.
 */
export function unavailableMonitors(callbacks: readonly Callback[], logKeys: readonly string[]): string[] {
  const keys = callbacks.some((c) => c instanceof ReduceLROnPlateau) ? [...logKeys, 'learning_rate'] : logKeys;
  const warnings: string[] = [];
  for (const c of callbacks) {
    const monitor = c instanceof EarlyStopping || c instanceof ReduceLROnPlateau ? c.config.monitor : null;
    if (monitor === null || keys.includes(monitor)) continue;
    const what = c instanceof EarlyStopping ? 'Early stopping' : 'Learning rate reduction';
    const hint = monitor.startsWith('val_') && !keys.some((k) => k.startsWith('val_'))
      ? ' (there is no validation data: set fit.validation_split or give validation data)'
      : '';
    warnings.push(`${what} is conditioned on metric \`${echo(monitor)}\` which is not available. Available metrics are: ${keys.join(',')}${hint}`);
  }
  return warnings;
}
