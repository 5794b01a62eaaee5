import * as assert from 'node:assert/strict';
import { differingHyperparameters } from '../../../src/runs/runCompare';
import { runsToCsv, runsToJson } from '../../../src/runs/runExport';
import { runName } from '../../../src/runs/runName';
import type { RunData } from '../../../src/runs/runReader';
import { float32Text, weightsJson } from '../../../src/runs/runWeights';

const dense = (units: number, activation?: string) => ({ class_name: 'Dense', units, ...(activation ? { activation } : {}) });

describe('run names, comparisons, exports and weights', () => {
  it('names a run by its data, architecture and optimizer', () => {
    assert.equal(runName({ model: { input_shape: [2], layers: [dense(3, 'tanh'), dense(1, 'sigmoid')] }, compile: { optimizer: { class_name: 'SGD', learning_rate: 0.03 } }, data: { dataset: 'circle' } }),
      'circle · 2→[3 tanh]→1 · SGD 0.03');
    assert.equal(runName({ model: { layers: [dense(8, 'relu'), dense(8, 'relu'), { class_name: 'Dropout', rate: 0.2 }, dense(1)] }, compile: { optimizer: 'adam' }, data: { dataset: 'xor', features: ['x1', 'x2', 'x1*x2'] } }),
      'xor · 3→[8 relu ×2, drop 0.2]→1 · Adam 0.001', 'Keras default learning rate, layers collapsed');
    assert.equal(runName({ model: { input_shape: [784], layers: [dense(512, 'relu'), dense(10, 'softmax')] }, compile: { optimizer: { class_name: 'SGD', learning_rate: 0.01, momentum: 0.9, nesterov: true } }, data: { dataset: 'mnist' } }),
      'MNIST · 784→[512 relu]→10 · SGD 0.01 m 0.9 Nesterov');
    assert.equal(runName(null), 'run');
    assert.equal(runName({ data: { csv: 'data/iris.csv' } }), 'iris.csv');
  });

  it('keeps only the hyperparameters that differ, data arrays as their size', () => {
    const base = { seed: 1, model: { layers: [dense(2, 'tanh'), dense(1)] }, compile: { optimizer: { class_name: 'SGD', learning_rate: 0.03 } }, data: { dataset: 'circle', features: ['x1', 'x2'] } };
    const more = { ...base, model: { layers: [dense(3, 'tanh'), dense(1)] } };
    const adam = { ...base, compile: { optimizer: { class_name: 'Adam', learning_rate: 0.03 } }, data: { dataset: 'circle', features: ['x1', 'x2', 'sin(x1)'] } };
    assert.deepEqual(differingHyperparameters([base, more, adam]), [
      { path: 'model.layers[0].units', values: ['2', '3', '2'] },
      { path: 'compile.optimizer.class_name', values: ['SGD', 'SGD', 'Adam'] },
      { path: 'data.features', values: ['x1, x2', 'x1, x2', 'x1, x2, sin(x1)'] },
    ]);
    assert.deepEqual(differingHyperparameters([{ data: { x: [[1], [2]], y: [[0], [1]] } }, { data: { x: [[1], [2], [3]], y: [[0], [1], [1]] } }]), [
      { path: 'data.x', values: ['2 rows', '3 rows'] }, { path: 'data.y', values: ['2 rows', '3 rows'] },
    ]);
    assert.deepEqual(differingHyperparameters([base, base]), []);
  });

  it('exports metrics as CSV with a column per history key and quoted names, and as JSON', () => {
    const run = (id: string, name: string, logs: Record<string, number | null>[]): RunData => ({
      header: { type: 'run', schema: 1, id, name, source: { kind: 'cli' }, experiment: { seed: 1 }, base_dir: '/', hyperlab_version: '0', started: 's', pid: 1, hostname: 'h' },
      start: null, epochs: logs.map((l, i) => ({ type: 'epoch', epoch: i + 1, logs: l, learning_rate: 0.1 })), steps: [], end: null,
      meta: { name: null, starred: false, note: '' }, status: 'finished', summary: {}, skipped: 0,
    });
    const csv = runsToCsv([run('a', 'x, "y"', [{ loss: 1, accuracy: 0.5 }]), run('b', 'b', [{ loss: 0.5, val_loss: 0.7 }, { loss: 0.25, val_loss: null }])]);
    assert.equal(csv, 'run_id,run_name,epoch,loss,accuracy,val_loss,learning_rate\r\na,"x, ""y""",1,1,0.5,,0.1\r\nb,b,1,0.5,,0.7,0.1\r\nb,b,2,0.25,,,0.1\r\n');
    const json = JSON.parse(runsToJson([run('a', 'a', [{ loss: 1 }])])) as { id: string; epochs: unknown[] }[];
    assert.deepEqual(json[0]?.epochs, [{ epoch: 1, loss: 1, learning_rate: 0.1 }]);
  });

  it('writes weights with the fewest digits that give back the same float32', () => {
    for (const v of [0.1, -1.5, 1e-30, 3.4028234663852886e38, 0.333333333, Math.PI, -0]) {
      const text = float32Text(v);
      assert.equal(Math.fround(Number(text)), Math.fround(v) === 0 ? 0 : Math.fround(v), `${v} -> ${text}`);
      assert.ok(text.length <= 16, text);
    }
    const doc = JSON.parse(weightsJson({ format: 'hyperlab.weights', schema: 1, run: 'r', epoch: 3, restored_best_weights: false, initial_weights: [{ kernel: [[Math.fround(0.1), 2]], bias: null }] })) as { initial_weights: unknown };
    assert.deepEqual(doc.initial_weights, [{ kernel: [[0.1, 2]], bias: null }]);
  });
});
