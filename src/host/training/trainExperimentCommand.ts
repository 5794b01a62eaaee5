/**
 * "HyperLab: Train Experiment File": trains an experiment file (JSON in Keras spelling, the format of
 * `hyperlab train`) in the training worker, with the live panel. It takes the file from the command's
 * argument (explorer or editor context), the active editor, or a file picker. Off in Restricted Mode
 * (workspaceTrust.ts); in a virtual workspace only experiments that name no data file can train.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { echo, echoPath } from '../../shared/echo';
import type { WorkspaceTrustGate } from '../workspaceTrust';
import type { TrainingService } from './trainingService';

async function pickFile(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  const active = vscode.window.activeTextEditor?.document;
  if (active && active.uri.path.endsWith('.json')) return active.uri;
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [vscode.l10n.t('Experiment files')]: ['json'] }, openLabel: vscode.l10n.t('Train') });
  return picked?.[0];
}

export async function trainExperimentFile(service: TrainingService, trust: WorkspaceTrustGate, arg: unknown): Promise<void> {
  if (!trust.allows('trainExperiment')) return;
  const uri = await pickFile(arg);
  if (!uri) return;
  // Unsaved edits in an open editor are what the user sees: train those.
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  let experiment: unknown;
  try {
    experiment = JSON.parse(text);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} is not valid JSON: {1}', echoPath(path.basename(uri.fsPath)), echo(e instanceof Error ? e.message : String(e), 200)));
    return;
  }
  if (uri.scheme !== 'file' && namesDataFiles(experiment)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('HyperLab cannot train {0}: it names data files, which HyperLab reads from this computer\'s disk, and it is in a virtual workspace ({1}). Clone the folder to train it.', path.basename(uri.path), uri.scheme));
    return;
  }
  await service.start({ label: path.basename(uri.fsPath), experiment, baseDir: path.dirname(uri.fsPath), source: { kind: 'experiment', file: uri.fsPath } });
}

/** Whether the experiment's data is a file (a CSV, an MNIST folder) rather than generated or inline. */
function namesDataFiles(experiment: unknown): boolean {
  const data = typeof experiment === 'object' && experiment !== null ? (experiment as { data?: unknown }).data : undefined;
  return typeof data === 'object' && data !== null && ('csv' in data || 'path' in data);
}
