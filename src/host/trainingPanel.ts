/**
 * The training panel: a webview panel with the live loss chart. One at a time; "Open Training Panel"
 * reveals it when it exists. It lives until the user closes it; its listeners die with it. After a
 * window reload VS Code hands the old panel back to `revive` and the snapshot handshake refills it.
 */
import * as vscode from 'vscode';
import { assertNever } from '../shared/protocol/guards';
import { type HostToPanel, type PanelSnapshot, isPanelToHost } from '../shared/protocol/webviewProtocol';
import type { HostContext } from './hostContext';
import type { Boundary } from '../shared/protocol/workerProtocol';
import { toRunView } from './training/runView';
import { setUpWebview } from './webviewSetup';
import { panelStrings } from './webviewStrings';

export class TrainingPanel implements vscode.Disposable {
  static readonly viewType = 'hyperlab.trainingPanel';
  private static current: TrainingPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** True once the webview has posted `ready` and received its snapshot: only then do increments flow. */
  private ready = false;
  /** The boundary last sent, so the large grid travels only when it changed. */
  private sentBoundary: Boundary | null = null;

  static show(ctx: HostContext): TrainingPanel {
    if (TrainingPanel.current) {
      TrainingPanel.current.panel.reveal();
      return TrainingPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(TrainingPanel.viewType, vscode.l10n.t('HyperLab Training'), vscode.ViewColumn.Active);
    return new TrainingPanel(panel, ctx);
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
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      panel.onDidDispose(() => this.dispose()),
      // The service reports at most ~10 times a second (the worker batches), so each change is one message.
      ctx.training.onDidChangeRun((state) => {
        if (!this.ready) return;
        const boundary = state?.boundary ?? null;
        if (boundary !== this.sentBoundary) {
          this.sentBoundary = boundary;
          this.post({ type: 'didUpdateBoundary', boundary });
        }
        this.post({ type: 'didUpdateRun', run: toRunView(state, this.ctx.training.ghost) });
      }),
    );
  }

  private receive(raw: unknown): void {
    if (!isPanelToHost(raw)) {
      this.ctx.log.warn(`training panel: ignored a malformed message ${JSON.stringify(raw)}`);
      return;
    }
    switch (raw.type) {
      case 'ready':
        this.post({ type: 'didLoadSnapshot', snapshot: this.snapshot() });
        this.ready = true;
        this.ctx.readiness.markReady('panel');
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
        this.ctx.training.restart();
        return;
      default:
        assertNever(raw);
    }
  }

  private snapshot(): PanelSnapshot {
    const state = this.ctx.training.state;
    this.sentBoundary = state?.boundary ?? null;
    return { strings: panelStrings(), run: toRunView(state, this.ctx.training.ghost), boundary: this.sentBoundary };
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
