/**
 * A seeded fuzz of the experiment loader and the training loop: thousands of mutated experiment specs
 * (values swapped for wrong types, out-of-range numbers, float32 overflows, megabyte strings, deep nesting;
 * keys deleted or added) and thousands of generated CSV files (ragged rows, missing values, quotes, huge
 * cells, duplicate headers, labels outside a loss' domain). Every case must end in one of two ways:
 * success with finite numbers in every epoch, or a ConfigError/DataError whose message is one line, caps
 * what it echoes, and names the key (or the file) to fix. Never another exception, never a silent NaN.
 * The same seed gives the same cases; a failure prints the case to reproduce.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../../../src/engine/configError';
import { DataError } from '../../../src/engine/datasets/dataset';
import { loadExperiment } from '../../../src/engine/experiment/experiment';
import { nodeDataIo } from '../../../src/engine/experiment/nodeDataIo';
import { runExperiment } from '../../../src/engine/experiment/runExperiment';
import { createBackend } from '../../../src/engine/kernels/engineBackend';
import { Rng } from '../../../src/engine/rng';

const SPEC_CASES = 3_000;
const CSV_CASES = 1_500;
/** Specs run through the built CLI (a process each, so fewer). */
const CLI_CASES = 25;
/** Optimizer steps a successful case may run (a mutated epochs or batch_size must not make the suite slow). */
const MAX_STEPS = 200;
/** Longest error message allowed: one line, echoed values capped at 80 characters plus the key and the rule. */
const MAX_MESSAGE = 1_500;
const TOP_KEYS = ['seed', 'model', 'compile', 'fit', 'data', 'initial_weights'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const rows = (n: number, f: (i: number) => number[]) => Array.from({ length: n }, (_, i) => f(i));

/** Valid experiments that together use every key the loader reads. */
const BASES: Record<string, Json> = {
  inlineRegression: {
    seed: 1,
    model: { name: 'reg', input_shape: [2], layers: [{ class_name: 'Dense', units: 4, activation: 'relu', kernel_initializer: { class_name: 'HeNormal', config: { seed: 3 } }, kernel_regularizer: { class_name: 'L2', config: { l2: 0.01 } } }, { class_name: 'Dense', units: 1 }] },
    compile: { optimizer: { class_name: 'Adam', learning_rate: 0.01, clipnorm: 1 }, loss: 'mse', metrics: ['mae'] },
    fit: { epochs: 2, batch_size: 4, shuffle: true, validation_split: 0.25, callbacks: [{ class_name: 'EarlyStopping', monitor: 'val_loss', patience: 1, restore_best_weights: true }] },
    data: { x: rows(8, (i) => [i / 8, 1 - i / 8]), y: rows(8, (i) => [i / 4]) },
  },
  playground: {
    seed: 7,
    model: { layers: [{ class_name: 'InputLayer', shape: [2] }, { class_name: 'Dense', units: 4, activation: 'tanh' }, { class_name: 'Dropout', rate: 0.1, seed: 5 }, { class_name: 'Dense', units: 1, activation: 'sigmoid' }] },
    compile: { optimizer: 'sgd', loss: 'binary_crossentropy', metrics: ['accuracy'] },
    fit: { epochs: 2, batch_size: 10, callbacks: [{ class_name: 'ReduceLROnPlateau', config: { monitor: 'val_loss', factor: 0.5, patience: 1 } }] },
    data: { dataset: 'xor', samples: 60, noise: 0.1, train_ratio: 0.5 },
  },
  csv: {
    model: { layers: [{ class_name: 'Dense', units: 3, activation: 'softmax' }] },
    compile: { optimizer: { class_name: 'RMSprop', config: { learning_rate: 0.01 } }, loss: 'categorical_crossentropy', metrics: ['accuracy'] },
    fit: { epochs: 2, batch_size: 3, validation_split: 0.2 },
    data: { csv: 'base.csv', target: 'label', standardize: true },
  },
  weights: {
    model: { layers: [{ class_name: 'Dense', units: 2, activation: 'sigmoid' }, { class_name: 'Dense', units: 3, activation: 'softmax' }] },
    compile: { optimizer: { class_name: 'SGD', learning_rate: 0.1, momentum: 0.9 }, loss: { class_name: 'SparseCategoricalCrossentropy', config: { from_logits: false } }, metrics: ['accuracy'] },
    fit: { epochs: 2, batch_size: 2 },
    data: { x: rows(6, (i) => [i % 2, i % 3]), y: rows(6, (i) => [i % 3]), validation_data: { x: [[0, 1]], y: [[2]] } },
    initial_weights: [{ kernel: [[0.1, -0.2], [0.3, 0.4]], bias: [0, 0] }, { kernel: [[0.5, -0.5, 0.1], [0.2, 0.2, -0.1]], bias: [0, 0, 0] }],
  },
};
const BASE_CSV = 'a,b,label\n1,2,cat\n2,1,dog\n3,3,bird\n4,0,cat\n0,4,dog\n2,2,bird\n1,1,cat\n3,2,dog\n2,3,bird\n0,0,cat\n';

const HUGE = 'h'.repeat(200_000);
const deep = (n: number): Json => (n === 0 ? 1 : [deep(n - 1)]);
const DEEP = deep(3_000);
const POOL: readonly Json[] = [
  null, true, false, 0, -1, 1, 0.5, -0.5, 2, 3, 1e-45, 1e39, -1e39, 1e308, -1e308, 2 ** 31, 2 ** 32, 2 ** 53, 2 ** 64, 1e6, 100_001,
  '', 'x', 'relu', 'mse', 'Dense', 'val_loss', 'accuracy', '1', 'a/b', HUGE, [], [1], [[1]], [[1, 2]], [null], ['x'], {}, { class_name: 'Dense' },
  { class_name: 'X', config: {} }, { class_name: 'Adam', config: { learning_rate: -1 } }, DEEP,
];

/** Every path to a value in `json`, as keys and indices. */
function paths(json: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (json === DEEP || json === HUGE) return out;
  if (Array.isArray(json)) json.forEach((v, i) => { out.push([...prefix, i]); if (prefix.length < 8) paths(v, [...prefix, i], out); });
  else if (json !== null && typeof json === 'object') for (const [k, v] of Object.entries(json)) { out.push([...prefix, k]); if (prefix.length < 8) paths(v, [...prefix, k], out); }
  return out;
}

/** A deep copy that shares the pool's deep and huge values (copying a 3,000-deep array would overflow the stack). */
function clone(json: Json): Json {
  if (json === DEEP || json === null || typeof json !== 'object') return json;
  if (Array.isArray(json)) return json.map(clone);
  return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, clone(v)]));
}

