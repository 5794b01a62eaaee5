// `npm run bench`: bundles the TypeScript benchmarks (bench/*Bench.ts and the runner bench/benchMain.ts)
// with esbuild's JS API into out/bench/ (Node, CommonJS, packages such as TF.js left in node_modules so
// the wasm backend finds its .wasm files) and starts the runner, passing the command-line flags on
// (--accuracy, --matmul, --workloads W1,W2). It touches nothing outside out/bench/ and builds nothing else.
// --keras runs the Keras code-intelligence benchmark instead (bench/kerasSummaryBench.ts, with its own
// bundle of the Python parse worker).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entries = ['benchMain', 'hyperlabBench', 'tfjsBench', 'baselineBench', 'matmulBench', 'hostBench', 'kerasSummaryBench', 'sweepBench', 'runsBench'];

try {
  await esbuild.build({
    entryPoints: entries.map((e) => path.join(root, 'bench', `${e}.ts`)),
    outdir: path.join(root, 'out', 'bench'),
    bundle: true, platform: 'node', format: 'cjs', target: 'node20',
    packages: 'external', sourcemap: true, logLevel: 'warning',
  });
  await esbuild.build({
    entryPoints: [path.join(root, 'src', 'worker', 'pythonParseWorker.ts')],
    outfile: path.join(root, 'out', 'bench', 'pythonParseWorker.js'),
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'warning',
  });
} catch {
  process.exit(1); // esbuild has already printed the errors
}
// --keras: the Keras summary of a 5,000-line Python file, cold and after a keystroke.
// --host: the extension host's event-loop lag while the worker trains, and the boundary compute rate.
// --sweep: trials per minute of a sweep with 1 and 2 worker threads, the host's lag, and the same trials one by one.
// --runs: listing a store of 1,000 runs; the panel's bytes and draw time per update at epochs 10 and 10,000.
const script = process.argv.includes('--host') ? 'hostBench.js' : process.argv.includes('--keras') ? 'kerasSummaryBench.js' : process.argv.includes('--sweep') ? 'sweepBench.js'
  : process.argv.includes('--runs') ? 'runsBench.js' : 'benchMain.js';
const run = spawnSync(process.execPath, [path.join(root, 'out', 'bench', script), ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(run.status ?? 1);
