/**
 * A sweep's `early_terminate`: which Optuna pruner stops unpromising trials, with Optuna's argument
 * names and defaults (optuna/pruners/_median.py, _successive_halving.py, _hyperband.py):
 *   median    MedianPruner(n_startup_trials=5, n_warmup_steps=0, interval_steps=1, n_min_trials=1)
 *   asha      SuccessiveHalvingPruner(min_resource="auto", reduction_factor=4, min_early_stopping_rate=0, bootstrap_count=0)
 *   hyperband HyperbandPruner(min_resource=1, max_resource="auto", reduction_factor=3, bootstrap_count=0)
 * The pruners themselves are in pruners/.
 */
import { ConfigError } from '../engine/configError';
import { msg } from '../shared/message';
import { type JsonObject, optionalNumber, readObject, readOneOf, rejectUnknownKeys } from '../engine/experiment/specReader';

export interface MedianSettings { readonly type: 'median'; readonly n_startup_trials: number; readonly n_warmup_steps: number; readonly interval_steps: number; readonly n_min_trials: number }
export interface AshaSettings { readonly type: 'asha'; readonly min_resource: number | 'auto'; readonly reduction_factor: number; readonly min_early_stopping_rate: number; readonly bootstrap_count: number }
export interface HyperbandSettings { readonly type: 'hyperband'; readonly min_resource: number; readonly max_resource: number | 'auto'; readonly reduction_factor: number; readonly bootstrap_count: number }
export type EarlyTerminate = MedianSettings | AshaSettings | HyperbandSettings;

export const EARLY_TERMINATE_TYPES = ['median', 'asha', 'hyperband'] as const;

const int = (o: JsonObject, k: string, fallback: number, min: number): number => optionalNumber(o[k], `early_terminate.${k}`, fallback, { integer: true, min });

function autoOrInt(o: JsonObject, k: string, fallback: number | 'auto'): number | 'auto' {
  const v = o[k];
  if (v === undefined) return fallback;
  if (v === 'auto') return 'auto';
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new ConfigError(`early_terminate.${k}`, v, msg('"auto" or a whole number of epochs >= 1'));
  return v;
}

export function readEarlyTerminate(value: unknown): EarlyTerminate | null {
  if (value === undefined || value === null) return null;
  const o = typeof value === 'string' ? { type: value } : readObject(value, 'early_terminate');
  const type = readOneOf(o.type, 'early_terminate.type', EARLY_TERMINATE_TYPES);
  switch (type) {
    case 'median':
      rejectUnknownKeys(o, ['type', 'n_startup_trials', 'n_warmup_steps', 'interval_steps', 'n_min_trials'], 'early_terminate');
      return { type, n_startup_trials: int(o, 'n_startup_trials', 5, 0), n_warmup_steps: int(o, 'n_warmup_steps', 0, 0), interval_steps: int(o, 'interval_steps', 1, 1), n_min_trials: int(o, 'n_min_trials', 1, 1) };
    case 'asha': {
      rejectUnknownKeys(o, ['type', 'min_resource', 'reduction_factor', 'min_early_stopping_rate', 'bootstrap_count'], 'early_terminate');
      const s: AshaSettings = { type, min_resource: autoOrInt(o, 'min_resource', 'auto'), reduction_factor: int(o, 'reduction_factor', 4, 2), min_early_stopping_rate: int(o, 'min_early_stopping_rate', 0, 0), bootstrap_count: int(o, 'bootstrap_count', 0, 0) };
      if (s.bootstrap_count > 0 && s.min_resource === 'auto') throw new ConfigError('early_terminate.bootstrap_count', s.bootstrap_count, msg('0 while min_resource is "auto" (Optuna: mutually incompatible)'));
      return s;
    }
    case 'hyperband': {
      rejectUnknownKeys(o, ['type', 'min_resource', 'max_resource', 'reduction_factor', 'bootstrap_count'], 'early_terminate');
      const min = int(o, 'min_resource', 1, 1);
      const s: HyperbandSettings = { type, min_resource: min, max_resource: autoOrInt(o, 'max_resource', 'auto'), reduction_factor: int(o, 'reduction_factor', 3, 2), bootstrap_count: int(o, 'bootstrap_count', 0, 0) };
      if (s.max_resource !== 'auto' && s.max_resource < min) throw new ConfigError('early_terminate.max_resource', s.max_resource, msg('"auto" or at least min_resource ({0})', min));
      if (s.bootstrap_count > 0 && s.max_resource === 'auto') throw new ConfigError('early_terminate.bootstrap_count', s.bootstrap_count, msg('0 while max_resource is "auto" (Optuna: mutually incompatible)'));
      return s;
    }
  }
}
