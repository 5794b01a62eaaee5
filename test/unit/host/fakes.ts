/** Fakes for the host-side controllers' ports: a training worker the test drives, and translation by template. */
import type { StartTraining, WorkerToHost } from '../../../src/shared/protocol/workerProtocol';
import type { RunPorts, WorkerLike } from '../../../src/host/training/trainingRun';

export class FakeWorker implements WorkerLike {
  readonly started: StartTraining[] = [];
  terminated = false;
  private readonly listeners = new Map<string, ((v: never) => void)[]>();

  on(event: 'message' | 'error' | 'exit', listener: (value: never) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  postMessage(message: StartTraining): void {
    this.started.push(message);
  }

  terminate(): Promise<number> {
    this.terminated = true;
    return Promise.resolve(0);
  }

  send(message: WorkerToHost): void {
    for (const l of this.listeners.get('message') ?? []) (l as (v: unknown) => void)(message);
  }

  crash(err: Error): void {
    for (const l of this.listeners.get('error') ?? []) (l as (v: unknown) => void)(err);
  }
}

/** Fills {0}, {1}, ... like vscode.l10n.t with no translation. */
export const t = (message: string, ...args: (string | number)[]) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

export function runPorts(workers: FakeWorker[]): RunPorts & { logs: string[] } {
  const logs: string[] = [];
  return {
    spawnWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    extensionRoot: '/ext',
    readRoots: () => null,
    t,
    log: { info: (m) => void logs.push(m), warn: (m) => void logs.push(`warn: ${m}`), error: (m) => void logs.push(`error: ${m}`) },
    logs,
  };
}

export const didStart = (epochs: number): WorkerToHost => ({
  type: 'didStart', description: { text: 'circle', args: [] }, params: 13, epochs, stepsPerEpoch: 25, notes: [], kernels: 'wasm', task: 'binary', points: { train: [0, 0, 1], validation: [] }, earlyStopping: null,
});

export const metrics = (from: number, to: number): WorkerToHost => ({
  type: 'didReceiveMetrics', bestEpoch: null,
  steps: [{ epoch: to, step: 25, loss: 0.5 }],
  epochs: Array.from({ length: to - from + 1 }, (_, i) => ({ epoch: from + i, logs: { loss: 1 / (from + i), val_loss: 1.2 / (from + i), accuracy: 0.9 }, norms: [{ layer: 'dense', weight: 1, gradient: 0.1 }] })),
});

export const finished = (epochsRun: number): WorkerToHost => ({
  type: 'didFinishTraining', stoppedBy: 'completed', epochsRun, stoppedEpoch: null, bestEpoch: null, restoredBestWeights: false, nanAt: null, seconds: 1.5,
});
