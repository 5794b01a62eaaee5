/**
 * HyperLab's entry point. activate() builds the long-lived services, registers commands and views, and
 * pushes every registration into context.subscriptions; nothing else lives here.
 */
import * as vscode from 'vscode';
import { CommandIds, TUNING_VIEW_ID } from './shared/commandIds';
import type { HostContext } from './host/hostContext';
import { type HyperLabApi, createApi } from './host/hyperlabApi';
import { TrainingPanel, registerTrainingPanelSerializer } from './host/trainingPanel';
import { DataPreviewSource } from './host/sidebar/dataPreview';
import { exportKerasScript } from './host/sidebar/exportScriptCommand';
import { hostTranslate } from './host/displayLanguage';
import { loadExercise, trainExercise } from './host/training/exerciseCommand';
import { trainExperimentFile } from './host/training/trainExperimentCommand';
import { trainingPorts } from './host/training/trainingHost';
import { TrainingService } from './host/training/trainingService';
import { runStoreDir } from './host/runs/runStoreLocation';
import { registerRunsCommands } from './host/runs/runsCommands';
import { RunsView } from './host/runs/runsView';
import { createTrainingStatusBar } from './host/training/trainingStatusBar';
import { TuningViewProvider } from './host/tuningViewProvider';
import { createMnistGate, registerMnistCommand } from './host/data/mnistPrompt';
import { registerLanguageFeatures } from './host/language/registerLanguageFeatures';
import { WebviewReadiness } from './host/webviewReadiness';
import { welcomeOnFirstRun } from './host/welcome/firstRun';

export function activate(context: vscode.ExtensionContext): HyperLabApi {
  const log = vscode.window.createOutputChannel('HyperLab', { log: true });
  const readiness = new WebviewReadiness();
  const runsDir = () => runStoreDir(context.globalStorageUri);
  const mnist = createMnistGate(context, log);
  const training = new TrainingService(trainingPorts({
    extensionRoot: context.extensionUri.fsPath, log, runsDir,
    openPanel: () => TrainingPanel.show(ctx, true),
    panelVisible: () => TrainingPanel.visible,
    prepare: (request) => mnist.prepare(request),
  }));
  const preview = new DataPreviewSource(hostTranslate(), log);
  const ctx: HostContext = { extensionUri: context.extensionUri, log, readiness, training, runsDir, preview };

  const tuning = new TuningViewProvider(ctx, context.workspaceState);
  const runsView = new RunsView(ctx, context.workspaceState);
  context.subscriptions.push(
    log,
    readiness,
    training,
    preview,
    createTrainingStatusBar(training),
    vscode.commands.registerCommand(CommandIds.openTrainingPanel, () => {
      TrainingPanel.show(ctx);
    }),
    vscode.commands.registerCommand(CommandIds.trainExperiment, (arg: unknown) => trainExperimentFile(training, arg)),
    vscode.commands.registerCommand(CommandIds.stopTraining, () => training.stop()),
    vscode.commands.registerCommand(CommandIds.pauseTraining, () => training.pause()),
    vscode.commands.registerCommand(CommandIds.resumeTraining, () => training.resume()),
    vscode.commands.registerCommand(CommandIds.trainExercise, (id: unknown) => trainExercise(training, tuning.handle, context.extensionUri.fsPath, id)),
    vscode.commands.registerCommand(CommandIds.loadExercise, (id: unknown) => loadExercise(tuning.handle, context.extensionUri.fsPath, id)),
    vscode.commands.registerCommand(CommandIds.exportKerasScript, () => exportKerasScript(tuning.handle)),
    registerMnistCommand(mnist),
    registerTrainingPanelSerializer(ctx),
    runsView,
    ...registerRunsCommands(ctx, runsView),
    vscode.window.registerWebviewViewProvider(TUNING_VIEW_ID, tuning),
  );
  const parseHelper = registerLanguageFeatures(context, training, tuning.handle);
  const { version } = context.extension.packageJSON as { version: string };
  log.info(`HyperLab ${version} activated in VS Code ${vscode.version}`);
  welcomeOnFirstRun(context, log).then(undefined, (err: unknown) => log.error('first run: the welcome failed', err));
  return createApi(readiness, training, tuning.handle, parseHelper, runsView, runsDir);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
