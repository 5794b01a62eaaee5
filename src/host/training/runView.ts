/** The training panel's view of a run: what the webview draws, with the status line localized here. */
import * as vscode from 'vscode';
import type { RunView } from '../../shared/protocol/webviewProtocol';
import type { RunState } from './trainingRun';

function statusText(state: RunState): string {
  const last = state.epochs[state.epochs.length - 1];
  const done = last?.epoch ?? 0;
  const total = state.totalEpochs ?? '?';
  switch (state.status) {
    case 'starting':
      return vscode.l10n.t('Loading data and building the model...');
    case 'running':
      return vscode.l10n.t('Training: epoch {0} of {1} done. {2}', done, total, state.description ?? '');
    case 'paused':
      return vscode.l10n.t('Paused after epoch {0} of {1}.', done, total);
    default:
      return state.message ?? state.status;
  }
}

const points = (s: RunState) => s.epochs.map((e) => ({ epoch: e.epoch, loss: e.logs.loss ?? null, val_loss: e.logs.val_loss ?? null }));

/** Epochs with their metrics too (the current run's metric chart; the ghost needs only the losses). */
const pointsWithMetrics = (s: RunState) => s.epochs.map((e) => {
  const { loss = null, val_loss = null, ...metrics } = e.logs;
  return { epoch: e.epoch, loss, val_loss, metrics };
});

/** Norm series per layer (layer order of the first epoch), one value per epoch. */
function normsView(state: RunState): RunView['norms'] {
  const layers = state.epochs[0]?.norms.map((n) => n.layer) ?? [];
  const pick = (key: 'weight' | 'gradient') => layers.map((layer) => state.epochs.map((e) => e.norms.find((n) => n.layer === layer)?.[key] ?? null));
  return { layers, weight: pick('weight'), gradient: pick('gradient') };
}

export function toRunView(state: RunState | null, previous: { readonly state: RunState; readonly changes: readonly string[] } | null = null): RunView | null {
  if (!state) return null;
  const last = state.epochs[state.epochs.length - 1];
  return {
    label: state.label,
    status: state.status,
    statusText: statusText(state),
    epochs: pointsWithMetrics(state),
    lastLogs: last ? last.logs : null,
    task: state.task,
    points: state.points,
    earlyStopping: state.earlyStopping && {
      monitor: state.earlyStopping.monitor, patience: state.earlyStopping.patience,
      bestEpoch: state.bestEpoch, stoppedEpoch: state.stoppedEpoch, restored: state.restoredBestWeights,
    },
    norms: normsView(state),
    // Each batch at its place in the epoch: epoch e's last batch sits at x = e, like the epoch's point.
    trace: state.stepsPerEpoch
      ? state.trace.filter((s) => s.loss !== null).map((s) => ({ x: s.epoch - 1 + s.step / state.stepsPerEpoch!, loss: s.loss! }))
      : [],
    confusion: state.confusion,
    ghost: previous && { label: previous.state.label, epochs: points(previous.state), changes: previous.changes },
  };
}
