import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../../src/keras/analyzeDocument';
import type { DocumentAnalysis } from '../../../src/keras/kerasModel';
import { summaryText } from '../../../src/cli/summaryCommand';

/** The analysis at its limits: counts past 2^53, code nested thousands deep, megabyte literals. */

const allMessages = (a: DocumentAnalysis) => [...a.diagnostics, ...a.models.flatMap((m) => m.diagnostics)];

describe('keras analysis limits', () => {
  it('refuses a count past 2^53 - 1 with an error instead of printing a rounded one', () => {
    const a = analyzeDocument('import keras\nmodel = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(2**64), keras.layers.Dense(3)])\n', 'python');
    const text = summaryText(a, 100).join('\n');
    assert.doesNotMatch(text, /e\+|18446744073709552000/);
    assert.match(text, /line 2: error: Dense has an output dimension larger than 9,007,199,254,740,991 \(2\^53 - 1\)/);
    assert.equal(a.models[0]!.layers.find((l) => l.node.call.className === 'Dense')!.outcome.outputShape, null);

    const b = analyzeDocument('import keras\nmodel = keras.Sequential([keras.Input(shape=(2**40,)), keras.layers.Dense(2**20), keras.layers.Dense(3)])\n', 'python');
    const dense = b.models[0]!.layers.find((l) => l.node.call.className === 'Dense')!.outcome;
    assert.deepEqual(dense.outputShape, [null, 2 ** 20]);
    assert.equal(dense.params, null);
    assert.match(summaryText(b, 100).join('\n'), /error: Dense has more than 9,007,199,254,740,991 \(2\^53 - 1\) parameters/);
    assert.equal(b.models[0]!.totals, null);
    // The largest exact count is still printed exactly.
    const c = analyzeDocument('import keras\nmodel = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(2**52, use_bias=False)])\n', 'python');
    assert.deepEqual(c.models[0]!.totals, { trainable: 2 ** 52, nonTrainable: 0 });
    assert.match(summaryText(c, 100).join('\n'), /Total params: 4,503,599,627,370,496 /);
  });

  it('says a JavaScript or TypeScript file nested thousands deep is too deeply nested to analyse', () => {
    const n = 3_000;
    const shapes: Record<string, string> = {
      arrays: `const x = ${'['.repeat(n)}1${']'.repeat(n)};`,
      parentheses: `const x = ${'('.repeat(n)}1${')'.repeat(n)};`,
      objects: `const x = ${'{a:'.repeat(n)}1${'}'.repeat(n)};`,
      blocks: `${'if (1) {'.repeat(n)}${'}'.repeat(n)}`,
      functions: `${'function f() {'.repeat(n)}${'}'.repeat(n)}`,
      arrows: `const x = ${'() => '.repeat(n)}1;`,
      calls: `const x = ${'f('.repeat(n)}${')'.repeat(n)};`,
    };
    for (const [name, body] of Object.entries(shapes)) {
      for (const language of ['javascript', 'typescript'] as const) {
        const a = analyzeDocument(`import * as tf from '@tensorflow/tfjs';\nconst model = tf.sequential();\n${body}\n`, language);
        const codes = allMessages(a).map((d) => d.code);
        assert.ok(!codes.includes('internal'), `${name} (${language}): ${allMessages(a).map((d) => d.message).join('; ')}`);
        assert.deepEqual(codes, ['too-deep'], `${name} (${language})`);
        assert.match(allMessages(a)[0]!.message, /^This file is too deeply nested to analyse/);
      }
    }
    // Shallower code is read as usual.
    const ok = analyzeDocument(`import * as tf from '@tensorflow/tfjs';\nconst x = ${'['.repeat(100)}1${']'.repeat(100)};\nconst model = tf.sequential({layers: [tf.layers.dense({units: 2, inputShape: [3]})]});\n`, 'javascript');
    assert.equal(ok.models.length, 1);
    assert.deepEqual(allMessages(ok), []);
  });

  it('caps the source values its messages repeat', () => {
    const huge = 'a'.repeat(1_000_000);
    for (const [source, language] of [
      [`import keras\nmodel = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense('${huge}')])\n`, 'python'],
      [`import keras\nmodel = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3, ${huge}=1)])\n`, 'python'],
      [`import keras\nmodel = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Reshape('${huge}')])\n`, 'python'],
      [`import * as tf from '@tensorflow/tfjs';\nconst model = tf.sequential({layers: [tf.layers.dense({units: '${huge}', inputShape: [3]})]});\n`, 'javascript'],
    ] as const) {
      const messages = allMessages(analyzeDocument(source, language));
      assert.ok(messages.length > 0, source.slice(0, 80));
      for (const d of messages) {
        assert.ok(d.message.length < 500, `${d.message.length} characters: ${d.message.slice(0, 200)}`);
        assert.match(d.message, /… \(1,000,00\d characters\)/);
      }
    }
  });
});
