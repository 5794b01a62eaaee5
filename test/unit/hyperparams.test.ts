import * as assert from 'node:assert/strict';
import { HYPERPARAM_GROUPS } from '../../src/shared/hyperparams';

describe('hyperparameter overview', () => {
  it('has the lecture\'s four families in its order', () => {
    assert.deepEqual(HYPERPARAM_GROUPS.map((g) => g.id), ['architecture', 'optimization', 'regularization', 'initialization']);
  });

  it('names every hyperparameter of the lecture once', () => {
    const ids = HYPERPARAM_GROUPS.flatMap((g) => g.items.map((i) => i.id));
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ['layers', 'units', 'layerType', 'activation', 'epochs', 'optimizer', 'batchSize', 'dropout', 'l1l2', 'earlyStopping', 'kernelInitializer', 'biasInitializer']) {
      assert.ok(ids.includes(id), `missing ${id}`);
    }
  });

  it('shows the Keras 3 defaults', () => {
    const byId = new Map(HYPERPARAM_GROUPS.flatMap((g) => g.items.map((i) => [i.id, i.kerasDefault] as const)));
    // keras/src/layers/core/dense.py: activation=None, kernel_initializer="glorot_uniform", bias_initializer="zeros"
    assert.equal(byId.get('activation'), 'linear');
    assert.equal(byId.get('kernelInitializer'), 'glorot_uniform');
    assert.equal(byId.get('biasInitializer'), 'zeros');
    // keras/src/trainers/trainer.py: compile(optimizer="rmsprop"), fit(epochs=1, batch_size=None -> 32)
    assert.equal(byId.get('optimizer'), 'rmsprop');
    assert.equal(byId.get('epochs'), '1');
    assert.equal(byId.get('batchSize'), '32');
    // keras/src/optimizers/rmsprop.py: learning_rate=0.001; keras/src/regularizers/regularizers.py: l2=0.01
    assert.equal(byId.get('learningRate'), '0.001');
    assert.equal(byId.get('l1l2'), '0.01');
    // keras/src/callbacks/early_stopping.py: patience=0
    assert.equal(byId.get('earlyStopping'), '0');
  });
});
