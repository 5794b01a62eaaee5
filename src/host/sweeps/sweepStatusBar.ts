/**
 * A status bar item while a sweep runs or is paused: its study and how many trials are done of how many;
 * the tooltip is the sweep view's status line, and a click shows the sweep view. Redrawn at most twice a
 * second, however fast the trials report.
 */
import * as vscode from 'vscode';
import { CommandIds } from '../../shared/commandIds';
import type { Disposable } from '../../shared/emitter';
import type { SweepService } from './sweepService';
import type { SweepSession } from './sweepSession';

const REDRAW_MS = 500;

export function createSweepStatusBar(sweeps: SweepService): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('hyperlab.sweep', vscode.StatusBarAlignment.Left, 9);
  item.name = vscode.l10n.t('HyperLab Sweep');
  item.command = CommandIds.showSweep;
  let timer: NodeJS.Timeout | undefined;
  let sessionSub: Disposable | null = null;
  const render = () => {
    timer = undefined;
    const session = sweeps.session;
    if (!sweeps.running || !session) {
      item.hide();
      return;
    }
    const trials = session.trials();
    const done = trials.filter((t) => t.state !== 'running' && t.state !== 'waiting').length;
    item.text = `${sweeps.paused ? '$(debug-pause)' : '$(beaker)'} ${session.description.study} ${done}/${session.maxTrials ?? trials.length}`;
    item.tooltip = session.info().statusText;
    item.show();
  };
  const soon = () => {
    timer ??= setTimeout(render, REDRAW_MS);
  };
  const follow = (session: SweepSession | null) => {
    sessionSub?.dispose();
    sessionSub = session?.onDidChange(soon) ?? null;
    soon();
  };
  const subs = [sweeps.onDidChangeSession(follow), sweeps.onDidChangeState(soon)];
  follow(sweeps.session);
  return new vscode.Disposable(() => {
    clearTimeout(timer);
    sessionSub?.dispose();
    for (const s of subs) s.dispose();
    item.dispose();
  });
}
