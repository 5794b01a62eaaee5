/**
 * Benchmark of the Keras code intelligence (issue 4 target: a 5,000-line Python file with 50 models
 * analysed in under 50 ms): generates such a file (Sequential models in list and .add form, functional
 * models with shared layers and merges, functions, constants, comments and unrelated code), then times
 * analyzeDocument on it cold (full parse + read + layer rules + summaries), after a one-character edit
 * (what a keystroke costs: the parse is incremental), and the 50 summary tables. Each figure is the median of several samples
 * after a warm-up; it measures time only (the tests check the numbers). The cold analysis is timed twice:
 * on one thread (the CLI), and with the Python parse worker the extension starts (parseHelper.ts: half of
 * the segments parsed on a second thread). The peer in the same run is @lezer/python's own parse of the
 * file on one thread, the floor of any single-threaded analysis built on it.
 *
 * usage: npm run bench -- --keras
 */
import { parser } from '@lezer/python';
import path from 'node:path';
import { analyzeDocument } from '../src/keras/analyzeDocument';
import type { ParseHelper } from '../src/keras/python/parseHelper';
import { usePythonParseWorker } from '../src/keras/python/pythonModels';
import { summaryTable } from '../src/keras/summaryTable';

const MODELS = 50;
const TARGET_LINES = 5_000;
const SAMPLES = 25;
const TARGET_MS = 50;

function sequentialModel(i: number): string[] {
  return [
    `def build_${i}(units=${64 + i}):`,
    `    """Model ${i}: a Sequential MLP built by a function."""`,
    '    model = keras.Sequential(name="seq_' + i + '")',
    `    model.add(layers.Dense(units, activation="relu", input_shape=(PIXELS,)))`,
    '    model.add(layers.Dropout(0.2))',
    `    model.add(layers.Dense(units // 2, activation="relu", kernel_regularizer=regularizers.l2(0.01)))`,
    '    model.add(layers.BatchNormalization())',
    '    model.add(layers.Dense(CLASSES, activation="softmax"))',
    '    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="categorical_crossentropy", metrics=["accuracy"])',
    '    return model',
    '',
    `model_${i} = build_${i}()`,
    `history_${i} = model_${i}.fit(x_train, y_train, epochs=EPOCHS, batch_size=128, validation_split=0.1)`,
  ];
}

function functionalModel(i: number): string[] {
  return [
    `left_${i} = keras.Input(shape=(32, 32, 3), name="left_${i}")`,
    `right_${i} = keras.Input(shape=(32, 32, 3), name="right_${i}")`,
    `conv_${i} = layers.Conv2D(16, 3, padding="same", activation="relu")`,
    `a_${i} = layers.MaxPooling2D(2)(conv_${i}(left_${i}))`,
    `b_${i} = layers.MaxPooling2D(2)(conv_${i}(right_${i}))`,
    `x_${i} = layers.concatenate([layers.Flatten()(a_${i}), layers.Flatten()(b_${i})])`,
    `x_${i} = layers.Dense(64, activation="relu")(x_${i})`,
    `out_${i} = layers.Dense(1, activation="sigmoid")(x_${i})`,
    `siamese_${i} = keras.Model([left_${i}, right_${i}], out_${i}, name="siamese_${i}")`,
    `siamese_${i}.compile(optimizer="adam", loss="binary_crossentropy")`,
  ];
}

/** Plain Python between the models (data loading, plotting, bookkeeping), about 30 characters a line. */
function filler(i: number, lines: number): string[] {
  const templates = [
    (k: number) => `# step ${k} of experiment ${i}`,
    (k: number) => `x_${k} = np.zeros((${k}, 4))`,
    (k: number) => `total_${k} = (${k} * SCALE + OFFSET) // 3`,
    () => '',
    (k: number) => `print("epoch", ${k}, loss_${i})`,
    (k: number) => `if total_${k} > ${k}:`,
    (k: number) => `    results.append(total_${k})`,
    (k: number) => `plt.plot(history[${k}])`,
  ];
  const out: string[] = [`# --- experiment ${i} ---`, `loss_${i} = 0.0`, 'results = []'];
  for (let k = 3; k < lines; k++) out.push(templates[k % templates.length]!(k));
  if (out.at(-1)!.startsWith('if ')) out.push('    pass');
  return out;
}

function generate(): string {
  const header = ['import numpy as np', 'import keras', 'from keras import layers, regularizers', '', 'PIXELS = 28 * 28', 'CLASSES = 10', 'EPOCHS = 5', 'SCALE = 3', 'OFFSET = -1', ''];
  const blocks: string[][] = [];
  for (let i = 0; i < MODELS; i++) blocks.push(i % 2 === 0 ? sequentialModel(i) : functionalModel(i));
  const modelLines = header.length + blocks.reduce((n, b) => n + b.length, 0);
  const fillPerModel = Math.max(1, Math.floor((TARGET_LINES - modelLines) / MODELS));
  return [...header, ...blocks.flatMap((b, i) => [...filler(i, fillPerModel), ...b])].join('\n');
}

