/**
 * The HyperLab sidebar (a webview view in the activity bar): the lecture's hyperparameter families with
 * the Keras argument and default of each, and a way into the training panel. It lives as long as the
 * extension; VS Code resolves it again whenever the view is shown after being disposed.
 */
import * as vscode from 'vscode';
import { CommandIds } from '../shared/commandIds';
import { assertNever } from '../shared/protocol/guards';
import { type HostToSidebar, isSidebarToHost } from '../shared/protocol/webviewProtocol';
import type { HostContext } from './hostContext';
import { setUpWebview } from './webviewSetup';
import { sidebarGroups, sidebarStrings } from './webviewStrings';

export class TuningViewProvider implements vscode.WebviewViewProvider {
  constructor(private readonly ctx: HostContext) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    setUpWebview(view.webview, this.ctx.extensionUri, 'sidebar', vscode.l10n.t('Hyperparameters'));
    const subscription = view.webview.onDidReceiveMessage((raw: unknown) => this.receive(view, raw));
    view.onDidDispose(() => {
      subscription.dispose();
      this.ctx.readiness.markGone('sidebar');
    });
  }

  private receive(view: vscode.WebviewView, raw: unknown): void {
    if (!isSidebarToHost(raw)) {
      this.ctx.log.warn(`sidebar: ignored a malformed message ${JSON.stringify(raw)}`);
      return;
    }
    switch (raw.type) {
      case 'ready': {
        const message: HostToSidebar = { type: 'didLoadSnapshot', snapshot: { strings: sidebarStrings(), groups: sidebarGroups() } };
        view.webview.postMessage(message).then(
          () => this.ctx.readiness.markReady('sidebar'),
          (err: unknown) => this.ctx.log.error('sidebar: postMessage failed', err),
        );
        return;
      }
      case 'openTrainingPanel':
        vscode.commands.executeCommand(CommandIds.openTrainingPanel).then(undefined, (err: unknown) => this.ctx.log.error('sidebar: could not open the panel', err));
        return;
      default:
        assertNever(raw);
    }
  }
}
