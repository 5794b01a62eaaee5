/**
 * Apply to Code on every example of examples/ and on hand-written variants (from-imports, tf.keras, the
 * .add form, one-line lists, positional arguments): what HyperLab reads back from the edited source is
 * exactly the sidebar's values, with the same input shape and output layer; a second apply changes
 * nothing; only values that differ are written (never momentum=0, nesterov=False or
 * activation="linear" that Keras has by default); every change is described; and what cannot be written
 * is refused with the reason and no edit.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { analyzeDocument } from '../../../src/keras/analyzeDocument';
import { type TargetValues, applyEdits, applyToCode } from '../../../src/keras/applyToCode';
import { experimentFromModel } from '../../../src/keras/toExperiment';
import { FIELDS, KERAS_LEARNING_RATES, OPTIMIZERS } from '../../../src/shared/hyperparams';
import { defaultSettings } from '../../../src/shared/hyperparamSettings';
import { targetValuesOf } from '../../../src/host/sidebar/applyTarget';
import { english } from './analysisFixtures';

type Obj = Record<string, unknown>;

/** Hidden layers, optimizer (with Keras' defaults filled in), epochs, batch size, input and output as HyperLab reads them from source. */
function readBack(source: string, index = 0) {
  const model = analyzeDocument(source, 'python').models[index];
  assert.ok(model, 'no model');
  const e = experimentFromModel(model).partial as { model: { input_shape: unknown; layers: Obj[] }; compile: Obj; fit: Obj };
  const layers = e.model.layers.filter((l, i) => !(i === 0 && l.class_name === 'Flatten'));
  const output = layers.at(-1)!;
  const hidden = layers.slice(0, -1).map((l) => (l.class_name === 'Dense'
    ? { class_name: 'Dense', units: l.units, activation: l.activation ?? 'linear' }
    : { class_name: l.class_name, rate: l.rate }));
  const raw = e.compile.optimizer ?? 'rmsprop';
  const config = (typeof raw === 'string' ? { class_name: raw } : raw) as Obj;
  const name = OPTIMIZERS.find((o) => o.toLowerCase() === String(config.class_name).toLowerCase())!;
  const optimizer: Obj = { class_name: name, learning_rate: config.learning_rate ?? KERAS_LEARNING_RATES[name] };
  for (const [k, v] of Object.entries(config)) if (k !== 'class_name') optimizer[k] = v;
  return { hidden, optimizer, epochs: e.fit.epochs ?? 1, batch_size: e.fit.batch_size ?? 32, input: e.model.input_shape, output };
}

/** The target as readBack shows it: every optimizer argument the code does not write is Keras' default. */
function expected(t: TargetValues) {
  const optimizer: Obj = {};
  for (const [k, v] of Object.entries(t.optimizer)) optimizer[k] = v;
  return { hidden: t.layers.map((l) => (l.class_name === 'Dense' ? { class_name: 'Dense', units: l.units, activation: l.activation } : { class_name: 'Dropout', rate: l.rate })), optimizer, epochs: t.epochs, batch_size: t.batch_size };
}

function defaultedArgs(optimizer: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(optimizer)) {
    if (k === 'class_name') continue;
    const byDefault = k === 'learning_rate' ? KERAS_LEARNING_RATES[optimizer.class_name as keyof typeof KERAS_LEARNING_RATES] : (FIELDS as unknown as Record<string, { kerasDefault: unknown }>)[k]?.kerasDefault;
    out[k] = v ?? byDefault;
  }
  return out;
}

