/**
 * Unit tests for the normalization, reshaping, merging and preprocessing rules: BatchNormalization's 4·C
 * split, Normalization's 2·F + 1 non-trainable values, Flatten/Reshape/RepeatVector/UpSampling/padding and
 * cropping shapes, Concatenate and the element-wise merges with Keras' broadcasting, and the image
 * preprocessing layers.
 */
import * as assert from 'node:assert/strict';
import { N } from './publishedModelCatalog';
import { apply, layer, paramTotal, unknownValue } from './layerCallBuilders';

describe('BatchNormalization rule', () => {
  it('counts 4·C: gamma and beta trainable, the moving statistics non-trainable', () => {
    const out = apply(layer('BatchNormalization'), [N, 8, 8, 64]);
    assert.deepEqual(out.outputShape, [N, 8, 8, 64]);
    assert.deepEqual(out.params, { trainable: 128, nonTrainable: 128 });
    assert.equal(out.formula, '4 × 64 = 256');
  });

  it('drops gamma with scale=False and beta with center=False', () => {
    assert.deepEqual(apply(layer('BatchNormalization', [], { scale: false }), [N, 10]).params, { trainable: 10, nonTrainable: 20 });
    assert.deepEqual(apply(layer('BatchNormalization', [], { center: false, scale: false }), [N, 10]).params, { trainable: 0, nonTrainable: 20 });
  });

  it('normalizes the axis it is given (channels_first: axis=1)', () => {
    assert.deepEqual(apply(layer('BatchNormalization', [1]), [N, 3, 32, 32]).params, { trainable: 6, nonTrainable: 6 });
  });

  it('reports the batch axis, an axis outside the input and an axis of size None', () => {
    assert.match(apply(layer('BatchNormalization', [], { axis: 0 }), [N, 4]).problems[0]!.message, /batch axis/);
    assert.match(apply(layer('BatchNormalization', [], { axis: 3 }), [N, 4]).problems[0]!.message, /outside the input/);
    assert.equal(apply(layer('BatchNormalization'), [N, 5, N]).params, null);
  });

  it('warns about tf.keras 2 only arguments such as fused', () => {
    assert.deepEqual(apply(layer('BatchNormalization', [], { fused: true }), [N, 4]).problems.map((p) => p.code), ['unknown-argument']);
  });
});

describe('Normalization rule', () => {
  it('keeps 2·F + 1 non-trainable values (mean, variance, count) over the last axis', () => {
    const out = apply(layer('Normalization'), [N, 9]);
    assert.deepEqual(out.params, { trainable: 0, nonTrainable: 19 });
    assert.equal(out.formula, '2 × 9 + 1 = 19');
    assert.equal(paramTotal(apply(layer('Normalization', [-1]), [N, 32, 32, 1])), 3);
  });

  it('keeps one scalar mean and variance with axis=None, and several axes with a tuple', () => {
    assert.equal(paramTotal(apply(layer('Normalization', [null]), [N, 5, 7])), 3);
    assert.equal(paramTotal(apply(layer('Normalization', [[1, 2]]), [N, 5, 7])), 71);
  });

  it('has no weights when mean and variance are given, and needs both', () => {
    assert.deepEqual(apply(layer('Normalization', [], { mean: 3, variance: 2 }), [N, 4]).params, { trainable: 0, nonTrainable: 0 });
    assert.match(apply(layer('Normalization', [], { mean: 3 }), [N, 4]).problems[0]!.message, /both mean= and variance=/);
  });

  it('needs the kept axes to have a known size', () => {
    assert.equal(apply(layer('Normalization'), [N, N]).problems[0]?.code, 'impossible-shape');
    assert.match(apply(layer('Normalization', [0]), [N, 3]).problems[0]!.message, /axis 0/);
  });
});

describe('reshaping rules', () => {
  it('Flatten multiplies the non-batch axes, gives None for a None axis and (batch, 1) for a rank-1 input', () => {
    assert.deepEqual(apply(layer('Flatten'), [N, 5, 5, 64]).outputShape, [N, 1600]);
    assert.deepEqual(apply(layer('Flatten'), [N, N, 3]).outputShape, [N, N]);
    assert.deepEqual(apply(layer('Flatten'), [N]).outputShape, [N, 1]);
  });

  it('Reshape keeps the batch axis, infers -1 and checks the sizes', () => {
    assert.deepEqual(apply(layer('Reshape', [[28, 28, 1]]), [N, 784]).outputShape, [N, 28, 28, 1]);
    assert.deepEqual(apply(layer('Reshape', [[-1, 2, 2]]), [N, 12]).outputShape, [N, 3, 2, 2]);
    assert.deepEqual(apply(layer('Reshape', [[-1, 4]]), [N, N, 4]).outputShape, [N, N, 4]);
    const out = apply(layer('Reshape', [[28, 28, 2]]), [N, 784]);
    assert.equal(out.problems[0]?.code, 'impossible-shape');
    assert.equal(out.problems[0]?.message, 'Reshape((28, 28, 2)) needs 1,568 values per sample but its input (None, 784) has 784');
    assert.match(apply(layer('Reshape', [[-1, 5]]), [N, 12]).problems[0]!.message, /cannot split the 12 values/);
  });

  it('Reshape rejects two -1 and a target that is not a tuple', () => {
    assert.match(apply(layer('Reshape', [[-1, -1]]), [N, 12]).problems[0]!.message, /only one -1/);
    assert.match(apply(layer('Reshape', [784]), [N, 784]).problems[0]!.message, /must be a tuple/);
  });

  it('RepeatVector turns (batch, f) into (batch, n, f) and needs rank 2', () => {
    assert.deepEqual(apply(layer('RepeatVector', [4]), [N, 128]).outputShape, [N, 4, 128]);
    assert.equal(apply(layer('RepeatVector', [4]), [N, 3, 128]).problems[0]?.code, 'impossible-shape');
  });

  it('UpSampling multiplies the spatial axes', () => {
    assert.deepEqual(apply(layer('UpSampling2D', [3]), [N, 8, 8, 32]).outputShape, [N, 24, 24, 32]);
    assert.deepEqual(apply(layer('UpSampling2D', [[1, 2]], { data_format: 'channels_first' }), [N, 3, 5, 5]).outputShape, [N, 3, 5, 10]);
    assert.deepEqual(apply(layer('UpSampling1D'), [N, 10, 4]).outputShape, [N, 20, 4]);
  });

  it('ZeroPadding2D and Cropping2D add or remove rows and columns', () => {
    assert.deepEqual(apply(layer('ZeroPadding2D', [[2, 2]]), [N, 28, 28, 1]).outputShape, [N, 32, 32, 1]);
    assert.deepEqual(apply(layer('ZeroPadding2D'), [N, 5, 5, 1]).outputShape, [N, 7, 7, 1]);
    assert.deepEqual(apply(layer('Cropping2D', [[[1, 2], [0, 3]]]), [N, 10, 10, 3]).outputShape, [N, 7, 7, 3]);
    assert.match(apply(layer('Cropping2D', [5]), [N, 10, 10, 3]).problems[0]!.message, /must be smaller than the input/);
  });
});

