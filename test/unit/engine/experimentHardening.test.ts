import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Experiment, loadExperiment } from '../../../src/engine/experiment/experiment';
import { nodeDataIo } from '../../../src/engine/experiment/nodeDataIo';
import { finalWeights, runExperiment } from '../../../src/engine/experiment/runExperiment';
import { createBackend } from '../../../src/engine/kernels/engineBackend';
import { Rng } from '../../../src/engine/rng';

/** Bad experiments that used to train into nonsense (issue: hardening): each is now a clear error or warning. */

const ROOT = process.cwd();
let dir: string;
const load = (spec: unknown): Promise<Experiment> => loadExperiment(spec, { io: nodeDataIo(dir, ROOT), backend: createBackend('typescript') });
const dense1 = { layers: [{ class_name: 'Dense', units: 1 }] };
const eight = Array.from({ length: 8 }, (_, i) => [i]);

describe('experiment hardening: bad input is a clear error, never a silent NaN', () => {
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-hardening-')); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a validation_split that leaves no training rows, naming the split and the row counts', async () => {
    await assert.rejects(load({ model: dense1, compile: { loss: 'mse' }, fit: { validation_split: 0.99 }, data: { x: eight, y: eight } }),
      /^ConfigError: fit\.validation_split: got 0\.99; expected a fraction that leaves rows for both training and validation: inline data \(8 rows\) has 8 rows, and splitting at floor\(8 × \(1 - 0\.99\)\) = 0 leaves 0 training and 8 validation rows; use more data or a validation_split between 0\.13 and 0\.88$/);
    fs.writeFileSync(path.join(dir, 'one.csv'), 'a,b\n1,2\n');
    await assert.rejects(load({ model: dense1, compile: { loss: 'mse' }, fit: { validation_split: 0.5 }, data: { csv: 'one.csv', target: 'b' } }),
      /fit\.validation_split: got 0\.5; .*has 1 rows, .* leaves 0 training and 1 validation rows; use more data or no validation_split/);
    // A split so small that no row is left for validation is refused the same way (Keras raises there too).
    await assert.rejects(load({ model: dense1, compile: { loss: 'mse' }, fit: { validation_split: 1e-17 }, data: { x: eight, y: eight } }), /leaves 8 training and 0 validation rows/);
  });

  it('refuses labels outside the loss domain, naming where they are and the value', async () => {
    const bce = (y: number[][], extra: object = {}) => load({ model: { layers: [{ class_name: 'Dense', units: 1, activation: 'sigmoid' }] }, compile: { loss: 'binary_crossentropy' }, data: { x: [[0], [1], [2]], y, ...extra } });
    await assert.rejects(bce([[0], [1], [2]]), /^DataError: data\.y\[2\]: the target 2 is outside the domain of binary_crossentropy; expected a label 0 or 1 \(or a probability in between\)/);
    await assert.rejects(bce([[0], [-3], [1]]), /data\.y\[1\]: the target -3 is outside the domain of binary_crossentropy/);
    await assert.rejects(bce([[0], [1], [1]], { validation_data: { x: [[0]], y: [[5]] } }), /data\.validation_data\.y\[0\]: the target 5 is outside/);
    const soft = await bce([[0], [0.3], [1]]);
    assert.ok(Number.isFinite(runExperiment(soft).history[0]!.logs.loss!), 'soft labels in [0, 1] train');
    fs.writeFileSync(path.join(dir, 'labels.csv'), 'x,label\n0.5,0\n\n0.1,2\n0.2,1\n');
    await assert.rejects(load({ model: { layers: [{ class_name: 'Dense', units: 1, activation: 'sigmoid' }] }, compile: { loss: 'binary_crossentropy' }, data: { csv: 'labels.csv', target: 'label' } }),
      /^DataError: labels\.csv, row 4, column "label" \(B\): the target 2 is outside the domain of binary_crossentropy/);
    await assert.rejects(load({ model: { layers: [{ class_name: 'Dense', units: 3, activation: 'softmax' }] }, compile: { loss: 'sparse_categorical_crossentropy' }, data: { x: [[0], [1]], y: [[1], [3]] } }),
      /data\.y\[1\]: the target 3 is outside the domain of sparse_categorical_crossentropy; expected a class index, an integer from 0 to 2/);
    await assert.rejects(load({ model: { layers: [{ class_name: 'Dense', units: 3, activation: 'softmax' }] }, compile: { loss: 'sparse_categorical_crossentropy' }, data: { x: [[0], [1]], y: [[1], [1.5]] } }),
      /the target 1\.5 is outside the domain of sparse_categorical_crossentropy/);
    await assert.rejects(load({ model: { layers: [{ class_name: 'Dense', units: 2, activation: 'softmax' }] }, compile: { loss: 'categorical_crossentropy' }, data: { x: [[0], [1]], y: [[1, 0], [-1, 2]] } }),
      /data\.y\[1\]\[0\]: the target -1 is outside the domain of categorical_crossentropy/);
  });

  it('warns as Keras does when EarlyStopping monitors a metric the logs lack, and claims no best epoch', async () => {
    const exp = await load({ model: dense1, compile: { loss: 'mse' }, fit: { epochs: 3, callbacks: [{ class_name: 'EarlyStopping' }, { class_name: 'ReduceLROnPlateau', monitor: 'val_mae' }] }, data: { x: eight, y: eight } });
    assert.deepEqual(exp.warnings, [
      'Early stopping is conditioned on metric `val_loss` which is not available. Available metrics are: loss,learning_rate (there is no validation data: set fit.validation_split or give validation data)',
      'Learning rate reduction is conditioned on metric `val_mae` which is not available. Available metrics are: loss,learning_rate (there is no validation data: set fit.validation_split or give validation data)',
    ]);
    const result = runExperiment(exp);
    assert.equal(result.epochsRun, 3);
    assert.equal(result.bestEpoch, null);
    assert.equal(result.stoppedEpoch, null);
    const fine = await load({ model: dense1, compile: { loss: 'mse' }, fit: { epochs: 2, validation_split: 0.25, callbacks: [{ class_name: 'EarlyStopping' }] }, data: { x: eight, y: eight } });
    assert.deepEqual(fine.warnings, []);
    assert.ok(runExperiment(fine).bestEpoch !== null);
  });

  it('accepts the seeds Keras accepts (0 to 2^32 - 1), each its own run, and refuses the rest with the range', async () => {
    const weightsFor = async (seed: number) => JSON.stringify(finalWeights(await load({ seed, model: { layers: [{ class_name: 'Dense', units: 4 }, { class_name: 'Dense', units: 1 }] }, compile: { loss: 'mse' }, fit: { epochs: 1 }, data: { x: eight, y: eight } })));
    const seen = new Set(await Promise.all([0, 1, 2 ** 31, 2 ** 32 - 1].map(weightsFor)));
    assert.equal(seen.size, 4, 'four seeds, four different initial weights');
    for (const seed of [2 ** 32, 2 ** 60, -1, 0.5]) {
      await assert.rejects(load({ seed, model: dense1, compile: { loss: 'mse' }, data: { x: eight, y: eight } }),
        new RegExp(`^ConfigError: seed: got ${String(seed).replace('.', '\\.')}; expected an integer from 0 to 4294967295 \\(2\\^32 - 1, the range Keras' set_random_seed accepts\\)$`));
    }
    await assert.rejects(load({ model: { layers: [{ class_name: 'Dropout', rate: 0.5, seed: 2 ** 40 }, { class_name: 'Dense', units: 1 }] }, compile: { loss: 'mse' }, data: { x: eight, y: eight } }), /model\.layers\[0\]\.seed: got 1099511627776; expected an integer from 0 to 4294967295/);
    await assert.rejects(load({ model: { layers: [{ class_name: 'Dense', units: 1, kernel_initializer: { class_name: 'GlorotUniform', config: { seed: -5 } } }] }, compile: { loss: 'mse' }, data: { x: eight, y: eight } }), /kernel_initializer\.seed: got -5; expected an integer from 0 to 4294967295/);
    assert.throws(() => new Rng(2 ** 32), /Rng seed must be an integer in \[-2\^31, 2\^32\)/);
  });

  it('names the key, row and column of a value that overflows float32', async () => {
    await assert.rejects(load({ model: dense1, compile: { loss: 'mse' }, data: { x: [[1], [1e39]], y: [[1], [2]] } }), /^ConfigError: data\.x\[1\]\[0\]: got 1e\+39; expected a number within float32 range/);
    await assert.rejects(load({ model: dense1, compile: { loss: 'mse' }, data: { x: [1, 2], y: [1, -1e39] } }), /^ConfigError: data\.y\[1\]: got -1e\+39/);
    await assert.rejects(load({ model: dense1, compile: { loss: 'mse' }, data: { x: eight, y: eight }, initial_weights: [{ kernel: [[1e39]], bias: [0] }] }), /^ConfigError: initial_weights\[0\]\.kernel\[0\]\[0\]: got 1e\+39; expected a number within float32 range/);
    await assert.rejects(load({ model: dense1, compile: { loss: 'mse' }, data: { x: eight, y: eight }, initial_weights: [{ kernel: [[1]], bias: [3.5e38] }] }), /initial_weights\[0\]\.bias\[0\]: got 3\.5e\+38/);
    await assert.rejects(load({ model: { layers: [{ class_name: 'Dense', units: 1, kernel_initializer: { class_name: 'Constant', config: { value: 1e39 } } }] }, compile: { loss: 'mse' }, data: { x: eight, y: eight } }), /kernel_initializer\.value: got 1e\+39; expected a number within float32 range/);
    await assert.rejects(load({ model: { layers: [{ class_name: 'Dense', units: 1, kernel_regularizer: { class_name: 'L2', config: { l2: 1e39 } } }] }, compile: { loss: 'mse' }, data: { x: eight, y: eight } }), /kernel_regularizer.*l2: got 1e\+39; expected a number within float32 range/);
    fs.writeFileSync(path.join(dir, 'huge.csv'), 'a,b,y\n1,2,3\n4,1e400,6\n');
    await assert.rejects(load({ model: dense1, compile: { loss: 'mse' }, data: { csv: 'huge.csv', target: 'y' } }), /^DataError: huge\.csv, row 3, column "b" \(B\): "1e400" is too large for float32; values must have a magnitude of at most 3\.4028235e38/);
    fs.writeFileSync(path.join(dir, 'hugey.csv'), 'a,y\n1,3\n4,-2e38\n5,5e38\n');
    await assert.rejects(load({ model: dense1, compile: { loss: 'mse' }, data: { csv: 'hugey.csv', target: 'y' } }), /hugey\.csv, row 4, column "y" \(B\): "5e38" is too large for float32/);
  });

  it('checks the type of names like every other key', async () => {
    for (const name of [5, ['m'], { a: 1 }, '', 'a/b']) {
      await assert.rejects(load({ model: { ...dense1, name }, compile: { loss: 'mse' }, data: { x: eight, y: eight } }), /^ConfigError: model\.name: got .*; expected a non-empty string without "\/" \(a Keras name\)$/);
    }
    await assert.rejects(load({ model: { layers: [{ class_name: 'Dense', units: 1, name: 7 }] }, compile: { loss: 'mse' }, data: { x: eight, y: eight } }), /model\.layers\[0\]\.name: got 7/);
    await assert.rejects(load({ model: { layers: [{ class_name: 'InputLayer', shape: [1], name: true }, { class_name: 'Dense', units: 1 }] }, compile: { loss: 'mse' }, data: { x: eight, y: eight } }), /model\.layers\[0\]\.name: got true/);
    const named = await load({ model: { name: 'mine', layers: [{ class_name: 'InputLayer', batch_shape: [null, 1] }, { class_name: 'Dense', units: 1 }] }, compile: { loss: 'mse' }, data: { x: eight, y: eight } });
    assert.equal(named.compiled.model.inputSize, 1);
  });

  it('caps every value it echoes: a 1 MB string becomes an 80-character excerpt', async () => {
    const huge = 'x'.repeat(1_000_000);
    const cases: unknown[] = [
      { model: { ...dense1, name: 5, extra: huge }, data: {} },
      { model: { name: [huge] }, data: {} },
      { model: dense1, compile: { loss: huge }, data: { x: eight, y: eight } },
      { model: { layers: [{ class_name: 'Dense', units: 1, activation: huge }] }, compile: { loss: 'mse' }, data: { x: eight, y: eight } },
      { model: dense1, compile: { loss: 'mse' }, data: { dataset: huge } },
      { model: dense1, compile: { loss: 'mse' }, data: { csv: 'c.csv', target: huge } },
      { model: dense1, compile: { loss: 'mse' }, data: { csv: 'c.csv', target: 'y' } },
      { model: dense1, compile: { loss: 'mse' }, fit: { callbacks: [{ class_name: 'EarlyStopping', monitor: huge, mode: 'min' }], epochs: huge }, data: { x: eight, y: eight } },
    ];
    fs.writeFileSync(path.join(dir, 'c.csv'), `a,y\n${huge},1\n2,3\n`);
    for (const [i, spec] of cases.entries()) {
      const error = await load(spec).then(() => null, (e: unknown) => e as Error);
      assert.ok(error, `case ${i} should fail`);
      assert.ok(error.message.length < 1_000, `case ${i}: a ${error.message.length}-character message: ${error.message.slice(0, 200)}`);
      assert.match(error.message, /… \(1,000,00\d characters\)/, `case ${i}: ${error.message}`);
    }
  });
});
