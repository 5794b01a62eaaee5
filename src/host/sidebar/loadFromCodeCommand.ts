/**
 * "HyperLab: Load Hyperparameters from Code": the model at the cursor's hidden layers, optimizer, epochs,
 * batch size, EarlyStopping, initializers and penalty into the sidebar, which shows them at once (the
 * sidebar's controller pushes them to its view); what does not fit the sidebar is named.
 */
import * as vscode from 'vscode';
import { echo } from '../../shared/echo';
import { experimentFromModel } from '../../keras/toExperiment';
import type { DocumentAnalyses } from '../language/documentAnalyses';
import { modelAtCursor } from '../language/modelAtCursor';
import type { SidebarHandle } from '../tuningViewProvider';
import { settingsFromExperiment } from './settingsFromExperiment';

export async function loadFromCode(analyses: DocumentAnalyses, sidebar: SidebarHandle, uriArg: unknown, indexArg: unknown): Promise<void> {
  const target = await modelAtCursor(analyses, uriArg, indexArg);
  if (!target) return;
  const { settings, skipped } = settingsFromExperiment(sidebar.settings(), experimentFromModel(target.model).partial);
  await sidebar.load(settings);
  await vscode.commands.executeCommand('hyperlab.tuning.focus');
  const name = target.model.graph.name;
  void vscode.window.showInformationMessage(skipped.length === 0
    ? vscode.l10n.t('Loaded the hyperparameters of {0} into the sidebar.', echo(name))
    : vscode.l10n.t('Loaded the hyperparameters of {0} into the sidebar; not taken: {1}.', echo(name), skipped.join('; ')));
}
