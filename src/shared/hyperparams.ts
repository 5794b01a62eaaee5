/**
 * The one schema of the lecture's hyperparameters: for each, its group, type, range or options, the
 * Keras argument that sets it, Keras 3's default and the value the sidebar starts from, and an English
 * label and tooltip taken from the lecture (Spanish comes from l10n/bundle.l10n.es.json). The sidebar
 * builds its controls from it; validation, restore of stored settings and the live numbers that follow
 * from it are in hyperparamSettings.ts, and the settings → experiment conversion in
 * src/host/sidebar/experimentFromSettings.ts. Defaults are written here, with their Keras source,
 * because the webview needs them and may not import the engine; test/unit/hyperparams.test.ts checks
 * them against the engine's registries. Data only: no 'vscode', no DOM, no Node.
 */

export const GROUP_IDS = ['architecture', 'optimization', 'regularization', 'initialization', 'data'] as const;
export type GroupId = (typeof GROUP_IDS)[number];
export const GROUP_LABELS: { readonly [G in GroupId]: string } = {
  architecture: 'Model architecture', optimization: 'Optimization', regularization: 'Regularization', initialization: 'Initialization', data: 'Data',
};

export const LAYER_TYPES = ['Dense', 'Dropout'] as const;
/** The engine's activations (src/engine/activations/activationRegistry.ts ACTIVATION_NAMES). */
export const ACTIVATIONS = ['relu', 'linear', 'sigmoid', 'tanh', 'softmax', 'leaky_relu', 'elu', 'selu', 'gelu', 'silu', 'swish', 'softplus'] as const;
export const OPTIMIZERS = ['SGD', 'RMSprop', 'Adam', 'AdamW', 'Adagrad', 'Nadam'] as const;
export const REGULARIZERS = ['none', 'L1', 'L2'] as const;
/** The engine's initializers (src/engine/initializers/initializerRegistry.ts INITIALIZER_NAMES). */
export const INITIALIZERS = ['glorot_uniform', 'glorot_normal', 'he_uniform', 'he_normal', 'lecun_uniform', 'lecun_normal', 'random_uniform', 'random_normal', 'truncated_normal', 'variance_scaling', 'zeros', 'ones', 'constant'] as const;
export const PROBLEM_TYPES = ['classification', 'regression'] as const;
export const DATASETS = ['circle', 'xor', 'gauss', 'spiral', 'plane', 'multi_gaussian'] as const;
/** Playground's inputs under the engine's names (src/engine/datasets/playground.ts PLAYGROUND_FEATURES). */
export const FEATURES = ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)'] as const;

export type LayerType = (typeof LAYER_TYPES)[number];
export type ActivationName = (typeof ACTIVATIONS)[number];
export type OptimizerName = (typeof OPTIMIZERS)[number];
export type RegularizerName = (typeof REGULARIZERS)[number];
export type InitializerName = (typeof INITIALIZERS)[number];
export type ProblemType = (typeof PROBLEM_TYPES)[number];
export type DatasetName = (typeof DATASETS)[number];
export type FeatureName = (typeof FEATURES)[number];

/** Playground: plane and multi_gaussian are its regression datasets, the others classification (PLAYGROUND.md §4). */
export const PROBLEM_OF_DATASET: { readonly [D in DatasetName]: ProblemType } = {
  circle: 'classification', xor: 'classification', gauss: 'classification', spiral: 'classification', plane: 'regression', multi_gaussian: 'regression',
};
/** Playground's NUM_SAMPLES_CLASSIFY and NUM_SAMPLES_REGRESS (src/playground.ts), the engine's defaults. */
export const PLAYGROUND_SAMPLES: { readonly [P in ProblemType]: number } = { classification: 500, regression: 1200 };
/** Playground's +/− limits for hidden layers (neurons: 1..8, which HyperLab widens to 64). */
export const MAX_HIDDEN_LAYERS = 6;
export const LEARNING_RATE_PRESETS: readonly number[] = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
export const REGULARIZATION_RATE_PRESETS: readonly number[] = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
/** Keras' learning_rate default of each optimizer (keras/src/optimizers/sgd.py 0.01; the others 0.001). */
export const KERAS_LEARNING_RATES: { readonly [O in OptimizerName]: number } = { SGD: 0.01, RMSprop: 0.001, Adam: 0.001, AdamW: 0.001, Adagrad: 0.001, Nadam: 0.001 };

