/**
 * Writes an experiment (the `*.experiment.json` format, also what the sidebar trains) as a standalone
 * Keras script that reproduces it: the data (Playground's generators in NumPy, MNIST through
 * keras.datasets, a CSV through NumPy, or the inline arrays), the model, compile and fit with the same
 * arguments. Pure: text in, text out; `hyperlab summary` reads the result back with the same counts.
 */
import { PLAYGROUND_PYTHON } from './playgroundPython';
import { type Json, pyKwargs, pyLiteral, pyObject, pyTuple } from './pythonLiteral';

type Obj = { readonly [key: string]: Json };
const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});

const PLAYGROUND_DEFAULT_SAMPLES: Readonly<Record<string, number>> = { plane: 1200, multi_gaussian: 1200 };

function dataLines(data: Obj, seed: number, validationSplit: number): { lines: string[]; validation: 'data' | 'split' | 'none' } {
  if (typeof data.dataset === 'string' && data.dataset === 'mnist') {
    return {
      validation: 'data',
      lines: [
        '(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()',
        'x_train = x_train.reshape((len(x_train), 28 * 28)).astype("float32") / 255',
        'x_test = x_test.reshape((len(x_test), 28 * 28)).astype("float32") / 255',
        'y_train, y_test = keras.utils.to_categorical(y_train), keras.utils.to_categorical(y_test)',
      ],
    };
  }
  if (typeof data.dataset === 'string') {
    const name = data.dataset === 'reg-plane' ? 'plane' : data.dataset === 'reg-gauss' ? 'multi_gaussian' : data.dataset;
    const samples = typeof data.samples === 'number' ? data.samples : PLAYGROUND_DEFAULT_SAMPLES[name] ?? 500;
    const features = Array.isArray(data.features) ? data.features : ['x1', 'x2'];
    return {
      validation: 'data',
      lines: [PLAYGROUND_PYTHON.trim(), '', '',
        `(x_train, y_train), (x_test, y_test) = playground_data(${pyLiteral(name)}, ${samples}, ${pyLiteral(typeof data.noise === 'number' ? data.noise : 0)}, ${pyLiteral(typeof data.train_ratio === 'number' ? data.train_ratio : 0.5)}, ${pyLiteral(features)}, seed=${seed})`],
    };
  }
  if (typeof data.csv === 'string') {
    return {
      validation: validationSplit > 0 ? 'split' : 'none',
      lines: [
        `table = np.genfromtxt(${pyLiteral(data.csv)}, delimiter=",", names=True, dtype="float32")`,
        `target = ${pyLiteral(typeof data.target === 'string' ? data.target : 'target')}`,
        'x_train = np.stack([table[c] for c in table.dtype.names if c != target], axis=1)',
        'y_train = table[target].reshape(-1, 1)',
      ],
    };
  }
  const v = obj(data.validation_data);
  return {
    validation: data.validation_data ? 'data' : validationSplit > 0 ? 'split' : 'none',
    lines: [
      `x_train = np.array(${pyLiteral(data.x ?? [])}, dtype="float32")`,
      `y_train = np.array(${pyLiteral(data.y ?? [])}, dtype="float32")`,
      ...(data.validation_data ? [`x_test = np.array(${pyLiteral(v.x ?? [])}, dtype="float32")`, `y_test = np.array(${pyLiteral(v.y ?? [])}, dtype="float32")`] : []),
    ],
  };
}

function layerLine(layer: Obj): string {
  const name = typeof layer.class_name === 'string' ? layer.class_name : 'Dense';
  return `    keras.layers.${name}(${pyKwargs(layer).join(', ')}),`;
}

/** The Python script for `experiment`; `title` goes into its docstring. */
export function kerasScriptFromExperiment(experiment: unknown, title: string): string {
  const e = obj(experiment);
  const seed = typeof e.seed === 'number' ? e.seed : 42;
  const model = obj(e.model), compile = obj(e.compile), fit = obj(e.fit);
  const layers = (Array.isArray(model.layers) ? model.layers : []).map(obj);
  const inputShape = Array.isArray(model.input_shape) ? model.input_shape : null;
  const validationSplit = typeof fit.validation_split === 'number' ? fit.validation_split : 0;
  const data = dataLines(obj(e.data), seed, validationSplit);
  const fitArgs = pyKwargs(fit, ['validation_split', 'callbacks', 'verbose']);
  if (data.validation === 'data') fitArgs.push('validation_data=(x_test, y_test)');
  if (data.validation === 'split') fitArgs.push(`validation_split=${pyLiteral(validationSplit)}`);
  if (Array.isArray(fit.callbacks) && fit.callbacks.length > 0) fitArgs.push(`callbacks=[${fit.callbacks.map(pyObject).join(', ')}]`);
  return [
    `"""${title.replace(/"""/g, "'''")}: exported by HyperLab as a Keras script.`,
    '',
    'Reproduces the experiment: the same data (TensorFlow Playground\'s generators in NumPy, so the points',
    'differ from HyperLab\'s but the dataset is the same), model, compile and fit arguments.',
    '"""',
    'import numpy as np',
    'import keras',
    '',
    `keras.utils.set_random_seed(${seed})`,
    '',
    ...data.lines,
    '',
    'model = keras.Sequential([',
    ...(inputShape ? [`    keras.Input(shape=${pyTuple(inputShape)}),`] : []),
    ...layers.map(layerLine),
    '])',
    `model.compile(${pyKwargs(compile, []).join(', ')})`,
    'model.summary()',
    `history = model.fit(x_train, y_train, ${fitArgs.join(', ')})`,
    '',
  ].join('\n');
}
