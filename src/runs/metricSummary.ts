/**
 * Final and best value of every history key over a run's epochs, kept incrementally while the run
 * writes (so the end record carries it and listing a store never reads whole runs) and recomputed
 * from the epochs for a run whose writer died. "Best" follows the key's direction as Keras'
 * EarlyStopping 'auto' mode decides it (losses and errors down, accuracies up); keys without a
 * direction (learning_rate) have no best.
 */
import { metricDirection } from '../shared/metricDirection';
import type { MetricSummary } from './runRecord';

type Entry = { final: number | null; best: number | null; best_epoch: number | null };

export class MetricSummaryBuilder {
  private readonly entries = new Map<string, Entry>();

  add(epoch: number, logs: Readonly<Record<string, number | null>>): void {
    for (const [key, value] of Object.entries(logs)) {
      const e = this.entries.get(key) ?? { final: null, best: null, best_epoch: null };
      e.final = value;
      const dir = metricDirection(key);
      if (value !== null && dir !== null && (e.best === null || (dir === 'down' ? value < e.best : value > e.best))) {
        e.best = value;
        e.best_epoch = epoch;
      }
      this.entries.set(key, e);
    }
  }

  build(): MetricSummary {
    return Object.fromEntries([...this.entries].map(([k, e]) => [k, { ...e }]));
  }
}