export interface LayerSettings {
  readonly type: LayerType;
  /** Dense only (kept while the layer is a Dropout, so switching back restores it). */
  readonly units: number;
  readonly activation: ActivationName;
  /** Dropout only. */
  readonly rate: number;
}

/** Every sidebar setting; keys in Keras spelling where Keras has the argument. */
export interface HyperparamSettings {
  readonly layers: readonly LayerSettings[];
  readonly epochs: number;
  readonly optimizer: OptimizerName;
  readonly learning_rate: number;
  readonly momentum: number;
  readonly nesterov: boolean;
  readonly rho: number;
  readonly centered: boolean;
  readonly beta_1: number;
  readonly beta_2: number;
  readonly epsilon: number;
  readonly amsgrad: boolean;
  readonly weight_decay: number;
  readonly initial_accumulator_value: number;
  readonly batch_size: number;
  readonly regularizer: RegularizerName;
  readonly regularization_rate: number;
  readonly early_stopping: boolean;
  readonly patience: number;
  readonly min_delta: number;
  readonly restore_best_weights: boolean;
  readonly kernel_initializer: InitializerName;
  readonly kernel_constant: number;
  readonly bias_initializer: InitializerName;
  readonly bias_constant: number;
  readonly problem_type: ProblemType;
  readonly dataset: DatasetName;
  readonly noise: number;
  readonly train_ratio: number;
  readonly features: readonly FeatureName[];
  readonly seed: number;
}

export type ScalarKey = Exclude<keyof HyperparamSettings, 'layers'>;
export type OptimizerArgKey = 'momentum' | 'nesterov' | 'rho' | 'centered' | 'beta_1' | 'beta_2' | 'epsilon' | 'amsgrad' | 'weight_decay' | 'initial_accumulator_value';

/** The arguments of each optimizer the sidebar offers (all of Keras' but the clippings and EMA). */
export const OPTIMIZER_ARGS: { readonly [O in OptimizerName]: readonly OptimizerArgKey[] } = {
  SGD: ['momentum', 'nesterov'],
  RMSprop: ['rho', 'momentum', 'epsilon', 'centered'],
  Adam: ['beta_1', 'beta_2', 'epsilon', 'amsgrad'],
  AdamW: ['weight_decay', 'beta_1', 'beta_2', 'epsilon', 'amsgrad'],
  Adagrad: ['initial_accumulator_value', 'epsilon'],
  Nadam: ['beta_1', 'beta_2', 'epsilon'],
};

interface Described {
  readonly group: GroupId;
  readonly label: string;
  readonly tooltip: string;
  /** Where Keras takes it, in Keras spelling. */
  readonly keras: string;
}
export interface NumberField extends Described {
  readonly kind: 'number';
  readonly integer: boolean;
  readonly min: number;
  readonly max: number;
  /** Open ends of the interval: (min, …] or […, max). */
  readonly minOpen?: boolean;
  readonly maxOpen?: boolean;
  /** Suggested values (Playground's), beside free entry. */
  readonly presets?: readonly number[];
  readonly default: number;
  /** Keras 3's default; null where Keras has none (a required argument). */
  readonly kerasDefault: number | null;
}
export interface ChoiceField<T extends string = string> extends Described {
  readonly kind: 'choice';
  readonly options: readonly T[];
  /** English display names where the value is not already a Keras name. */
  readonly optionLabels?: { readonly [V in T]?: string };
  readonly default: T;
  readonly kerasDefault: T | null;
}
export interface BooleanField extends Described {
  readonly kind: 'boolean';
  readonly default: boolean;
  readonly kerasDefault: boolean | null;
}
export interface SetField extends Described {
  readonly kind: 'set';
  readonly options: readonly FeatureName[];
  readonly default: readonly FeatureName[];
  readonly kerasDefault: null;
}
export type Field = NumberField | ChoiceField | BooleanField | SetField;
type FieldFor<V> = [V] extends [number] ? NumberField : [V] extends [boolean] ? BooleanField : [V] extends [string] ? ChoiceField<V> : SetField;

const num = (group: GroupId, label: string, keras: string, range: Omit<NumberField, 'kind' | 'group' | 'label' | 'keras' | 'tooltip'>, tooltip: string): NumberField =>
  ({ kind: 'number', group, label, keras, tooltip, ...range });
