import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadExperiment } from '../../../src/engine/experiment/experiment';
import { nodeDataIo } from '../../../src/engine/experiment/nodeDataIo';
import { runExperiment } from '../../../src/engine/experiment/runExperiment';
import { createBackend } from '../../../src/engine/kernels/engineBackend';
import { analyzeDocument } from '../../../src/keras/analyzeDocument';
import { experimentFromModel } from '../../../src/keras/toExperiment';
import { english } from './analysisFixtures';

const ROOT = process.cwd();
const draftOf = (source: string, index = 0) => {
  const analysis = analyzeDocument(source, 'python');
  const model = analysis.models[index];
  assert.ok(model, `no model ${index} in the source`);
  return experimentFromModel(model);
};

describe('experimentFromModel (Train Model from Keras code)', function () {
  this.timeout(30_000);

  it('turns the lecture\'s MNIST model with compile and fit into an experiment', () => {
    const draft = draftOf(fs.readFileSync(path.join(ROOT, 'examples/mnist_mlp.py'), 'utf8'));
    assert.deepEqual(draft.blockers, []);
    assert.equal(draft.inputSize, 784);
    assert.equal(draft.outputSize, 10);
    assert.deepEqual(draft.experiment, {
      seed: 42,
      model: { input_shape: [784], layers: [{ class_name: 'Dense', units: 512, activation: 'relu' }, { class_name: 'Dense', units: 10, activation: 'softmax' }] },
      compile: { optimizer: 'rmsprop', loss: 'categorical_crossentropy', metrics: ['accuracy'] },
      fit: { epochs: 5, batch_size: 128 },
    });
  });

  it('reads regularizers, initializers, optimizers and callbacks written as calls, and trains the result', async () => {
    const source = `
from tensorflow import keras
from tensorflow.keras import layers, regularizers, initializers
from tensorflow.keras.callbacks import EarlyStopping

model = keras.Sequential([
    keras.Input(shape=(2,)),
    layers.Dense(8, activation="tanh", kernel_regularizer=regularizers.l2(0.001), bias_initializer=initializers.Constant(0.1)),
    layers.Dropout(0.2),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer=keras.optimizers.SGD(0.05, momentum=0.9, nesterov=True), loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x, y, epochs=3, batch_size=10, callbacks=[EarlyStopping(monitor="val_loss", patience=2)])
`;
    const draft = draftOf(source);
    assert.deepEqual(draft.blockers, []);
    const exp = draft.experiment as { model: { layers: unknown[] }; compile: unknown; fit: unknown };
    assert.deepEqual(exp.model.layers[0], { class_name: 'Dense', units: 8, activation: 'tanh', kernel_regularizer: { class_name: 'l2', l2: 0.001 }, bias_initializer: { class_name: 'Constant', value: 0.1 } });
    assert.deepEqual(exp.compile, { optimizer: { class_name: 'SGD', learning_rate: 0.05, momentum: 0.9, nesterov: true }, loss: 'binary_crossentropy', metrics: ['accuracy'] });
    assert.deepEqual(exp.fit, { epochs: 3, batch_size: 10, callbacks: [{ class_name: 'EarlyStopping', monitor: 'val_loss', patience: 2 }] });
    const loaded = await loadExperiment({ ...draft.experiment, data: { dataset: 'circle' } }, { io: nodeDataIo(ROOT, ROOT), backend: createBackend('auto') });
    assert.equal(runExperiment(loaded).epochsRun > 0, true);
  });

  it('says why a model cannot be trained instead of guessing', () => {
    const conv = draftOf(`
from tensorflow import keras
from tensorflow.keras import layers
model = keras.Sequential([keras.Input(shape=(28, 28, 1)), layers.Conv2D(32, 3), layers.Flatten(), layers.Dense(10, activation="softmax")])
model.compile(loss="categorical_crossentropy")
`);
    assert.equal(conv.experiment, null);
    assert.match(conv.blockers.map(english).join('\n'), /Conv2D \(line 4\): HyperLab's trainer runs Dense, Dropout, Activation, Flatten layers/);
    const noLoss = draftOf(`
from tensorflow import keras
model = keras.Sequential([keras.layers.Dense(1, input_shape=(3,))])
`);
    assert.equal(noLoss.experiment, null);
    assert.match(noLoss.blockers.map(english).join('\n'), /compile\(loss=\.\.\.\) is missing/);
    const unbuilt = draftOf(`
from tensorflow import keras
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(loss="mse")
`);
    assert.match(unbuilt.blockers.map(english).join('\n'), /no known input shape/);
  });
});
