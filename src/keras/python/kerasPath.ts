/**
 * Which Keras object a dotted Python path names. Every spelling of the Keras package is folded into
 * `keras.…`: `tensorflow.keras`, `tf.keras` (through `import tensorflow as tf`), `tensorflow.python.keras`,
 * `tf_keras` (Keras 2 as a package) and `keras.src.…`. The result is the category (the submodule:
 * 'layers', 'models', 'optimizers', ..., or '' for top-level names such as keras.Sequential) and the
 * object's name. Also the short names code snippets use without imports, when nothing shadows them.
 */

export interface KerasRef {
  /** '' for `keras.X`, else the submodule after keras: 'layers', 'models', 'optimizers', ... */
  readonly category: string;
  /** The last path component: 'Dense', 'Sequential', 'l2', 'relu'. */
  readonly name: string;
  /** A method reached through its class (`keras.Sequential.add`, `keras.layers.Dense.build`). */
  readonly ofClass: boolean;
}

/** Normalizes a module path to `keras.…`, or null when it is not Keras. */
export function normalizeKerasPath(path: string): string[] | null {
  if (!path.startsWith('keras') && !path.startsWith('tensorflow.') && !path.startsWith('tf_keras')) return null;
  let segs = path.split('.');
  if (segs[0] === 'tensorflow' && segs[1] === 'keras') segs = ['keras', ...segs.slice(2)];
  else if (segs[0] === 'tensorflow' && segs[1] === 'python' && segs[2] === 'keras') segs = ['keras', ...segs.slice(3)];
  else if (segs[0] === 'tf_keras') segs = ['keras', ...segs.slice(1)];
  if (segs[0] !== 'keras') return null;
  if (segs[1] === 'src' || segs[1] === 'api') segs = ['keras', ...segs.slice(2)];
  return segs;
}

export function kerasRef(path: string): KerasRef | null {
  const segs = normalizeKerasPath(path);
  if (!segs || segs.length < 2) return null;
  const name = segs[segs.length - 1]!;
  const ofClass = segs.length >= 3 && isCapitalized(segs[segs.length - 2]!) && !isCapitalized(name);
  if (segs.length === 2) return { category: '', name, ofClass };
  // keras.layers.core.Dense, keras.layers.experimental.preprocessing.Normalization: the submodule is segs[1].
  return { category: segs[1]!, name, ofClass };
}

function isCapitalized(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/** Roots a snippet may use without importing them, and the module each stands for. */
const ASSUMED_ROOTS: Readonly<Record<string, string>> = {
  keras: 'keras', tf: 'tensorflow', tensorflow: 'tensorflow', layers: 'keras.layers', models: 'keras.models',
  optimizers: 'keras.optimizers', regularizers: 'keras.regularizers', initializers: 'keras.initializers',
  callbacks: 'keras.callbacks', losses: 'keras.losses', metrics: 'keras.metrics', activations: 'keras.activations',
};

export function assumedRoot(name: string): string | null {
  return ASSUMED_ROOTS[name] ?? null;
}

/** Activation functions that may be passed by reference (`activation=tf.nn.relu`): read as the string name. */
const ACTIVATION_NAMES = new Set([
  'relu', 'leaky_relu', 'relu6', 'softmax', 'celu', 'elu', 'selu', 'softplus', 'softsign', 'squareplus', 'soft_shrink',
  'sparse_plus', 'silu', 'swish', 'gelu', 'glu', 'tanh', 'tanh_shrink', 'threshold', 'sigmoid', 'sparse_sigmoid',
  'exponential', 'hard_sigmoid', 'hard_silu', 'hard_swish', 'hard_tanh', 'hard_shrink', 'linear', 'mish', 'log_softmax',
  'log_sigmoid', 'sparsemax',
]);

/** Loss functions passed by reference (`loss=keras.losses.binary_crossentropy`). */
const LOSS_FUNCTIONS = /^[a-z_]+$/;

/** The string a function reference stands for when Keras accepts either, or null. */
export function referenceAsString(path: string): string | null {
  const segs = path.split('.');
  const last = segs[segs.length - 1]!;
  if ((segs[0] === 'tensorflow' && segs[1] === 'nn' && segs.length === 3) && ACTIVATION_NAMES.has(last)) return last;
  const ref = kerasRef(path);
  if (!ref) return null;
  if (ref.category === 'activations' && ACTIVATION_NAMES.has(ref.name)) return ref.name;
  if (ref.category === 'losses' && LOSS_FUNCTIONS.test(ref.name)) return ref.name;
  return null;
}

/** Keras' functional merge helpers: `layers.concatenate([a, b])` is `Concatenate()([a, b])`. */
const MERGE_HELPERS: Readonly<Record<string, string>> = {
  concatenate: 'Concatenate', add: 'Add', subtract: 'Subtract', multiply: 'Multiply', average: 'Average',
  maximum: 'Maximum', minimum: 'Minimum', dot: 'Dot',
};

export function mergeHelperClass(name: string): string | null {
  return MERGE_HELPERS[name] ?? null;
}
