/**
 * Unit tests for SimpleRNN, LSTM, GRU and Bidirectional: parameter formulas (with GRU's reset_after bias),
 * return_sequences and return_state, the rank they need, and the Bidirectional merge modes and wrappers.
 */
import * as assert from 'node:assert/strict';
import { N } from './publishedModelCatalog';
import { apply, inline, layer, paramTotal, unknownValue } from './layerCallBuilders';
import { english } from './analysisFixtures';

describe('recurrent layer rules', () => {
  it('LSTM: 4 × (64 × 128 + 128 × 128 + 128) = 98,816 and (None, 128)', () => {
    const out = apply(layer('LSTM', [128]), [N, N, 64]);
    assert.deepEqual(out.outputShape, [N, 128]);
    assert.equal(out.formula, '4 × (64 × 128 + 128 × 128 + 128) = 98,816');
  });

  it('SimpleRNN: d × u + u × u + u', () => {
    assert.equal(apply(layer('SimpleRNN', [128]), [N, 10, 256]).formula, '256 × 128 + 128 × 128 + 128 = 49,280');
  });

  it('GRU keeps two biases by default (reset_after=True) and one with reset_after=False', () => {
    assert.equal(apply(layer('GRU', [256]), [N, N, 64]).formula, '3 × (64 × 256 + 256 × 256 + 2 × 256) = 247,296');
    assert.equal(paramTotal(apply(layer('GRU', [10], { reset_after: false }), [N, 3, 1])), 360);
    assert.equal(paramTotal(apply(layer('GRU', [10]), [N, 3, 1])), 390);
  });

  it('drops the bias with use_bias=False', () => {
    assert.equal(apply(layer('LSTM', [2], { use_bias: false }), [N, 5, 3]).formula, '4 × (3 × 2 + 2 × 2) = 40');
  });

  it('binds positional arguments in each signature: LSTM(8, "relu") and SimpleRNN(8, "relu", False)', () => {
    assert.equal(paramTotal(apply(layer('LSTM', [8, 'relu']), [N, 5, 3])), 4 * (3 * 8 + 64 + 8));
    assert.equal(paramTotal(apply(layer('SimpleRNN', [8, 'relu', false]), [N, 5, 3])), 3 * 8 + 64);
  });

  it('returns the whole sequence with return_sequences=True', () => {
    assert.deepEqual(apply(layer('GRU', [16], { return_sequences: true }), [N, 20, 4]).outputShape, [N, 20, 16]);
  });

  it('returns the output and its final states with return_state=True: h and c for an LSTM, h for a GRU (rnn.py compute_output_shape)', () => {
    const lstm = apply(layer('LSTM', [64], { return_state: true }), [N, N, 64]);
    assert.deepEqual(lstm.outputShapes, [[N, 64], [N, 64], [N, 64]]);
    assert.equal(paramTotal(lstm), 33_024);
    const gru = apply(layer('GRU', [8], { return_state: true, return_sequences: true }), [N, 5, 3]);
    assert.deepEqual(gru.outputShapes, [[N, 5, 8], [N, 8]]);
    assert.match(english(apply(layer('Bidirectional', [inline('LSTM', [4], { return_state: true })]), [N, 5, 3]).unknownReason), /returns several tensors/);
  });

  it('needs a 3-D input and suggests the Reshape', () => {
    const out = apply(layer('LSTM', [32]), [N, 784]);
    assert.equal(out.problems[0]?.code, 'impossible-shape');
    assert.match(out.problems[0].message, /expects a 3-D input \(batch, timesteps, features\) but gets \(None, 784\); add Reshape/);
  });

  it('needs a known features axis', () => {
    assert.match(apply(layer('SimpleRNN', [4]), [N, 10, N]).problems[0]!.message, /features axis/);
  });

  it('passes an unknown units value through', () => {
    assert.match(english(apply(layer('GRU', [unknownValue('hidden comes from a loop')]), [N, 5, 3]).unknownReason), /units: hidden comes from a loop/);
  });

  it('warns about the tf.keras 2 time_major argument', () => {
    assert.deepEqual(apply(layer('LSTM', [4], { time_major: false }), [N, 5, 3]).problems.map((p) => p.code), ['unknown-argument']);
  });
});

describe('Bidirectional rule', () => {
  it('doubles the wrapped layer and, with concat, its width', () => {
    const out = apply(layer('Bidirectional', [inline('LSTM', [64], { return_sequences: true })]), [N, 5, 10]);
    assert.deepEqual(out.outputShape, [N, 5, 128]);
    assert.equal(out.formula, '2 × (4 × (10 × 64 + 64 × 64 + 64)) = 38,400');
  });

  it('keeps the width with sum, mul and ave', () => {
    for (const mode of ['sum', 'mul', 'ave']) {
      const out = apply(layer('Bidirectional', [inline('GRU', [8])], { merge_mode: mode }), [N, 5, 3]);
      assert.deepEqual(out.outputShape, [N, 8], mode);
      assert.equal(paramTotal(out), 2 * 3 * (3 * 8 + 64 + 16), mode);
    }
  });

  it('says two outputs are not one shape with merge_mode=None, keeping the parameters', () => {
    const out = apply(layer('Bidirectional', [inline('SimpleRNN', [4]), null]), [N, 5, 3]);
    assert.equal(out.outputShape, null);
    assert.equal(paramTotal(out), 2 * (12 + 16 + 4));
    assert.match(english(out.unknownReason), /merge_mode=None returns two tensors/);
  });

  it('adds a different backward layer instead of doubling', () => {
    const out = apply(layer('Bidirectional', [inline('LSTM', [4])], { backward_layer: inline('LSTM', [4], { use_bias: false, go_backwards: true }) }), [N, 5, 3]);
    assert.equal(paramTotal(out), 4 * (12 + 16 + 4) + 4 * (12 + 16));
  });

  it('moves everything to non-trainable when the wrapped layer or the wrapper is frozen', () => {
    assert.deepEqual(apply(layer('Bidirectional', [inline('LSTM', [4], { trainable: false })]), [N, 5, 3]).params, { trainable: 0, nonTrainable: 256 });
    assert.deepEqual(apply(layer('Bidirectional', [inline('LSTM', [4])], { trainable: false }), [N, 5, 3]).params, { trainable: 0, nonTrainable: 256 });
  });

  it('cannot see a wrapped layer that is a variable, and does not guess', () => {
    const out = apply(layer('Bidirectional', [unknownValue('lstm_layer is defined elsewhere')]), [N, 5, 3]);
    assert.deepEqual([out.outputShape, out.params], [null, null]);
    assert.match(english(out.unknownReason), /layer: lstm_layer is defined elsewhere/);
    assert.match(english(apply(layer('Bidirectional', [inline('Dense', [4])]), [N, 5, 3]).unknownReason), /around SimpleRNN, LSTM, GRU; Dense is not one of them/);
  });

  it('reports an invalid merge_mode and errors of the wrapped layer', () => {
    assert.match(apply(layer('Bidirectional', [inline('LSTM', [4])], { merge_mode: 'max' }), [N, 5, 3]).problems[0]!.message, /merge_mode must be/);
    assert.match(apply(layer('Bidirectional', [inline('LSTM', [4])]), [N, 15]).problems[0]!.message, /wrapped layer: LSTM expects a 3-D input/);
  });
});
