/**
 * The `hyperlab` command-line entry (package.json `bin`). It runs the same engine and Keras code as the
 * extension, with no VS Code. Each subcommand is added by the issue that builds it (train: the engine;
 * summary: the Keras code intelligence); until then only --help and --version exist, and anything
 * else is refused with exit code 1.
 */

declare const __HYPERLAB_VERSION__: string;

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const USAGE = `Usage: hyperlab <command> [options]

Options:
  --help       show this help
  --version    print HyperLab's version
`;

export function runCli(argv: readonly string[]): CliResult {
  const [first] = argv;
  if (first === undefined || first === '--help' || first === '-h') return { code: 0, stdout: USAGE, stderr: '' };
  if (first === '--version' || first === '-v') return { code: 0, stdout: `${__HYPERLAB_VERSION__}\n`, stderr: '' };
  return { code: 1, stdout: '', stderr: `hyperlab: unknown command '${first}'. Run 'hyperlab --help' for the commands.\n` };
}

if (require.main === module) {
  const result = runCli(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
