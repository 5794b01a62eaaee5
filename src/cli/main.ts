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

/**
 * One subcommand: its arguments parsed (a string is what is wrong with them, printed with the usage),
 * then run; an error it throws is one line naming the subcommand, never a stack trace.
 */
async function dispatch<A>(io: CliOutput, name: string, usage: string, parsed: A | string, run: (args: A) => number | Promise<number>): Promise<number> {
  if (typeof parsed === 'string') {
    io.err(`hyperlab ${name}: ${parsed}. Usage: ${usage}`);
    return 1;
  }
  try {
    return await run(parsed);
  } catch (e) {
    io.err(`hyperlab ${name}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

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
  const commands: Readonly<Record<string, () => Promise<number>>> = {
    train: () => dispatch(io, 'train', TRAIN_USAGE, parseTrainArgs(rest), (a) => train(a, io, extensionRoot)),
    data: () => dispatch(io, 'data', DATA_USAGE, parseDataArgs(rest), (a) => data(a, io)),
    sweep: () => dispatch(io, 'sweep', SWEEP_USAGE, parseSweepArgs(rest), (a) => sweep(a, io, extensionRoot)),
    'export-optuna': () => dispatch(io, 'export-optuna', EXPORT_OPTUNA_USAGE, parseExportOptunaArgs(rest), (a) => exportOptuna(a, io)),
    runs: () => dispatch(io, 'runs', RUNS_USAGE, parseRunsArgs(rest), (a) => runs(a, io)),
    summary: () => dispatch(io, 'summary', SUMMARY_USAGE, parseSummaryArgs(rest), (a) => summary(a, io, { terminalColumns: terminalColumns(process.env, process.stdout.columns) })),
  };
  const command = Object.hasOwn(commands, first) ? commands[first] : undefined;
  if (command) return command();
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
