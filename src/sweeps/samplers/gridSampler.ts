/**
 * Optuna's GridSampler (optuna/samplers/_grid.py): every combination of the given values, parameters
 * ordered by name (itertools.product over the sorted names). Each new trial takes a grid point at
 * random among those no finished or running trial of the same search space holds (the randomness
 * keeps concurrent workers apart); once all are started it re-runs unfinished ones, and when none is
 * left unvisited it stops the study. The point is recorded as the trial's system attributes
 * "search_space" and "grid_id", so Python workers with the same grid share the bookkeeping.
 */
import type { ParamValue } from '../applyParameters';
import { choiceEqual, type Distribution } from '../distributions';
import { type FrozenTrial, type StudyView, TrialState, isFinished } from '../frozenTrial';
import { PythonIntSet } from '../numpy/pythonIntSet';
import { RandomState } from '../numpy/randomState';
import type { Sampler } from './sampler';

export type GridSearchSpace = Readonly<Record<string, readonly ParamValue[]>>;

export class GridSampler implements Sampler {
  readonly name = 'GridSampler';
  readonly learnsFromResults = false;
  private readonly rng: RandomState;
  private readonly space: GridSearchSpace;
  private readonly names: readonly string[];
  private readonly size: number;

  constructor(searchSpace: GridSearchSpace, readonly seed: number) {
    // Optuna sorts by name (Python's str order: by code point, as JS's default sort of strings... of
    // UTF-16 units, identical for the names HyperLab accepts).
    this.names = Object.keys(searchSpace).sort();
    this.space = Object.fromEntries(this.names.map((n) => [n, [...searchSpace[n]!]]));
    this.size = this.names.reduce((n, k) => n * this.space[k]!.length, 1);
    this.rng = new RandomState(seed);
  }

  get gridSize(): number {
    return this.size;
  }

  /** The parameter values of grid point `id` (the last sorted name varies fastest). */
  point(id: number): Record<string, ParamValue> {
    const out: Record<string, ParamValue> = {};
    for (let i = this.names.length - 1; i >= 0; i--) {
      const values = this.space[this.names[i]!]!;
      out[this.names[i]!] = values[id % values.length]!;
      id = Math.floor(id / values.length);
    }
    return out;
  }

  private sameSpace(other: unknown): boolean {
    if (typeof other !== 'object' || other === null) return false;
    const o = other as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length !== this.names.length || !keys.every((k) => k in this.space)) return false;
    return keys.every((k) => {
      const a = o[k], b = this.space[k]!;
      return Array.isArray(a) && a.length === b.length && a.every((v, i) => choiceEqual(v as ParamValue, b[i]!));
    });
  }

  /**
   * _get_unvisited_grid_ids in the order Optuna lists them (a CPython set's iteration order, which the
   * random choice then indexes): points no trial has started, else those none has finished.
   */
  unvisited(study: StudyView): number[] {
    const visited: number[] = [], running: number[] = [];
    for (const t of study.trials) {
      const id = t.systemAttrs.grid_id;
      if (typeof id !== 'number' || !this.sameSpace(t.systemAttrs.search_space)) continue;
      if (isFinished(t.state)) visited.push(id);
      else if (t.state === TrialState.RUNNING) running.push(id);
    }
    const all = PythonIntSet.fromRange(this.size), done = PythonIntSet.from(visited);
    const fresh = all.minus(done).minus(PythonIntSet.from(running));
    return [...(fresh.used > 0 ? fresh : all.minus(done))];
  }

  /** Grid points no trial has started yet (HyperLab starts no duplicate while points remain). */
  fresh(study: StudyView): number {
    const started = new Set(study.trials.filter((t) => typeof t.systemAttrs.grid_id === 'number' && this.sameSpace(t.systemAttrs.search_space) && t.state !== TrialState.WAITING).map((t) => t.systemAttrs.grid_id as number));
    return this.size - started.size;
  }

  beforeTrial(study: StudyView, trial: FrozenTrial): Readonly<Record<string, unknown>> {
    if ('grid_id' in trial.systemAttrs || 'fixed_params' in trial.systemAttrs) return {};
    let targets = this.unvisited(study);
    // Exhausted (a timing race between workers): re-evaluate a random point, as Optuna does.
    if (targets.length === 0) targets = [...PythonIntSet.fromRange(this.size)];
    const gridId = this.rng.choice(targets);
    return { search_space: this.space, grid_id: gridId };
  }

  sampleIndependent(_study: StudyView, trial: FrozenTrial, name: string, _d: Distribution): ParamValue {
    const id = trial.systemAttrs.grid_id;
    if (typeof id !== 'number') throw new Error('GridSampler: the trial has no grid_id (all parameters must come from the grid)');
    if (!(name in this.space)) throw new Error(`The parameter name, ${name}, is not found in the given grid.`);
    return this.point(id)[name]!;
  }

  isExhausted(study: StudyView): boolean {
    return this.unvisited(study).length === 0;
  }
}
