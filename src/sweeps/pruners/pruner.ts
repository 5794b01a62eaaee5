/**
 * The pruner contract, after Optuna's BasePruner (optuna/pruners/_base.py) as Trial.should_prune
 * calls it after each reported intermediate value: decide from the study and the trial so far, and
 * record any system attributes the decision leaves on the trial (SuccessiveHalvingPruner's
 * completed_rung_k). `samplerStudy` is optuna.pruners._filter_study: what the sampler may see.
 */
import type { FrozenTrial, StudyView } from '../frozenTrial';

export interface PruneContext {
  readonly study: StudyView;
  /** The trial with every intermediate value reported so far. */
  readonly trial: FrozenTrial;
  /** Records a system attribute on the trial (set_trial_system_attr). */
  setSystemAttr(this: void, key: string, value: number): void;
}

export interface Pruner {
  /** Optuna's class name, e.g. "MedianPruner". */
  readonly name: string;
  prune(ctx: PruneContext): boolean;
  /** The study the sampler sees for `trial` (HyperbandPruner: the trial's bracket). */
  samplerStudy?(study: StudyView, trial: FrozenTrial): StudyView;
}
