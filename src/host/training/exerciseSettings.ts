/**
 * A lecture exercise (media/exercises/*.experiment.json, TensorFlow Playground settings) as the sidebar's
 * settings, so "Load this exercise" puts it into the sidebar and "now try 3 neurons" is one change away:
 * the hidden layers, optimizer, epochs and batch size through Load from Code's mapping, plus Playground's
 * data (dataset and its problem type, noise, training ratio, features) and the seed. Everything else
 * starts from the sidebar's defaults, so nothing of an earlier session leaks into the exercise. Pure (no
 * 'vscode'); an exercise the sidebar cannot hold exactly is an error naming what does not fit.
 */
import { settingsFromExperiment } from '../sidebar/settingsFromExperiment';
import { type HyperparamSettings, PROBLEM_OF_DATASET, type DatasetName } from '../../shared/hyperparams';
import { defaultSettings, validateSettings } from '../../shared/hyperparamSettings';

type Obj = Readonly<Record<string, unknown>>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});

/** The context key an exercise's walkthrough step completes on (package.json: onContext:hyperlab.exercise<N>Done for 0N-...). */
export const exerciseDoneKey = (id: string): string => `hyperlab.exercise${Number.parseInt(id, 10)}Done`;

export function settingsOfExercise(experiment: unknown): HyperparamSettings {
  const { settings, skipped } = settingsFromExperiment(defaultSettings(), experiment);
  const e = obj(experiment), data = obj(e.data);
  const dataset = data.dataset as DatasetName;
  const next: Record<string, unknown> = {
    ...settings,
    dataset, problem_type: PROBLEM_OF_DATASET[dataset],
    ...(data.noise !== undefined ? { noise: data.noise } : {}),
    ...(data.train_ratio !== undefined ? { train_ratio: data.train_ratio } : {}),
    ...(data.features !== undefined ? { features: data.features } : {}),
    ...(e.seed !== undefined ? { seed: e.seed } : {}),
  };
  const problems = [...skipped, ...validateSettings(next).map((p) => `${p.path}: ${p.allowed}`)];
  if (problems.length > 0) throw new Error(`the exercise does not fit the sidebar: ${problems.join('; ')}`);
  return next as unknown as HyperparamSettings;
}
