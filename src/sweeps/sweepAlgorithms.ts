/**
 * A sweep definition's sampler and pruner: method grid → GridSampler over every parameter's values,
 * random → RandomSampler, tpe → TPESampler (Optuna's defaults); early_terminate median →
 * MedianPruner, asha → SuccessiveHalvingPruner, hyperband → HyperbandPruner, with the file's arguments.
 */
import type { Pruner } from './pruners/pruner';
import { HyperbandPruner } from './pruners/hyperbandPruner';
import { MedianPruner } from './pruners/medianPruner';
import { SuccessiveHalvingPruner } from './pruners/successiveHalvingPruner';
import { GridSampler } from './samplers/gridSampler';
import { RandomSampler } from './samplers/randomSampler';
import type { Sampler } from './samplers/sampler';
import { TPESampler } from './samplers/tpe/tpeSampler';
import type { SweepDefinition } from './sweepDefinition';

export function createSampler(def: SweepDefinition, seed: number): Sampler {
  switch (def.method) {
    case 'grid': return new GridSampler(Object.fromEntries(def.parameters.map((p) => [p.path.name, p.grid ?? []])), seed);
    case 'random': return new RandomSampler(seed);
    case 'tpe': return new TPESampler(seed);
  }
}

export function createPruner(def: SweepDefinition): Pruner | null {
  const et = def.earlyTerminate;
  if (!et) return null;
  switch (et.type) {
    case 'median': return new MedianPruner(et);
    case 'asha': return new SuccessiveHalvingPruner(et);
    case 'hyperband': return new HyperbandPruner(et);
  }
}
