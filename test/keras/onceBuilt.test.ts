/**
 * The "once built" numbers against the real Keras 3: random Sequential models without an input shape (the
 * random programs without their Input), analysed by HyperLab as written, then built by Keras with
 * model.build() on the input shape they were made for. Every number HyperLab shows as "once built" must be
 * the one Keras gives after building; what it leaves "?" may be anything.
 */
import * as assert from 'node:assert/strict';
import { Rng } from '../../src/engine/rng';
import { analyzeDocument } from '../../src/keras/analyzeDocument';
import { type ModelProgram, isChain } from '../support/keras/modelProgram';
import { spellPython } from '../support/keras/pythonSpelling';
import { runInKeras } from './kerasOracle';
import { randomProgram } from './randomPrograms';

const MODELS = 120;

/** The chain without its Input node, and the shape (without the batch axis) it was made for. */
function unbuilt(p: ModelProgram): { program: ModelProgram; shape: string } | null {
  if (!isChain(p) || p.nodes.length < 3) return null;
  const input = p.nodes[0]!.call.kwargs['shape'];
  if (input?.kind !== 'tuple' || p.nodes[0]!.call.kwargs['dtype']) return null;
  const shape = input.items.map((d) => (d.kind === 'number' ? d.value : 'None'));
  return { program: { nodes: p.nodes.slice(1).map((n, i) => ({ call: n.call, inputs: i === 0 ? [] : [i - 1] })) }, shape: `(None, ${shape.join(', ')})` };
}

describe('differential: once-built numbers against Keras 3', function () {
  it(`match Keras after model.build for every number HyperLab shows (${MODELS} models)`, () => {
    const rng = new Rng(99);
    const cases: { text: string; built: string }[] = [];
    while (cases.length < MODELS) {
      const u = unbuilt(randomProgram(rng, 3 + rng.int(4)));
      if (!u) continue;
      const text = spellPython(u.program, rng, { kerasOnly: true }).text;
      if (!/model = \S*Sequential\(/.test(text) || /input_shape=|Input\(|InputLayer\(|\.build\(/.test(text)) continue;
      cases.push({ text, built: `${text}\nmodel.build(${u.shape})\n` });
    }
    const results = runInKeras(cases.map((c) => c.built));
    const wrong: string[] = [];
    let shown = 0;
    results.forEach((r, i) => {
      if (!r.ok) return;
      const m = analyzeDocument(cases[i]!.text, 'python').models.find((x) => x.graph.variable === 'model')!;
      assert.equal(m.onceBuilt, true, cases[i]!.text);
      m.layers.forEach((l, j) => {
        const k = r.model.layers[j]!;
        if (l.outcome.params === null) return;
        shown++;
        if (l.outcome.params.trainable !== k.trainable || l.outcome.params.nonTrainable !== k.non_trainable) {
          wrong.push(`${k.name}: HyperLab ${JSON.stringify(l.outcome.params)} once built, Keras ${k.trainable}/${k.non_trainable}\n${cases[i]!.built}`);
        }
      });
    });
    assert.deepEqual(wrong.slice(0, 5), []);
    assert.ok(shown > MODELS, `only ${shown} once-built numbers shown`);
  });
});
