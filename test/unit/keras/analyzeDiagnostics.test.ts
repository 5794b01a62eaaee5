/**
 * Diagnostics of the analysis: syntax errors (the models before and around them are still analysed),
 * the lecture's loss / output-activation pairing table, unbuilt models, problems reported by the layer
 * rules placed on the layer call, and an analysis that never throws.
 */
import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../../src/keras/analyzeDocument';
import { english, kerasFixture as fixture, modelNamed as model } from './analysisFixtures';

describe('keras diagnostics: syntax errors', () => {
  const a = analyzeDocument(fixture('syntax_error.py'), 'python');

  it('reports syntax errors as errors with code "syntax" and keeps analysing', () => {
    const syntax = a.diagnostics.filter((d) => d.code === 'syntax');
    assert.ok(syntax.length >= 2);
    assert.ok(syntax.every((d) => d.severity === 'error'));
  });

  it('still yields the model before the error, the one after it, and the part of the broken one before the break', () => {
    assert.equal(model(a, 'first').totals?.trainable, 49);
    assert.equal(model(a, 'third').totals?.trainable, 30);
    const second = model(a, 'second');
    assert.deepEqual(second.layers[0]!.outcome.params, { trainable: 64, nonTrainable: 0 });
    assert.equal(second.totals, null);
    assert.match(english(second.graph.unknownReason), /syntax error at line 8/);
  });

  it('reads the lecture\'s dropout model verbatim ("//" comment): the layers before the error, totals unknown', () => {
    const b = analyzeDocument(fixture('dropout_lecture_verbatim.py'), 'python');
    const m = b.models[0]!;
    assert.deepEqual(m.layers.map((l) => l.node.call.className), ['Flatten', 'Dense', 'Dropout']);
    assert.deepEqual(m.layers[1]!.outcome.params, { trainable: 100_480, nonTrainable: 0 });
    assert.equal(m.totals, null);
    assert.ok(b.diagnostics.some((d) => d.code === 'syntax' && d.span.line === 8));
  });
});

describe('keras diagnostics: long files', () => {
  it('reports no false syntax error in a long valid file (@lezer/python alone reports 24 here)', () => {
    const a = analyzeDocument('from keras import layers, Sequential\n' + 'c = 3\n\n'.repeat(4000) + 'm = Sequential([layers.Dense(2, input_shape=(3,))])\n', 'python');
    assert.deepEqual(a.diagnostics, []);
    assert.equal(a.models[0]?.totals?.trainable, 8);
  });

  describe('an unclosed bracket before a long tail (as while typing `plt.plot(history[` at the top)', () => {
    const model = 'import keras\nmodel = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3)])\n';
    const tail = 'if total > 1:\nplt.plot(history[3])\nx_1 = np.zeros((1, 4))\n';
    const totals = (text: string) => {
      const a = analyzeDocument(text, 'python');
      assert.deepEqual(a.diagnostics.filter((d) => d.code === 'internal'), []);
      assert.ok(a.diagnostics.some((d) => d.code === 'syntax' && d.span.line === 4));
      return a.models.map((m) => m.totals?.trainable);
    };

    it('still reads the models before and after it when no statement closes the bracket (@lezer/lr alone overflows the stack here)', () => {
      assert.deepEqual(totals(model + 'plt.plot(history[\n' + tail.repeat(1000) + model), [15, 15]);
    });

    it('still reads them when a `def` at column 0 shows the bracket was left open', () => {
      assert.deepEqual(totals(model + 'plt.plot(history[\ndef f():\n    return 1\n' + tail.repeat(3000) + model), [15, 15]);
    });
  });

  it('gives the same analysis after an edit as from scratch (segments reused between calls)', () => {
    const base = fixture('toy_resnet.py') + '\n' + 'x_value = 1\n# note\n\n'.repeat(600) + fixture('functional.py');
    const edited = base.replace('x_value = 1\n', 'x_value = 2\n');
    analyzeDocument(base, 'python');
    const incremental = analyzeDocument(edited, 'python');
    analyzeDocument('', 'python');
    const cold = analyzeDocument(edited, 'python');
    assert.deepEqual(incremental, cold);
  });
});

