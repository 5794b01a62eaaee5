/**
 * The rules added for issue 12 (attention, TimeDistributed, Dot, Permute, 1-D/3-D padding and cropping, 3-D
 * and separable / depthwise convolutions, 3-D and adaptive pooling, layer / RMS / group / unit normalization,
 * PReLU, spatial dropout, RNN(cell), ConvLSTM, image augmentation), each on one input against the output shape
 * and trainable / non-trainable parameters Keras 3.15 gives for the same call (layer.count_params() after
 * calling it on keras.Input). A few by hand: MultiHeadAttention(2 heads, key_dim 3) on query 8 and value 6 is
 * (8·2·3 + 6) + 2·(6·2·3 + 6) + (2·3·8 + 8) = 194; SeparableConv2D(8, 3, depth_multiplier=2) on 3 channels is
 * 3·3·3·2 + 6·8 + 8 = 110; ConvLSTM2D(4, 3) on 3 channels is 4·(3·3·3·4 + 3·3·4·4) + 16 = 1,024. The Keras tier
 * (npm run test:keras) checks them on random models too.
 */
import * as assert from 'node:assert/strict';
import type { Shape } from '../../../src/keras/kerasModel';
import { type Call, apply, inline, layer } from './layerCallBuilders';
import { applyLayer } from '../../../src/keras/layers/applyLayer';
import { N } from './publishedModelCatalog';
import { english } from './analysisFixtures';

type Row = [string, Call, Shape[], { name: string; shape: Shape }[], Shape, number, number];

const KERAS_3_15: readonly Row[] = [
  ['MultiHeadAttention', layer('MultiHeadAttention', [], { num_heads: 2, key_dim: 3 }), [[N, 5, 8]], [{ name: '#1', shape: [N, 7, 6] }], [N, 5, 8], 194, 0],
  ['MultiHeadAttention', layer('MultiHeadAttention', [], { num_heads: 2, key_dim: 3, value_dim: 4, output_shape: [5], use_bias: false }), [[N, 5, 8]], [{ name: '#1', shape: [N, 7, 6] }, { name: 'key', shape: [N, 7, 9] }], [N, 5, 5], 190, 0],
  ['MultiHeadAttention', layer('MultiHeadAttention', [], { num_heads: 4, key_dim: 8, use_gate: true }), [[N, 10, 16]], [{ name: '#1', shape: [N, 10, 16] }], [N, 10, 16], 2704, 0],
  ['GroupQueryAttention', layer('GroupQueryAttention', [], { head_dim: 4, num_query_heads: 4, num_key_value_heads: 2 }), [[N, 6, 8]], [{ name: '#1', shape: [N, 6, 8] }], [N, 6, 8], 424, 0],
  ['Attention', layer('Attention', [], { use_scale: true, score_mode: 'concat' }), [[N, 5, 8], [N, 7, 8]], [], [N, 5, 8], 2, 0],
  ['AdditiveAttention', layer('AdditiveAttention', [], {}), [[N, 5, 8], [N, 7, 8]], [], [N, 5, 8], 8, 0],
  ['TimeDistributed', layer('TimeDistributed', [inline('Conv2D', [4, 3])], {}), [[N, 5, 8, 8, 3]], [], [N, 5, 6, 6, 4], 112, 0],
  ['Dot', layer('Dot', [], { axes: [1, 2] }), [[N, 3, 4], [N, 5, 3]], [], [N, 4, 5], 0, 0],
  ['Dot', layer('Dot', [], { axes: 1 }), [[N, 4], [N, 4]], [], [N, 1], 0, 0],
  ['Permute', layer('Permute', [[2, 1]], {}), [[N, 3, 5]], [], [N, 5, 3], 0, 0],
  ['ZeroPadding1D', layer('ZeroPadding1D', [[1, 2]], {}), [[N, 5, 3]], [], [N, 8, 3], 0, 0],
  ['ZeroPadding3D', layer('ZeroPadding3D', [[[1, 0], [0, 2], [1, 1]]], {}), [[N, 4, 4, 4, 2]], [], [N, 5, 6, 6, 2], 0, 0],
  ['Cropping1D', layer('Cropping1D', [[1, 2]], {}), [[N, 6, 3]], [], [N, 3, 3], 0, 0],
  ['Cropping3D', layer('Cropping3D', [], {}), [[N, 4, 5, 6, 2]], [], [N, 2, 3, 4, 2], 0, 0],
  ['UpSampling3D', layer('UpSampling3D', [[2, 1, 3]], {}), [[N, 2, 3, 4, 2]], [], [N, 4, 3, 12, 2], 0, 0],
  ['Conv3D', layer('Conv3D', [4, 3], { strides: 2 }), [[N, 9, 9, 9, 2]], [], [N, 4, 4, 4, 4], 220, 0],
  ['Conv3DTranspose', layer('Conv3DTranspose', [3, 2], { strides: 2, padding: 'same' }), [[N, 4, 4, 4, 2]], [], [N, 8, 8, 8, 3], 51, 0],
  ['SeparableConv2D', layer('SeparableConv2D', [8, 3], { depth_multiplier: 2 }), [[N, 10, 10, 3]], [], [N, 8, 8, 8], 110, 0],
  ['SeparableConv1D', layer('SeparableConv1D', [4, 3], { padding: 'same', use_bias: false }), [[N, 10, 5]], [], [N, 10, 4], 35, 0],
  ['DepthwiseConv2D', layer('DepthwiseConv2D', [3], { depth_multiplier: 2 }), [[N, 10, 10, 3]], [], [N, 8, 8, 6], 60, 0],
  ['DepthwiseConv1D', layer('DepthwiseConv1D', [2], {}), [[N, 10, 4]], [], [N, 9, 4], 12, 0],
  ['MaxPooling3D', layer('MaxPooling3D', [2], {}), [[N, 6, 6, 6, 2]], [], [N, 3, 3, 3, 2], 0, 0],
  ['GlobalAveragePooling3D', layer('GlobalAveragePooling3D', [], {}), [[N, 4, 4, 4, 5]], [], [N, 5], 0, 0],
  ['AdaptiveAveragePooling2D', layer('AdaptiveAveragePooling2D', [[2, 3]], {}), [[N, 8, 8, 3]], [], [N, 2, 3, 3], 0, 0],
  ['LayerNormalization', layer('LayerNormalization', [], {}), [[N, 5, 8]], [], [N, 5, 8], 16, 0],
  ['LayerNormalization', layer('LayerNormalization', [], { axis: [1, 2], center: false }), [[N, 5, 8]], [], [N, 5, 8], 40, 0],
  ['RMSNormalization', layer('RMSNormalization', [], {}), [[N, 5, 8]], [], [N, 5, 8], 8, 0],
  ['GroupNormalization', layer('GroupNormalization', [], { groups: 4 }), [[N, 5, 8]], [], [N, 5, 8], 16, 0],
  ['UnitNormalization', layer('UnitNormalization', [], {}), [[N, 5, 8]], [], [N, 5, 8], 0, 0],
  ['PReLU', layer('PReLU', [], {}), [[N, 5, 8]], [], [N, 5, 8], 40, 0],
  ['PReLU', layer('PReLU', [], { shared_axes: [1, 2] }), [[N, 4, 4, 3]], [], [N, 4, 4, 3], 3, 0],
  ['SpatialDropout2D', layer('SpatialDropout2D', [0.3], {}), [[N, 4, 4, 3]], [], [N, 4, 4, 3], 0, 0],
  ['RNN', layer('RNN', [inline('LSTMCell', [8])], { return_sequences: true }), [[N, 5, 3]], [], [N, 5, 8], 384, 0],
  ['ConvLSTM2D', layer('ConvLSTM2D', [4, 3], {}), [[N, 5, 8, 8, 3]], [], [N, 6, 6, 4], 1024, 0],
  ['ConvLSTM1D', layer('ConvLSTM1D', [2, 3], { return_sequences: true, padding: 'same' }), [[N, 5, 8, 3]], [], [N, 5, 8, 2], 128, 0],
  ['RandomCrop', layer('RandomCrop', [4, 5], {}), [[N, 8, 8, 3]], [], [N, 4, 5, 3], 0, 0],
  ['RandomFlip', layer('RandomFlip', [], {}), [[N, 8, 8, 3]], [], [N, 8, 8, 3], 0, 0],
];

