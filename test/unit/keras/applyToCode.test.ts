import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../../src/keras/analyzeDocument';
import { type TargetValues, applyEdits, applyToCode } from '../../../src/keras/applyToCode';
import { english } from './analysisFixtures';

const target: TargetValues = {
  layers: [{ class_name: 'Dense', units: 6, activation: 'tanh' }, { class_name: 'Dropout', rate: 0.25 }],
  optimizer: { class_name: 'SGD', learning_rate: 0.03, momentum: 0.9, nesterov: false },
  epochs: 40,
  batch_size: 10,
};

function apply(source: string, t: TargetValues = target): string {
  const model = analyzeDocument(source, 'python').models[0];
  assert.ok(model, 'no model');
  const result = applyToCode(source, model, t);
  if ('error' in result) throw new Error(english(result.error));
  const out = applyEdits(source, result.edits);
  // Whatever was applied, the model still reads back (and with the new units).
  assert.equal(analyzeDocument(out, 'python').models.length, 1);
  return out;
}

const refusal = (source: string, t: TargetValues = target): string => {
  const result = applyToCode(source, analyzeDocument(source, 'python').models[0]!, t);
  assert.ok('error' in result, 'expected a refusal');
  return english(result.error);
};

describe('Apply to code', () => {
  it('1. list form with keyword arguments: replaces values, keeps comments and spacing', () => {
    const src = `from tensorflow import keras
model = keras.Sequential([
    keras.Input(shape=(2,)),
    keras.layers.Dense(4,  activation="relu"),   # hidden layer
    keras.layers.Dropout(0.5),
    keras.layers.Dense(1, activation="sigmoid"),  # output
])
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001), loss="binary_crossentropy")
model.fit(x, y, epochs=5, batch_size=32)
`;
    assert.equal(apply(src), `from tensorflow import keras
model = keras.Sequential([
    keras.Input(shape=(2,)),
    keras.layers.Dense(6,  activation="tanh"),   # hidden layer
    keras.layers.Dropout(0.25),
    keras.layers.Dense(1, activation="sigmoid"),  # output
])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.03, momentum=0.9, nesterov=False), loss="binary_crossentropy")
model.fit(x, y, epochs=40, batch_size=10)
`);
  });

  it('2. .add form with positional activation and single quotes', () => {
    const src = `import keras
from keras import layers
model = keras.Sequential()
model.add(layers.Dense(4, 'relu', input_shape=(2,)))
model.add(layers.Dropout(rate=0.5))
model.add(layers.Dense(1, 'sigmoid'))
model.compile(optimizer="sgd", loss="binary_crossentropy")
model.fit(x, y, epochs=1, batch_size=5)
`;
    const out = apply(src);
    assert.match(out, /layers\.Dense\(6, "tanh", input_shape=\(2,\)\)/);
    assert.match(out, /layers\.Dropout\(rate=0\.25\)/);
    assert.match(out, /optimizer=keras\.optimizers\.SGD\(learning_rate=0\.03, momentum=0\.9, nesterov=False\)/);
  });

  it('3. inserts an activation, epochs and batch_size that the code leaves to Keras defaults', () => {
    const src = `import keras
model = keras.Sequential([keras.layers.Dense(4, input_shape=(2,)), keras.layers.Dropout(0.1), keras.layers.Dense(1)])
model.compile(optimizer=keras.optimizers.SGD(), loss="mse")
model.fit(x, y)
`;
    const out = apply(src);
    assert.match(out, /keras\.layers\.Dense\(6, input_shape=\(2,\), activation="tanh"\)/);
    assert.match(out, /model\.fit\(x, y, epochs=40, batch_size=10\)/);
  });

  it('4. tf.keras spelling: the optimizer call uses the same module path', () => {
    const src = `import tensorflow as tf
model = tf.keras.Sequential([tf.keras.layers.Dense(4, activation="relu", input_shape=(2,)), tf.keras.layers.Dropout(0.5), tf.keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=3, batch_size=8)
`;
    assert.match(apply(src), /optimizer=tf\.keras\.optimizers\.SGD\(learning_rate=0\.03, momentum=0\.9, nesterov=False\)/);
  });

  it('5. a model without hidden layers takes an empty list', () => {
    const src = `import keras
model = keras.Sequential([keras.layers.Dense(1, input_shape=(2,))])
model.compile(optimizer=keras.optimizers.Adam(), loss="mse")
model.fit(x, y, epochs=2, batch_size=4)
`;
    assert.match(apply(src, { ...target, layers: [] }), /epochs=40, batch_size=10/);
  });

  it('6. refuses when the layers differ in number or kind (values only, never layers)', () => {
    const src = `import keras
model = keras.Sequential([keras.layers.Dense(4, input_shape=(2,)), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
model.fit(x, y)
`;
    assert.match(refusal(src), /the code has Dense but the sidebar has Dense, Dropout: Apply to code changes values, not layers/);
  });

  it('7. refuses when units come from a variable', () => {
    const src = `import keras
n = input()
model = keras.Sequential([keras.layers.Dense(n, input_shape=(2,)), keras.layers.Dropout(0.5), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
model.fit(x, y)
`;
    assert.match(refusal(src), /units .*not written as a plain value/);
  });

  it('8. refuses a model built in a loop', () => {
    const src = `import keras
model = keras.Sequential([keras.Input(shape=(2,))])
for u in (4, 4):
    model.add(keras.layers.Dense(u))
model.compile(optimizer="sgd", loss="mse")
model.fit(x, y)
`;
    assert.ok(refusal(src).length > 0);
  });

  it('9. refuses a string optimizer when the file reaches Keras only through from-imports', () => {
    const src = `from keras.models import Sequential
from keras.layers import Dense, Dropout
model = Sequential([Dense(4, input_shape=(2,)), Dropout(0.5), Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y)
`;
    assert.match(refusal(src), /write it as keras\.optimizers\.X/);
  });

  it('10. keeps an optimizer call written through a from-import', () => {
    const src = `from keras.models import Sequential
from keras.layers import Dense, Dropout
from keras.optimizers import Adam
model = Sequential([Dense(4, input_shape=(2,)), Dropout(0.5), Dense(1)])
model.compile(optimizer=Adam(0.01), loss="mse")
model.fit(x, y, epochs=2)
`;
    assert.match(apply(src), /optimizer=SGD\(learning_rate=0\.03, momentum=0\.9, nesterov=False\)/);
  });

  it('11. refuses without fit(...)', () => {
    const src = `import keras
model = keras.Sequential([keras.layers.Dense(4, input_shape=(2,)), keras.layers.Dropout(0.5), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
`;
    assert.match(refusal(src), /no fit\(\.\.\.\) call/);
  });

  it('12. the lecture\'s dropout model: Flatten is not a hidden layer the sidebar has, so it refuses', () => {
    const src = `from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense, Dropout, Flatten
model = Sequential([Flatten(input_shape=(28, 28)), Dense(128, activation='relu'), Dropout(0.5), Dense(10, activation='softmax')])
model.compile(optimizer='adam', loss='sparse_categorical_crossentropy')
model.fit(x, y, epochs=10)
`;
    assert.match(refusal(src), /layers other than Dense and Dropout/);
  });
});
