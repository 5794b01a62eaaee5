/**
 * The summary table reproduces Keras 3's printed model.summary() byte for byte (keras/src/utils/
 * summary_utils.py drawn by rich): checked against published outputs stored as fixtures, at the widths
 * they were printed with (88 in a wide terminal, 76 when Python sees no terminal, 80 columns).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeDocument } from '../../../src/keras/analyzeDocument';
import { readableMemorySize, formatShape, formatCount } from '../../../src/keras/kerasFormat';
import { columnWidths, wrapCell } from '../../../src/keras/richTable';
import { summaryTable } from '../../../src/keras/summaryTable';

const fixture = (name: string): string => readFileSync(path.resolve('test/fixtures/keras', name), 'utf8');
const firstTable = (file: string, terminalColumns?: number): string =>
  summaryTable(analyzeDocument(fixture(file), 'python').models.at(-1)!, terminalColumns === undefined ? {} : { terminalColumns });

describe('keras summary table', () => {
  it('prints the MNIST MLP as Keras 3 does in a wide terminal (88 columns)', () => {
    // Published Keras 3 output of Dense(512, relu, input 784) + Dense(10, softmax), printed in a Colab notebook
    // of a Spanish MNIST course (88 wide): stored in test/fixtures/keras/mnist_mlp.summary88.txt.
    assert.equal(`${firstTable('mnist_mlp.py')}\n`, fixture('mnist_mlp.summary88.txt'));
  });

  it('prints the MNIST MLP 80 wide for an 84-column terminal (keras3 R port of Deep Learning with Python, ch. 2)', () => {
    assert.equal(`${firstTable('mnist_mlp.py', 84)}\n`, fixture('mnist_mlp.summary80.txt'));
  });

  it('prints the toy ResNet of the keras.io functional API guide byte for byte (76 wide, Connected to, wrapping)', () => {
    // keras-team/keras-io guides/functional_api.py, "A toy ResNet model": printed without a terminal (80 -> 76).
    assert.equal(`${firstTable('toy_resnet.py', 80)}\n`, fixture('toy_resnet.summary.txt'));
  });

  it('drops Connected to for a functional chain, as Keras does for sequential-like graphs, and keeps the InputLayer row', () => {
    const table = summaryTable(analyzeDocument(fixture('functional.py'), 'python').models[0]!);
    const lines = table.split('\n');
    assert.equal(lines[0], 'Model: "mnist_model"');
    assert.equal(lines[2], '┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃');
    assert.match(lines[4]!, /^│ input_layer \(InputLayer\) +│ \(None, 784\) +│ +0 │$/);
    assert.ok(!table.includes('Connected to'));
  });

  it('lists a shared layer once with both calls in Connected to (108 wide)', () => {
    const table = summaryTable(analyzeDocument(fixture('functional.py'), 'python').models[1]!);
    const lines = table.split('\n');
    assert.equal(lines[1]!.length, 108);
    assert.equal(lines.filter((l) => l.includes('dense_3 (Dense)')).length, 1);
    assert.ok(lines.some((l) => l.includes('left[0][0], right[0][0]')), table);
    assert.ok(lines.some((l) => l.includes('dense_3[1][0]')), 'the second call is node 1 of dense_3');
  });

  it('prints unknown shapes, counts and totals as "?"', () => {
    const table = summaryTable(analyzeDocument(fixture('build_and_trainable.py'), 'python').models[1]!);
    assert.match(table, /│ dense_2 \(Dense\) +│ \? +│ +\? │/);
    assert.match(table, / Total params: \?\n Trainable params: \?\n Non-trainable params: \?$/);
  });

  it('splits trainable and non-trainable parameters in the footer (BatchNormalization, trainable=False)', () => {
    const table = summaryTable(analyzeDocument(fixture('build_and_trainable.py'), 'python').models[2]!);
    assert.match(table, / Total params: 62 \(248\.00 B\)\n Trainable params: 18 \(72\.00 B\)\n Non-trainable params: 44 \(176\.00 B\)$/);
  });
});

describe('keras summary formatting', () => {
  it('formats memory like readable_memory_size: 1024 steps, two decimals, Python rounding of exact ties', () => {
    assert.equal(readableMemorySize(0), '0.00 B');
    assert.equal(readableMemorySize(1023 * 4), '4.00 KB');
    assert.equal(readableMemorySize(407_050 * 4), '1.55 MB');
    assert.equal(readableMemorySize(223_242 * 4), '872.04 KB');
    assert.equal(readableMemorySize(50_890 * 4), '198.79 KB');
    assert.equal(readableMemorySize(1152), '1.12 KB', '1.125 is an exact binary tie: Python rounds it to even');
    assert.equal(readableMemorySize(1184), '1.16 KB', '1.15625 is not a tie');
    assert.equal(readableMemorySize(1024 ** 2), '1.00 MB');
  });

  it('formats counts with thousands separators and shapes with None', () => {
    assert.equal(formatCount(1_606_144), '1,606,144');
    assert.equal(formatCount(0), '0');
    assert.equal(formatShape([null, 28, 28, 1]), '(None, 28, 28, 1)');
    assert.equal(formatShape(null), '?');
  });

  it('shrinks rich column widths with ratio_reduce: 88 -> 38/29/17, 76 -> 33/24/15, 108 -> 31/27/17/28', () => {
    const cols = (widths: number[]) => widths.map((width) => ({ header: '', width, justify: 'left' as const }));
    assert.deepEqual(columnWidths(cols([39, 31, 18]), 88), [38, 29, 17]);
    assert.deepEqual(columnWidths(cols([34, 26, 16]), 76), [33, 24, 15]);
    assert.deepEqual(columnWidths(cols([32, 28, 19, 29]), 108), [31, 27, 17, 28]);
  });

  it('wraps cells at spaces and cuts a word longer than the column with an ellipsis', () => {
    assert.deepEqual(wrapCell('batch_normalization_4 (BatchNormalization)', 31), ['batch_normalization_4', '(BatchNormalization)']);
    assert.deepEqual(wrapCell('global_average_pooling2d (GlobalAveragePooling2D)', 19), ['global_average_poo…', '(GlobalAveragePool…']);
    assert.deepEqual(wrapCell('(None, 30, 30, 32)', 17), ['(None, 30, 30,', '32)']);
  });
});
