/**
 * The "HyperLab Sweep" view: a webview panel showing the window's sweep (SweepService's session) as a
 * table of trials, parallel coordinates, slice plots and fANOVA importance, live while it runs. One at a
 * time; it lives until the user closes it (the sweep goes on without it). What is sent when is
 * SweepFeed's (no 'vscode'); this file wires the webview and answers its requests: pause, resume,
 * cancel, read the journal again, open the sweep file, export, and show trials' curves in the training
 * panel (their runs compared). After a window reload VS Code hands the panel back to `revive`.
 */
import * as vscode from 'vscode';
import { CommandIds } from '../../shared/commandIds';
import { assertNever } from '../../shared/protocol/guards';
import { type HostToSweep, isSweepToHost } from '../../shared/protocol/sweepProtocol';
import type { HostContext } from '../hostContext';
import { TrainingPanel } from '../trainingPanel';
import { setUpWebview } from '../webviewSetup';
import { SweepFeed } from './sweepFeed';
import type { SweepService } from './sweepService';
import { sweepStrings } from './sweepStrings';

/** The training panel compares the live run and at most this many more. */
const MAX_SHOWN = 19;

export class SweepPanel implements vscode.Disposable {
  static readonly viewType = 'hyperlab.sweepPanel';
  private static current: SweepPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly feed: SweepFeed;

  static show(ctx: HostContext, sweeps: SweepService, preserveFocus = false): SweepPanel {
    if (SweepPanel.current) {
      SweepPanel.current.panel.reveal(undefined, preserveFocus);
      return SweepPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(SweepPanel.viewType, vscode.l10n.t('HyperLab Sweep'), { viewColumn: vscode.ViewColumn.Active, preserveFocus });
    return new SweepPanel(panel, ctx, sweeps);
  }

  static revive(panel: vscode.WebviewPanel, ctx: HostContext, sweeps: SweepService): SweepPanel {
    SweepPanel.current?.dispose();
    return new SweepPanel(panel, ctx, sweeps);
  }

  private constructor(private readonly panel: vscode.WebviewPanel, private readonly ctx: HostContext, private readonly sweeps: SweepService) {
    SweepPanel.current = this;
    setUpWebview(panel.webview, ctx.extensionUri, 'sweep', vscode.l10n.t('HyperLab Sweep'));
    this.feed = new SweepFeed(sweeps, {
      post: (message) => this.post(message),
      strings: sweepStrings,
      later: (ms, fn) => {
        const timer = setTimeout(fn, ms);
        return { dispose: () => clearTimeout(timer) };
      },
    });
    this.disposables.push(
      this.feed,
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  private receive(raw: unknown): void {
    if (!isSweepToHost(raw)) {
      this.ctx.log.warn(`sweep view: ignored a malformed message ${JSON.stringify(raw).slice(0, 200)}`);
      return;
    }
    switch (raw.type) {
      case 'ready':
        this.feed.sendSnapshot();
        this.ctx.readiness.markReady('sweep');
        return;
      case 'pauseSweep':
        return this.sweeps.pause();
      case 'resumeSweep':
        return this.sweeps.resume();
      case 'cancelSweep':
        return this.sweeps.cancel();
      case 'refreshSweep':
        void this.sweeps.refresh();
        return;
      case 'openSweepFile': {
        const file = this.sweeps.session?.description.file;
        if (file) void vscode.window.showTextDocument(vscode.Uri.file(file), { viewColumn: vscode.ViewColumn.Beside });
        return;
      }
      case 'exportSweepScript': {
        const file = this.sweeps.session?.description.file;
        if (file) void vscode.commands.executeCommand(CommandIds.exportSweepOptuna, vscode.Uri.file(file));
        return;
      }
      case 'showTrials':
        return this.showTrials(raw.numbers);
      default:
        assertNever(raw);
    }
  }

  /** The trials' runs, compared in the training panel beside this view. */
  private showTrials(numbers: readonly number[]): void {
    const runs = this.sweeps.session?.runsOf(numbers) ?? [];
    if (runs.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Another process (Python Optuna) ran this trial: HyperLab has no run of it to show.'));
      return;
    }
    this.ctx.training.compare(runs.slice(0, MAX_SHOWN));
    TrainingPanel.show(this.ctx, true, vscode.ViewColumn.Beside);
  }

  private post(message: HostToSweep): void {
    this.panel.webview.postMessage(message).then(undefined, (err: unknown) => this.ctx.log.error('sweep view: postMessage failed', err));
  }

  dispose(): void {
    if (SweepPanel.current === this) SweepPanel.current = undefined;
    this.ctx.readiness.markGone('sweep');
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

export function registerSweepPanelSerializer(ctx: HostContext, sweeps: SweepService): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(SweepPanel.viewType, {
    deserializeWebviewPanel: (panel) => {
      SweepPanel.revive(panel, ctx, sweeps);
      return Promise.resolve();
    },
  });
}
