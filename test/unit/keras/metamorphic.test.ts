/**
 * Metamorphic tests of the Keras analysis: every published model of the test corpus (publishedModels.test.ts,
 * whose numbers are Keras' own printed summaries) is written by a seeded generator as many equivalent Python
 * files (test/support/keras/pythonSpelling.ts: Sequential list / `.add` / functional, `;`-joined statements,
 * keyword vs positional arguments, tuples vs lists, constants and arithmetic, continuations, comments, tabs,
 * CRLF, keras / tf.keras / from-imports / aliases, Input vs InputLayer vs input_shape= vs model.build), and
 * each must give every layer the published shape, parameters (trainable split included) and automatic name.
 * The fixtures under test/fixtures/keras get the same treatment as text (pythonTextVariants.ts): each variant
 * must give exactly the numbers, and the unknowns, of the original file.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Rng } from '../../../src/engine/rng';
import { analyzeDocument } from '../../../src/keras/analyzeDocument';
import type { DocumentAnalysis } from '../../../src/keras/kerasModel';
import { isInputCall, isWritable } from '../../support/keras/modelProgram';
import { spellPython } from '../../support/keras/pythonSpelling';
import { pythonTextVariant } from '../../support/keras/pythonTextVariants';
import { type RecordedProgram, programOf } from './layerCallBuilders';
import { KERAS_EXAMPLE_MODELS } from './publishedKerasExamples';
import { KERAS_GUIDE_MODELS } from './publishedKerasGuides';
import type { PublishedModel } from './publishedModelCatalog';
import { OTHER_MODELS } from './publishedOtherModels';

const SPELLINGS_PER_MODEL = 60;
const VARIANTS_PER_FIXTURE = 40;

interface Expected {
  readonly name: string;
  readonly shape: unknown;
  readonly params: unknown;
}

/** The published model as a program, with what Keras printed for each of its layers (Inputs left out). */
function corpus(): { model: PublishedModel; recorded: RecordedProgram; expected: Expected[] }[] {
  const out = [];
  for (const model of [...OTHER_MODELS, ...KERAS_GUIDE_MODELS, ...KERAS_EXAMPLE_MODELS]) {
    const rows = model.build();
    const recorded = programOf(rows);
    if (!recorded || !isWritable(recorded.program)) continue;
    const expected = rows.flatMap((row, i) => {
      const node = recorded.program.nodes[recorded.rowNodes[i]!]!;
      if (isInputCall(node.call)) return [];
      return [{ name: row.name, shape: row.outcome.outputShapes ?? row.outcome.outputShape, params: row.outcome.params }];
    });
    out.push({ model, recorded, expected });
  }
  return out;
}

function layersOf(a: DocumentAnalysis): Expected[] {
  const m = a.models.find((x) => x.graph.name === 'model');
  assert.ok(m, `no model among ${a.models.map((x) => x.graph.name).join(', ')}`);
  return m.layers.filter((l) => !l.node.isInput).map((l) => ({ name: l.node.name, shape: l.outcome.outputShapes ?? l.outcome.outputShape, params: l.outcome.params }));
}

describe('metamorphic: equivalent spellings of the published models give their published numbers', () => {
  const models = corpus();

  it('covers at least 30 published models', () => {
    assert.ok(models.length >= 30, `only ${models.length} models can be written as Python`);
  });

  for (const { model, recorded, expected } of models) {
    it(`${model.title}: ${SPELLINGS_PER_MODEL} spellings`, () => {
      const rng = new Rng(model.title.length * 7919 + model.total);
      for (let v = 0; v < SPELLINGS_PER_MODEL; v++) {
        const spelt = spellPython(recorded.program, rng);
        const got = layersOf(analyzeDocument(spelt.text, 'python'));
        assert.deepEqual(got, expected, `spelling ${v} (${spelt.choices.join('; ')}):\n${spelt.text}`);
      }
    });
  }
});

/** Per model: per layer its name, class, shape and parameters, and the totals; null stays null (an unknown). */
function numbers(a: DocumentAnalysis): unknown {
  return a.models.map((m) => ({
    name: m.graph.name, totals: m.totals, unknownModel: m.graph.unknownReason !== null,
    layers: m.layers.map((l) => [l.node.name, l.node.call.className, l.outcome.outputShape, l.outcome.params]),
  }));
}

describe('metamorphic: text variants of the Python fixtures give the same numbers and the same unknowns', () => {
  const dir = path.resolve('test/fixtures/keras');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.py')).sort()) {
    it(`${file}: ${VARIANTS_PER_FIXTURE} variants`, () => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const reference = numbers(analyzeDocument(text, 'python'));
      const rng = new Rng(file.length * 104729);
      for (let v = 0; v < VARIANTS_PER_FIXTURE; v++) {
        const variant = pythonTextVariant(text, rng);
        assert.deepEqual(numbers(analyzeDocument(variant.text, 'python')), reference, `variant ${v} (${variant.choices.join('; ')}):\n${variant.text}`);
      }
    });
  }
});
