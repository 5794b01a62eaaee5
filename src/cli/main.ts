/**
 * The `hyperlab` command-line entry (package.json `bin`). It runs the same engine as the extension, with
 * no VS Code: `hyperlab train SPEC.json` trains an experiment file; `hyperlab summary FILE.py` prints the
 * Keras-style summaries of the models in a Python file. Bad input exits with code 1 and one line that says
 * what to fix.
 */
import path from 'node:path';
import { echo } from '../shared/echo';
import { SUMMARY_USAGE, parseSummaryArgs, summary, terminalColumns } from './summaryCommand';
import { TRAIN_USAGE, parseTrainArgs, train, type Output } from './trainCommand';

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
  ${SUMMARY_USAGE}
      Print the Keras model.summary() of every model in a Python (or TensorFlow.js) file, read statically.
      --json        one JSON object: models, layers (null = unknown) and diagnostics

Options:
  --help       show this help
  --version    print HyperLab's version
`;

/** Runs the CLI; returns the exit code. `extensionRoot` is the folder holding media/ (the package root). */
export async function runCli(argv: readonly string[], io: Output, extensionRoot: string): Promise<number> {
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
  const io: Output = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };
  runCli(process.argv.slice(2), io, path.resolve(__dirname, '..')).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => { process.stderr.write(`hyperlab: internal error: ${String(e)}\n`); process.exitCode = 1; },
  );
}