/** Applies, checks the read-back and the idempotence, and returns the new source with the change lines. */
function apply(source: string, t: TargetValues, index = 0): { out: string; changes: string[] } {
  const before = readBack(source, index);
  const model = analyzeDocument(source, 'python').models[index]!;
  const result = applyToCode(source, model, t);
  if ('error' in result) throw new Error(english(result.error));
  const out = applyEdits(source, result.edits);
  const after = readBack(out, index);
  const want = expected(t);
  assert.deepEqual(after.hidden, want.hidden, out);
  assert.equal(after.optimizer.class_name, want.optimizer.class_name, out);
  assert.deepEqual(defaultedArgs({ ...want.optimizer, ...Object.fromEntries(Object.keys(want.optimizer).map((k) => [k, after.optimizer[k] ?? null])) }), defaultedArgs(want.optimizer), out);
  assert.equal(after.epochs, t.epochs);
  assert.equal(after.batch_size, t.batch_size);
  assert.deepEqual(after.input, before.input, 'the input shape stays');
  assert.deepEqual(after.output, before.output, 'the output layer stays');
  const again = applyToCode(out, analyzeDocument(out, 'python').models[index]!, t);
  assert.ok(!('error' in again) && again.edits.length === 0 && again.changes.length === 0, `a second apply changes ${JSON.stringify(again)}`);
  if (result.edits.length > 0) assert.ok(result.changes.length > 0, 'edits without a description');
  return { out, changes: result.changes.map((c) => english(c)) };
}

const refusal = (source: string, t: TargetValues): string => {
  const result = applyToCode(source, analyzeDocument(source, 'python').models[0]!, t);
  assert.ok('error' in result, 'expected a refusal');
  return english(result.error);
};

const sgd = (lr: number, extra: Obj = {}): TargetValues['optimizer'] => ({ class_name: 'SGD', learning_rate: lr, momentum: 0, nesterov: false, ...extra });
const adam = (lr: number): TargetValues['optimizer'] => ({ class_name: 'Adam', learning_rate: lr, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, amsgrad: false });
const dense = (units: number, activation = 'tanh') => ({ class_name: 'Dense' as const, units, activation });
const dropout = (rate: number) => ({ class_name: 'Dropout' as const, rate });

const TARGETS: Record<string, TargetValues> = {
  'the sidebar\'s start (Playground: 4 and 2 tanh, SGD 0.03)': targetValuesOf(defaultSettings()),
  'Dense 3 relu + Dropout 0.2, Adam 0.01': { layers: [dense(3, 'relu'), dropout(0.2)], optimizer: adam(0.01), epochs: 7, batch_size: 16 },
  'no hidden layer, RMSprop with Keras\' defaults': { layers: [], optimizer: { class_name: 'RMSprop', learning_rate: 0.001, rho: 0.9, momentum: 0, epsilon: 1e-7, centered: false }, epochs: 1, batch_size: 32 },
  'three linear layers, SGD with Nesterov momentum': { layers: [dense(5, 'linear'), dense(6, 'linear'), dropout(0.1)], optimizer: sgd(0.1, { momentum: 0.9, nesterov: true }), epochs: 12, batch_size: 8 },
};

