/**
 * The localized strings each webview shows, built in the host with vscode.l10n (webviews cannot call it)
 * and sent in the snapshot. English is the key; l10n/bundle.l10n.es.json holds the Spanish.
 */
import * as vscode from 'vscode';
import { type SettingsProblem, schemaTexts } from '../shared/hyperparamSettings';
import type { PanelStrings } from '../shared/protocol/panelProtocol';
import type { SidebarStrings } from '../shared/protocol/webviewProtocol';

export function panelStrings(): PanelStrings {
  return {
    title: vscode.l10n.t('HyperLab Training'),
    emptyState: vscode.l10n.t('No training run yet. Loss curves appear here, epoch by epoch, while a model trains.'),
    logScale: vscode.l10n.t('Logarithmic loss axis'),
    epochAxis: vscode.l10n.t('Epoch'),
    lossAxis: vscode.l10n.t('Loss'),
    trainLoss: vscode.l10n.t('Training loss'),
    valLoss: vscode.l10n.t('Validation loss'),
    stop: vscode.l10n.t('Stop'),
    pause: vscode.l10n.t('Pause'),
    resume: vscode.l10n.t('Resume'),
    step: vscode.l10n.t('Step one epoch'),
    restart: vscode.l10n.t('Restart'),
    boundaryTitle: vscode.l10n.t('Decision boundary (model output over x1, x2 ∈ [-6, 6])'),
    // One name per split: the held-out points are the validation data (Keras' val_loss); Playground calls them test data.
    showTestData: vscode.l10n.t('Show validation data'),
    discretize: vscode.l10n.t('Discretize output'),
    bestEpoch: vscode.l10n.t('best epoch'),
    patienceWindow: vscode.l10n.t('patience'),
    batchLoss: vscode.l10n.t('Training loss per batch'),
    metricsTitle: vscode.l10n.t('Metrics per epoch (training and validation)'),
    networkTitle: vscode.l10n.t('Network: each node\'s output over the plane; links are weights (width |w|, colour sign). Hover a node to see it large.'),
    normsTitle: vscode.l10n.t('Weight and gradient norms per layer (vanishing or exploding gradients)'),
    weightNorm: vscode.l10n.t('‖W‖'),
    gradientNorm: vscode.l10n.t('‖∂L/∂W‖'),
    confusionTitle: vscode.l10n.t('Confusion matrix'),
    trueClass: vscode.l10n.t('true class'),
    predictedClass: vscode.l10n.t('predicted class'),
    onValidation: vscode.l10n.t('on the validation data'),
    onTraining: vscode.l10n.t('on the training data'),
    speed: vscode.l10n.t('Speed'),
    speedSlow: vscode.l10n.t('Slow (10 epochs/s)'),
    speedWatchable: vscode.l10n.t('Watchable (60 epochs/s)'),
    speedFast: vscode.l10n.t('Fast (300 epochs/s)'),
    speedMax: vscode.l10n.t('As fast as possible'),
    compareTitle: vscode.l10n.t('Runs compared'),
    hyperparameter: vscode.l10n.t('Hyperparameters that differ'),
    finalMetric: vscode.l10n.t('final'),
    bestMetric: vscode.l10n.t('best'),
    clearComparison: vscode.l10n.t('Clear comparison'),
    showRun: vscode.l10n.t('Show this run in the charts'),
    liveRun: vscode.l10n.t('training now'),
    noDifferences: vscode.l10n.t('The runs have the same hyperparameters (the same seed gives the same numbers).'),
    smoothing: vscode.l10n.t('Smoothing'),
    dataTitle: vscode.l10n.t('Data'),
    featuresTitle: vscode.l10n.t('Features'),
    outputTitle: vscode.l10n.t('Output'),
    networkPending: vscode.l10n.t('The network appears here when training starts: each neuron\'s output over the plane, linked by its weights.'),
    nextRunData: vscode.l10n.t('The sidebar\'s data: the next run trains on these points.'),
    confusionPending: vscode.l10n.t('The confusion matrix appears here when training ends.'),
    showDataTable: vscode.l10n.t('Show the numbers as a table'),
    chartSummary: vscode.l10n.t('Epoch {0}: loss {1}, val_loss {2}'),
    chartSummaryBest: vscode.l10n.t('best epoch {0}'),
    epochColumn: vscode.l10n.t('epoch'),
    chartKeys: vscode.l10n.t('{0}. Arrow keys move along the epochs and read every series\' value there; Home and End go to the ends, Page Up and Page Down by tenths; Escape hides the values.'),
    networkKeys: vscode.l10n.t('Network view. Arrow keys move between the neurons; the chosen neuron\'s output is shown large in the output view. Escape shows the model\'s output again.'),
    nodeSummary: vscode.l10n.t('{0}, shown large in the output view'),
    runControls: vscode.l10n.t('Run controls'),
    lossTableCaption: vscode.l10n.t('Loss and metrics per epoch'),
  };
}

