/**
 * HyperLab in Restricted Mode (an untrusted workspace; package.json declares `untrustedWorkspaces:
 * limited`): the analysis of the code (CodeLenses, hovers, diagnostics) works as always, since it only reads
 * the open documents and runs nothing; what would act on the workspace's files is off, each with a message
 * that says why and offers to manage trust: training an experiment file or a model from a workspace file
 * (both read the data files they name), exporting a Keras script built from them, the Runs view's Rerun,
 * Open as Experiment and Export (the run store lies in the workspace, `.hyperlab/runs`, so its records are
 * the workspace's content), sweeps, and downloading MNIST. Training runs that start anyway (an exercise, the
 * sidebar's Playground data) read files only inside the extension's own folder (TrainingService's
 * readRoots port, passed to the worker), and the MNIST gate neither searches nor offers a download.
 *
 * Any command that acts on the workspace's files calls `allows(action)` first (ctx.trust in HostContext)
 * and stops when it returns false; `trusted` is the plain check for code that only picks a safer path.
 * Not here: the trust state itself, which VS Code owns.
 */
import * as vscode from 'vscode';

export type GatedAction =
  | 'trainExperiment' | 'trainModel' | 'exportScript'
  | 'rerunRun' | 'openRunExperiment' | 'exportRuns'
  | 'runSweep' | 'downloadMnist';

export class WorkspaceTrustGate {
  private readonly refusals: string[] = [];

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly isTrusted: () => boolean = () => vscode.workspace.isTrusted,
  ) {}

  /** True in a trusted workspace (or with Workspace Trust off); false in Restricted Mode. */
  get trusted(): boolean {
    return this.isTrusted();
  }

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
      case 'rerunRun':
        return vscode.l10n.t('HyperLab does not rerun stored runs in Restricted Mode: the run store is part of this untrusted workspace, and a run reads the data files its experiment names. Trust the workspace to rerun it.');
      case 'openRunExperiment':
        return vscode.l10n.t('HyperLab does not open stored runs as experiment files in Restricted Mode: the run store is part of this untrusted workspace, and an experiment file is meant to be trained. Trust the workspace to open it.');
      case 'exportRuns':
        return vscode.l10n.t('HyperLab does not export runs in Restricted Mode: the run store is part of this untrusted workspace, and an export writes its content to a file. Trust the workspace to export.');
      case 'runSweep':
        return vscode.l10n.t('HyperLab does not run sweeps in Restricted Mode: a sweep trains the experiment it names, which reads data files, and writes its study into this untrusted workspace. Trust the workspace to run it.');
      case 'downloadMnist':
        return vscode.l10n.t('HyperLab does not download MNIST in Restricted Mode: runs in an untrusted workspace read only the 2,000-image subset inside the extension. Trust the workspace to download and use the full set.');
    }
  }
}
