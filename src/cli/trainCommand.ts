/**
 * `hyperlab train SPEC.json [--json] [--log-steps] [--weights OUT.json]`: runs an experiment file
 * headless. Text mode prints Keras-like progress; --json prints one JSON object per line (the contract
 * other tools rely on): {"event":"step",...} per optimizer step with --log-steps, {"event":"epoch",...}
 * per epoch, and {"event":"end",...}. Exit code 0 on success, 1 with a clear message otherwise.
 * --download fetches the full MNIST first when an MNIST experiment does not find it (dataCommand.ts).
 */
import path from 'node:path';
import { echo, echoPath } from '../shared/echo';
import { loadExperiment } from '../engine/experiment/experiment';
import { nodeDataIo } from '../engine/experiment/nodeDataIo';
import { finalWeights, runExperiment } from '../engine/experiment/runExperiment';
import { KERNEL_CHOICES, type KernelChoice, createBackend } from '../engine/kernels/engineBackend';
import { usesDefaultMnist } from '../engine/datasets/mnistCache';
import { fullMnistForCli } from './dataCommand';
import { EngineRunLog, syncSink } from '../runs/engineRunLog';
import { RunRecorder } from '../runs/runRecorder';
import { writeFileAtomic } from '../storage/atomicFile';
import { UserFileError, readUserFile } from '../storage/userFile';
import { epochHeader, epochLine } from './progressLine';
import { msg, renderMessage } from '../shared/message';

export interface TrainArgs {
  readonly spec: string;
  readonly json: boolean;
  readonly logSteps: boolean;
  readonly weightsOut: string | null;
  readonly kernels: KernelChoice;
  /** Download the full MNIST when the experiment needs it and it is missing. */
  readonly download: boolean;
  /** Record the run in this run store folder (null: not recorded). */
  readonly runsDir: string | null;
}

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

export const TRAIN_USAGE = 'hyperlab train SPEC.json [--json] [--log-steps] [--weights OUT.json] [--kernels auto|wasm|typescript] [--runs-dir DIR] [--download]';

export function parseTrainArgs(argv: readonly string[]): TrainArgs | string {
  let spec: string | null = null, json = false, logSteps = false, weightsOut: string | null = null, download = false;
  let kernels: KernelChoice = 'auto', runsDir: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--log-steps') logSteps = true;
    else if (a === '--download') download = true;
    else if (a === '--weights') {
      const next = argv[++i];
      if (!next) return '--weights needs a file name';
      weightsOut = next;
    } else if (a === '--runs-dir') {
      const next = argv[++i];
      if (!next) return '--runs-dir needs a folder';
      runsDir = next;
    } else if (a === '--kernels') {
      const next = argv[++i] as KernelChoice | undefined;
      if (!next || !KERNEL_CHOICES.includes(next)) return `--kernels takes one of ${KERNEL_CHOICES.join(', ')}`;
      kernels = next;
    } else if (a.startsWith('-')) return `unknown option ${echo(a)}`;
    else if (spec === null) spec = a;
    else return `unexpected argument ${echo(a)}`;
  }
  if (spec === null) return 'missing the experiment file';
  return { spec, json, logSteps, weightsOut, kernels, runsDir, download };
}

/** The largest experiment file read (inline data included). */
const MAX_SPEC_BYTES = 64 * 1024 * 1024;

