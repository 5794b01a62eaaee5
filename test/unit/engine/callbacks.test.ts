import * as assert from 'node:assert/strict';
import type { TrainingControl } from '../../../src/engine/callbacks/callback';
import { EARLY_STOPPING_DEFAULTS, EarlyStopping, type EarlyStoppingConfig } from '../../../src/engine/callbacks/earlyStopping';
import { REDUCE_LR_DEFAULTS, ReduceLROnPlateau } from '../../../src/engine/callbacks/reduceLROnPlateau';

/** A fake fit: feeds `values` of `key` epoch by epoch; weights are the epoch index, so restores are visible. */
function simulate(config: Partial<EarlyStoppingConfig>, values: number[], key = 'val_loss') {
  const es = new EarlyStopping({ ...EARLY_STOPPING_DEFAULTS, ...config });
  let weights = new Float32Array([-1]);
  const control: TrainingControl = { stopTraining: false, learningRate: 0.1, getWeights: () => weights.slice(), setWeights: (w) => { weights = w.slice(); } };
  es.onTrainBegin();
  let ran = 0;
  for (let epoch = 0; epoch < values.length && !control.stopTraining; epoch++) {
    weights = new Float32Array([epoch]);
    es.onEpochEnd(epoch, { [key]: values[epoch]! }, control);
    ran++;
  }
  es.onTrainEnd(control);
  return { ran, stoppedEpoch: es.stoppedEpoch, bestEpoch: es.bestEpoch, weights: weights[0], restored: es.restored };
}

// Expected behaviour read from keras/src/callbacks/early_stopping.py (on_epoch_end / on_train_end).
describe('EarlyStopping (Keras 3 semantics)', () => {
  it('with patience 0 stops at the first epoch that does not improve (after epoch 0)', () => {
    assert.deepEqual(simulate({}, [1, 0.9, 0.95, 0.5]).ran, 3);
  });

  it('counts patience epochs without improvement, resetting on improvement', () => {
    const r = simulate({ patience: 2 }, [1, 0.9, 0.95, 0.85, 0.86, 0.87, 0.1]);
    assert.equal(r.ran, 6);
    assert.equal(r.stoppedEpoch, 5);
    assert.equal(r.bestEpoch, 3);
  });

  it('needs an improvement larger than min_delta', () => {
    // 0.995 improves on 1 by 0.005 < min_delta 0.01: not an improvement, so patience 1 stops at epoch 1.
    assert.equal(simulate({ patience: 1, min_delta: 0.01 }, [1, 0.995, 0.994, 0.5]).ran, 2);
    assert.equal(simulate({ patience: 1 }, [1, 0.995, 0.994, 0.5]).ran, 4);
  });

  it('maximizes accuracy in auto mode and honours mode="min"/"max"', () => {
    assert.equal(simulate({ monitor: 'val_accuracy', patience: 0 }, [0.5, 0.6, 0.55, 0.9], 'val_accuracy').ran, 3);
    assert.equal(simulate({ monitor: 'val_thing', mode: 'max' }, [1, 2, 1.5], 'val_thing').ran, 3);
    assert.throws(() => new EarlyStopping({ ...EARLY_STOPPING_DEFAULTS, monitor: 'val_thing' }), /set mode to "min" or "max"/);
  });

  it('does not reset the wait on an improvement that misses the baseline', () => {
    // Without a baseline, epoch 0 resets the wait and patience 2 stops at epoch 2. With baseline 0.5, epoch 0
    // improves on +inf but not on the baseline, so its wait of 1 stays and epoch 1 already stops.
    assert.equal(simulate({ patience: 2 }, [0.9, 0.95, 0.96, 0.97]).ran, 3);
    assert.equal(simulate({ patience: 2, baseline: 0.5 }, [0.9, 0.95, 0.96, 0.97]).ran, 2);
    // An improving value never stops training (Keras returns before the patience check).
    assert.equal(simulate({ patience: 1, baseline: 0.1 }, [0.9, 0.8, 0.7, 0.6]).ran, 4);
  });

  it('ignores epochs before start_from_epoch', () => {
    const r = simulate({ patience: 0, start_from_epoch: 3 }, [1, 2, 3, 0.5, 0.6, 0.1]);
    assert.equal(r.ran, 5);
    assert.equal(r.stoppedEpoch, 4);
  });

  it('restores the best weights at the end even when training was not stopped early', () => {
    const r = simulate({ patience: 10, restore_best_weights: true }, [1, 0.2, 0.5, 0.6]);
    assert.equal(r.ran, 4);
    assert.equal(r.stoppedEpoch, 0);
    assert.equal(r.weights, 1);
    assert.ok(r.restored);
  });

  it('does nothing without the monitored value', () => {
    assert.equal(simulate({ patience: 0 }, [1, 2, 3], 'loss').ran, 3);
  });
});

// keras/src/callbacks/reduce_lr_on_plateau.py
describe('ReduceLROnPlateau (Keras 3 semantics)', () => {
  function lrs(values: number[], config: Partial<typeof REDUCE_LR_DEFAULTS>) {
    const cb = new ReduceLROnPlateau({ ...REDUCE_LR_DEFAULTS, ...config });
    const control: TrainingControl = { stopTraining: false, learningRate: 1, getWeights: () => new Float32Array(0), setWeights: () => undefined };
    cb.onTrainBegin();
    return values.map((v, epoch) => {
      const logs: Record<string, number> = { val_loss: v };
      cb.onEpochEnd(epoch, logs, control);
      assert.equal(logs.learning_rate !== undefined, true, 'learning_rate is logged');
      return control.learningRate;
    });
  }

  it('multiplies the learning rate by factor after patience epochs without improvement, then cools down', () => {
    // Epoch 3 is the cooldown epoch: the counter drops to 0 first, so that same epoch already counts
    // towards patience again (in_cooldown() is checked after the decrement), and epoch 4 reduces again.
    assert.deepEqual(lrs([1, 1, 1, 1, 1, 1], { patience: 2, factor: 0.5, cooldown: 1 }), [1, 1, 0.5, 0.5, 0.25, 0.25]);
    assert.deepEqual(lrs([1, 1, 1, 1, 1, 1, 1], { patience: 2, factor: 0.5, cooldown: 2 }), [1, 1, 0.5, 0.5, 0.5, 0.25, 0.25]);
  });

  it('never goes below min_lr and refuses factor >= 1', () => {
    assert.deepEqual(lrs([1, 1, 1, 1], { patience: 1, factor: 0.1, min_lr: 0.05 }), [1, 0.1, 0.05, 0.05]);
    assert.throws(() => new ReduceLROnPlateau({ ...REDUCE_LR_DEFAULTS, factor: 1 }), /factor must be < 1/);
  });
});