/** One random change: replace a value, delete a key or an item, or add an unknown key. */
function mutate(spec: Json, rng: Rng): { spec: Json; what: string } {
  const copy = clone(spec);
  const all = paths(copy);
  const at = all[rng.int(all.length)]!;
  const parentPath = at.slice(0, -1), last = at[at.length - 1]!;
  let parent = copy as Record<string | number, Json>;
  for (const p of parentPath) parent = parent[p] as Record<string | number, Json>;
  const op = rng.int(10);
  const where = at.join('.');
  if (op === 0) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
    return { spec: copy, what: `delete ${where}` };
  }
  if (op === 1 && !Array.isArray(parent)) {
    parent[`unknown_${rng.int(100)}`] = POOL[rng.int(POOL.length)]!;
    return { spec: copy, what: `add a key beside ${where}` };
  }
  const current = parent[last];
  if (op <= 4 && typeof current === 'number') {
    // A nearby number: often still valid, so training paths get fuzzed too (edge sizes, zero, negatives).
    const nearby = [current * 2, current / 2, current + 1, current - 1, -current, 0, Math.round(current * 10)];
    parent[last] = nearby[rng.int(nearby.length)]!;
    return { spec: copy, what: `set ${where} = ${parent[last]}` };
  }
  const value = POOL[rng.int(POOL.length)]!;
  parent[last] = value;
  return { spec: copy, what: `set ${where} = ${JSON.stringify(value)?.slice(0, 40)}` };
}

