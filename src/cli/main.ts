/**
 * The `hyperlab` command-line entry (package.json `bin`). It runs the same engine as the extension, with
 * no VS Code: `hyperlab train SPEC.json` trains an experiment file; `hyperlab summary FILE.py` prints the
 * Keras-style summaries of the models in a Python file; `hyperlab data mnist` downloads the full MNIST into
 * Keras' cache. Bad input exits with code 1 and one line that says what to fix.
 */
import path from 'node:path';
import { echo } from '../shared/echo';
import { DATA_USAGE, data, parseDataArgs, type CliOutput } from './dataCommand';
import { RUNS_USAGE, parseRunsArgs, runs } from './runsCommand';
import { SUMMARY_USAGE, parseSummaryArgs, summary, terminalColumns } from './summaryCommand';
import { EXPORT_OPTUNA_USAGE, exportOptuna, parseExportOptunaArgs } from './exportOptunaCommand';
import { SWEEP_USAGE, parseSweepArgs, sweep } from './sweepCommand';
import { TRAIN_USAGE, parseTrainArgs, train } from './trainCommand';

declare const __HYPERLAB_VERSION__: string;

const USAGE = `Usage: hyperlab <command> [options]

Commands:
  ${TRAIN_USAGE}
      Train the model of an experiment file (JSON in Keras spelling) and print Keras-like progress.
      --json        one JSON object per line: epoch events and a final end event
      --log-steps   with --json, also a step event per optimizer step
      --weights F   write the trained weights (Keras layout) to F, replacing it atomically;
                    a run whose loss becomes NaN leaves F unchanged
      --kernels K   matrix kernels: auto (WebAssembly SIMD when available), wasm or typescript
      --download    if the experiment trains on MNIST and the full set is missing, download it first
      --runs-dir D  record the run in the run store folder D (e.g. .hyperlab/runs)
  ${SWEEP_USAGE}
      Search hyperparameters: run a *.sweep.json's trials (grid, random or TPE; median, ASHA or Hyperband
      pruning) in parallel worker threads. The study is an Optuna journal (default
      .hyperlab/sweeps/NAME.optuna.log) that Python Optuna workers can share; each trial is a recorded run.
      Run it again on the same storage to resume. Ctrl+C stops the running trials.
      --workers N   parallel trials (default: the sweep's "workers", else cores - 1)
      --json        one JSON object per line: start, trial, pruned, failed, end
      --storage P   the journal file;  --study NAME  the study name;  --max-trials N  cap the study
      --runs-dir D  the run store the trials are recorded in (default .hyperlab/runs)
  ${EXPORT_OPTUNA_USAGE}
      Write the sweep as a standalone Optuna script (same search space, sampler, pruner, storage) that
      fits the Keras model, or with --backend hyperlab trains through 'hyperlab train', to run on a cluster.
  ${RUNS_USAGE}
      List the runs of a run store (default .hyperlab/runs), newest first, with their status and best metrics.
      --json        one JSON object per run and line
  ${SUMMARY_USAGE}
      Print the Keras model.summary() of every model in a Python (or TensorFlow.js) file, read statically.
      --json        one JSON object: models, layers (null = unknown) and diagnostics
  ${DATA_USAGE}
      Download the full MNIST (Keras' mnist.npz, 11.5 MB, SHA-256 checked) into Keras' cache
      ($KERAS_HOME/datasets or ~/.keras/datasets), or say where it already is. --force downloads again.
      Proxies: HTTPS_PROXY, HTTP_PROXY, NO_PROXY.

Options:
  --help       show this help
  --version    print HyperLab's version
`;

/** Runs the CLI; returns the exit code. `extensionRoot` is the folder holding media/ (the package root). */
export async function runCli(argv: readonly string[], io: CliOutput, extensionRoot: string): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') {
    io.out(USAGE);
    return 0;
  }
  if (first === '--version' || first === '-v') {
    io.out(__HYPERLAB_VERSION__);
    return 0;
  }
  if (first === 'train') {
    const args = parseTrainArgs(rest);
    if (typeof args === 'string') {
      io.err(`hyperlab train: ${args}. Usage: ${TRAIN_USAGE}`);
      return 1;
    }
    try {
      return await train(args, io, extensionRoot);
    } catch (e) {
      io.err(`hyperlab train: ${e instanceof Error ? e.message : String(e)}`);
      return 1;
    }
  }
  if (first === 'data') {
    const args = parseDataArgs(rest);
    if (typeof args === 'string') {
      io.err(`hyperlab data: ${args}. Usage: ${DATA_USAGE}`);
      return 1;
    }
    return data(args, io);
  }
  if (first === 'sweep') {
    const args = parseSweepArgs(rest);
    if (typeof args === 'string') {
      io.err(`hyperlab sweep: ${args}. Usage: ${SWEEP_USAGE}`);
      return 1;
    }
    try {
      return await sweep(args, io, extensionRoot);
    } catch (e) {
      io.err(`hyperlab sweep: ${e instanceof Error ? e.message : String(e)}`);
      return 1;
    }
  }
  if (first === 'export-optuna') {
    const args = parseExportOptunaArgs(rest);
    if (typeof args === 'string') {
      io.err(`hyperlab export-optuna: ${args}. Usage: ${EXPORT_OPTUNA_USAGE}`);
      return 1;
    }
    try {
      return await exportOptuna(args, io);
    } catch (e) {
      io.err(`hyperlab export-optuna: ${e instanceof Error ? e.message : String(e)}`);
      return 1;
    }
  }
  if (first === 'runs') {
    const args = parseRunsArgs(rest);
    if (typeof args === 'string') {
      io.err(`hyperlab runs: ${args}. Usage: ${RUNS_USAGE}`);
      return 1;
    }
    try {
      return await runs(args, io);
    } catch (e) {
      io.err(`hyperlab runs: ${e instanceof Error ? e.message : String(e)}`);
      return 1;
    }
  }
  if (first === 'summary') {
    const args = parseSummaryArgs(rest);
    if (typeof args === 'string') {
      io.err(`hyperlab summary: ${args}. Usage: ${SUMMARY_USAGE}`);
      return 1;
    }
    return summary(args, io, { terminalColumns: terminalColumns(process.env, process.stdout.columns) });
  }
  io.err(`hyperlab: unknown command '${echo(first)}'. Run 'hyperlab --help' for the commands.`);
  return 1;
}

if (require.main === module) {
  // `hyperlab summary big.py | head` closes the pipe early: that ends the output, it is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const io: CliOutput = {
    out: (l) => process.stdout.write(`${l}\n`),
    err: (l) => process.stderr.write(`${l}\n`),
    ...(process.stderr.isTTY ? { errRaw: (t: string) => process.stderr.write(t) } : {}),
  };
  runCli(process.argv.slice(2), io, path.resolve(__dirname, '..')).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => { process.stderr.write(`hyperlab: internal error: ${String(e)}\n`); process.exitCode = 1; },
  );
}
