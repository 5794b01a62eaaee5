/**
 * The lecture's four families of hyperparameters (architecture, optimization, regularization,
 * initialization) and, for each, the Keras 3 argument that sets it and its Keras default.
 * This is what the sidebar shows today; the tuning issue grows it into the one schema that drives
 * controls, validation and storage. It holds data only: no 'vscode', no DOM, no Node.
 */

export type HyperparamGroupId = 'architecture' | 'optimization' | 'regularization' | 'initialization';

export interface HyperparamInfo {
  /** Stable id, also the l10n key suffix. */
  readonly id: string;
  /** English label; the host translates it with vscode.l10n.t. */
  readonly label: string;
  /** Where Keras takes it, in Keras spelling: `Dense(units=...)`, `fit(epochs=...)`. */
  readonly keras: string;
  /** The Keras 3 default, as Keras prints it; null where Keras has none (the user must choose). */
  readonly kerasDefault: string | null;
}

export interface HyperparamGroup {
  readonly id: HyperparamGroupId;
  readonly label: string;
  readonly items: readonly HyperparamInfo[];
}

// Defaults, with their Keras 3 source (keras/src/...):
//   Dense: activation=None (linear), kernel_initializer="glorot_uniform", bias_initializer="zeros"  (layers/core/dense.py)
//   Model.compile: optimizer="rmsprop" (trainers/trainer.py); RMSprop learning_rate=0.001 (optimizers/rmsprop.py)
//   Model.fit: epochs=1, batch_size=None -> 32 (trainers/trainer.py)
//   regularizers.L1 / L2: factor 0.01 (regularizers/regularizers.py)
//   EarlyStopping: patience=0 (callbacks/early_stopping.py)
export const HYPERPARAM_GROUPS: readonly HyperparamGroup[] = [
  {
    id: 'architecture',
    label: 'Model architecture',
    items: [
      { id: 'layers', label: 'Number of layers', keras: 'Sequential([...])', kerasDefault: null },
      { id: 'units', label: 'Neurons per layer', keras: 'Dense(units)', kerasDefault: null },
      { id: 'layerType', label: 'Layer type', keras: 'layers.Dense, layers.Dropout, ...', kerasDefault: null },
      { id: 'activation', label: 'Activation function', keras: 'Dense(activation=)', kerasDefault: 'linear' },
    ],
  },
  {
    id: 'optimization',
    label: 'Optimization',
    items: [
      { id: 'epochs', label: 'Number of epochs', keras: 'fit(epochs=)', kerasDefault: '1' },
      { id: 'optimizer', label: 'Optimization method', keras: 'compile(optimizer=)', kerasDefault: 'rmsprop' },
      { id: 'learningRate', label: 'Learning rate', keras: 'RMSprop(learning_rate=)', kerasDefault: '0.001' },
      { id: 'batchSize', label: 'Batch size', keras: 'fit(batch_size=)', kerasDefault: '32' },
    ],
  },
  {
    id: 'regularization',
    label: 'Regularization',
    items: [
      { id: 'dropout', label: 'Dropout rate', keras: 'Dropout(rate)', kerasDefault: null },
      { id: 'l1l2', label: 'L1/L2 factor', keras: 'regularizers.L2(l2=)', kerasDefault: '0.01' },
      { id: 'earlyStopping', label: 'Early stopping patience', keras: 'EarlyStopping(patience=)', kerasDefault: '0' },
    ],
  },
  {
    id: 'initialization',
    label: 'Initialization',
    items: [
      { id: 'kernelInitializer', label: 'Weight initialization', keras: 'Dense(kernel_initializer=)', kerasDefault: 'glorot_uniform' },
      { id: 'biasInitializer', label: 'Bias initialization', keras: 'Dense(bias_initializer=)', kerasDefault: 'zeros' },
    ],
  },
];
