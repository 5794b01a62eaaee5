/**
 * Optuna's HyperbandPruner (optuna/pruners/_hyperband.py), defaults min_resource 1, max_resource
 * "auto" (the first completed trials' last step + 1), reduction_factor 3, bootstrap_count 0:
 * floor(log_η(max / min)) + 1 brackets, bracket s a SuccessiveHalvingPruner with
 * min_early_stopping_rate s; a trial belongs to bracket crc32("<study name>_<trial number>") mod the
 * total budget, walked through the brackets' budgets ceil(n · η^(n−1−s) / (n − s)); pruning and the
 * sampler only see trials of the same bracket.
 */
import { type FrozenTrial, type StudyView, TrialState, lastStep, trialsIn } from '../frozenTrial';
import type { PruneContext, Pruner } from './pruner';
import { SuccessiveHalvingPruner } from './successiveHalvingPruner';

export interface HyperbandOptions { readonly min_resource: number; readonly max_resource: number | 'auto'; readonly reduction_factor: number; readonly bootstrap_count: number }
export const HYPERBAND_DEFAULTS: HyperbandOptions = { min_resource: 1, max_resource: 'auto', reduction_factor: 3, bootstrap_count: 0 };

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** zlib's CRC-32 of the UTF-8 bytes of `text` (Python's binascii.crc32(text.encode())). */
export function crc32(text: string): number {
  let c = 0xffffffff;
  for (const byte of new TextEncoder().encode(text)) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export class HyperbandPruner implements Pruner {
  readonly name = 'HyperbandPruner';
  private pruners: SuccessiveHalvingPruner[] = [];
  private budgets: number[] = [];
  private total = 0;
  private maxResource: number | 'auto';

  constructor(readonly options: HyperbandOptions = HYPERBAND_DEFAULTS) {
    this.maxResource = options.max_resource;
  }

  /** The brackets' count once known (after the first completed trial under "auto"). */
  get brackets(): number {
    return this.pruners.length;
  }

  private tryInitialization(study: StudyView): void {
    if (this.maxResource === 'auto') {
      const steps = trialsIn(study, TrialState.COMPLETE).map(lastStep).filter((s): s is number => s !== null);
      if (steps.length === 0) return;
      this.maxResource = Math.max(...steps) + 1;
    }
    const { min_resource: min, reduction_factor: eta, bootstrap_count } = this.options;
    const n = Math.floor(Math.log(this.maxResource / min) / Math.log(eta)) + 1;
    for (let id = 0; id < n; id++) {
      const s = n - 1 - id;
      const budget = Math.ceil((n * eta ** s) / (s + 1));
      this.budgets.push(budget);
      this.total += budget;
      this.pruners.push(new SuccessiveHalvingPruner({ min_resource: min, reduction_factor: eta, min_early_stopping_rate: id, bootstrap_count }));
    }
  }

  bracketOf(studyName: string, trialNumber: number): number {
    if (this.pruners.length === 0) return 0;
    let n = crc32(`${studyName}_${trialNumber}`) % this.total;
    for (let id = 0; id < this.budgets.length; id++) {
      n -= this.budgets[id]!;
      if (n < 0) return id;
    }
    throw new Error('HyperbandPruner: unreachable bracket');
  }

  private bracketStudy(study: StudyView, bracket: number): StudyView {
    return { ...study, trials: study.trials.filter((t) => this.bracketOf(study.studyName, t.number) === bracket) };
  }

  prune(ctx: PruneContext): boolean {
    if (this.pruners.length === 0) {
      this.tryInitialization(ctx.study);
      if (this.pruners.length === 0) return false;
    }
    const bracket = this.bracketOf(ctx.study.studyName, ctx.trial.number);
    return this.pruners[bracket]!.prune({ ...ctx, study: this.bracketStudy(ctx.study, bracket) });
  }

  samplerStudy(study: StudyView, trial: FrozenTrial): StudyView {
    return this.bracketStudy(study, this.bracketOf(study.studyName, trial.number));
  }
}
