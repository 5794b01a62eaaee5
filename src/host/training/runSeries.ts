/**
 * Runs as the training panel draws them (panelProtocol.ts RunSeries): the live run from its in-memory
 * state, a stored run from the run store's records. Status lines are localized through the `t` given.
 */
import type { EpochPoint, RunInfo, RunSeries, RunStatusView, TracePoint } from '../../shared/protocol/panelProtocol';
import type { EpochRecord, StepPoint } from '../../shared/protocol/workerProtocol';
import type { RunData } from '../../runs/runReader';
import type { RunEpochRecord } from '../../runs/runRecord';
import { type Translate as SharedTranslate, formatQuantity } from '../../shared/message';
import type { RunState } from './trainingRun';

/** vscode.l10n.t's shape, with the display locale for our numbers (absent: English). */
export type Translate = SharedTranslate;

/** The id the panel knows the live run by: its store id, or a stand-in when it is not recorded. */
export const liveId = (s: RunState): string => s.id ?? `live-${s.startedAt}`;

function split(logs: Readonly<Record<string, number | null>>): Pick<EpochPoint, 'loss' | 'val_loss' | 'metrics'> {
  const { loss = null, val_loss = null, ...metrics } = logs;
  return { loss, val_loss, metrics };
}

/** Layer names from the first epoch's norms (the worker reports them in model order). */
export const liveLayers = (s: RunState): string[] => s.epochs[0]?.norms.map((n) => n.layer) ?? [];

export function epochPoint(e: EpochRecord, layers: readonly string[]): EpochPoint {
  return { epoch: e.epoch, ...split(e.logs), norms: layers.map((l) => {
    const n = e.norms.find((x) => x.layer === l);
    return [n?.weight ?? null, n?.gradient ?? null] as const;
  }) };
}

export function tracePoint(s: StepPoint, stepsPerEpoch: number): TracePoint | null {
  return s.loss === null ? null : { x: s.epoch - 1 + s.step / stepsPerEpoch, loss: s.loss };
}

export function liveStatusText(s: RunState, t: Translate): string {
  // Epoch counts in the display language (3,000 in English, 3000 or 10.000 in Spanish), like the sidebar's.
  const done = formatQuantity(s.epochs[s.epochs.length - 1]?.epoch ?? 0, t.locale);
  const total = s.totalEpochs === null ? '?' : formatQuantity(s.totalEpochs, t.locale);
  switch (s.status) {
    case 'starting':
      return t('Loading data and building the model...');
    case 'running':
      return t('Training: epoch {0} of {1} done. {2}', done, total, s.description ?? '');
    case 'paused':
      return t('Paused after epoch {0} of {1}.', done, total);
    default:
      return s.message ?? s.status;
  }
}

/** Whether an experiment trains on Playground's 2-D data (any `data.dataset` but MNIST): the panel's one-screen lab. */
export function isPlaneExperiment(experiment: unknown): boolean {
  const data = (experiment as { data?: { dataset?: unknown } } | null)?.data;
  return typeof data?.dataset === 'string' && data.dataset !== 'mnist';
}

/** `planeData`: the run's experiment trains on 2-D data (isPlaneExperiment); the points themselves come with the run's start. */
export function liveInfo(s: RunState, planeData = s.points !== null): RunInfo {
  return {
    id: liveId(s), label: s.name, title: s.label, live: true, task: s.task, totalEpochs: s.totalEpochs, layers: liveLayers(s),
    earlyStopping: s.earlyStopping && { monitor: s.earlyStopping.monitor, patience: s.earlyStopping.patience }, points: s.points,
    planeData: planeData || s.points !== null,
  };
}

export function liveStatus(s: RunState, t: Translate): RunStatusView {
  return { status: s.status, statusText: liveStatusText(s, t), bestEpoch: s.bestEpoch, stoppedEpoch: s.stoppedEpoch, restored: s.restoredBestWeights, confusion: s.confusion, pace: s.pace };
}

export function liveSeries(s: RunState, t: Translate, planeData = s.points !== null): RunSeries {
  const layers = liveLayers(s);
  const spe = s.stepsPerEpoch;
  return {
    info: liveInfo(s, planeData), status: liveStatus(s, t), epochs: s.epochs.map((e) => epochPoint(e, layers)),
    trace: spe ? s.trace.map((p) => tracePoint(p, spe)).filter((p): p is TracePoint => p !== null) : [],
  };
}

function storedStatusText(run: RunData, t: Translate): string {
  const n = formatQuantity(run.epochs.length, t.locale);
  switch (run.status) {
    case 'running':
      return t('Training elsewhere: {0} epochs recorded so far.', n);
    case 'interrupted':
      return t('Interrupted after {0} epochs: the window or process that trained it ended before the run did.', n);
    case 'finished':
      return t('Finished {0} epochs.', n);
    case 'early_stopped':
    case 'stopped':
    case 'failed':
      return run.end?.reason ?? run.status;
  }
}

const storedEpochPoint = (e: RunEpochRecord, layers: readonly string[]): EpochPoint => ({
  epoch: e.epoch, ...split(e.logs),
  norms: layers.map((l) => {
    const n = e.norms?.find((x) => x[0] === l);
    return [n?.[1] ?? null, n?.[2] ?? null] as const;
  }),
});

export function storedSeries(run: RunData, t: Translate): RunSeries {
  const layers = run.epochs[0]?.norms?.map((n) => n[0]) ?? [];
  const es = (run.header.experiment as { fit?: { callbacks?: unknown } } | null)?.fit?.callbacks;
  const esSpec = Array.isArray(es) ? (es as Record<string, unknown>[]).find((c) => c?.class_name === 'EarlyStopping') : undefined;
  const spe = run.start?.steps_per_epoch ?? 0;
  const status = run.status === 'early_stopped' ? 'finished' : run.status;
  return {
    info: {
      id: run.header.id, label: run.meta.name ?? run.header.name, title: run.meta.name ?? run.header.name, live: false, task: (['binary', 'multiclass', 'regression'] as const).find((k) => k === run.start?.task) ?? null,
      totalEpochs: run.start?.epochs ?? null, layers, points: null, planeData: isPlaneExperiment(run.header.experiment),
      earlyStopping: esSpec ? { monitor: typeof esSpec.monitor === 'string' ? esSpec.monitor : 'val_loss', patience: typeof esSpec.patience === 'number' ? esSpec.patience : 0 } : null,
    },
    status: { status, statusText: storedStatusText(run, t), bestEpoch: run.end?.best_epoch ?? null, stoppedEpoch: run.end?.stopped_epoch ?? null, restored: run.end?.restored_best_weights ?? false, confusion: null, pace: null },
    epochs: run.epochs.map((e) => storedEpochPoint(e, layers)),
    trace: spe > 0 ? run.steps.filter((p) => p[2] !== null).map((p) => ({ x: p[0] - 1 + p[1] / spe, loss: p[2]! })) : [],
  };
}
