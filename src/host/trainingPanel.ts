/**
 * The training panel: a webview panel that draws the live run and the runs it is compared with. One at
 * a time; "Open Training Panel" reveals it when it exists. It lives until the user closes it; its
 * listeners and its PanelFeed die with it (a run goes on without it and a new panel picks it up). After
 * a window reload VS Code hands the old panel back to `revive` and the snapshot handshake refills it.
 * What is sent when lives in PanelFeed (training/panelFeed.ts), free of 'vscode'.
 */
import * as vscode from 'vscode';
import { assertNever } from '../shared/protocol/guards';
import { type HostToPanel, isPanelToHost } from '../shared/protocol/panelProtocol';
import { readRun } from '../runs/runReader';
import { displayLocale, hostTranslate } from './displayLanguage';
import type { HostContext } from './hostContext';
import { PanelFeed } from './training/panelFeed';
import { setUpWebview } from './webviewSetup';
import { panelStrings } from './webviewStrings';

export class TrainingPanel implements vscode.Disposable {
  static readonly viewType = 'hyperlab.trainingPanel';
  private static current: TrainingPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly feed: PanelFeed;

  /** `column`: where a new panel opens (the sweep view opens it Beside itself); an open one stays where it is. */
  static show(ctx: HostContext, preserveFocus = false, column: vscode.ViewColumn = vscode.ViewColumn.Active): TrainingPanel {
    if (TrainingPanel.current) {
      TrainingPanel.current.panel.reveal(undefined, preserveFocus);
      return TrainingPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(TrainingPanel.viewType, vscode.l10n.t('HyperLab Training'), { viewColumn: column, preserveFocus });
    return new TrainingPanel(panel, ctx);
  }

  /** Whether a training panel is open and in view. */
  static get visible(): boolean {
    return TrainingPanel.current?.panel.visible === true;
  }

  /** Called by the serializer after a window reload. */
  static revive(panel: vscode.WebviewPanel, ctx: HostContext): TrainingPanel {
    TrainingPanel.current?.dispose();
    return new TrainingPanel(panel, ctx);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly ctx: HostContext,
  ) {
    TrainingPanel.current = this;
    setUpWebview(panel.webview, ctx.extensionUri, 'panel', vscode.l10n.t('HyperLab Training'));
    this.feed = new PanelFeed(ctx.training, {
      post: (message) => this.post(message),
      t: hostTranslate(),
      strings: panelStrings,
      locale: displayLocale,
      preview: ctx.preview,
      readRun: async (id) => {
        const dir = ctx.runsDir();
        return dir === null ? null : readRun(dir, id, (runId) => ctx.training.isLive(runId));
      },
      log: ctx.log,
    });
    this.disposables.push(
      this.feed,
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  private receive(raw: unknown): void {
    if (!isPanelToHost(raw)) {
      this.ctx.log.warn(`training panel: ignored a malformed message ${JSON.stringify(raw).slice(0, 200)}`);
      return;
    }
    switch (raw.type) {
      case 'ready':
        this.feed.sendSnapshot().then(() => this.ctx.readiness.markReady('panel'), (err: unknown) => this.ctx.log.error('training panel: snapshot failed', err));
        return;
      case 'stopTraining':
        this.ctx.training.stop();
        return;
      case 'pauseTraining':
        this.ctx.training.pause();
        return;
      case 'resumeTraining':
        this.ctx.training.resume();
        return;
      case 'stepTraining':
        this.ctx.training.stepEpoch();
        return;
      case 'restartTraining':
        void this.ctx.training.restart();
        return;
      case 'clearComparison':
        this.ctx.training.clearComparison();
        return;
      case 'setPace':
        this.ctx.training.setPace(raw.epochsPerSecond);
        return;
      default:
        assertNever(raw);
    }
  }

  private post(message: HostToPanel): void {
    this.panel.webview.postMessage(message).then(undefined, (err: unknown) => this.ctx.log.error('training panel: postMessage failed', err));
  }

  dispose(): void {
    if (TrainingPanel.current === this) TrainingPanel.current = undefined;
    this.ctx.readiness.markGone('panel');
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

export function registerTrainingPanelSerializer(ctx: HostContext): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(TrainingPanel.viewType, {
    deserializeWebviewPanel: (panel) => {
      TrainingPanel.revive(panel, ctx);
      return Promise.resolve();
    },
  });
}
