/**
 * What a benchmark child process reports to the runner, and how: one line on stdout that starts with
 * RESULT_PREFIX and holds a BenchResult as JSON. The runner parses it with `parseResultLine`, which checks
 * every field instead of trusting the child. Also the shared timing loop (warm-up once, then timed
 * repetitions, median samples/s) and the peak resident set size. It holds no workload and no engine code.
 */
import { median, type Plan, type WorkloadId, WORKLOAD_IDS } from './workloads';

export const RESULT_PREFIX = 'BENCH_RESULT ';

export interface BenchResult {
  readonly workload: WorkloadId;
  readonly implementation: string;
  /** Median over the repetitions of training samples per second. */
  readonly samplesPerSecond: number;
  /** Samples/s of each timed repetition. */
  readonly repetitions: readonly number[];
  /** Samples trained per timed repetition (epochs × samples). */
  readonly samplesPerRep: number;
  readonly warmupSamples: number;
  /** Peak resident set size of the whole child process, MB. */
  readonly peakRssMb: number;
  readonly notes: readonly string[];
  /** Only for the accuracy run: validation accuracy after each epoch. */
  readonly valAccuracy?: readonly number[];
}

/** Peak RSS of this process in MB (getrusage's ru_maxrss, which Node reports in KB). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** A training function: trains `epochs` epochs over the first `samples` samples. */
export type TrainFn = (samples: number, epochs: number) => void | Promise<void>;

/** Warm-up, then the plan's timed repetitions; returns samples/s per repetition and their median. */
export async function timePlan(plan: Plan, train: TrainFn): Promise<{ median: number; repetitions: number[] }> {
  if (plan.warmup.epochs > 0) await train(plan.warmup.samples, plan.warmup.epochs);
  const repetitions: number[] = [];
  for (let r = 0; r < plan.reps; r++) {
    const t0 = performance.now();
    await train(plan.samples, plan.epochs);
    const seconds = (performance.now() - t0) / 1000;
    repetitions.push((plan.samples * plan.epochs) / seconds);
  }
  return { median: median(repetitions), repetitions };
}

export function printResult(result: BenchResult): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

function isNumberArray(v: unknown): v is number[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'number');
}

function isBenchResult(v: unknown): v is BenchResult {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return WORKLOAD_IDS.some((id) => id === r.workload)
    && typeof r.implementation === 'string'
    && typeof r.samplesPerSecond === 'number'
    && isNumberArray(r.repetitions)
    && typeof r.samplesPerRep === 'number'
    && typeof r.warmupSamples === 'number'
    && typeof r.peakRssMb === 'number'
    && Array.isArray(r.notes) && r.notes.every((n) => typeof n === 'string')
    && (r.valAccuracy === undefined || isNumberArray(r.valAccuracy));
}

/** The BenchResult in a child's stdout, or an Error saying what was wrong. */
export function parseResultLine(stdout: string, what: string): BenchResult {
  const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (line === undefined) throw new Error(`${what}: the child printed no ${RESULT_PREFIX.trim()} line`);
  const parsed: unknown = JSON.parse(line.slice(RESULT_PREFIX.length));
  if (!isBenchResult(parsed)) throw new Error(`${what}: malformed result ${line.slice(0, 200)}`);
  return parsed;
}

/** `--name value` from argv, or the fallback. */
export function argValue(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1]! : fallback;
}

export function workloadArg(): WorkloadId {
  const w = argValue('workload', 'W1');
  const id = WORKLOAD_IDS.find((x) => x === w);
  if (id === undefined) throw new Error(`--workload must be one of ${WORKLOAD_IDS.join(', ')}, got ${w}`);
  return id;
}
