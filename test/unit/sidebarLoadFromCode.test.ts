import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import { settingsFromExperiment } from '../../src/host/sidebar/settingsFromExperiment';
import { analyzeDocument } from '../../src/keras/analyzeDocument';
import { experimentFromModel } from '../../src/keras/toExperiment';
import { defaultSettings } from '../../src/shared/hyperparamSettings';

const partialOf = (file: string, index: number) => experimentFromModel(analyzeDocument(fs.readFileSync(file, 'utf8'), 'python').models[index]!).partial;

describe('Load hyperparameters from code into the sidebar', () => {
  it('takes the hidden layers, optimizer, epochs, batch size and initializers of a Keras model', () => {
    const { settings, skipped } = settingsFromExperiment(defaultSettings(), partialOf('examples/initializers.py', 1));
    assert.deepEqual(skipped, []);
    assert.deepEqual(settings.layers.map((l) => [l.type, l.units, l.activation]), [['Dense', 8, 'relu'], ['Dense', 10, 'relu']]);
    assert.equal(settings.optimizer, 'SGD');
    assert.equal(settings.learning_rate, 0.03);
    assert.equal(settings.epochs, 30);
    assert.equal(settings.batch_size, 10);
    assert.equal(settings.kernel_initializer, 'he_uniform');
    assert.equal(settings.bias_initializer, 'constant');
    assert.equal(settings.bias_constant, 0.1);
  });

  it('keeps what the sidebar cannot hold and names it (512 units is beyond its 64)', () => {
    const base = defaultSettings();
    const { settings, skipped } = settingsFromExperiment(base, partialOf('examples/mnist_mlp.py', 0));
    assert.deepEqual(settings.layers, base.layers);
    assert.match(skipped.join('\n'), /^layers = /m);
    assert.equal(settings.optimizer, 'RMSprop');
    assert.equal(settings.batch_size, 128);
  });

  it('maps Dropout layers and the L1 penalty of the lecture\'s regularization model', () => {
    const { settings } = settingsFromExperiment(defaultSettings(), partialOf('examples/l1_l2_regularization.py', 0));
    assert.equal(settings.regularizer, 'L1');
    assert.equal(settings.regularization_rate, 0.01);
    assert.equal(settings.optimizer, 'Adam');
  });

  it('reads a leading Flatten as part of the input (the lecture\'s Dropout MNIST), so Apply writes back into the same layers', () => {
    const source = fs.readFileSync('examples/dropout_mnist.py', 'utf8').replace('Dense(128, ', 'Dense(32, ');
    const { settings, skipped } = settingsFromExperiment(defaultSettings(), experimentFromModel(analyzeDocument(source, 'python').models[0]!).partial);
    assert.deepEqual(settings.layers.map((l) => (l.type === 'Dense' ? [l.type, l.units, l.activation] : [l.type, l.rate])), [['Dense', 32, 'relu'], ['Dropout', 0.5]]);
    assert.deepEqual(skipped, []);
    assert.equal(settings.optimizer, 'Adam');
  });
});