const bool = (group: GroupId, label: string, keras: string, kerasDefault: boolean | null, tooltip: string): BooleanField =>
  ({ kind: 'boolean', group, label, keras, tooltip, default: kerasDefault ?? false, kerasDefault });
const choice = <T extends string>(group: GroupId, label: string, keras: string, options: readonly T[], start: T, kerasDefault: T | null, tooltip: string, optionLabels?: { readonly [V in T]?: string }): ChoiceField<T> =>
  ({ kind: 'choice', group, label, keras, tooltip, options, default: start, kerasDefault, ...(optionLabels ? { optionLabels } : {}) });

/** The hidden-layer list itself: 0..MAX_HIDDEN_LAYERS entries; Playground starts with [4, 2] tanh. */
export const LAYERS_FIELD: Described & { readonly default: readonly LayerSettings[] } = {
  group: 'architecture', label: 'Hidden layers', keras: 'Sequential([...])',
  tooltip: 'More layers can represent more complex functions, but take longer to train, suffer more from vanishing gradients and tend to memorize the training set; few hidden layers favour generalization. Playground allows 0 to 6.',
  default: [{ type: 'Dense', units: 4, activation: 'tanh', rate: 0.5 }, { type: 'Dense', units: 2, activation: 'tanh', rate: 0.5 }],
};

/** One hidden layer's controls. A new layer starts as Playground's: Dense with 2 neurons. */
export const LAYER_FIELDS: { readonly [K in keyof LayerSettings]: FieldFor<LayerSettings[K]> } = {
  type: choice('architecture', 'Layer type', 'layers.Dense, layers.Dropout', LAYER_TYPES, 'Dense', null,
    'Dense: every neuron is connected to every output of the previous layer and applies its activation. Dropout: randomly switches off a fraction of the previous layer\'s outputs while training, to regularize the model.'),
  units: num('architecture', 'Neurons', 'Dense(units=)', { integer: true, min: 1, max: 64, default: 2, kerasDefault: null },
    'The number of neurons sets how many dimensions represent the data in this layer; more neurons, like more layers, add capacity and the risk of overfitting. Playground allows 1 to 8; HyperLab allows up to 64.'),
  activation: choice('architecture', 'Activation', 'Dense(activation=)', ACTIVATIONS, 'tanh', 'linear',
    'relu: cheap and does not saturate for positive inputs, but its gradient is 0 for negative ones, so a neuron whose input stays negative dies. tanh: bounded in (-1, 1) and centred at 0, saturates. sigmoid: bounded in (0, 1), saturates (vanishing gradient). linear: f(x) = x, cannot approximate non-linear functions. softmax: probabilities that sum to 1 (multiclass output layers).'),
  rate: num('regularization', 'Dropout rate', 'Dropout(rate=)', { integer: false, min: 0, max: 1, maxOpen: true, default: 0.5, kerasDefault: null },
    'The fraction of the previous layer\'s outputs set to 0 at each training step (the others are scaled by 1/(1 - rate)); nothing is dropped at inference. Typical rates: 0.2–0.5; Dropout(0.5) drops half.'),
};

