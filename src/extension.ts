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
import { WorkspaceTrustGate } from './host/workspaceTrust';
import { welcomeOnFirstRun } from './host/welcome/firstRun';
import { sidebarSweepCommand } from './host/sweeps/sidebarSweepCommand';
import { registerSweepCommands, resumeRememberedSweep } from './host/sweeps/sweepCommands';
import { sweepPorts } from './host/sweeps/sweepHost';
import { registerSweepPanelSerializer } from './host/sweeps/sweepPanel';
import { SweepService } from './host/sweeps/sweepService';
import { createSweepStatusBar } from './host/sweeps/sweepStatusBar';
import { sweepsDir } from './host/sweeps/sweepsLocation';

export function activate(context: vscode.ExtensionContext): HyperLabApi {
  const log = vscode.window.createOutputChannel('HyperLab', { log: true });
  const readiness = new WebviewReadiness();
  const runsDir = () => runStoreDir(context.globalStorageUri);
  const trust = new WorkspaceTrustGate(log);
  const mnist = createMnistGate(context, log, trust);
  const training = new TrainingService(trainingPorts({
    extensionRoot: context.extensionUri.fsPath, log, runsDir,
    openPanel: () => TrainingPanel.show(ctx, true),
    panelVisible: () => TrainingPanel.visible,
    prepare: (request) => mnist.prepare(request),
  }));
  const preview = new DataPreviewSource(hostTranslate(), log);
  const ctx: HostContext = { extensionUri: context.extensionUri, log, readiness, training, runsDir, trust, preview };

  const tuning = new TuningViewProvider(ctx, context.workspaceState);
  const runsView = new RunsView(ctx, context.workspaceState);
  const sweeps = new SweepService(sweepPorts({ extensionRoot: context.extensionUri.fsPath, log, workspaceState: context.workspaceState, runsDir }));
  const sweepDeps = { ctx, sweeps, sweepsDir: () => sweepsDir(context.globalStorageUri) };
  context.subscriptions.push(
    log,
    readiness,
    training,
    preview,
    createTrainingStatusBar(training),
    vscode.commands.registerCommand(CommandIds.openTrainingPanel, () => {
      TrainingPanel.show(ctx);
    }),
    vscode.commands.registerCommand(CommandIds.trainExperiment, (arg: unknown) => trainExperimentFile(training, trust, arg)),
    vscode.commands.registerCommand(CommandIds.stopTraining, () => training.stop()),
    vscode.commands.registerCommand(CommandIds.pauseTraining, () => training.pause()),
    vscode.commands.registerCommand(CommandIds.resumeTraining, () => training.resume()),
    vscode.commands.registerCommand(CommandIds.trainExercise, (id: unknown) => trainExercise(training, tuning.handle, context.extensionUri.fsPath, id)),
    vscode.commands.registerCommand(CommandIds.loadExercise, (id: unknown) => loadExercise(tuning.handle, context.extensionUri.fsPath, id)),
    vscode.commands.registerCommand(CommandIds.exportKerasScript, () => exportKerasScript(tuning.handle, trust)),
    registerMnistCommand(mnist, trust),
    registerTrainingPanelSerializer(ctx),
    runsView,
    ...registerRunsCommands(ctx, runsView),
    vscode.window.registerWebviewViewProvider(TUNING_VIEW_ID, tuning),
    sweeps,
    training.addLiveRuns((id) => sweeps.isLiveRun(id)),
    sweeps.onDidEnd(() => void runsView.refresh()),
    registerSweepPanelSerializer(ctx, sweeps),
    createSweepStatusBar(sweeps),
    ...registerSweepCommands(sweepDeps),
    sidebarSweepCommand(sweepDeps, tuning.handle),
  );
  resumeRememberedSweep(sweepDeps).catch((e: unknown) => log.error('sweep: resuming the remembered sweep failed', e));
  const parseHelper = registerLanguageFeatures(context, training, tuning.handle, trust);
  const { version } = context.extension.packageJSON as { version: string };
  log.info(`HyperLab ${version} activated in VS Code ${vscode.version}`);
  welcomeOnFirstRun(context, log).then(undefined, (err: unknown) => log.error('first run: the welcome failed', err));
  return createApi(readiness, training, tuning.handle, parseHelper, runsView, runsDir, sweeps, sweepDeps, trust);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
