/**
 * The lecture's TensorFlow Playground exercises (circle with one hidden layer, more neurons, a new
 * dataset, xor, the spiral with feature transforms, "the most complex model" and "a simpler and
 * interesting one"), shipped as experiments in media/exercises. Two commands, each with an exercise id
 * (the walkthrough's links) or a pick from the palette: "Load a Lecture Exercise into the Sidebar" puts
 * its settings into the sidebar and shows it, so the next experiment is one change away; "Train a Lecture
 * Exercise" trains it (labelled with its title) and loads it into the sidebar too. Either completes the
 * exercise's walkthrough step: each step waits for its own context key, hyperlab.exercise<N>Done.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SidebarHandle } from '../tuningViewProvider';
import { exerciseDoneKey, settingsOfExercise } from './exerciseSettings';
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

async function chooseExercise(idArg: unknown, placeHolder: string): Promise<Exercise | undefined> {
  const all = exercises();
  const given = typeof idArg === 'string' ? all.find((e) => e.id === idArg) : undefined;
  if (given) return given;
  const picked = await vscode.window.showQuickPick(all.map((e) => ({ label: e.title, detail: e.detail, exercise: e })), { placeHolder });
  return picked?.exercise;
}

async function readExercise(extensionRoot: string, exercise: Exercise): Promise<{ experiment: unknown; folder: string }> {
  const folder = path.join(extensionRoot, 'media', 'exercises');
  const uri = vscode.Uri.file(path.join(folder, `${exercise.id}.experiment.json`));
  return { experiment: JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as unknown, folder };
}

async function intoSidebar(sidebar: SidebarHandle, exercise: Exercise, experiment: unknown): Promise<void> {
  const problems = await sidebar.load(settingsOfExercise(experiment));
  if (problems.length > 0) throw new Error(`exercise ${exercise.id}: ${problems.map((p) => p.path).join(', ')}`);
  await vscode.commands.executeCommand('setContext', exerciseDoneKey(exercise.id), true);
}

export async function loadExercise(sidebar: SidebarHandle, extensionRoot: string, idArg: unknown): Promise<void> {
  const exercise = await chooseExercise(idArg, vscode.l10n.t('Which exercise of the lecture goes into the sidebar?'));
  if (!exercise) return;
  const { experiment } = await readExercise(extensionRoot, exercise);
  await intoSidebar(sidebar, exercise, experiment);
  await vscode.commands.executeCommand('hyperlab.tuning.focus');
  void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" is in the sidebar: change one thing (say, the neurons of the first hidden layer) and Train.', exercise.title));
}

export async function trainExercise(service: TrainingService, sidebar: SidebarHandle, extensionRoot: string, idArg: unknown): Promise<void> {
  const exercise = await chooseExercise(idArg, vscode.l10n.t('Which exercise of the lecture?'));
  if (!exercise) return;
  const { experiment, folder } = await readExercise(extensionRoot, exercise);
  const file = path.join(folder, `${exercise.id}.experiment.json`);
  if (!(await service.start({ label: exercise.title, experiment, baseDir: folder, source: { kind: 'walkthrough', file } }))) return;
  await intoSidebar(sidebar, exercise, experiment);
}