function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(run: () => void): number {
  for (let i = 0; i < 5; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now();
    run();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

/** A cold analysis: the previous document is unrelated, so nothing of its parse can be reused. */
function cold(text: string): () => void {
  return () => {
    analyzeDocument('', 'python');
    analyzeDocument(text, 'python');
  };
}

async function workerReady(helper: ParseHelper): Promise<void> {
  for (let waited = 0; !helper.ready; waited += 10) {
    if (waited > 10_000) throw new Error('the Python parse worker did not start');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A TensorFlow.js file of about 1,000 lines: 40 models in both spellings with their compile(...). */
function generateTfjs(): string {
  const blocks = Array.from({ length: 40 }, (_, i) => [
    `export const model${i} = tf.sequential({`,
    '  layers: [',
    `    tf.layers.dense({units: ${64 + i}, activation: 'relu', inputShape: [PIXELS]}),`,
    '    tf.layers.dropout({rate: 0.2}),',
    "    tf.layers.dense({units: 10, activation: 'softmax'}),",
    '  ],',
    '});',
    `model${i}.compile({optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy']});`,
    `const added${i} = tf.sequential();`,
    `added${i}.add(tf.layers.dense({units: 32, activation: 'tanh', inputShape: [${i + 2}]}));`,
    `added${i}.add(tf.layers.dense({units: 1, activation: 'sigmoid'}));`,
    `function helper${i}(x: number): number {`,
    `  const scaled = (x * ${i} + 1) / 2;`,
    '  return Math.max(0, scaled);',
    '}',
    `// block ${i}: data loading and logging around the models`,
    `const values${i}: number[] = [1, 2, 3].map((v) => helper${i}(v));`,
    `console.log('model ${i}', values${i});`,
    '',
  ]).flat();
  return ["import * as tf from '@tensorflow/tfjs';", 'const PIXELS = 28 * 28;', '', ...blocks].join('\n');
}

async function main(): Promise<void> {
  const tfjs = generateTfjs();
  const loadStart = performance.now();
  analyzeDocument(tfjs, 'typescript'); // the first TF.js analysis loads the TypeScript compiler
  const firstTfjsMs = performance.now() - loadStart;
  const tfjsMs = time(() => analyzeDocument(tfjs, 'typescript'));
  const text = generate();
  const lines = text.split('\n').length;
  const analysis = analyzeDocument(text, 'python');
  const known = analysis.models.filter((m) => m.totals !== null).length;
  const edited = text.replace('EPOCHS = 5', 'EPOCHS = 6');
  let flip = false;
  const parseMs = time(() => parser.parse(text));
  const emptyMs = time(() => analyzeDocument('', 'python'));
  const coldMs = time(cold(text)) - emptyMs;
  const editMs = time(() => { flip = !flip; analyzeDocument(flip ? edited : text, 'python'); });
  const tablesMs = time(() => { for (const m of analysis.models) summaryTable(m); });
  const helper = usePythonParseWorker(path.join(__dirname, 'pythonParseWorker.js'))!;
  await workerReady(helper);
  const pairedMs = time(cold(text)) - emptyMs;
  const used = helper.jobs > 0 && helper.ready;
  usePythonParseWorker(null);
  const verdict = (ms: number) => (ms < TARGET_MS ? 'met' : 'MISSED');
  console.log(`file: ${lines} lines, ${text.length} characters, ${analysis.models.length} models (${known} with known totals), ${analysis.diagnostics.length} document diagnostics`);
  console.log(`peer: @lezer/python parse alone, one thread:          ${parseMs.toFixed(2)} ms`);
  console.log(`analyzeDocument, cold, one thread (CLI):              ${coldMs.toFixed(2)} ms   ${(coldMs / parseMs).toFixed(2)}× the parse   target < ${TARGET_MS} ms: ${verdict(coldMs)}`);
  console.log(`analyzeDocument, cold, with the parse worker (editor): ${pairedMs.toFixed(2)} ms   ${(pairedMs / parseMs).toFixed(2)}× the parse   target < ${TARGET_MS} ms: ${verdict(pairedMs)}${used ? '' : '   (worker NOT used)'}`);
  console.log(`analyzeDocument after a keystroke:                    ${editMs.toFixed(2)} ms   (one segment reparsed)`);
  console.log(`${analysis.models.length} summary tables:                                    ${tablesMs.toFixed(2)} ms`);
  console.log(`TF.js, ${tfjs.split('\n').length} lines, ${analyzeDocument(tfjs, 'typescript').models.length} models (TypeScript's parser): ${tfjsMs.toFixed(2)} ms; the first one, which loads the compiler: ${firstTfjsMs.toFixed(0)} ms`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