export function sidebarStrings(): SidebarStrings {
  return {
    intro: vscode.l10n.t(
      'Parameters (weights and biases) are learned by the model during training. Hyperparameters are chosen before training: these are the ones HyperLab lets you tune.',
    ),
    openPanel: vscode.l10n.t('Open Training Panel'),
    train: vscode.l10n.t('Train'),
    stop: vscode.l10n.t('Stop'),
    addLayer: vscode.l10n.t('Add layer'),
    removeLayer: vscode.l10n.t('Remove'),
    layerN: vscode.l10n.t('Hidden layer {0}'),
    inputLayer: vscode.l10n.t('Input: {0} features'),
    outputLayer: vscode.l10n.t('Output: Dense(1, activation="{0}"), loss="{1}"'),
    parameters: vscode.l10n.t('{0} trainable parameters'),
    iterations: vscode.l10n.t('{0} iterations per epoch = ⌈{1} training samples / batch size {2}⌉'),
    kerasDefault: vscode.l10n.t('Keras default'),
    noDefault: vscode.l10n.t('you choose'),
    allowed: vscode.l10n.t('Allowed: {0}'),
    allowedWhole: vscode.l10n.t('Allowed: whole numbers {0}'),
    notANumber: vscode.l10n.t('Enter a number'),
    oneFeature: vscode.l10n.t('The network needs at least one input feature.'),
    regenerate: vscode.l10n.t('Regenerate'),
    presets: vscode.l10n.t('Playground\'s values'),
    otherValue: vscode.l10n.t('other'),
    appliesNext: vscode.l10n.t('While a run started here trains, a change to the network or the data restarts it (as in Playground) and a learning-rate change applies at once.'),
    rejected: vscode.l10n.t('HyperLab refused these settings:'),
    noRun: vscode.l10n.t('No training run yet.'),
    dropoutHint: vscode.l10n.t('Dropout: add a Dropout layer under Model architecture and set its rate there ({0} now).'),
    trainBlocked: vscode.l10n.t('Train waits until these fields hold allowed values: {0}'),
    pause: vscode.l10n.t('Pause'),
    resume: vscode.l10n.t('Resume'),
    // Playground's Reset: the current run again from the start, from the same seed's initial weights.
    reset: vscode.l10n.t('Reset'),
    removeLayerN: vscode.l10n.t('Remove hidden layer {0}'),
    helpFor: vscode.l10n.t('Help: {0}'),
    presetsFor: vscode.l10n.t('Playground\'s values for {0}'),
    runControls: vscode.l10n.t('Run controls'),
    runProgress: vscode.l10n.t('epoch {0} of {1}'),
    currentRun: vscode.l10n.t('Current run'),
  };
}

/** The schema's English texts → the display language's (keys are the English texts). */
export function sidebarTexts(): Record<string, string> {
  return Object.fromEntries(schemaTexts().map((text) => [text, vscode.l10n.t(text)]));
}

/** Settings problems as lines for the user: "Batch size: Allowed: 1 … 512". */
export function sidebarProblems(problems: readonly SettingsProblem[]): string[] {
  return problems.map((p) => `${vscode.l10n.t(p.label)} (${p.path}): ${vscode.l10n.t('Allowed: {0}', p.allowed)}`);
}
