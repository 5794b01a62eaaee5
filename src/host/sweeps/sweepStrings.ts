/**
 * The sweep view's localized strings, built in the host with vscode.l10n (webviews cannot call it) and
 * sent in the snapshot. English is the key; l10n/bundle.l10n.es.json holds the Spanish.
 */
import * as vscode from 'vscode';
import type { SweepStrings } from '../../shared/protocol/sweepProtocol';

export function sweepStrings(): SweepStrings {
  return {
    title: vscode.l10n.t('HyperLab Sweep'),
    emptyState: vscode.l10n.t('No sweep yet. Run a *.sweep.json (HyperLab: Run Sweep) or start one from the sidebar (Sweep…): its trials appear here as they train.'),
    pause: vscode.l10n.t('Pause'),
    resume: vscode.l10n.t('Resume'),
    cancel: vscode.l10n.t('Cancel sweep'),
    refresh: vscode.l10n.t('Read the journal again'),
    openFile: vscode.l10n.t('Open sweep file'),
    exportScript: vscode.l10n.t('Export as Optuna script'),
    tableTitle: vscode.l10n.t('Trials'),
    trial: vscode.l10n.t('Trial'),
    state: vscode.l10n.t('State'),
    value: vscode.l10n.t('Value'),
    bestValue: vscode.l10n.t('Best epoch value'),
    epochs: vscode.l10n.t('Epochs'),
    filter: vscode.l10n.t('Show'),
    filterAll: vscode.l10n.t('All trials'),
    filterComplete: vscode.l10n.t('Complete'),
    filterPruned: vscode.l10n.t('Pruned'),
    filterFailed: vscode.l10n.t('Failed'),
    filterRunning: vscode.l10n.t('Running'),
    filterBest: vscode.l10n.t('Best 10'),
    stateRunning: vscode.l10n.t('running'),
    stateComplete: vscode.l10n.t('complete'),
    statePruned: vscode.l10n.t('pruned'),
    stateFail: vscode.l10n.t('failed'),
    stateWaiting: vscode.l10n.t('waiting'),
    sortBy: vscode.l10n.t('Sort by {0}'),
    showCurves: vscode.l10n.t('Show the curves of the selected trials in the training panel'),
    compareSelected: vscode.l10n.t('Compare selected'),
    selectTrial: vscode.l10n.t('Select trial {0}'),
    noRun: vscode.l10n.t('Another process (Python Optuna) ran this trial: HyperLab has no run of it to show.'),
    otherWriter: vscode.l10n.t('added by another process'),
    reason: vscode.l10n.t('Why it failed'),
    pcpTitle: vscode.l10n.t('Parallel coordinates: parameters → {0}'),
    pcpHelp: vscode.l10n.t('One line per complete trial, coloured from the worst value to the best (the colour bar on the objective axis). Click a line, or focus the chart and use the arrow keys and Enter, to see a trial\'s curves.'),
    objective: vscode.l10n.t('Objective'),
    sliceTitle: vscode.l10n.t('Slice plots: {0} against each parameter'),
    importanceTitle: vscode.l10n.t('Hyperparameter importance (fANOVA, as Optuna 3.x–4.x computes it by default)'),
    importanceHelp: vscode.l10n.t('Each parameter\'s share of the variance of {0} that a random forest of 64 trees explains, from {1} complete trials.'),
    importanceWaiting: vscode.l10n.t('Computing importance…'),
    importanceShare: vscode.l10n.t('{0}: {1} of the explained variance'),
    shownCount: vscode.l10n.t('{0} of {1} trials shown'),
  };
}
