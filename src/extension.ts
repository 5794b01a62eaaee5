/**
 * HyperLab's entry point. activate() builds the long-lived services, registers commands and views, and
 * pushes every registration into context.subscriptions; nothing else lives here.
 */
import * as vscode from 'vscode';
import { CommandIds, TUNING_VIEW_ID } from './shared/commandIds';
import type { HostContext } from './host/hostContext';
import { type HyperLabApi, createApi } from './host/hyperlabApi';
import { TrainingPanel, registerTrainingPanelSerializer } from './host/trainingPanel';
import { exportKerasScript } from './host/sidebar/exportScriptCommand';
import { trainExercise } from './host/training/exerciseCommand';
import { trainExperimentFile } from './host/training/trainExperimentCommand';
import { TrainingService } from './host/training/trainingService';
import { createTrainingStatusBar } from './host/training/trainingStatusBar';
import { TuningViewProvider } from './host/tuningViewProvider';
import { registerLanguageFeatures } from './host/language/registerLanguageFeatures';
import { WebviewReadiness } from './host/webviewReadiness';
import { WorkspaceTrustGate } from './host/workspaceTrust';

export function activate(context: vscode.ExtensionContext): HyperLabApi {
  const log = vscode.window.createOutputChannel('HyperLab', { log: true });
  const readiness = new WebviewReadiness();
  const training = new TrainingService(context.extensionUri.fsPath, log, () => TrainingPanel.show(ctx));
  const ctx: HostContext = { extensionUri: context.extensionUri, log, readiness, training };

  const tuning = new TuningViewProvider(ctx, context.workspaceState);
  const trust = new WorkspaceTrustGate(log);
  context.subscriptions.push(
    log,
    readiness,
    training,
    createTrainingStatusBar(training),
    vscode.commands.registerCommand(CommandIds.openTrainingPanel, () => {
      TrainingPanel.show(ctx);
    }),
    vscode.commands.registerCommand(CommandIds.trainExperiment, (arg: unknown) => trainExperimentFile(training, trust, arg)),
    vscode.commands.registerCommand(CommandIds.stopTraining, () => training.stop()),
    vscode.commands.registerCommand(CommandIds.pauseTraining, () => training.pause()),
    vscode.commands.registerCommand(CommandIds.resumeTraining, () => training.resume()),
    vscode.commands.registerCommand(CommandIds.trainExercise, (id: unknown) => trainExercise(training, context.extensionUri.fsPath, id)),
    vscode.commands.registerCommand(CommandIds.exportKerasScript, () => exportKerasScript(tuning.handle, trust)),
    registerTrainingPanelSerializer(ctx),
    vscode.window.registerWebviewViewProvider(TUNING_VIEW_ID, tuning),
  );
  const parseHelper = registerLanguageFeatures(context, training, tuning.handle, trust);
  const { version } = context.extension.packageJSON as { version: string };
  log.info(`HyperLab ${version} activated in VS Code ${vscode.version}`);
  return createApi(readiness, training, tuning.handle, parseHelper, trust);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