/** A random CSV: a header, then rows of random cells; sometimes broken in the ways real files are. */
function randomCsv(rng: Rng): { text: string; target: string; loss: string; units: number } {
  const cols = 1 + rng.int(5);
  const header = Array.from({ length: cols }, (_, j) => (rng.int(30) === 0 ? '' : rng.int(30) === 0 ? 'c0' : `c${j}`));
  const cells = ['1', '-2.5', '.5', '1e-3', '0', '1e400', '5e38', '', 'NA', 'nan', '?', 'cat', 'dog', '1,5', '"q"', '"unclosed', '0x10', 'Infinity', ' 7 ', HUGE.slice(0, 100_000)];
  const n = rng.int(14);
  const lines = [header.join(',')];
  for (let r = 0; r < n; r++) {
    const width = rng.int(40) === 0 ? cols + 1 : cols;
    lines.push(Array.from({ length: width }, () => (rng.int(25) === 0 ? cells[rng.int(cells.length)]! : String(rng.int(3)))).join(','));
  }
  const eol = rng.int(4) === 0 ? '\r\n' : '\n';
  const text = (rng.int(10) === 0 ? '\uFEFF' : '') + lines.join(eol) + (rng.int(2) === 0 ? eol : '');
  const losses = ['mse', 'binary_crossentropy', 'categorical_crossentropy', 'sparse_categorical_crossentropy', 'huber'];
  return { text, target: rng.int(10) === 0 ? 'missing' : `c${rng.int(cols)}`, loss: losses[rng.int(losses.length)]!, units: 1 + rng.int(3) };
}

interface Outcome { readonly kind: 'trained' | 'nan-stopped' | 'config' | 'data' }

/** Loads and runs one spec; asserts the contract; returns how it ended. */
async function runCase(spec: unknown, dir: string, label: string, addedTopKeys: ReadonlySet<string>): Promise<Outcome> {
  let exp;
  try {
    exp = await loadExperiment(spec, { io: nodeDataIo(dir, process.cwd()), backend: createBackend('typescript') });
  } catch (e) {
    return checkError(e, label, addedTopKeys);
  }
  let steps = 0;
  const result = runExperiment(exp, { shouldAbort: () => ++steps > MAX_STEPS });
  if (result.stoppedBy === 'nan') return { kind: 'nan-stopped' };
  for (const epoch of result.history) {
    for (const [key, value] of Object.entries(epoch.logs)) assert.ok(Number.isFinite(value), `${label}: epoch ${epoch.epoch} ${key} = ${value} after a run that did not stop on NaN`);
  }
  return { kind: 'trained' };
}

