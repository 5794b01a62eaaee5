/**
 * The VS Code side of TrainingService: its ports built from the VS Code API (the worker with its heap
 * limit, localized texts, the Stop-and-Restart question, the progress and finish notifications, the run
 * store's folder). The service's logic lives in trainingService.ts, free of 'vscode'.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import { echo } from '../../shared/echo';
import { hostTranslate } from '../displayLanguage';
import type { ServicePorts } from './trainingService';
import { type TrainingRun, type WorkerLike, type RunState, WORKER_HEAP_MB } from './trainingRun';

export interface TrainingHostDeps {
  readonly extensionRoot: string;
  readonly log: vscode.LogOutputChannel;
  readonly openPanel: () => void;
  readonly panelVisible: () => boolean;
  readonly runsDir: () => string | null;
  /** The MNIST gate (ServicePorts.prepare). */
  readonly prepare?: ServicePorts['prepare'];
}

function showProgress(run: TrainingRun): void {
  void vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `HyperLab: ${echo(run.state.label)}`, cancellable: true },
    (progress, token) =>
      new Promise<void>((resolve) => {
        token.onCancellationRequested(() => run.stop());
        let reported = 0;
        const update = () => {
          const s = run.state;
          const done = s.epochs.length;
          if (s.totalEpochs && done > reported) {
            progress.report({ increment: ((done - reported) / s.totalEpochs) * 100, message: vscode.l10n.t('epoch {0} of {1}', done, s.totalEpochs) });
            reported = done;
          }
          if (!run.isActive) {
            sub.dispose();
            resolve();
          }
        };
        const sub = run.onDidChange(update);
        run.own(() => {
          sub.dispose();
          resolve();
        });
        update();
      }),
  );
}

export function trainingPorts(deps: TrainingHostDeps): ServicePorts {
  const { log } = deps;
  return {
    extensionRoot: deps.extensionRoot,
    // Restricted Mode: runs read only inside the extension (bundled exercises, MNIST's subset).
    readRoots: () => (vscode.workspace.isTrusted ? null : [deps.extensionRoot]),
    log,
    t: hostTranslate(),
    // The worker gets its own heap limit: a model or data set too large fails in the worker (an error the
    // user sees), never in the extension host.
    spawnWorker: (): WorkerLike => new Worker(path.join(deps.extensionRoot, 'dist', 'worker.js'), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }),
    confirmReplace: async (activeLabel, nextLabel) => {
      const restart = vscode.l10n.t('Stop and Restart');
      const choice = await vscode.window.showWarningMessage(vscode.l10n.t('"{0}" is still training. Stop it and start "{1}"?', echo(activeLabel), echo(nextLabel)), { modal: true }, restart);
      return choice === restart;
    },
    openPanel: deps.openPanel,
    panelVisible: deps.panelVisible,
    showProgress,
    announce: (state: RunState) => {
      const open = vscode.l10n.t('Open Panel'), showLog = vscode.l10n.t('Show Log');
      // A label can be a run's name read from the store: capped (shared/echo.ts).
      const text = `HyperLab: ${echo(state.label)}: ${state.message ?? state.status}`;
      const shown = state.status === 'failed' ? vscode.window.showErrorMessage(text, open, showLog) : vscode.window.showInformationMessage(text, open);
      return shown.then((choice) => {
        if (choice === open) deps.openPanel();
        if (choice === showLog) log.show();
      }, (err: unknown) => log.error('notification failed', err));
    },
    runsDir: deps.runsDir,
    ...(deps.prepare ? { prepare: deps.prepare } : {}),
  };
}
