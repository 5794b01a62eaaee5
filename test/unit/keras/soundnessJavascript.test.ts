/**
 * The soundness rule of the analysis (src/keras/analyzeDocument.ts) for the TF.js reader: every statement
 * and expression form, put between two layers of a model, either is followed exactly or makes the numbers
 * it may change unknown, with a reason; never a wrong number. Each case states what JavaScript and
 * TensorFlow.js would really do (worked out by hand from Dense's d·u + u); the forms HyperLab follows
 * exactly must give those numbers, not "?".
 */
import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../../src/keras/analyzeDocument';
import type { ParamCount } from '../../../src/keras/kerasModel';
import { english } from './analysisFixtures';

interface Case {
  readonly title: string;
  /** Code between the model with Dense(8) on 4 features and `model.add(dense(2))`. */
  readonly code: string;
  readonly last: ParamCount;
  readonly total: ParamCount;
  readonly exact: boolean;
}

const t = (trainable: number, nonTrainable = 0): ParamCount => ({ trainable, nonTrainable });
const UNCHANGED = { last: t(18), total: t(58) };
const ADDS_16 = { last: t(34), total: t(40 + 144 + 34) };
const ADDS_TWO_16 = { last: t(34), total: t(40 + 144 + 272 + 34) };
const D16 = 'tf.layers.dense({units: 16})';

const CASES: readonly Case[] = [
  { title: 'two statements on one line', code: `model.add(${D16}); model.add(tf.layers.dense({units: 5}));`, last: t(12), total: t(40 + 144 + 85 + 12), exact: true },
  { title: 'the comma operator', code: `model.add(${D16}), model.add(tf.layers.dense({units: 5}));`, last: t(12), total: t(40 + 144 + 85 + 12), exact: true },
  { title: 'forEach with an arrow function', code: `[16].forEach((u) => model.add(tf.layers.dense({units: u})));`, ...ADDS_16, exact: false },
  { title: 'an arrow function called later', code: `const grow = () => model.add(${D16});\ngrow();`, ...ADDS_16, exact: true },
  { title: 'an arrow function called at once', code: `(() => model.add(${D16}))();`, ...ADDS_16, exact: true },
  { title: 'an arrow function never called', code: `const grow = () => model.add(${D16});`, ...UNCHANGED, exact: false },
  { title: 'a function given the model', code: `function grow(m) { m.add(${D16}); }\ngrow(model);`, ...ADDS_16, exact: true },
  { title: 'a function never called', code: `function grow() { model.add(${D16}); }`, ...UNCHANGED, exact: false },
  { title: 'a function given the model, called in a loop', code: `function grow(m) { m.add(${D16}); }\nfor (let i = 0; i < 2; i++) grow(model);`, ...ADDS_TWO_16, exact: false },
  { title: 'an arrow function called under an if on a run-time value', code: `const grow = () => model.add(${D16});\nif (flag) { grow(); }`, ...ADDS_16, exact: false },
  { title: 'a function handed to other code', code: `setTimeout(function () { model.add(${D16}); }, 0);`, ...ADDS_16, exact: false },
  { title: '&& on a run-time value', code: `flag && model.add(${D16});`, ...ADDS_16, exact: false },
  { title: '?: on a run-time value', code: `const r = flag ? model.add(${D16}) : null;`, ...ADDS_16, exact: false },
  { title: 'a template string', code: `console.log(\`\${model.add(${D16})}\`);`, ...ADDS_16, exact: true },
  { title: 'void', code: `void model.add(${D16});`, ...ADDS_16, exact: true },
  { title: 'an assignment inside an expression', code: `let a, b;\na = b = model.add(${D16});`, ...ADDS_16, exact: true },
  { title: 'a try block with throw', code: `try {\n  model.add(${D16});\n  throw new Error('x');\n} catch (e) {}`, ...ADDS_16, exact: true },
  { title: 'a switch', code: `switch (1) { case 1: model.add(${D16}); }`, ...ADDS_16, exact: false },
  { title: 'a label', code: `outer: { model.add(${D16}); }`, ...ADDS_16, exact: true },
  { title: 'a do-while loop', code: `do { model.add(${D16}); } while (false);`, ...ADDS_16, exact: false },
  { title: 'a for-of loop', code: `for (const u of [16]) model.add(tf.layers.dense({units: u}));`, ...ADDS_16, exact: false },
  { title: 'a class whose method adds a layer', code: `class Grower { grow() { model.add(${D16}); } }`, ...UNCHANGED, exact: false },
  { title: 'a config object changed in place', code: `const cfg = {units: 5};\ncfg.units = 16;\nmodel.add(tf.layers.dense(cfg));`, ...ADDS_16, exact: true },
  { title: 'a config object spread from an unknown one', code: `const cfg = {...defaults, units: 16};\nmodel.add(tf.layers.dense(cfg));`, ...ADDS_16, exact: false },
  { title: 'a counter incremented', code: `let n = 15;\nn++;\nmodel.add(tf.layers.dense({units: n}));`, ...ADDS_16, exact: true },
  { title: 'an array changed in place', code: `const extra = [];\nextra.push(${D16});\nmodel.add(extra[0]);`, ...ADDS_16, exact: true },
  { title: 'an array changed by splice', code: `const sizes = [5];\nsizes.splice(0, 1, 16);\nmodel.add(tf.layers.dense({units: sizes[0]}));`, ...ADDS_16, exact: false },
  { title: 'an outer variable assigned inside a function', code: `let w = 5;\nfunction widen() { w = 16; }\nwiden();\nmodel.add(tf.layers.dense({units: w}));`, ...ADDS_16, exact: true },
  { title: 'a method called through .call', code: `model.add.call(model, ${D16});`, ...ADDS_16, exact: false },
  { title: 'a bound method kept in a variable', code: `const grow = model.add.bind(model);\ngrow(${D16});`, ...ADDS_16, exact: false },
  { title: 'Reflect.apply', code: `Reflect.apply(model.add, model, [${D16}]);`, ...ADDS_16, exact: false },
  { title: 'eval of a string', code: `eval("model.add(${D16})");`, ...ADDS_16, exact: false },
  { title: 'trainable set on every layer in a loop', code: 'for (const l of model.layers) l.trainable = false;', last: t(18), total: t(18, 40), exact: false },
  { title: 'trainable set with forEach', code: 'model.layers.forEach((l) => { l.trainable = false; });', last: t(18), total: t(18, 40), exact: false },
  { title: 'trainable set with Object.assign', code: 'Object.assign(model.layers[0], {trainable: false});', last: t(18), total: t(18, 40), exact: false },
  { title: 'trainable set on a layer', code: `const d = ${D16};\nd.trainable = false;\nmodel.add(d);`, last: t(34), total: t(40 + 34, 144), exact: true },
];