describe('merging rules', () => {
  it('Concatenate adds the sizes on the last axis by default', () => {
    const out = apply(layer('Concatenate'), [N, 128], [N, 32], [N, 12]);
    assert.deepEqual([out.outputShape, out.params], [[N, 172], { trainable: 0, nonTrainable: 0 }]);
    assert.deepEqual(apply(layer('Concatenate', [1]), [N, 2, 5], [N, 3, 5]).outputShape, [N, 5, 5]);
    assert.deepEqual(apply(layer('Concatenate'), [N, 4, N], [N, 4, 2]).outputShape, [N, 4, N]);
  });

  it('Concatenate reports other axes that differ and ranks that differ', () => {
    const out = apply(layer('Concatenate'), [N, 4, 8], [N, 5, 8]);
    assert.equal(out.problems[0]?.code, 'impossible-shape');
    assert.match(out.problems[0].message, /match on every other axis, but gets \(None, 4, 8\) and \(None, 5, 8\)/);
    assert.match(apply(layer('Concatenate'), [N, 4], [N, 4, 1]).problems[0]!.message, /same rank/);
  });

  it('the functional concatenate([a, b], axis=1) binds its input list first', () => {
    const out = apply(layer('concatenate', [[unknownValue('a tensor'), unknownValue('a tensor')]], { axis: 1 }), [N, 2], [N, 3]);
    assert.deepEqual(out.outputShape, [N, 5]);
    assert.deepEqual(out.problems, []);
  });

  it('Add, Multiply, Average, Maximum and Minimum need matching shapes, broadcasting 1 and None', () => {
    for (const name of ['Add', 'Multiply', 'Average', 'Maximum', 'Minimum']) {
      assert.deepEqual(apply(layer(name), [N, 9, 9, 64], [N, 9, 9, 64]).outputShape, [N, 9, 9, 64], name);
    }
    assert.deepEqual(apply(layer('Add'), [N, 4, 1], [N, 4, 6]).outputShape, [N, 4, 6]);
    assert.deepEqual(apply(layer('Add'), [N, 4, 6], [N, 6]).outputShape, [N, 4, 6]);
    assert.deepEqual(apply(layer('Add'), [N, N, 6], [N, 3, 6]).outputShape, [N, N, 6]);
    assert.match(apply(layer('Add'), [N, 9, 9, 64], [N, 9, 9, 32]).problems[0]!.message, /same shape, but gets \(None, 9, 9, 64\) and \(None, 9, 9, 32\)/);
  });

  it('Subtract takes exactly two inputs and batch sizes must agree', () => {
    assert.match(apply(layer('Subtract'), [N, 3], [N, 3], [N, 3]).problems[0]!.message, /exactly 2 inputs/);
    assert.match(apply(layer('Add'), [2, 3], [4, 3]).problems[0]!.message, /different batch sizes/);
    assert.deepEqual(apply(layer('Add'), [2, 3], [N, 3]).outputShape, [2, 3]);
  });

  it('keeps the merged shape unknown when an input is unknown', () => {
    const out = apply(layer('Add'), [N, 3], null);
    assert.equal(out.outputShape, null);
    assert.deepEqual(out.params, { trainable: 0, nonTrainable: 0 });
  });
});

describe('preprocessing rules', () => {
  it('Rescaling keeps the shape; Resizing and CenterCrop set height and width', () => {
    assert.deepEqual(apply(layer('Rescaling', [1 / 255]), [N, 28, 28]).outputShape, [N, 28, 28]);
    assert.deepEqual(apply(layer('Resizing', [32, 32]), [N, 124, 129, 1]).outputShape, [N, 32, 32, 1]);
    assert.deepEqual(apply(layer('CenterCrop', [], { height: 150, width: 150 }), [N, N, N, 3]).outputShape, [N, 150, 150, 3]);
  });

  it('Resizing needs positive sizes and a 4-D input', () => {
    assert.equal(apply(layer('Resizing', [0, 32]), [N, 8, 8, 1]).problems[0]?.code, 'invalid-argument');
    assert.equal(apply(layer('Resizing', [4, 4]), [N, 8]).problems[0]?.code, 'impossible-shape');
  });
});