function checkError(e: unknown, label: string, addedTopKeys: ReadonlySet<string>): Outcome {
  if (!(e instanceof ConfigError) && !(e instanceof DataError)) {
    assert.fail(`${label}: ${e instanceof Error ? `${e.name}: ${e.message.slice(0, 300)}\n${e.stack?.split('\n').slice(0, 4).join('\n')}` : String(e)}`);
  }
  const message = e.message;
  assert.ok(!message.includes('\n'), `${label}: a multi-line message: ${message.slice(0, 300)}`);
  assert.ok(message.length <= MAX_MESSAGE, `${label}: a ${message.length}-character message: ${message.slice(0, 300)}`);
  assert.ok(!message.includes(HUGE.slice(0, 100)), `${label}: echoes more than 80 characters of a long value: ${message.slice(0, 300)}`);
  if (e instanceof ConfigError) {
    const root = e.key.split(/[.[]/)[0]!;
    assert.ok(TOP_KEYS.includes(root) || addedTopKeys.has(root), `${label}: the key "${e.key}" is not a path in the experiment: ${message.slice(0, 300)}`);
    assert.ok(message.startsWith(`${e.key}: `), `${label}: the message does not start with its key: ${message.slice(0, 300)}`);
    return { kind: 'config' };
  }
  assert.ok(e.source !== undefined && e.source.length > 0, `${label}: a data error that names no file or key: ${message.slice(0, 300)}`);
  return { kind: 'data' };
}

describe('experiment fuzz: success with finite numbers, or a one-line error naming the key', function () {
  this.timeout(600_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-fuzz-'));
    fs.writeFileSync(path.join(dir, 'base.csv'), BASE_CSV);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const tally = (outcomes: Outcome[]) => Object.fromEntries(['trained', 'nan-stopped', 'config', 'data'].map((k) => [k, outcomes.filter((o) => o.kind === k).length]));

  it(`holds for ${SPEC_CASES.toLocaleString('en-US')} mutated experiment specs`, async () => {
    for (const [name, base] of Object.entries(BASES)) assert.equal((await runCase(base, dir, `base ${name}`, new Set())).kind, 'trained', name);
    const rng = new Rng(2_024_14);
    const names = Object.keys(BASES);
    const outcomes: Outcome[] = [];
    for (let i = 0; i < SPEC_CASES; i++) {
      const name = names[rng.int(names.length)]!;
      let spec: Json = BASES[name]!;
      const what: string[] = [];
      for (let m = 1 + rng.int(2); m > 0; m--) {
        const mutation = mutate(spec, rng);
        spec = mutation.spec;
        what.push(mutation.what);
      }
      const added = new Set(Object.keys(spec ?? {}).filter((k) => !TOP_KEYS.includes(k)));
      outcomes.push(await runCase(spec, dir, `spec case ${i} (${name}: ${what.join('; ')})`, added));
    }
    const counts = tally(outcomes);
    if (process.env.HYPERLAB_FUZZ_COUNTS) console.log(JSON.stringify(counts)); // how the cases ended, for the record
    // Most mutations must be refused, and enough must still train, or the fuzz tests little.
    assert.ok(counts.config! + counts.data! > SPEC_CASES / 3, JSON.stringify(counts));
    assert.ok(counts.trained! > SPEC_CASES / 10, JSON.stringify(counts));
  });

  it(`holds through the CLI for ${CLI_CASES} mutated specs: exit 0 with numbers, or exit 1 with one line and no stack trace`, () => {
    const rng = new Rng(14);
    const names = Object.keys(BASES);
    const file = path.join(dir, 'cli.json');
    let failed = 0;
    for (let i = 0; i < CLI_CASES; i++) {
      const name = names[rng.int(names.length)]!;
      const { spec, what } = mutate(BASES[name]!, rng);
      fs.writeFileSync(file, JSON.stringify(spec));
      const r = spawnSync(process.execPath, ['dist/cli.js', 'train', file, '--json'], { encoding: 'utf8' });
      const label = `CLI case ${i} (${name}: ${what})`;
      assert.ok(r.status === 0 || r.status === 1, `${label}: exit ${r.status}, ${r.stderr.slice(0, 300)}`);
      assert.doesNotMatch(r.stderr, /^\s+at /m, `${label}: a stack trace`);
      assert.doesNotMatch(r.stderr, /internal error/, label);
      if (r.status === 1) {
        failed++;
        assert.match(r.stderr, /^hyperlab(?: train)?: [^\n]+\n$/, `${label}: ${r.stderr.slice(0, 300)}`);
        continue;
      }
      const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      for (const e of events.filter((x) => x.event === 'epoch')) {
        for (const [k, v] of Object.entries(e)) if (k !== 'event') assert.equal(typeof v, 'number', `${label}: ${k} is ${String(v)} with exit 0`);
      }
    }
    assert.ok(failed > 0 && failed < CLI_CASES, `${failed} of ${CLI_CASES} failed`);
  });

  it(`holds for ${CSV_CASES.toLocaleString('en-US')} generated CSV files`, async () => {
    const rng = new Rng(14_2024);
    const outcomes: Outcome[] = [];
    for (let i = 0; i < CSV_CASES; i++) {
      const csv = randomCsv(rng);
      fs.writeFileSync(path.join(dir, 'fuzz.csv'), csv.text);
      const activation = csv.loss.includes('categorical') ? 'softmax' : csv.loss === 'binary_crossentropy' ? 'sigmoid' : 'linear';
      const spec = {
        model: { layers: [{ class_name: 'Dense', units: csv.units, activation }] },
        compile: { loss: csv.loss },
        fit: { epochs: 1, batch_size: 4, validation_split: rng.int(3) === 0 ? 0.5 : 0 },
        data: { csv: 'fuzz.csv', target: csv.target, standardize: rng.int(2) === 0 },
      };
      outcomes.push(await runCase(spec, dir, `CSV case ${i} (${JSON.stringify(csv.text.slice(0, 120))}, target ${csv.target}, ${csv.loss}, ${csv.units} units)`, new Set()));
    }
    const counts = tally(outcomes);
    if (process.env.HYPERLAB_FUZZ_COUNTS) console.log(JSON.stringify(counts)); // how the cases ended, for the record
    assert.ok(counts.data! > CSV_CASES / 4, JSON.stringify(counts));
    assert.ok(counts.trained! > CSV_CASES / 20, JSON.stringify(counts));
  });
});