describe('soundness: the TF.js reader never gives a wrong number', () => {
  for (const c of CASES) {
    it(`${c.title}: ${c.exact ? 'the exact numbers' : 'the exact numbers or "?" with a reason'}`, () => {
      const text = `const tf = require('@tensorflow/tfjs');\nconst model = tf.sequential();\nmodel.add(tf.layers.dense({units: 8, inputShape: [4]}));\n${c.code}\nmodel.add(tf.layers.dense({units: 2}));\n`;
      const a = analyzeDocument(text, 'javascript');
      const m = a.models.find((x) => x.graph.name === 'model');
      assert.ok(m, 'the model is found');
      const last = m.layers.at(-1)!.outcome;
      const why = english(last.unknownReason) || english(m.graph.unknownReason);
      if (c.exact) {
        assert.deepEqual([last.params, m.totals], [c.last, c.total], `${c.title}: ${why}`);
        return;
      }
      if (last.params !== null) assert.deepEqual(last.params, c.last, `${c.title}: last layer`);
      else assert.notEqual(english(last.unknownReason), '', 'an unknown count has a reason');
      if (m.totals !== null) assert.deepEqual(m.totals, c.total, `${c.title}: total`);
      else assert.ok(why !== '' || m.layers.some((l) => l.outcome.unknownReason), 'an unknown total has a reason');
    });
  }
});
