/**
 * The README lists every Keras 3 layer class the analysis does not model (the section "Keras layers the
 * analysis does not model"): the list must be exactly the classes keras.layers exports (callSignatures.ts,
 * read from Keras 3.15) that have no rule, so it cannot drift as rules are added.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { applyLayer } from '../../../src/keras/layers/applyLayer';
import { unmodelledKerasLayers } from '../../../src/keras/layers/layerRegistry';
import { english } from './analysisFixtures';

describe('Keras layers the analysis does not model', () => {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Keras layers the analysis does not model'), readme.indexOf('## Install the VSIX'));
  const listed = new Set([...section.matchAll(/`([A-Z]\w+)`/g)].map((m) => m[1]!));

  it('are all in the README, and the README lists nothing the analysis models', () => {
    const missing = unmodelledKerasLayers().filter((c) => !listed.has(c));
    assert.deepEqual(missing, [], 'unmodelled layers missing from the README');
    const modelled = [...listed].filter((c) => !unmodelledKerasLayers().includes(c) && !['Layer', 'Wrapper', 'TorchModuleWrapper', 'RNN'].includes(c));
    assert.deepEqual(modelled, [], 'the README lists layers that have rules');
  });

  it('leave the shape and the parameters unknown, saying Keras has the layer but HyperLab does not model it', () => {
    for (const c of unmodelledKerasLayers()) {
      const out = applyLayer({ className: c, args: [], kwargs: {} }, [[null, 4]]);
      assert.deepEqual([out.outputShape, out.params], [null, null], c);
      assert.match(english(out.unknownReason), new RegExp(`does not model Keras' ${c} layer`), c);
    }
  });
});
