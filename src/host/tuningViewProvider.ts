/**
 * The HyperLab sidebar (a webview view in the activity bar): every hyperparameter of the lecture as a
 * control, the live parameter count, and the run's controls (Train, Pause, Reset, Stop) with its status. This file wires VS Code to the SidebarController
 * (src/host/sidebar/sidebarController.ts), which holds the logic. The provider lives as long as the
 * extension; VS Code resolves the view again whenever it is shown after being disposed, and each view's
 * listeners die with it.
 */
import * as vscode from 'vscode';
import { CommandIds } from '../shared/commandIds';
import type { HyperparamSettings } from '../shared/hyperparams';
import type { SettingsProblem } from '../shared/hyperparamSettings';
import type { HostToSidebar, SidebarRun } from '../shared/protocol/webviewProtocol';
import type { HostContext } from './hostContext';
import { SidebarController } from './sidebar/sidebarController';
import { sidebarRun } from './sidebar/sidebarRun';
import { displayLocale, hostTranslate } from './displayLanguage';
import { setUpWebview } from './webviewSetup';
import { sidebarProblems, sidebarStrings, sidebarTexts } from './webviewStrings';

/** What the extension's API exposes of the sidebar (for integration tests): its host side, without the webview. */
export interface SidebarHandle {
  /** Handles `message` exactly as if the sidebar's webview had posted it (guard included). */
  post(message: unknown): Promise<void>;
  /** The settings the sidebar holds (and has stored in the workspace). */
  settings(): HyperparamSettings;
  /** Replaces the settings from the host's side; the view shows them at once. Resolves with the problems of invalid settings ([] when taken). */
  load(settings: HyperparamSettings): Promise<readonly SettingsProblem[]>;
}

/** Storage for one window session, used only when the extension passes no workspaceState. */
class SessionMemento {
  private readonly values = new Map<string, unknown>();
  get(key: string): unknown {
    return this.values.get(key);
  }
  update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }
}

export class TuningViewProvider implements vscode.WebviewViewProvider {
  private view: vscode.WebviewView | null = null;
  private readonly controller: SidebarController;

  /** `workspaceState`: the extension context's, so the settings survive a window reload. */
  constructor(private readonly ctx: HostContext, workspaceState?: vscode.Memento) {
    if (!workspaceState) ctx.log.warn('sidebar: no workspaceState given; the sidebar settings last only for this session');
    this.controller = new SidebarController({
      post: (message: HostToSidebar) => this.view?.webview.postMessage(message) ?? Promise.resolve(false),
      memento: workspaceState ?? new SessionMemento(),
      training: ctx.training,
      currentRun: () => this.currentRun(),
      openTrainingPanel: () => vscode.commands.executeCommand(CommandIds.openTrainingPanel),
      strings: sidebarStrings,
      locale: displayLocale,
      texts: sidebarTexts,
      describeProblems: sidebarProblems,
      log: ctx.log,
      markReady: () => ctx.readiness.markReady('sidebar'),
      baseDir: ctx.extensionUri.fsPath,
      onSettings: (settings) => ctx.preview.follow(settings),
    });
  }

  /** The sidebar's host side for the extension's API. */
  get handle(): SidebarHandle {
    return { post: (message) => this.controller.handle(message), settings: () => this.controller.settings, load: (settings) => this.controller.load(settings) };
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    setUpWebview(view.webview, this.ctx.extensionUri, 'sidebar', vscode.l10n.t('Hyperparameters'));
    const subscriptions = [
      view.webview.onDidReceiveMessage((raw: unknown) => {
        this.controller.handle(raw).then(undefined, (err: unknown) => this.ctx.log.error('sidebar: message failed', err));
      }),
      this.ctx.training.onDidChangeRun(() => this.controller.runChanged()),
    ];
    view.onDidDispose(() => {
      for (const s of subscriptions) s.dispose();
      if (this.view === view) this.view = null;
      this.ctx.readiness.markGone('sidebar');
    });
  }

  private currentRun(): SidebarRun | null {
    const state = this.ctx.training.state;
    if (!state) return null;
    return sidebarRun(state, hostTranslate());
  }
}
