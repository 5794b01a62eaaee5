/**
 * The localized strings each webview shows, built in the host with vscode.l10n (webviews cannot call it)
 * and sent in the snapshot. English is the key; l10n/bundle.l10n.es.json holds the Spanish.
 */
import * as vscode from 'vscode';
import { HYPERPARAM_GROUPS } from '../shared/hyperparams';
import type { PanelStrings, SidebarGroup, SidebarStrings } from '../shared/protocol/webviewProtocol';

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
    showTestData: vscode.l10n.t('Show test data'),
    discretize: vscode.l10n.t('Discretize output'),
    previousRun: vscode.l10n.t('previous run'),
    bestEpoch: vscode.l10n.t('best epoch'),
    patienceWindow: vscode.l10n.t('patience'),
    changedSince: vscode.l10n.t('Changed since the previous run:'),
    batchLoss: vscode.l10n.t('Training loss per batch'),
    networkTitle: vscode.l10n.t('Network: each node\'s output over the plane; links are weights (width |w|, colour sign). Hover a node to see it large.'),
    normsTitle: vscode.l10n.t('Weight and gradient norms per layer (vanishing or exploding gradients)'),
    weightNorm: vscode.l10n.t('‖W‖'),
    gradientNorm: vscode.l10n.t('‖∂L/∂W‖'),
    confusionTitle: vscode.l10n.t('Confusion matrix'),
    trueClass: vscode.l10n.t('true class'),
    predictedClass: vscode.l10n.t('predicted class'),
    onValidation: vscode.l10n.t('on the validation data'),
    onTraining: vscode.l10n.t('on the training data'),
  };
}

export function sidebarStrings(): SidebarStrings {
  return {
    intro: vscode.l10n.t(
      'Parameters (weights and biases) are learned by the model during training. Hyperparameters are chosen before training: these are the ones HyperLab lets you tune.',
    ),
    openPanel: vscode.l10n.t('Open Training Panel'),
    kerasDefault: vscode.l10n.t('Keras default'),
    noDefault: vscode.l10n.t('you choose'),
  };
}

/** The lecture's hyperparameter groups with translated labels (keys are the English labels). */
export function sidebarGroups(): SidebarGroup[] {
  return HYPERPARAM_GROUPS.map((group) => ({
    id: group.id,
    label: vscode.l10n.t(group.label),
    items: group.items.map((item) => ({ ...item, label: vscode.l10n.t(item.label) })),
  }));
}