describe('layer rules added for issue 12, against Keras 3.15', () => {
  for (const [title, call, inputs, extras, shape, trainable, nonTrainable] of KERAS_3_15) {
    it(`${title}(${JSON.stringify(call.args.length ? call.args : call.kwargs)}) on ${JSON.stringify(inputs)}: ${JSON.stringify(shape)}, ${trainable} + ${nonTrainable}`, () => {
      const out = applyLayer(call, inputs, extras.map((e) => ({ name: e.name, tensors: [e.shape], value: null })));
      assert.deepEqual(out.problems.filter((p) => p.severity === 'error'), [], english(out.unknownReason));
      assert.deepEqual([out.outputShape, out.params], [shape, { trainable, nonTrainable }], english(out.unknownReason));
    });
  }

  it('returns the scores too with return_attention_scores=True, read from the call', () => {
    const out = applyLayer(layer('MultiHeadAttention', [], { num_heads: 2, key_dim: 3 }), [[N, 5, 8]], [
      { name: '#1', tensors: [[N, 7, 6]], value: null }, { name: 'return_attention_scores', tensors: null, value: { kind: 'bool', value: true } },
    ]);
    assert.deepEqual(out.outputShapes, [[N, 5, 8], [N, 2, 5, 7]]);
  });

  it('refuses a call argument the layer\'s call() does not have, as Keras\' TypeError', () => {
    const out = applyLayer(layer('Dense', [2]), [[N, 4]], [{ name: 'foo', tensors: null, value: { kind: 'number', value: 1 } }]);
    assert.match(out.problems[0]?.message ?? '', /Dense\.call\(\) has no argument foo/);
  });

  it('needs MultiHeadAttention\'s value tensor', () => {
    assert.match(apply(layer('MultiHeadAttention', [], { num_heads: 1, key_dim: 2 }), [N, 3, 4]).problems[0]?.message ?? '', /needs a value tensor/);
  });
});
