/**
 * The sidebar's settings as an experiment (the JSON format of `*.experiment.json` and `hyperlab train`,
 * in Keras spelling), which TrainingService runs. The hidden layers come from the sidebar; the output
 * layer and the loss follow Playground's problem type; initializers and the L1/L2 penalty apply to
 * every Dense layer. Pure (no 'vscode'), so unit tests round-trip it through the engine's loadExperiment.
 * It expects valid settings (validateSettings): it does not check them again.
 */
import { type HyperparamSettings, type InitializerName, OPTIMIZER_ARGS, PROBLEM_OF_DATASET } from '../../shared/hyperparams';
import { OUTPUT_OF_PROBLEM } from '../../shared/hyperparamSettings';

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

export interface SidebarExperiment {
  readonly seed: number;
  readonly model: { readonly input_shape: readonly [number]; readonly layers: readonly Json[] };
  readonly compile: { readonly optimizer: { readonly [key: string]: Json }; readonly loss: string; readonly metrics: readonly string[] };
  readonly fit: { readonly epochs: number; readonly batch_size: number; readonly shuffle: true; readonly callbacks?: readonly Json[] };
  readonly data: { readonly dataset: string; readonly noise: number; readonly train_ratio: number; readonly features: readonly string[] };
}

/** Keras' Constant(value) for 'constant'; any other initializer by its name. */
function initializer(name: InitializerName, constant: number): Json {
  return name === 'constant' ? { class_name: 'Constant', value: constant } : name;
}

function dense(s: HyperparamSettings, units: number, activation: string): Json {
  const layer: Record<string, Json> = {
    class_name: 'Dense', units, activation,
    kernel_initializer: initializer(s.kernel_initializer, s.kernel_constant),
    bias_initializer: initializer(s.bias_initializer, s.bias_constant),
  };
  if (s.regularizer === 'L1') layer.kernel_regularizer = { class_name: 'L1', l1: s.regularization_rate };
  if (s.regularizer === 'L2') layer.kernel_regularizer = { class_name: 'L2', l2: s.regularization_rate };
  return layer;
}

export function experimentFromSettings(s: HyperparamSettings): SidebarExperiment {
  const output = OUTPUT_OF_PROBLEM[PROBLEM_OF_DATASET[s.dataset]];
  const hidden = s.layers.map((l): Json => (l.type === 'Dense' ? dense(s, l.units, l.activation) : { class_name: 'Dropout', rate: l.rate }));
  const optimizer: Record<string, Json> = { class_name: s.optimizer, learning_rate: s.learning_rate };
  for (const arg of OPTIMIZER_ARGS[s.optimizer]) optimizer[arg] = s[arg];
  const callbacks: Json[] = s.early_stopping
    ? [{ class_name: 'EarlyStopping', monitor: 'val_loss', patience: s.patience, min_delta: s.min_delta, restore_best_weights: s.restore_best_weights }]
    : [];
  return {
    seed: s.seed,
    model: { input_shape: [s.features.length], layers: [...hidden, dense(s, 1, output.activation)] },
    compile: { optimizer, loss: output.loss, metrics: output.metrics },
    fit: { epochs: s.epochs, batch_size: s.batch_size, shuffle: true, ...(callbacks.length ? { callbacks } : {}) },
    data: { dataset: s.dataset, noise: s.noise, train_ratio: s.train_ratio, features: s.features },
  };
}
