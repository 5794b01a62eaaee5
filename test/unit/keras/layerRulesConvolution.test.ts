/**
 * Unit tests for the convolution and pooling rules: output lengths for valid/same/causal padding, strides,
 * dilation and channels_first, kernels with groups and without bias, transposed convolutions with and
 * without output_padding, pooling defaults, global pooling, and the impossible shapes Keras refuses.
 */
import * as assert from 'node:assert/strict';
import { N } from './publishedModelCatalog';
import { apply, layer, paramTotal } from './layerCallBuilders';

describe('Conv2D rule', () => {
  it('counts 3 × 3 × 1 × 32 + 32 = 320 and shrinks 28 to 26 with valid padding', () => {
    const out = apply(layer('Conv2D', [32, [3, 3]], { activation: 'relu' }), [N, 28, 28, 1]);
    assert.deepEqual(out.outputShape, [N, 26, 26, 32]);
    assert.equal(out.formula, '3 × 3 × 1 × 32 + 32 = 320');
  });

  it('keeps ⌈n/s⌉ with same padding and ⌊(n − k)/s⌋ + 1 with valid padding', () => {
    assert.deepEqual(apply(layer('Conv2D', [8, 3], { strides: 2, padding: 'same' }), [N, 15, 16, 3]).outputShape, [N, 8, 8, 8]);
    assert.deepEqual(apply(layer('Conv2D', [8, 3], { strides: 2 }), [N, 15, 16, 3]).outputShape, [N, 7, 7, 8]);
    assert.deepEqual(apply(layer('Conv2D', [8, [3, 5]], { strides: [1, 2] }), [N, 10, 11, 3]).outputShape, [N, 8, 4, 8]);
  });

  it('widens the kernel with dilation_rate: 3 dilated by 2 spans 5', () => {
    const out = apply(layer('Conv2D', [4, 3], { dilation_rate: 2 }), [N, 9, 9, 2]);
    assert.deepEqual(out.outputShape, [N, 5, 5, 4]);
    assert.equal(paramTotal(out), 3 * 3 * 2 * 4 + 4);
  });

  it('divides the input channels by groups and drops the bias with use_bias=False', () => {
    const out = apply(layer('Conv2D', [64, 3], { groups: 4, use_bias: false }), [N, 8, 8, 32]);
    assert.equal(out.formula, '3 × 3 × 8 × 64 = 4,608');
    assert.match(apply(layer('Conv2D', [64, 3], { groups: 3 }), [N, 8, 8, 32]).problems[0]!.message, /filters \(64\) must be divisible by groups \(3\)/);
    assert.match(apply(layer('Conv2D', [30, 3], { groups: 3 }), [N, 8, 8, 32]).problems[0]!.message, /groups \(3\) must divide the input's 32 channels/);
  });

  it('reads channels_first inputs as (batch, channels, height, width)', () => {
    const out = apply(layer('Conv2D', [16, 3], { data_format: 'channels_first' }), [N, 3, 32, 32]);
    assert.deepEqual(out.outputShape, [N, 16, 30, 30]);
    assert.equal(paramTotal(out), 3 * 3 * 3 * 16 + 16);
  });

  it('keeps None spatial sizes None', () => {
    assert.deepEqual(apply(layer('Conv2D', [8, 3]), [N, N, N, 3]).outputShape, [N, N, N, 8]);
  });

  it('explains a rank-2 input with the Reshape that fixes it', () => {
    const out = apply(layer('Conv2D', [32, [3, 3]]), [N, 784]);
    assert.equal(out.problems[0]?.code, 'impossible-shape');
    assert.equal(out.problems[0]?.message, 'Conv2D expects a 4-D input (batch, height, width, channels) but gets (None, 784); add Reshape((28, 28, 1)) before it');
    assert.match(apply(layer('Conv2D', [32, 3]), [N, 28, 28]).problems[0]!.message, /add Reshape\(\(28, 28, 1\)\) before it/);
  });

  it('reports a kernel larger than the input with valid padding', () => {
    const out = apply(layer('Conv2D', [8, 5]), [N, 3, 3, 1]);
    assert.deepEqual([out.outputShape, out.params], [null, null]);
    assert.equal(out.problems[0]?.code, 'impossible-shape');
    assert.match(out.problems[0].message, /padding="same"/);
  });

  it('needs a known channel axis for its kernel', () => {
    assert.match(apply(layer('Conv2D', [8, 3]), [N, 5, 5, N]).problems[0]!.message, /channel axis/);
  });

  it('rejects causal padding, strides with dilation, and a missing kernel_size', () => {
    assert.match(apply(layer('Conv2D', [8, 3], { padding: 'causal' }), [N, 5, 5, 1]).problems[0]!.message, /padding must be "valid" or "same"/);
    assert.match(apply(layer('Conv2D', [8, 3], { strides: 2, dilation_rate: 2 }), [N, 9, 9, 1]).problems[0]!.message, /strides > 1 with dilation_rate > 1/);
    assert.match(apply(layer('Conv2D', [8]), [N, 9, 9, 1]).problems[0]!.message, /needs kernel_size/);
  });

  it('accepts the Convolution2D alias', () => {
    assert.equal(paramTotal(apply(layer('Convolution2D', [32, 3]), [N, 28, 28, 1])), 320);
  });
});

describe('Conv1D rule', () => {
  it('keeps the length with causal padding and counts k × c × f + f', () => {
    const out = apply(layer('Conv1D', [16, 7], { padding: 'causal', dilation_rate: 4 }), [N, 100, 8]);
    assert.deepEqual(out.outputShape, [N, 100, 16]);
    assert.equal(out.formula, '7 × 8 × 16 + 16 = 912');
  });

  it('suggests Reshape((n, 1)) for a rank-2 input', () => {
    assert.match(apply(layer('Conv1D', [4, 3]), [N, 50]).problems[0]!.message, /Reshape\(\(50, 1\)\)/);
  });
});

describe('transposed convolution rules', () => {
  it('Conv2DTranspose valid: (n − 1)·s + max(k, s); same: n·s', () => {
    assert.deepEqual(apply(layer('Conv2DTranspose', [16, 3]), [N, 4, 4, 1]).outputShape, [N, 6, 6, 16]);
    assert.deepEqual(apply(layer('Conv2DTranspose', [16, 2], { strides: 3 }), [N, 4, 4, 1]).outputShape, [N, 12, 12, 16]);
    assert.deepEqual(apply(layer('Conv2DTranspose', [128, 4], { strides: 2, padding: 'same' }), [N, 7, 7, 128]).outputShape, [N, 14, 14, 128]);
  });

  it('counts k × k × c × f + f with the kernel (k, k, f, c)', () => {
    assert.equal(apply(layer('Conv2DTranspose', [1, 3]), [N, 26, 26, 16]).formula, '3 × 3 × 16 × 1 + 1 = 145');
  });

  it('applies output_padding: valid (n − 1)·s + k + p, same (n − 1)·s + k mod 2 + p', () => {
    assert.deepEqual(apply(layer('Conv2DTranspose', [4, 3], { strides: 2, output_padding: 1 }), [N, 5, 5, 2]).outputShape, [N, 12, 12, 4]);
    assert.deepEqual(apply(layer('Conv1DTranspose', [4, 3, 2, 'same', 1]), [N, 5, 2]).outputShape, [N, 10, 4]);
    assert.match(apply(layer('Conv2DTranspose', [4, 3], { strides: 2, output_padding: 2 }), [N, 5, 5, 2]).problems[0]!.message, /smaller than strides/);
  });

  it('Conv1DTranspose doubles the length with stride 2 and same padding', () => {
    const out = apply(layer('Conv1DTranspose', [], { filters: 16, kernel_size: 7, padding: 'same', strides: 2 }), [N, 72, 16]);
    assert.deepEqual(out.outputShape, [N, 144, 16]);
    assert.equal(paramTotal(out), 1_808);
  });
});

describe('pooling rules', () => {
  it('MaxPooling2D defaults to pool (2, 2) with strides equal to the pool', () => {
    assert.deepEqual(apply(layer('MaxPooling2D'), [N, 13, 13, 32]).outputShape, [N, 6, 6, 32]);
    assert.deepEqual(apply(layer('MaxPooling2D', [3]), [N, 28, 28, 64]).outputShape, [N, 9, 9, 64]);
    assert.deepEqual(apply(layer('AveragePooling2D', [2], { strides: 1 }), [N, 4, 4, 3]).outputShape, [N, 3, 3, 3]);
  });

  it('same padding gives ⌈n/s⌉', () => {
    assert.deepEqual(apply(layer('MaxPooling2D', [[2, 2]], { padding: 'same' }), [N, 7, 7, 32]).outputShape, [N, 4, 4, 32]);
    assert.deepEqual(apply(layer('MaxPool1D', [], { pool_size: 3, padding: 'same' }), [N, 10, 5]).outputShape, [N, 4, 5]);
  });

  it('has no parameters, even with an unknown input', () => {
    assert.deepEqual(apply(layer('AveragePooling1D', [3]), null).params, { trainable: 0, nonTrainable: 0 });
  });

  it('reports a pool larger than the input with valid padding', () => {
    const out = apply(layer('MaxPooling2D', [[5, 5]]), [N, 3, 3, 8]);
    assert.equal(out.problems[0]?.code, 'impossible-shape');
    assert.match(out.problems[0].message, /pool of size 5 is larger than the input \(None, 3, 3, 8\)/);
  });

  it('requires the exact rank and reads channels_first', () => {
    assert.equal(apply(layer('MaxPooling1D'), [N, 8, 8, 3]).problems[0]?.code, 'impossible-shape');
    assert.deepEqual(apply(layer('MaxPooling2D', [], { data_format: 'channels_first' }), [N, 3, 8, 8]).outputShape, [N, 3, 4, 4]);
  });
});

describe('global pooling rules', () => {
  it('keep only the batch and channel axes', () => {
    assert.deepEqual(apply(layer('GlobalAveragePooling2D'), [N, 7, 7, 64]).outputShape, [N, 64]);
    assert.deepEqual(apply(layer('GlobalMaxPooling1D'), [N, N, 128]).outputShape, [N, 128]);
    assert.deepEqual(apply(layer('GlobalAvgPool2D', [], { data_format: 'channels_first' }), [N, 64, 7, 7]).outputShape, [N, 64]);
  });

  it('keep size-1 spatial axes with keepdims=True', () => {
    assert.deepEqual(apply(layer('GlobalAveragePooling2D', [], { keepdims: true }), [N, 7, 7, 64]).outputShape, [N, 1, 1, 64]);
    assert.deepEqual(apply(layer('GlobalMaxPooling1D', ['channels_first', true]), [N, 16, 50]).outputShape, [N, 16, 1]);
  });

  it('reject the wrong rank', () => {
    assert.match(apply(layer('GlobalAveragePooling2D'), [N, 10, 64]).problems[0]!.message, /expects a 4-D input/);
  });
});
