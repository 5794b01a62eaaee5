/** A status bar item with the current run's epoch and loss while it trains; it opens the training panel. */
import * as vscode from 'vscode';
import { CommandIds } from '../../shared/commandIds';
import { formatNumber } from '../displayLanguage';
import type { RunState } from './trainingRun';
import type { TrainingService } from './trainingService';

export function createTrainingStatusBar(service: TrainingService): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('hyperlab.training', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('HyperLab Training');
  item.command = CommandIds.openTrainingPanel;
  const render = (state: RunState | null) => {
    if (!state || !(state.status === 'running' || state.status === 'paused' || state.status === 'starting')) {
      item.hide();
      return;
    }
    const epoch = state.lastStep?.epoch ?? 0;
    const loss = state.lastStep?.loss;
    const icon = state.status === 'paused' ? '$(debug-pause)' : '$(sync~spin)';
    item.text = `${icon} HyperLab ${epoch}/${state.totalEpochs ?? '?'}${loss !== undefined && loss !== null ? ` · ${vscode.l10n.t('loss {0}', formatNumber(loss, 4, true))}` : ''}`;
    item.tooltip = `${state.label}: ${state.description ?? ''}`;
    item.show();
  };
  const sub = service.onDidChangeRun(render);
  return vscode.Disposable.from(item, sub);
}
