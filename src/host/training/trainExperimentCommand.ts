/**
 * "HyperLab: Train Experiment File": trains an experiment file (JSON in Keras spelling, the format of
 * `hyperlab train`) in the training worker, with the live panel. It takes the file from the command's
 * argument (explorer or editor context), the active editor, or a file picker.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TrainingService } from './trainingService';

async function pickFile(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  const active = vscode.window.activeTextEditor?.document;
  if (active && active.uri.path.endsWith('.json')) return active.uri;
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [vscode.l10n.t('Experiment files')]: ['json'] }, openLabel: vscode.l10n.t('Train') });
  return picked?.[0];
}

export async function trainExperimentFile(service: TrainingService, arg: unknown): Promise<void> {
  const uri = await pickFile(arg);
  if (!uri) return;
  // Unsaved edits in an open editor are what the user sees: train those.
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  let experiment: unknown;
  try {
    experiment = JSON.parse(text);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} is not valid JSON: {1}', path.basename(uri.fsPath), e instanceof Error ? e.message : String(e)));
    return;
  }
  await service.start({ label: path.basename(uri.fsPath), experiment, baseDir: path.dirname(uri.fsPath), source: { kind: 'experiment', file: uri.fsPath } });
}
