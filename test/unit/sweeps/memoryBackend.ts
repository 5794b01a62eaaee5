/** A StudyBackend in memory, for tests of samplers, pruners and the sweep controller without files. */
import type { Distribution } from '../../../src/sweeps/distributions';
import { toExternal } from '../../../src/sweeps/distributions';
import { type FrozenTrial, type StudyDirection, TrialState } from '../../../src/sweeps/frozenTrial';
import type { StudyBackend } from '../../../src/sweeps/study';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class MemoryBackend implements StudyBackend {
  readonly list: Mutable<FrozenTrial>[] = [];
  constructor(readonly studyName: string, readonly direction: StudyDirection) {}

  trials(): Promise<readonly FrozenTrial[]> {
    return Promise.resolve(this.list.map((t) => ({ ...t, params: { ...t.params }, distributions: { ...t.distributions }, intermediateValues: new Map(t.intermediateValues), userAttrs: { ...t.userAttrs }, systemAttrs: { ...t.systemAttrs } })));
  }

  createTrial(userAttrs: Readonly<Record<string, unknown>> = {}): Promise<FrozenTrial> {
    const t: Mutable<FrozenTrial> = {
      trialId: this.list.length, number: this.list.length, state: TrialState.RUNNING, values: null, params: {}, distributions: {},
      intermediateValues: new Map(), userAttrs: { ...userAttrs }, systemAttrs: {}, datetimeStart: '2026-01-01T00:00:00.000000', datetimeComplete: null,
    };
    this.list.push(t);
    return Promise.resolve(t);
  }

  private get(id: number): Mutable<FrozenTrial> {
    return this.list[id]!;
  }

  setTrialParam(id: number, name: string, internal: number, d: Distribution): Promise<void> {
    const t = this.get(id);
    t.params = { ...t.params, [name]: toExternal(d, internal) };
    t.distributions = { ...t.distributions, [name]: d };
    return Promise.resolve();
  }

  setTrialSystemAttr(id: number, key: string, value: unknown): Promise<void> {
    this.get(id).systemAttrs = { ...this.get(id).systemAttrs, [key]: value };
    return Promise.resolve();
  }

  setTrialUserAttr(id: number, key: string, value: unknown): Promise<void> {
    this.get(id).userAttrs = { ...this.get(id).userAttrs, [key]: value };
    return Promise.resolve();
  }

  setTrialIntermediateValue(id: number, step: number, value: number): Promise<void> {
    const t = this.get(id);
    t.intermediateValues = new Map(t.intermediateValues).set(step, value);
    return Promise.resolve();
  }

  setTrialStateValues(id: number, state: TrialState, values: readonly number[] | null): Promise<void> {
    const t = this.get(id);
    t.state = state;
    if (values !== null) t.values = [...values];
    t.datetimeComplete = '2026-01-01T00:00:01.000000';
    return Promise.resolve();
  }
}