async function readSpec(file: string): Promise<unknown> {
  let text: string;
  try {
    text = (await readUserFile(file, { maxBytes: MAX_SPEC_BYTES, what: msg('experiment files') })).toString('utf8');
  } catch (e) {
    throw new Error(`cannot read ${e instanceof UserFileError ? e.message : `${file}: ${String(e)}`}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new Error(`${echoPath(file)} is not valid JSON: ${echo(e instanceof Error ? e.message : String(e), 200)}`);
  }
}

async function writeWeights(file: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(file, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(`cannot write the weights to ${file}: ${code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code ?? String(e)}; the file is unchanged`);
  }
}

/** Runs the command; returns the exit code. `extensionRoot` is where media/ lives. */
export async function train(args: TrainArgs, io: Output, extensionRoot: string): Promise<number> {
  const specPath = path.resolve(args.spec);
  const json = await readSpec(specPath);
  const log = args.runsDir === null ? null : new EngineRunLog(RunRecorder.createSync(path.resolve(args.runsDir), { experiment: json, baseDir: path.dirname(specPath), source: { kind: 'cli', file: specPath } }, syncSink));
  try {
    return await trainLoaded(args, io, extensionRoot, specPath, json, log);
  } catch (e) {
    log?.failed(e instanceof Error ? e.message : String(e));
    throw e;
  }
}

async function trainLoaded(args: TrainArgs, io: Output, extensionRoot: string, specPath: string, json: unknown, log: EngineRunLog | null): Promise<number> {
  const mnist = usesDefaultMnist(json)
    ? (await fullMnistForCli(io, { env: process.env, download: args.download, quietWhenFound: true, say: args.json ? (l) => io.err(l) : (l) => io.out(l) })).hint
    : undefined;
  const exp = await loadExperiment(json, { io: nodeDataIo(path.dirname(specPath), extensionRoot, mnist ? { mnist } : {}), backend: createBackend(args.kernels) });
  log?.started(exp);
  const emit = (obj: object) => io.out(JSON.stringify(obj));
  // Keras logs its warnings to stderr; so does the CLI, in both modes (stdout stays the JSON contract).
  for (const warning of exp.warnings) io.err(`warning: ${warning}`);
  if (!args.json) {
    for (const note of exp.notes) io.out(`note: ${note}`);
    io.out(`${renderMessage(exp.data.description)}; ${exp.compiled.model.countParams().toLocaleString('en-US')} parameters`);
  }
  let epochStart = Date.now(), steps = 0;
  const result = runExperiment(exp, {
    onStep: (e) => {
      steps = e.step;
      log?.step(e.epoch, e.step, e.loss);
      if (args.json && args.logSteps) emit({ event: 'step', epoch: e.epoch, step: e.step, loss: e.loss });
    },
    onEpoch: (e) => {
      log?.epoch(e.epoch, e.logs, exp.compiled.optimizer.learningRate);
      log?.flush();
      if (args.json) emit({ event: 'epoch', epoch: e.epoch, ...e.logs });
      else {
        io.out(epochHeader(e.epoch, exp.epochs));
        io.out(epochLine(steps, (Date.now() - epochStart) / 1000, e.logs));
      }
      epochStart = Date.now();
    },
  });
  log?.finished(result, exp);
  // A run whose loss became NaN has NaN weights: they would overwrite a good file with nulls, so
  // nothing is written then; otherwise the file is replaced atomically (old or new, never a torn mix).
  const weightsFile = args.weightsOut === null ? null : path.resolve(args.weightsOut);
  if (weightsFile !== null && result.stoppedBy !== 'nan') await writeWeights(weightsFile, JSON.stringify(finalWeights(exp)));
  if (args.json) {
    emit({ event: 'end', epochs_run: result.epochsRun, stopped_epoch: result.stoppedEpoch, best_epoch: result.bestEpoch });
  } else {
    if (result.stoppedEpoch !== null) io.out(`Epoch ${result.stoppedEpoch}: early stopping`);
    if (result.restoredBestWeights) io.out(`Restoring model weights from the end of the best epoch: ${result.bestEpoch}.`);
  }
  if (result.stoppedBy === 'nan') {
    const kept = weightsFile === null ? '' : ` The weights were not written; ${weightsFile} is unchanged.`;
    io.err(`hyperlab: the loss became ${result.nanAt?.loss} at epoch ${result.nanAt?.epoch}, step ${result.nanAt?.step}: training stopped. The gradients exploded; lower the learning rate or set clipnorm on the optimizer.${kept}`);
    return 1;
  }
  return 0;
}
