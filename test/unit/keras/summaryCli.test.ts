/**
 * `hyperlab summary FILE [--json]`, called through the CLI's own functions (dist/ is rebuilt by others):
 * the exact JSON contract of issue 4 (keys, order, null for unknown, 1-based lines), text mode, and the
 * exit codes (0 for any readable file, syntax errors included; 1 for an unreadable file or bad usage).
 */
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { parseSummaryArgs, summary, terminalColumns } from '../../../src/cli/summaryCommand';

interface Captured { out: string[]; err: string[]; io: { out(l: string): void; err(l: string): void } }

function capture(): Captured {
  const c: Captured = { out: [], err: [], io: { out: (l) => c.out.push(l), err: (l) => c.err.push(l) } };
  return c;
}

const fixturePath = (name: string) => path.resolve('test/fixtures/keras', name);

function writeTemp(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-summary-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

async function json(file: string): Promise<Record<string, unknown>> {
  const c = capture();
  assert.equal(await summary({ file, json: true }, c.io, { terminalColumns: 80 }), 0);
  assert.equal(c.out.length, 1, 'exactly one JSON object');
  return JSON.parse(c.out[0]!) as Record<string, unknown>;
}

describe('hyperlab summary (CLI)', () => {
  it('prints the JSON contract for the MNIST MLP: keys in order, counts, shapes with null batch', async () => {
    const file = fixturePath('mnist_mlp.py');
    const out = await json(file);
    assert.deepEqual(out, {
      file,
      models: [{
        name: 'sequential', variable: 'model', line: 5,
        layers: [
          { class_name: 'Dense', name: 'dense', line: 6, output_shape: [null, 512], params: 401_920, trainable_params: 401_920, non_trainable_params: 0, once_built: false },
          { class_name: 'Dense', name: 'dense_1', line: 7, output_shape: [null, 10], params: 5_130, trainable_params: 5_130, non_trainable_params: 0, once_built: false },
        ],
        total_params: 407_050, trainable_params: 407_050, non_trainable_params: 0, once_built: false,
      }],
      diagnostics: [],
    });
    assert.deepEqual(Object.keys((out['models'] as Record<string, unknown>[])[0]!), ['name', 'variable', 'line', 'layers', 'total_params', 'trainable_params', 'non_trainable_params', 'once_built']);
  });

  it('gives each model its Keras name (name= or the automatic one, as Keras 3.15 names them) and the Python variable it is assigned to', async () => {
    const file = writeTemp('names.py', 'import keras\nfrom keras import layers\nclf = keras.Sequential([keras.Input((4,)), layers.Dense(2)], name="classifier")\nnet = keras.Sequential([keras.Input((4,)), layers.Dense(2)])\nx = keras.Input((3,))\nfunc = keras.Model(x, layers.Dense(1)(x))\nkeras.Sequential([keras.Input((2,)), layers.Dense(1)]).summary()\n');
    const models = (await json(file))['models'] as { name: string; variable: string | null }[];
    assert.deepEqual(models.map((m) => [m.name, m.variable]), [['classifier', 'clf'], ['sequential', 'net'], ['functional_2', 'func'], ['sequential_1', null]]);
  });

  it('writes null for what is unknown and lists functional InputLayer rows (Keras prints them)', async () => {
    const out = await json(fixturePath('control_flow.py'));
    const models = out['models'] as { variable: string; layers: { class_name: string; name: string | null; params: number | null }[]; total_params: number | null }[];
    const looped = models.find((m) => m.variable === 'looped')!;
    assert.equal(looped.total_params, null);
    assert.deepEqual(looped.layers.map((l) => l.params), [288, null, null]);
    assert.deepEqual(looped.layers.map((l) => l.name), ['dense', null, null], 'names Keras numbers in a loop are unknown');
    const deep = models.find((m) => m.variable === 'deep')!;
    assert.equal(deep.layers[0]!.class_name, 'InputLayer');
  });

  it('exits 0 on a file with syntax errors and reports them with 1-based lines', async () => {
    const out = await json(fixturePath('syntax_error.py'));
    const diagnostics = out['diagnostics'] as { line: number; severity: string; message: string }[];
    assert.ok(diagnostics.some((d) => d.severity === 'error' && d.line === 8), JSON.stringify(diagnostics));
    assert.deepEqual((out['models'] as { variable: string }[]).map((m) => m.variable), ['first', 'second', 'third']);
  });

  it('prints Keras-style tables, then the diagnostics, in text mode', async () => {
    const c = capture();
    assert.equal(await summary({ file: fixturePath('loss_pairing.py'), json: false }, c.io, { terminalColumns: 80 }), 0);
    const text = c.out.join('\n');
    assert.match(text, /^Model: "sequential"\n┏━/);
    assert.match(text, /line 9: warning: A softmax output with binary_crossentropy/);
  });

  it('exits 1 with a clear message for an unreadable file or bad usage', async () => {
    const c = capture();
    assert.equal(await summary({ file: path.join(os.tmpdir(), 'no-such-hyperlab-file.py'), json: false }, c.io, { terminalColumns: 80 }), 1);
    assert.match(c.err[0]!, /cannot read .*no such file/);
    assert.equal(typeof parseSummaryArgs([]), 'string');
    assert.equal(typeof parseSummaryArgs(['a.py', '--jsn']), 'string');
    const d = capture();
    assert.equal(await runCli(['summary'], d.io, '.'), 1);
    assert.match(d.err[0]!, /hyperlab summary: missing the Python file\. Usage: hyperlab summary FILE\.py \[--json\]/);
  });

  it('runs through `hyperlab summary FILE --json` and reads .js files as TensorFlow.js', async () => {
    const file = writeTemp('model.js', "const tf = require('@tensorflow/tfjs');\nconst m = tf.sequential({layers: [tf.layers.dense({units: 2, inputShape: [3]})]});\n");
    const c = capture();
    assert.equal(await runCli(['summary', file, '--json'], c.io, '.'), 0);
    const out = JSON.parse(c.out[0]!) as { models: { total_params: number; layers: { name: string }[] }[] };
    assert.equal(out.models[0]!.total_params, 8);
    assert.equal(out.models[0]!.layers[0]!.name, 'dense_Dense1');
  });

  it('takes the terminal width as Python does: COLUMNS, else the tty, else 80', () => {
    assert.equal(terminalColumns({ COLUMNS: '120' }, 100), 120);
    assert.equal(terminalColumns({}, 100), 100);
    assert.equal(terminalColumns({}, undefined), 80);
  });
});
