/**
 * Turns the children's BenchResults into what `npm run bench` prints and saves: a table per workload
 * (samples/s and the ratio HyperLab (wasm) ÷ that implementation), the three targets with PASS/FAIL, and
 * the JSON document written to out/bench/results.json. Pure formatting and arithmetic: it runs nothing.
 */
import type { BenchResult } from './benchResult';
import { WORKLOADS, WORKLOAD_IDS, median } from './workloads';

export const HYPERLAB_WASM = 'HyperLab (wasm-simd)';
export const BASELINE = 'object-per-neuron (Playground nn.ts style)';

export interface Target {
  readonly name: string;
  readonly wanted: string;
  readonly measured: string;
  readonly pass: boolean | null; // null: could not be measured
}

const fmt = (v: number): string => (v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1));

function find(results: readonly BenchResult[], workload: string, implementation: string): BenchResult | undefined {
  return results.find((r) => r.workload === workload && r.implementation === implementation);
}

/** Results of the same implementation on the same workload merged: repetitions pooled, median recomputed, peak RSS the larger. */
export function poolRuns(results: readonly BenchResult[]): BenchResult[] {
  const pooled = new Map<string, BenchResult>();
  for (const r of results) {
    const key = `${r.workload}\u0000${r.implementation}`;
    const prev = pooled.get(key);
    if (!prev) {
      pooled.set(key, r);
      continue;
    }
    const repetitions = [...prev.repetitions, ...r.repetitions];
    pooled.set(key, {
      ...prev, repetitions, samplesPerSecond: median(repetitions), peakRssMb: Math.max(prev.peakRssMb, r.peakRssMb),
      notes: [...prev.notes, `repetitions pooled from ${repetitions.length / r.repetitions.length} separate runs (before and after the peers)`],
    });
  }
  return [...pooled.values()];
}

/** The table: one block per workload, HyperLab (wasm) first, as Markdown so it pastes into issues. */
export function formatTable(results: readonly BenchResult[]): string {
  const lines = ['| workload | implementation | samples/s (median) | HyperLab wasm ÷ this | timed samples × reps |', '| --- | --- | ---: | ---: | ---: |'];
  for (const id of WORKLOAD_IDS) {
    const rows = results.filter((r) => r.workload === id && r.valAccuracy === undefined);
    const ours = find(results, id, HYPERLAB_WASM);
    rows.sort((a, b) => b.samplesPerSecond - a.samplesPerSecond);
    for (const r of rows) {
      const ratio = ours ? `${(ours.samplesPerSecond / r.samplesPerSecond).toFixed(2)}×` : 'n/a';
      lines.push(`| ${id} | ${r.implementation} | ${fmt(r.samplesPerSecond)} | ${ratio} | ${r.samplesPerRep} × ${r.repetitions.length} |`);
    }
  }
  return lines.join('\n');
}

/** One line per workload saying what it is. */
export function formatLegend(): string {
  return WORKLOAD_IDS.map((id) => `${id}: ${WORKLOADS[id].title}`).join('\n');
}

/** The best TF.js result on a backend for a workload (the faster of model.fit and the minimize loop). */
export function bestTfjs(results: readonly BenchResult[], workload: string, backend: 'cpu' | 'wasm'): BenchResult | undefined {
  return results
    .filter((r) => r.workload === workload && r.implementation.startsWith(`TF.js ${backend} `))
    .sort((a, b) => b.samplesPerSecond - a.samplesPerSecond)[0];
}

export function evaluateTargets(results: readonly BenchResult[]): Target[] {
  const w1 = find(results, 'W1', HYPERLAB_WASM), tf = bestTfjs(results, 'W1', 'wasm');
  const w2 = find(results, 'W2', HYPERLAB_WASM), base = find(results, 'W2', BASELINE);
  const ratio = (a: BenchResult | undefined, b: BenchResult | undefined): number | null => (a && b ? a.samplesPerSecond / b.samplesPerSecond : null);
  const r1 = ratio(w1, tf), r2 = ratio(w2, base);
  return [
    {
      name: 'W1 HyperLab (wasm) vs TF.js wasm', wanted: '>= 10x',
      measured: r1 === null ? 'not measured' : `${r1.toFixed(2)}x (${fmt(w1!.samplesPerSecond)} vs ${fmt(tf!.samplesPerSecond)} samples/s, ${tf!.implementation})`,
      pass: r1 === null ? null : r1 >= 10,
    },
    {
      name: 'W2 HyperLab (wasm) vs object-per-neuron baseline', wanted: '>= 2x',
      measured: r2 === null ? 'not measured' : `${r2.toFixed(2)}x (${fmt(w2!.samplesPerSecond)} vs ${fmt(base!.samplesPerSecond)} samples/s)`,
      pass: r2 === null ? null : r2 >= 2,
    },
    {
      name: 'W1 HyperLab peak RSS (fresh process, full MNIST loaded)', wanted: '< 300 MB',
      measured: w1 ? `${w1.peakRssMb.toFixed(0)} MB` : 'not measured',
      pass: w1 ? w1.peakRssMb < 300 : null,
    },
  ];
}

export function formatTargets(targets: readonly Target[]): string {
  return targets.map((t) => `TARGET ${t.name} ${t.wanted}: ${t.measured} -> ${t.pass === null ? 'NOT MEASURED' : t.pass ? 'PASS' : 'FAIL'}`).join('\n');
}
