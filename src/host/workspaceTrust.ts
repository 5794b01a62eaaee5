/**
 * HyperLab in Restricted Mode (an untrusted workspace; package.json declares `untrustedWorkspaces:
 * limited`): the analysis of the code (CodeLenses, hovers, diagnostics) works as always, since it only reads
 * the open documents and runs nothing; what would act on the workspace's files is off, each with a message
 * that says why and offers to manage trust: training an experiment file or a model from a workspace file
 * (both read the data files they name), and exporting a Keras script built from them. Training runs that
 * start anyway (an exercise, the sidebar's Playground data) read files only inside the extension's own
 * folder (TrainingRun passes readRoots to the worker). Not here: the trust state itself, which VS Code owns.
 */
import * as vscode from 'vscode';

export type GatedAction = 'trainExperiment' | 'trainModel' | 'exportScript';

export class WorkspaceTrustGate {
  private readonly refusals: string[] = [];

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly isTrusted: () => boolean = () => vscode.workspace.isTrusted,
  ) {}

  /** The messages shown because the workspace is not trusted, oldest first (for the API and its tests). */
  get refused(): readonly string[] {
    return this.refusals;
  }

  /** True when `action` may run; in Restricted Mode shows why not (with Manage Workspace Trust) and returns false. */
  allows(action: GatedAction): boolean {
    if (this.isTrusted()) return true;
    const message = WorkspaceTrustGate.reason(action);
    this.refusals.push(message);
    this.log.info(`Restricted Mode: refused ${action}`);
    const manage = vscode.l10n.t('Manage Workspace Trust');
    void vscode.window.showWarningMessage(message, manage).then((choice) => {
      if (choice === manage) void vscode.commands.executeCommand('workbench.trust.manage');
    });
    return false;
  }

  static reason(action: GatedAction): string {
    switch (action) {
      case 'trainExperiment':
        return vscode.l10n.t('HyperLab does not train experiment files in Restricted Mode: an experiment reads the data files it names, and this workspace is not trusted. Trust the workspace to train it.');
      case 'trainModel':
        return vscode.l10n.t('HyperLab does not train models from workspace files in Restricted Mode: training reads the data they name, and this workspace is not trusted. Parameter counts, shapes, hovers and diagnostics still work; trust the workspace to train.');
      case 'exportScript':
        return vscode.l10n.t('HyperLab does not export Keras scripts in Restricted Mode: the script is built from this untrusted workspace\'s files and is meant to be run. Trust the workspace to export.');
    }
  }
}
