/**
 * CSV datasets: a good file end to end (header, trimming, blank rows, labels -> classes), the target
 * encodings, Keras' validation_split, standardization fitted on training rows only, and one test per
 * user error checking that the message names the spreadsheet row and the column.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ConfigError } from '../../../src/engine/configError';
import { csvDataset, readCsvTable, type CsvSpec } from '../../../src/engine/datasets/csv';
import { columnLetter } from '../../../src/engine/datasets/csvColumns';
import { DataError } from '../../../src/engine/datasets/dataset';

const fixture = (name: string): string => readFileSync(path.resolve('test/fixtures/datasets', name), 'utf8');

/** Asserts that `fn` throws a DataError at `row` (undefined: none) whose message matches every pattern. */
function throwsDataError(fn: () => unknown, row: number | undefined, ...patterns: RegExp[]): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof DataError, `expected a DataError, got ${String(e)}`);
    assert.equal(e.row, row, e.message);
    for (const p of patterns) assert.match(e.message, p);
    return true;
  });
}

describe('csvDataset', () => {
  it('reads a file with a BOM, padded cells and blank rows; labels become sorted one-hot classes', () => {
    const split = csvDataset(fixture('flowers.csv'), { target: 'species' }, 'flowers.csv');
    const d = split.train;
    assert.equal(split.validation, null);
    assert.deepEqual(d.featureNames, ['sepal_length', 'sepal_width']);
    assert.equal(d.n, 6);
    assert.equal(d.task, 'multiclass');
    assert.deepEqual(d.classNames, ['setosa', 'versicolor', 'virginica']);
    assert.deepEqual([...d.x], [5.1, 3.5, 7.0, 3.2, 6.3, 3.3, 4.9, 3.0, 6.4, 3.2, 5.8, 2.7].map(Math.fround));
    assert.deepEqual([...d.y], [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
    assert.match(split.note ?? '', /6 training rows, 2 features, multiclass/);
  });

  it('two labels give a binary 0/1 target, 1 for the label sorted second', () => {
    const d = csvDataset('f,ok\n1,yes\n2,no\n3,yes\n', { target: 'ok' }).train;
    assert.equal(d.task, 'binary');
    assert.equal(d.targetWidth, 1);
    assert.deepEqual(d.classNames, ['no', 'yes']);
    assert.deepEqual([...d.y], [1, 0, 1]);
  });

  it('numbers give a regression target, with a note when they look like class integers', () => {
    const houses = csvDataset(fixture('houses.csv'), { target: 'price' });
    assert.equal(houses.train.task, 'regression');
    assert.equal(houses.train.y[0], Math.fround(210.5));
    assert.doesNotMatch(houses.note ?? '', /classification/);
    const ints = csvDataset('f,c\n1,0\n2,1\n3,1\n', { target: 'c' });
    assert.equal(ints.train.task, 'regression');
    assert.match(ints.note ?? '', /only the integers 0, 1.*task: "classification"/);
  });

  it('task "classification" reads integer targets as classes sorted numerically', () => {
    const d = csvDataset('f,digit\n1,10\n2,2\n3,1\n4,2.0\n', { target: 'digit', task: 'classification' }).train;
    assert.equal(d.task, 'multiclass');
    assert.deepEqual(d.classNames, ['1', '2', '10']);
    assert.deepEqual([...d.y], [0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 1, 0]);
    throwsDataError(() => csvDataset('f,c\n1,0\n2,0.5\n', { target: 'c', task: 'classification' }), 3, /"0\.5" is not a class/, /column "c" \(B\)/);
  });

  it('validation_split holds out the last rows, split at floor(n · (1 - split)) as Keras does', () => {
    const split = csvDataset(fixture('houses.csv'), { target: 'price', validation_split: 0.25 });
    assert.equal(split.train.n, 7); // floor(10 * 0.75)
    assert.equal(split.validation!.n, 3);
    assert.deepEqual([...split.validation!.x], [6, 150, 3, 72, 4, 101]);
    assert.deepEqual([...split.validation!.y], [520, 215, 330]);
    assert.match(split.note ?? '', /7 training and 3 validation rows \(the last 3\)/);
  });

  it('standardizes with the training rows\' mean and population std only', () => {
    const text = 'a,b,t\n1,5,0\n2,5,1\n3,5,0\n4,5,1\n100,7,0\n';
    const split = csvDataset(text, { target: 't', standardize: true, validation_split: 0.2 });
    const mean = 2.5, std = Math.sqrt(1.25); // training rows a = 1..4; b is constant there -> std 1
    assert.deepEqual(split.standardization, { mean: [mean, 5], std: [std, 1] });
    const col = (x: Float32Array | Uint8Array, c: number) => [...x].filter((_v, i) => i % 2 === c);
    col(split.train.x, 0).forEach((v, i) => assert.ok(Math.abs(v - (i + 1 - mean) / std) < 1e-6));
    assert.deepEqual(col(split.train.x, 1), [0, 0, 0, 0]);
    assert.ok(Math.abs(split.validation!.x[0]! - (100 - mean) / std) < 1e-4);
    assert.equal(split.validation!.x[1], 2);
    assert.equal(csvDataset(text, { target: 't' }).standardization, null);
  });

  it('names spreadsheet letters A..Z, AA', () => {
    assert.deepEqual([0, 1, 25, 26, 27, 701, 702].map(columnLetter), ['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

describe('csvDataset errors a user can act on', () => {
  it('an empty file, a blank file, a header without rows', () => {
    throwsDataError(() => csvDataset('', { target: 'y' }, 'data.csv'), undefined, /^data\.csv: the file is empty/);
    throwsDataError(() => csvDataset(' \n\n , \n', { target: 'y' }), undefined, /empty/);
    throwsDataError(() => csvDataset('a,y\n\n', { target: 'y' }), undefined, /no data rows/);
  });

  it('a missing target column lists the available columns', () => {
    throwsDataError(() => csvDataset(fixture('houses.csv'), { target: 'cost' }), 1, /no column named "cost"/, /"rooms", "area", "price"/);
  });

  it('a non-numeric feature value names its row and column', () => {
    throwsDataError(() => csvDataset('a,b,y\n1,2,x\n3,abc,y\n', { target: 'y' }), 3, /row 3, column "b" \(B\)/, /"abc" is not a number/);
    throwsDataError(() => csvDataset('a;b;y\n1;2,5;x\n3;4;y\n', { target: 'y' }), 2, /dot as the decimal separator/);
  });

  it('row numbers count blank rows, as a spreadsheet does', () => {
    throwsDataError(() => csvDataset('a,y\n1,x\n\n\n2,y\nq,x\n', { target: 'y' }), 6, /row 6, column "a" \(A\)/);
  });

  it('a ragged row says how many values it has and the header has', () => {
    throwsDataError(() => csvDataset(fixture('ragged.csv'), { target: 'label' }, 'ragged.csv'), 4, /ragged\.csv, row 4: 2 values, but the header \(row 1\) has 3 columns/);
  });

  it('empty cells and NaN markers, in features and target', () => {
    throwsDataError(() => csvDataset('a,b,y\n1,2,x\n3,,y\n', { target: 'y' }), 3, /column "b" \(B\): empty cell/, /fill it in/);
    throwsDataError(() => csvDataset('a,b,y\n1,NaN,x\n3,4,y\n', { target: 'y' }), 2, /missing value "NaN"/);
    throwsDataError(() => csvDataset('a,y\n1,x\n2,NA\n', { target: 'y' }), 3, /column "y" \(B\): missing value "NA"/);
  });

  it('a single class in the target column', () => {
    throwsDataError(() => csvDataset('a,y\n1,cat\n2,cat\n', { target: 'y' }), undefined, /column "y" \(B\): only one class, "cat", in all 2 rows/, /at least two classes/);
  });

  it('a label in a target forced to regression', () => {
    throwsDataError(() => csvDataset('a,y\n1,2\n2,big\n', { target: 'y', task: 'regression' }), 3, /"big" is not a number/, /regression target/);
  });

  it('a header with a missing or repeated name, unbalanced quotes', () => {
    throwsDataError(() => readCsvTable('a,,y\n1,2,3\n'), 1, /column "" \(B\) has no name/);
    throwsDataError(() => readCsvTable('a,b,a\n1,2,3\n'), 1, /"a" appears twice \("a" \(A\) and "a" \(C\)\)/);
    throwsDataError(() => readCsvTable('a,y\n1,"x\n2,y\n'), 2, /quotes/);
  });

  it('bad settings are ConfigErrors; a split that leaves one side empty too', () => {
    const cases: [unknown, string][] = [
      [{ target: '' }, 'target'],
      [{ target: 'price', validation_split: 1 }, 'validation_split'],
      [{ target: 'price', validation_split: -0.1 }, 'validation_split'],
      [{ target: 'price', standardize: 'yes' }, 'standardize'],
      [{ target: 'price', task: 'ordinal' }, 'task'],
    ];
    for (const [spec, key] of cases) {
      assert.throws(() => csvDataset(fixture('houses.csv'), spec as CsvSpec), (e: unknown) => e instanceof ConfigError && e.key === key);
    }
    // 10 rows and 0.01: split_at = floor(9.9) = 9 leaves one validation row, which Keras accepts.
    assert.equal(csvDataset(fixture('houses.csv'), { target: 'price', validation_split: 0.01 }).validation!.n, 1);
    // 2 rows and 0.4: split_at = floor(1.2) = 1 works; 0.6 gives split_at 0, which Keras rejects.
    assert.equal(csvDataset('a,y\n1,2\n2,3\n', { target: 'y', validation_split: 0.4 }).train.n, 1);
    assert.throws(() => csvDataset('a,y\n1,2\n2,3\n', { target: 'y', validation_split: 0.6 }), (e: unknown) => e instanceof ConfigError && /2 data rows/.test(e.message));
  });
});
