/**
 * The sampler contract, after Optuna's BaseSampler (optuna/samplers/_base.py) as a study uses it for
 * one new trial: `beforeTrial` at sample_relative's moment (GridSampler picks its grid point there and
 * records it as system attributes), then `sampleIndependent` once per parameter in the order the
 * sweep lists them. The study a sampler sees is already narrowed to the trial's Hyperband bracket
 * when that pruner runs (optuna/pruners/__init__.py _filter_study).
 */
import type { ParamValue } from '../applyParameters';
import type { Distribution } from '../distributions';
import type { FrozenTrial, StudyView } from '../frozenTrial';

export interface Sampler {
  /** Optuna's class name, e.g. "TPESampler". */
  readonly name: string;
  /**
   * True when its draws depend on the values of finished trials (TPE): it is asked only when a worker is
   * free and the previous trial is told, as Optuna's study.optimize(n_jobs) does. Others (random, grid)
   * may be asked for the next trial while the workers train, which hides the journal's writes.
   */
  readonly learnsFromResults: boolean;
  /** System attributes to record on the new trial before its parameters are sampled. */
  beforeTrial(study: StudyView, trial: FrozenTrial): Readonly<Record<string, unknown>>;
  sampleIndependent(study: StudyView, trial: FrozenTrial, paramName: string, distribution: Distribution): ParamValue;
  /** True when the sampler has nothing left to try (a finished grid: Optuna's study.stop()). */
  isExhausted?(study: StudyView): boolean;
}