describe('keras diagnostics: loss and output activation', () => {
  const a = analyzeDocument(fixture('loss_pairing.py'), 'python');
  const mismatch = (name: string) => model(a, name).diagnostics.filter((d) => d.code === 'loss-activation-mismatch');

  it('accepts the pairings of the lecture\'s table and logits with from_logits=True', () => {
    for (const name of ['ok_binary', 'logits_ok', 'regression']) assert.deepEqual(mismatch(name), [], name);
  });

  it('warns on softmax + binary_crossentropy, at the loss argument', () => {
    const [d] = mismatch('softmax_bce');
    assert.equal(d?.severity, 'warning');
    assert.match(d.message, /softmax output with binary_crossentropy.*Dense\(1, activation="sigmoid"\)/);
    assert.equal(d.span.line, 9);
    assert.equal(d.span.column, 'softmax_bce.compile(loss='.length);
  });

  it('warns on sigmoid with 3 units + categorical_crossentropy', () => {
    assert.match(mismatch('sigmoid_cce')[0]?.message ?? '', /sigmoid output with 3 units and categorical_crossentropy.*softmax/);
  });

  it('warns on a linear output with a probability crossentropy, naming from_logits=True', () => {
    assert.match(mismatch('linear_cce')[0]?.message ?? '', /no activation \(linear\).*CategoricalCrossentropy\(from_logits=True\)/);
  });

  it('warns on from_logits=True after a softmax (Activation layer, positional loss)', () => {
    assert.match(mismatch('logits_after_softmax')[0]?.message ?? '', /from_logits=True expects raw scores.*softmax/);
  });
});

describe('keras diagnostics: models and layers', () => {
  it('warns about an unbuilt model and gives the numbers it will have once built: what depends on the data stays unknown, with the reason', () => {
    const m = analyzeDocument(fixture('build_and_trainable.py'), 'python').models[1]!;
    const d = m.diagnostics.find((x) => x.code === 'unbuilt-model');
    assert.equal(d?.severity, 'warning');
    assert.equal(d?.span.line, 8);
    assert.equal(m.onceBuilt, true);
    assert.deepEqual(m.layers.map((l) => l.outcome.params), [null, { trainable: 32 * 10 + 10, nonTrainable: 0 }]);
    assert.equal(english(m.layers[0]!.outcome.unknownReason), 'the input\'s last axis (features) is set by the data the model is first called on');
  });

  it('builds a Sequential from model.build((None, 16)) given after the layers', () => {
    const m = analyzeDocument(fixture('build_and_trainable.py'), 'python').models[0]!;
    assert.deepEqual(m.totals, { trainable: 16 * 32 + 32 + 33, nonTrainable: 0 });
  });

  it('moves parameters to non-trainable for trainable=False, layer.trainable = False and model.trainable = False', () => {
    const models = analyzeDocument(fixture('build_and_trainable.py'), 'python').models;
    assert.deepEqual(models[2]!.totals, { trainable: 18, nonTrainable: 44 });
    assert.deepEqual(models[3]!.totals, { trainable: 0, nonTrainable: 9 });
    assert.deepEqual(models[4]!.totals, { trainable: 0, nonTrainable: 30 });
  });

  it('puts a layer rule problem on the layer call (Dropout rate outside [0, 1))', () => {
    const m = analyzeDocument('from keras import layers, Sequential\nm = Sequential([layers.Dense(2, input_shape=(2,)), layers.Dropout(1.5)])', 'python').models[0]!;
    const d = m.diagnostics.find((x) => x.span.column === 'm = Sequential([layers.Dense(2, input_shape=(2,)), '.length);
    assert.ok(d, JSON.stringify(m.diagnostics));
    assert.equal(d.span.line, 2);
  });

  it('stops reading past the statement budget (200,000) with a "too-complex" note, keeping the models read before it (Python and JS)', () => {
    // A 1,000-statement function called 300 times costs 300,000 statement reads: the budget ends the analysis.
    const body = Array.from({ length: 1000 }, (_, i) => `    a${i} = ${i}\n`).join('');
    const py = `from keras import layers, Sequential\nm = Sequential([layers.Dense(3, input_shape=(2,))])\ndef f():\n${body}${'f()\n'.repeat(300)}`;
    const small = `from keras import layers, Sequential\nm = Sequential([layers.Dense(3, input_shape=(2,))])\ndef f():\n${body}${'f()\n'.repeat(150)}`;
    const jsBody = Array.from({ length: 1000 }, (_, i) => `  const a${i} = ${i};\n`).join('');
    const js = `const m = tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [2]})]});\nfunction f() {\n${jsBody}}\n${'f();\n'.repeat(300)}`;
    for (const [text, language] of [[py, 'python'], [js, 'javascript']] as const) {
      const a = analyzeDocument(text, language);
      const note = a.diagnostics.find((d) => d.code === 'too-complex');
      assert.ok(note, `${language}: ${JSON.stringify(a.diagnostics)}`);
      assert.equal(note.severity, 'info');
      assert.equal(a.models[0]!.totals?.trainable, 9);
    }
    assert.ok(!analyzeDocument(small, 'python').diagnostics.some((d) => d.code === 'too-complex'));
  });

  it('never throws, whatever the text', () => {
    for (const text of ['', '((((((((', 'model = Sequential(' + '['.repeat(5000), '\u0000\uffff', 'def f(:\n  return f()\nf()', 'x = x + 1\n'.repeat(3)]) {
      const a = analyzeDocument(text, 'python');
      assert.ok(Array.isArray(a.models));
    }
  });
});