// Keras 3 sources of the defaults below (keras/src/...): trainers/trainer.py (compile optimizer="rmsprop",
// fit epochs=1, batch_size=None -> 32), optimizers/sgd.py, rmsprop.py, adam.py, adamw.py, adagrad.py,
// nadam.py, regularizers/regularizers.py (L1/L2 factor 0.01), callbacks/early_stopping.py, layers/core/
// dense.py (glorot_uniform, zeros, no regularizer), initializers/constant_initializers.py (value 0.0).
// Where the sidebar starts elsewhere, it starts where Playground does (PLAYGROUND.md §4).
// Tooltips state the typical values of src/shared/typicalValues.ts, and the same facts as the hovers
// (test/unit/teachingFacts.test.ts checks both).
export const FIELDS: { readonly [K in ScalarKey]: FieldFor<HyperparamSettings[K]> } = {
  epochs: num('optimization', 'Epochs', 'fit(epochs=)', { integer: true, min: 1, max: 10_000, default: 100, kerasDefault: 1 },
    'How many times training goes through the whole training set; each epoch updates the parameters to reduce the loss. Too few epochs underfit, too many overfit: early stopping helps find the balance.'),
  optimizer: choice('optimization', 'Optimizer', 'compile(optimizer=)', OPTIMIZERS, 'SGD', 'RMSprop',
    'The algorithm that adjusts the parameters to minimize the loss. SGD: θ ← θ - η∇f. Momentum adds inertia to SGD. RMSprop adapts the step of each parameter. Adam combines momentum and RMSprop.'),
  learning_rate: num('optimization', 'Learning rate', 'SGD(learning_rate=)', { integer: false, min: 0, minOpen: true, max: 10, presets: LEARNING_RATE_PRESETS, default: 0.03, kerasDefault: null },
    'η: how far the parameters move at each step. Too large and the loss oscillates or explodes; too small and training crawls. Typical starts: 0.01–0.1 for SGD, 0.0001–0.001 for Adam, AdamW, Nadam and RMSprop. A change while a sidebar run trains applies at once, as in Playground.'),
  momentum: num('optimization', 'Momentum', 'momentum=', { integer: false, min: 0, max: 1, default: 0, kerasDefault: 0 },
    'γ in v ← γv + η∇f, θ ← θ - v: how much of the previous velocity is kept, between 0 and 1. Higher values give more inertia; 0 is plain SGD and 0.9 the usual choice.'),
  nesterov: bool('optimization', 'Nesterov', 'SGD(nesterov=)', false,
    'Nesterov\'s momentum (Yurii Nesterov, 1983): the gradient is evaluated where the momentum is about to take the parameters, not where they are.'),
  rho: num('optimization', 'rho (ρ)', 'RMSprop(rho=)', { integer: false, min: 0, max: 1, default: 0.9, kerasDefault: 0.9 },
    'Decay of the running average of squared gradients, g ← ρg + (1 - ρ)(∇f)², between 0 and 1: how much of the accumulated history is kept.'),
  centered: bool('optimization', 'Centered', 'RMSprop(centered=)', false,
    'Divides by an estimate of the gradient\'s variance instead of its mean square; sometimes helps, costs a little more.'),
  beta_1: num('optimization', 'beta_1 (β₁)', 'beta_1=', { integer: false, min: 0, max: 1, maxOpen: true, default: 0.9, kerasDefault: 0.9 },
    'Decay of the first moment, the moving average of the gradients: m ← β₁m + (1 - β₁)∇f.'),
  beta_2: num('optimization', 'beta_2 (β₂)', 'beta_2=', { integer: false, min: 0, max: 1, maxOpen: true, default: 0.999, kerasDefault: 0.999 },
    'Decay of the second moment, the moving average of the squared gradients: v ← β₂v + (1 - β₂)(∇f)².'),
  epsilon: num('optimization', 'epsilon (ε)', 'epsilon=', { integer: false, min: 0, minOpen: true, max: 1, default: 1e-7, kerasDefault: 1e-7 },
    'A small constant that keeps the update from dividing by zero. Keras 3 uses 1e-7 (the lecture\'s older Keras wrote 1e-08 for Adam).'),
  amsgrad: bool('optimization', 'AMSGrad', 'amsgrad=', false,
    'Uses the largest second moment seen so far (the AMSGrad variant of Adam), so the step size never grows back.'),
  weight_decay: num('optimization', 'Weight decay', 'AdamW(weight_decay=)', { integer: false, min: 0, max: 1, default: 0.004, kerasDefault: 0.004 },
    'AdamW shrinks every weight by learning_rate × weight_decay at each step, apart from the gradient.'),
  initial_accumulator_value: num('optimization', 'Initial accumulator', 'Adagrad(initial_accumulator_value=)', { integer: false, min: 0, max: 10, default: 0.1, kerasDefault: 0.1 },
    'The starting value of Adagrad\'s per-parameter sum of squared gradients.'),
  batch_size: num('optimization', 'Batch size', 'fit(batch_size=)', { integer: true, min: 1, max: 512, default: 10, kerasDefault: 32 },
    'Training examples per parameter update. Iterations per epoch = training examples / batch size. Larger batches give a more accurate gradient estimate and fewer updates per epoch; smaller ones give more, noisier updates, which can regularize. Common values: 32, 64, 128, 256.'),
  regularizer: choice('regularization', 'L1/L2 penalty', 'Dense(kernel_regularizer=)', REGULARIZERS, 'none', 'none',
    'L1 adds λΣ|w| to the loss and sets some weights to exactly zero (sparse weights); L2 adds λΣw² and shrinks the weights without zeroing them. Both help against overfitting. Applied to the kernel of every Dense layer.',
    { none: 'None' }),
  regularization_rate: num('regularization', 'Regularization rate (λ)', 'regularizers.L2(l2=)', { integer: false, min: 0, max: 10, presets: REGULARIZATION_RATE_PRESETS, default: 0.01, kerasDefault: 0.01 },
    'λ: how strongly large weights are penalized. Typical values: 0.00001–0.01, tried on a log scale.'),
  early_stopping: bool('regularization', 'Early stopping', 'fit(callbacks=[EarlyStopping(...)])', false,
    'Stops training when the validation loss has not improved for "patience" epochs: it saves time and keeps the model from overfitting.'),
  patience: num('regularization', 'Patience', 'EarlyStopping(patience=)', { integer: true, min: 0, max: 1000, default: 0, kerasDefault: 0 },
    'Epochs without improvement before training stops.'),
  min_delta: num('regularization', 'min_delta', 'EarlyStopping(min_delta=)', { integer: false, min: 0, max: 10, default: 0, kerasDefault: 0 },
    'The smallest decrease of the validation loss that counts as an improvement.'),
  restore_best_weights: bool('regularization', 'Restore best weights', 'EarlyStopping(restore_best_weights=)', false,
    'When training stops, put back the weights of the best epoch instead of keeping the last ones.'),
  kernel_initializer: choice('initialization', 'Weight initializer', 'Dense(kernel_initializer=)', INITIALIZERS, 'glorot_uniform', 'glorot_uniform',
    'How the weights start. glorot (Xavier) keeps the variance from layer to layer using the inputs and outputs of each layer; he uses the inputs only (suits relu); random_* draw from a fixed distribution; zeros and constant start all weights equal, a symmetry training cannot break.'),
  kernel_constant: num('initialization', 'Constant weight value', 'initializers.Constant(value=)', { integer: false, min: -10, max: 10, default: 0, kerasDefault: 0 },
    'Every weight\'s starting value when the weight initializer is "constant".'),
  bias_initializer: choice('initialization', 'Bias initializer', 'Dense(bias_initializer=)', INITIALIZERS, 'zeros', 'zeros',
    'Biases usually start at 0 (zeros); "constant" gives them all a small equal value.'),
  bias_constant: num('initialization', 'Constant bias value', 'initializers.Constant(value=)', { integer: false, min: -10, max: 10, default: 0, kerasDefault: 0 },
    'Every bias\'s starting value when the bias initializer is "constant".'),
  problem_type: choice('data', 'Problem type', 'Dense(1, activation=), compile(loss=)', PROBLEM_TYPES, 'classification', null,
    'Classification (Circle, Exclusive or, Gaussian, Spiral): the output layer is Dense(1, sigmoid) with binary_crossentropy. Regression (Plane, Multi gaussian): Dense(1, linear) with mean_squared_error.',
    { classification: 'Classification', regression: 'Regression' }),
  dataset: choice('data', 'Dataset', 'data.dataset', DATASETS, 'circle', null,
    'TensorFlow Playground\'s datasets: 500 points to classify, or 1200 for regression.',
    { circle: 'Circle', xor: 'Exclusive or', gauss: 'Gaussian', spiral: 'Spiral', plane: 'Plane', multi_gaussian: 'Multi gaussian' }),
  noise: num('data', 'Noise', 'data.noise', { integer: false, min: 0, max: 0.5, default: 0, kerasDefault: null },
    'How much the points are disturbed, 0 to 0.5 (Playground\'s noise slider divided by 100).'),
  train_ratio: num('data', 'Training ratio', 'data.train_ratio', { integer: false, min: 0.1, max: 0.9, default: 0.5, kerasDefault: null },
    'The fraction of the points used for training; the rest is the validation data (Playground\'s test data), on which the validation loss is measured.'),
  features: { kind: 'set', group: 'data', label: 'Input features', keras: 'Input(shape=(features,))', options: FEATURES, default: ['x1', 'x2'], kerasDefault: null,
    tooltip: 'The columns the network receives, computed from each point (x1, x2). Better features let a simpler network solve the problem.' },
  seed: num('data', 'Seed', 'keras.utils.set_random_seed()', { integer: true, min: 0, max: 2_147_483_647, default: 42, kerasDefault: null },
    'Fixes every random draw (data, initial weights, shuffling, dropout): the same seed gives the same run. Regenerate draws new data with a new seed.'),
};

export const SCALAR_KEYS = Object.keys(FIELDS) as readonly ScalarKey[];
