/**
 * "HyperLab: Train Model": trains the Keras model at the cursor with HyperLab's engine. The model,
 * compile(...) and fit(...) come from the code; the data, when the code does not say, from a quick pick
 * of the datasets that fit the model's input (Playground's for 2 inputs, MNIST for 784, a CSV file of
 * the workspace), remembered per model.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { echo } from '../../shared/echo';
import { experimentFromModel } from '../../keras/toExperiment';
import type { HyperparamSettings } from '../../shared/hyperparams';
import { targetValuesOf } from '../sidebar/applyTarget';
import type { TrainingService } from '../training/trainingService';
import type { SidebarHandle } from '../tuningViewProvider';
import type { DocumentAnalyses } from './documentAnalyses';
import { modelAtCursor } from './modelAtCursor';
import { renderMessage } from '../../keras/message';

const PLAYGROUND = ['circle', 'xor', 'gauss', 'spiral', 'plane', 'multi_gaussian'] as const;

interface DataChoice extends vscode.QuickPickItem {
  readonly data: Record<string, unknown> | 'csv';
}

function choices(inputSize: number | null, outputSize: number | null): DataChoice[] {
  const out: DataChoice[] = [];
  if (inputSize === 2) {
    for (const name of PLAYGROUND) {
      const regression = name === 'plane' || name === 'multi_gaussian';
      if (regression && outputSize !== 1) continue;
      out.push({ label: `Playground: ${name}`, description: regression ? vscode.l10n.t('regression') : vscode.l10n.t('binary classification'), data: { dataset: name, noise: 0.1 } });
    }
  }
  if (inputSize === 784) out.push({ label: 'MNIST', description: vscode.l10n.t('handwritten digits, 28×28 = 784 inputs, 10 classes'), data: { dataset: 'mnist' } });
  out.push({ label: vscode.l10n.t('A CSV file of the workspace...'), description: vscode.l10n.t('numeric features and a target column'), data: 'csv' });
  return out;
}

function isDataSpec(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && ('dataset' in v || 'csv' in v || 'x' in v);
}

async function pickCsv(baseDir: string): Promise<Record<string, unknown> | undefined> {
  const files = await vscode.workspace.findFiles('**/*.csv', '**/node_modules/**', 200);
  const file = await vscode.window.showQuickPick(files.map((f) => ({ label: vscode.workspace.asRelativePath(f), uri: f })), { placeHolder: vscode.l10n.t('Which CSV file?') });
  if (!file) return undefined;
  const header = new TextDecoder().decode(await vscode.workspace.fs.readFile(file.uri)).split(/\r?\n/, 1)[0] ?? '';
  const columns = header.split(',').map((c) => c.trim().replace(/^"|"$/g, '')).filter(Boolean);
  const target = await vscode.window.showQuickPick(columns, { placeHolder: vscode.l10n.t('Which column is the target?') });
  if (!target) return undefined;
  return { csv: path.relative(baseDir, file.uri.fsPath), target, standardize: true };
}

/**
 * `dataArg` (an experiment `data` entry) skips the data pick: the CodeLens does not pass it, other commands
 * (the sidebar, tests) may.
 */
/**
 * The code's hyperparameters win; what the code leaves to Keras' defaults (fit's epochs and batch_size,
 * compile's optimizer, callbacks) comes from the sidebar, so its controls tune a model from code too.
 */
function mergeSidebar(experiment: Record<string, unknown>, s: HyperparamSettings | null): Record<string, unknown> {
  if (!s) return experiment;
  const fit = { ...(experiment.fit as Record<string, unknown>) };
  const compile = { ...(experiment.compile as Record<string, unknown>) };
  fit.epochs ??= s.epochs;
  fit.batch_size ??= s.batch_size;
  compile.optimizer ??= targetValuesOf(s).optimizer;
  if (fit.callbacks === undefined && s.early_stopping) {
    fit.callbacks = [{ class_name: 'EarlyStopping', monitor: 'val_loss', patience: s.patience, min_delta: s.min_delta, restore_best_weights: s.restore_best_weights }];
  }
  return { ...experiment, fit, compile };
}

export async function trainModel(analyses: DocumentAnalyses, training: TrainingService, memory: vscode.Memento, uriArg: unknown, indexArg: unknown, dataArg?: unknown, sidebar?: SidebarHandle): Promise<void> {
  const target = await modelAtCursor(analyses, uriArg, indexArg);
  if (!target) return;
  const draft = experimentFromModel(target.model);
  if (!draft.experiment) {
    void vscode.window.showErrorMessage(vscode.l10n.t('HyperLab cannot train {0}: {1}', echo(target.model.graph.name), draft.blockers.map((b) => renderMessage(b, vscode.l10n.t)).join('; ')));
    return;
  }
  const baseDir = path.dirname(target.document.uri.fsPath);
  const key = `hyperlab.data:${target.document.uri.toString()}#${target.model.graph.name}`;
  let data = isDataSpec(dataArg) ? dataArg : memory.get<Record<string, unknown>>(key);
  if (!data) {
    const picked = await vscode.window.showQuickPick(choices(draft.inputSize, draft.outputSize), {
      placeHolder: vscode.l10n.t('Train {0} on which data? ({1} inputs per sample)', echo(target.model.graph.name), draft.inputSize ?? '?'),
    });
    if (!picked) return;
    data = picked.data === 'csv' ? await pickCsv(baseDir) : picked.data;
    if (!data) return;
    await memory.update(key, data);
  }
  const label = `${target.model.graph.name} (${path.basename(target.document.uri.fsPath)})`;
  await training.start({
    label, experiment: { ...mergeSidebar(draft.experiment, sidebar?.settings() ?? null), data }, baseDir,
    source: { kind: 'code', file: target.document.uri.fsPath, model: target.model.graph.name, line: target.model.graph.span.line },
  });
}
