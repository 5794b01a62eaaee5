import * as assert from 'node:assert/strict';
import { experimentDiff } from '../../src/shared/experimentDiff';

describe('experimentDiff', () => {
  const base = { seed: 1, model: { layers: [{ class_name: 'Dense', units: 8 }, { class_name: 'Dense', units: 1 }] }, compile: { optimizer: { class_name: 'Adam', learning_rate: 0.001 } }, fit: { epochs: 10 } };

  it('names changed values by their key path', () => {
    const after = structuredClone(base);
    after.compile.optimizer.learning_rate = 0.01;
    after.model.layers[0]!.units = 16;
    assert.deepEqual(experimentDiff(base, after), ['model.layers[0].units: 8 → 16', 'compile.optimizer.learning_rate: 0.001 → 0.01']);
  });

  it('reports added, removed and reshaped entries, and nothing for equal experiments', () => {
    assert.deepEqual(experimentDiff(base, base), []);
    const after = { ...base, fit: { batch_size: 32 }, model: { layers: [{ class_name: 'Dense', units: 1 }] } };
    assert.deepEqual(experimentDiff(base, after), [
      'model.layers: [{"class_name":"Dense","units":8},{"c... → [{"class_name":"Dense","units":1}]',
      'fit.epochs removed (was 10)',
      'fit.batch_size added: 32',
    ]);
  });

  it('caps the list and counts the rest', () => {
    const a = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`k${i}`, i]));
    const b = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`k${i}`, i + 1]));
    const lines = experimentDiff(a, b, 3);
    assert.equal(lines.length, 4);
    assert.equal(lines[3], 'and 9 more changes');
  });
});