describe('Apply to code on every example of examples/', () => {
  const dir = path.resolve('examples');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.py'))) {
    const source = readFileSync(path.join(dir, file), 'utf8');
    const count = analyzeDocument(source, 'python').models.length;
    it(`${file}: finds its models`, () => assert.ok(count >= 1));
    for (let index = 0; index < count; index++) {
      for (const [name, target] of Object.entries(TARGETS)) {
        it(`${file} model ${index + 1}: ${name} reads back exactly, with the same input and output`, () => {
          apply(source, target, index);
        });
      }
    }
  }

  it('the lecture\'s MNIST (from-imports, Flatten, "adam"): the Dropout goes, tf.keras reaches SGD, nothing Keras has by default is written', () => {
    const source = readFileSync('examples/dropout_mnist.py', 'utf8');
    const { out, changes } = apply(source, targetValuesOf(defaultSettings()));
    assert.match(out, /model = Sequential\(\[\n {4}Flatten\(input_shape=\(28, 28\)\),\n {4}Dense\(4, activation="tanh"\),\n {4}Dense\(2, activation="tanh"\),\n {4}Dense\(10, activation="softmax"\),\n\]\)/);
    assert.match(out, /model\.compile\(optimizer=tf\.keras\.optimizers\.SGD\(learning_rate=0\.03\), loss=/);
    assert.match(out, /model\.fit\(x_train, y_train, epochs=100, validation_split=0\.2, batch_size=10\)/);
    assert.doesNotMatch(out, /momentum|nesterov|activation="linear"|drop 50%/);
    assert.deepEqual(changes, [
      'hidden layer 1: units 128 → 4', 'hidden layer 1: activation "relu" → "tanh"', 'removed Dropout(0.5) (line 14)',
      'added hidden layer 2: Dense(2, activation="tanh")', 'optimizer: "adam" → tf.keras.optimizers.SGD(learning_rate=0.03)',
      'fit: epochs 10 → 100', 'fit: batch_size 32 (Keras\' default) → 10',
    ]);
  });

  it('the MNIST MLP (.add form): a new layer is a model.add line; with no hidden layer input_shape moves to the output', () => {
    const source = readFileSync('examples/mnist_mlp.py', 'utf8');
    const { out } = apply(source, TARGETS['Dense 3 relu + Dropout 0.2, Adam 0.01']!);
    assert.match(out, /model\.add\(layers\.Dense\(3, activation="relu", input_shape=\(28 \* 28,\)\)\)\nmodel\.add\(layers\.Dropout\(0\.2\)\)\nmodel\.add\(layers\.Dense\(10, activation="softmax"\)\)/);
    assert.match(out, /optimizer=keras\.optimizers\.Adam\(learning_rate=0\.01\)/);
    const none = apply(source, TARGETS['no hidden layer, RMSprop with Keras\' defaults']!);
    assert.match(none.out, /model = models\.Sequential\(\)\nmodel\.add\(layers\.Dense\(10, activation="softmax", input_shape=\(28 \* 28,\)\)\)\n/);
    assert.match(none.out, /compile\(optimizer="rmsprop"/);
    assert.ok(none.changes.includes('input_shape=(28 * 28,) moved to the output layer, now the first layer'), none.changes.join('\n'));
  });

  it('the L1/L2 example (only from-imports): Dropout joins the layers import, SGD gets its own import line', () => {
    const source = readFileSync('examples/l1_l2_regularization.py', 'utf8');
    const { out, changes } = apply(source, { layers: [dense(4), dropout(0.3), dense(2)], optimizer: sgd(0.03), epochs: 20, batch_size: 32 });
    assert.match(out, /^from keras\.layers import Dense, Dropout$/m);
    assert.match(out, /^from keras\.regularizers import l1, l2\nfrom keras\.optimizers import SGD$/m);
    // The comment lines above each model.add stay with their layer; the new Dropout goes between the two.
    assert.match(out, /# A hidden layer with an L1 penalty on its weights\nmodel\.add\(Dense\(4, input_dim=100, activation="tanh", kernel_regularizer=l1\(0\.01\)\)\)\nmodel\.add\(Dropout\(0\.3\)\)\n# A hidden layer with an L2 penalty\nmodel\.add\(Dense\(2, activation="tanh"/);
    assert.match(out, /optimizer=SGD\(learning_rate=0\.03\)/);
    assert.ok(changes.includes('imported Dropout from keras.layers'));
    assert.ok(changes.includes('added the line from keras.optimizers import SGD'));
  });
});

describe('Apply to code: what it writes and what it leaves', () => {
  it('keeps comments, spacing and the other arguments; changes only what differs', () => {
    const src = `from tensorflow import keras
model = keras.Sequential([
    keras.Input(shape=(2,)),
    keras.layers.Dense(4,  activation="relu", kernel_initializer="he_uniform"),   # hidden layer
    keras.layers.Dropout(0.5),
    keras.layers.Dense(1, activation="sigmoid"),  # output
])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01, momentum=0.9), loss="binary_crossentropy")
model.fit(x, y, epochs=5, batch_size=32)
`;
    const { out, changes } = apply(src, { layers: [dense(6, 'relu'), dropout(0.25)], optimizer: sgd(0.03, { momentum: 0.9 }), epochs: 5, batch_size: 32 });
    assert.equal(out, src.replace('Dense(4,  activation', 'Dense(6,  activation').replace('Dropout(0.5)', 'Dropout(0.25)').replace('learning_rate=0.01', 'learning_rate=0.03'));
    assert.deepEqual(changes, ['hidden layer 1: units 4 → 6', 'hidden layer 2: rate 0.5 → 0.25', 'optimizer: learning_rate 0.01 → 0.03']);
  });

  it('writes nothing and says nothing when the code already has the sidebar\'s values (defaults included)', () => {
    const src = `import keras
model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(3, activation=None), keras.layers.Dense(1)])
model.compile(optimizer=keras.optimizers.SGD(0.03), loss="mse")
model.fit(x, y)
`;
    const result = applyToCode(src, analyzeDocument(src, 'python').models[0]!, { layers: [dense(3, 'linear')], optimizer: sgd(0.03), epochs: 1, batch_size: 32 });
    assert.deepEqual(result, { edits: [], changes: [] });
  });

  it('replaces positional values (Dense units and activation, the optimizer\'s learning rate, fit\'s batch_size and epochs)', () => {
    const src = `import keras
from keras import layers
model = keras.Sequential()
model.add(layers.Dense(4, 'relu', input_shape=(2,)))
model.add(layers.Dense(1, 'sigmoid'))
model.compile(keras.optimizers.Adam(0.01), "binary_crossentropy")
model.fit(x, y, 16, 3)
`;
    const { out } = apply(src, { layers: [dense(6)], optimizer: adam(0.002), epochs: 9, batch_size: 64 });
    assert.match(out, /layers\.Dense\(6, 'tanh', input_shape=\(2,\)\)/, 'single quotes stay the file\'s');
    assert.match(out, /keras\.optimizers\.Adam\(0\.002\)/);
    assert.match(out, /model\.fit\(x, y, 64, 9\)/);
  });

  it('a one-line list: inserts and removes elements inline', () => {
    const src = `import tensorflow as tf
model = tf.keras.Sequential([tf.keras.layers.Dense(4, activation="relu", input_shape=(2,)), tf.keras.layers.Dropout(0.5), tf.keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=3, batch_size=8)
`;
    const { out } = apply(src, { layers: [dense(4, 'relu'), dense(3, 'relu')], optimizer: adam(0.001), epochs: 3, batch_size: 8 });
    assert.match(out, /tf\.keras\.Sequential\(\[tf\.keras\.layers\.Dense\(4, activation="relu", input_shape=\(2,\)\), tf\.keras\.layers\.Dense\(3, activation="relu"\), tf\.keras\.layers\.Dense\(1\)\]\)/);
    assert.match(out, /optimizer="adam"/, 'Adam with Keras\' defaults stays the string');
  });

  it('another optimizer with Keras\' defaults is written as a string when the code used one', () => {
    const src = `from keras.models import Sequential
from keras.layers import Dense
model = Sequential([Dense(4, input_shape=(2,)), Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y)
`;
    const { out } = apply(src, { layers: [dense(4, 'linear')], optimizer: { class_name: 'Nadam', learning_rate: 0.001, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7 }, epochs: 1, batch_size: 32 });
    assert.match(out, /optimizer="nadam"/);
    assert.doesNotMatch(out, /import Nadam/);
  });

  it('another optimizer replaces a from-imported one through an added import, never a name the file lacks', () => {
    const src = `from keras.models import Sequential
from keras.layers import Dense
from keras.optimizers import Adam
model = Sequential([Dense(4, input_shape=(2,)), Dense(1)])
model.compile(optimizer=Adam(0.01), loss="mse")
model.fit(x, y, epochs=2)
`;
    const { out } = apply(src, { layers: [dense(4, 'linear')], optimizer: sgd(0.05, { momentum: 0.5 }), epochs: 2, batch_size: 32 });
    assert.match(out, /^from keras\.optimizers import Adam, SGD$/m);
    assert.match(out, /optimizer=SGD\(learning_rate=0\.05, momentum=0\.5\)/);
  });

  it('tensorflow.keras from-imports only: the new names come from tensorflow.keras too', () => {
    const src = `from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense
model = Sequential()
model.add(Dense(16, activation="relu", input_shape=(4,)))
model.add(Dense(1, activation="sigmoid"))
model.compile(optimizer="sgd", loss="binary_crossentropy")
model.fit(x, y, epochs=3)
`;
    const { out } = apply(src, { layers: [dense(16, 'relu'), dropout(0.5)], optimizer: adam(0.01), epochs: 3, batch_size: 32 });
    assert.match(out, /^from tensorflow\.keras\.layers import Dense, Dropout\nfrom tensorflow\.keras\.optimizers import Adam\n/m);
    assert.match(out, /model\.add\(Dense\(16, activation="relu", input_shape=\(4,\)\)\)\nmodel\.add\(Dropout\(0\.5\)\)\n/);
    assert.match(out, /optimizer=Adam\(learning_rate=0\.01\)/);
  });

  it('modules imported by name (from keras import layers, optimizers) are used as they are', () => {
    const src = `from keras import Sequential, layers, optimizers
model = Sequential([
    layers.Dense(8, activation="relu", input_shape=(2,)),
    layers.Dense(1),
])
model.compile(optimizer=optimizers.Adam(), loss="mse")
model.fit(x, y, epochs=3, batch_size=4)
`;
    const { out } = apply(src, { layers: [dropout(0.1), dense(8, 'relu')], optimizer: sgd(0.2), epochs: 3, batch_size: 4 });
    assert.match(out, /Sequential\(\[\n {4}layers\.Dropout\(0\.1, input_shape=\(2,\)\),\n {4}layers\.Dense\(8, activation="relu"\),\n {4}layers\.Dense\(1\),\n\]\)/);
    assert.match(out, /optimizer=optimizers\.SGD\(learning_rate=0\.2\)/);
    assert.doesNotMatch(out, /^from keras\.optimizers/m);
  });

  it('a file without imports gets its import after the docstring', () => {
    const src = `"""A snippet."""
model = Sequential([layers.Dense(4, input_shape=(2,)), layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
model.fit(x, y)
`;
    const result = applyToCode(src, analyzeDocument(src, 'python').models[0]!, { layers: [dense(4, 'linear')], optimizer: sgd(0.5), epochs: 1, batch_size: 32 });
    assert.ok(!('error' in result), 'error' in result ? english(result.error) : '');
    assert.match(applyEdits(src, result.edits), /^"""A snippet\."""\nfrom keras\.optimizers import SGD\nmodel = /);
  });
});

describe('Apply to code refuses, naming why, and edits nothing', () => {
  const t: TargetValues = { layers: [dense(6), dropout(0.25)], optimizer: sgd(0.03), epochs: 40, batch_size: 10 };

  it('units from a variable it cannot read', () => {
    const src = `import keras
n = input()
model = keras.Sequential([keras.layers.Dense(n, input_shape=(2,)), keras.layers.Dropout(0.5), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
model.fit(x, y)
`;
    assert.match(refusal(src, t), /Dense \(line 3\) takes its units from a variable or an expression/);
  });

  it('a model built in a loop', () => {
    const src = `import keras
model = keras.Sequential([keras.Input(shape=(2,))])
for u in (4, 4):
    model.add(keras.layers.Dense(u))
model.compile(optimizer="sgd", loss="mse")
model.fit(x, y)
`;
    assert.match(refusal(src, t), /HyperLab cannot follow how model is built/);
  });

  it('a layer the sidebar does not have (it would be lost)', () => {
    const src = `import keras
model = keras.Sequential([keras.Input(shape=(8, 1)), keras.layers.Conv1D(4, 3), keras.layers.Flatten(), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
model.fit(x, y)
`;
    assert.match(refusal(src, t), /Conv1D \(line 2\) is a layer the sidebar does not have/);
  });

  it('adding layers to a functional model', () => {
    const src = `import keras
inputs = keras.Input(shape=(2,))
x = keras.layers.Dense(4)(inputs)
outputs = keras.layers.Dense(1)(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="sgd", loss="mse")
model.fit(x, y)
`;
    assert.match(refusal(src, t), /functional API/);
  });

  it('two layers sharing one constant that would need two values', () => {
    const src = `import keras
H = 8
model = keras.Sequential([keras.layers.Dense(H, input_shape=(2,)), keras.layers.Dense(H), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
model.fit(x, y)
`;
    assert.match(refusal(src, { ...t, layers: [dense(4, 'linear'), dense(2, 'linear')] }), /same place in the code \(line 2\)/);
  });

  it('no compile(...) or no fit(...)', () => {
    const base = `import keras
model = keras.Sequential([keras.layers.Dense(4, input_shape=(2,)), keras.layers.Dropout(0.5), keras.layers.Dense(1)])
`;
    assert.match(refusal(base, t), /has no compile\(\.\.\.\) call/);
    assert.match(refusal(`${base}model.compile(optimizer="sgd", loss="mse")\n`, t), /has no fit\(\.\.\.\) call/);
  });
});
