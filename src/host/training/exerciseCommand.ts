/**
 * "HyperLab: Train a Lecture Exercise": the lecture's TensorFlow Playground exercises as experiments
 * shipped in media/exercises (circle with one hidden layer, more neurons, a new dataset, xor, the spiral
 * with feature transforms, "the most complex model" and "a simpler and interesting one"). The walkthrough
 * links to it with an exercise id; from the palette it offers a pick.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TrainingService } from './trainingService';

export interface Exercise {
  readonly id: string;
  readonly title: string;
  readonly detail: string;
}

export function exercises(): Exercise[] {
  const t = vscode.l10n.t;
  return [
    { id: '01-circle-one-hidden-layer', title: t('Circle with one hidden layer of 2 neurons'), detail: t('ReLU, learning rate 0.03: can two neurons separate a ring from its centre?') },
    { id: '02-circle-more-neurons', title: t('Circle with more neurons in the hidden layer'), detail: t('4 neurons: more neurons, more dimensions to represent the data.') },
    { id: '03-gauss-new-dataset', title: t('A new dataset: two Gaussian clusters'), detail: t('The same network on an easier, linearly separable problem.') },
    { id: '04-xor-more-neurons', title: t('XOR with 8 neurons'), detail: t('A problem no single line separates.') },
    { id: '05-spiral-feature-transforms', title: t('Spiral with feature transforms'), detail: t('x1², x2², x1·x2, sin(x1), sin(x2) as extra inputs.') },
    { id: '06-spiral-most-complex', title: t('The most complex model for the spiral'), detail: t('6 hidden layers of 8 ReLU units: more capacity, harder to train.') },
    { id: '07-spiral-simpler-and-interesting', title: t('A simpler and interesting model for the spiral'), detail: t('2 small tanh layers on sin features.') },
  ];
}

export async function trainExercise(service: TrainingService, extensionRoot: string, idArg: unknown): Promise<void> {
  const all = exercises();
  let exercise = typeof idArg === 'string' ? all.find((e) => e.id === idArg) : undefined;
  if (!exercise) {
    const picked = await vscode.window.showQuickPick(all.map((e) => ({ label: e.title, detail: e.detail, exercise: e })), { placeHolder: vscode.l10n.t('Which exercise of the lecture?') });
    exercise = picked?.exercise;
  }
  if (!exercise) return;
  const folder = path.join(extensionRoot, 'media', 'exercises');
  const uri = vscode.Uri.file(path.join(folder, `${exercise.id}.experiment.json`));
  const experiment = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as unknown;
  await service.start({ label: exercise.title, experiment, baseDir: folder, source: { kind: 'walkthrough', file: uri.fsPath } });
}
