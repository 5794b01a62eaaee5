/**
 * A user's CSV file as a dataset: papaparse reads the text (first non-empty row = header, cells
 * trimmed, empty rows skipped), every column but `target` must be numeric and becomes a feature, and
 * the target becomes regression values or class indices (csvColumns.ts). validation_split works as in
 * Keras' fit(): the last fraction of the rows, before any shuffling, split at floor(n · (1 - split))
 * (keras/src/trainers/data_adapters/array_slicing.py train_validation_split). Standardization statistics
 * come from the training rows only. Errors a user can fix are DataErrors naming the spreadsheet row
 * (header = row 1) and the column. No file access: the caller reads the file and passes its text.
 */
import * as Papa from 'papaparse';
import { ConfigError } from '../configError';
import { echo } from '../../shared/echo';
import { type MessageArg, msg } from '../../shared/message';
import { DataError, createDataset, sliceRows, type Dataset, type DatasetSplit } from './dataset';
import { describeColumn, encodeTarget, parseFeatureColumn, quoteCell, type TargetMode } from './csvColumns';
import { applyStandardization, fitStandardization, type Standardization } from './standardize';

export interface CsvSpec {
  /** Header name of the column to predict. */
  readonly target: string;
  /** Standardize feature columns with training statistics; default false. */
  readonly standardize?: boolean;
  /** Fraction of rows, taken from the end, held out for validation (Keras semantics); default 0. */
  readonly validation_split?: number;
  /** 'auto' (default): numbers -> regression, labels -> classification. Force one with the others. */
  readonly task?: TargetMode;
}

export interface CsvSplit extends DatasetSplit {
  /** The statistics applied to both parts, or null without standardize. */
  readonly standardization: Standardization | null;
  /** The spreadsheet row (header = 1) of every data row: the training rows, then the validation rows. */
  readonly rowNumbers: readonly number[];
  /** The target column as messages name it, e.g. `"label" (C)`. */
  readonly targetColumn: string;
}

/** The table as read: header names and data rows, each with its 1-based spreadsheet row number. */
export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly rowNumbers: readonly number[];
}

const TARGET_MODES: readonly TargetMode[] = ['auto', 'classification', 'regression'];

/** Parses `text` into a train/validation split. `source` (e.g. the file name) prefixes error messages. */
export function csvDataset(text: string, spec: CsvSpec, source = 'CSV'): CsvSplit {
  const { target, standardize, validationSplit, mode } = validateSpec(spec);
  const table = readCsvTable(text, source);
  const targetIndex = table.header.indexOf(target);
  if (targetIndex < 0) {
    throw new DataError(msg('no column named "{0}"', echo(target)), {
      source, row: 1, hint: msg('the header has {0}; set target to one of them', listNames(table.header)),
    });
  }
  const featureIndices = table.header.map((_h, i) => i).filter((i) => i !== targetIndex);
  if (featureIndices.length === 0) {
    throw new DataError(msg('the only column is the target "{0}"', echo(target)), { source, hint: msg('add at least one numeric feature column') });
  }
  const column = (i: number) => ({
    source, column: describeColumn(table.header[i]!, i), rows: table.rowNumbers, cells: table.rows.map((cells) => cells[i]!),
  });
  const x = new Float32Array(table.rows.length * featureIndices.length);
  featureIndices.forEach((col, f) => parseFeatureColumn(column(col), x, f, featureIndices.length));
  const encoded = encodeTarget(column(targetIndex), mode);
  const all = createDataset({
    x, y: encoded.y, targetWidth: encoded.targetWidth, task: encoded.task,
    featureNames: featureIndices.map((i) => table.header[i]!),
    ...(encoded.classNames !== undefined ? { classNames: encoded.classNames } : {}),
  });
  const split = splitAndStandardize(all, validationSplit, standardize, encoded.note);
  return { ...split, rowNumbers: table.rowNumbers, targetColumn: describeColumn(target, targetIndex) };
}

/** Keras' validation_split, then standardization fitted on the training part. */
function splitAndStandardize(all: Dataset, validationSplit: number, standardize: boolean, targetNote: string | undefined): DatasetSplit & { standardization: Standardization | null } {
  let train = all;
  let validation: Dataset | null = null;
  if (validationSplit > 0) {
    const splitAt = Math.floor(all.n * (1 - validationSplit));
    if (splitAt === 0 || splitAt === all.n) {
      throw new ConfigError('validation_split', validationSplit, msg('a fraction that leaves rows on both sides; the file has {0} data rows', all.n));
    }
    train = sliceRows(all, 0, splitAt);
    validation = sliceRows(all, splitAt, all.n);
  }
  let standardization: Standardization | null = null;
  if (standardize) {
    standardization = fitStandardization(train);
    train = applyStandardization(train, standardization);
    if (validation !== null) validation = applyStandardization(validation, standardization);
  }
  const sizes = validation === null ? `${train.n} training rows` : `${train.n} training and ${validation.n} validation rows (the last ${validation.n})`;
  const note = [`${sizes}, ${all.features} features, ${describeTask(all)}`, targetNote].filter((s) => s !== undefined).join('; ');
  return { train, validation, standardization, note };
}

function describeTask(d: Dataset): string {
  if (d.task === 'regression') return 'regression target';
  return `${d.task} target with classes ${(d.classNames ?? []).join(', ')}`;
}

/**
 * Reads the CSV text: skips rows whose cells are all empty (blank lines, or the ",,," rows spreadsheets
 * export), takes the first remaining row as the header and checks names and row lengths.
 */
export function readCsvTable(text: string, source = 'CSV'): CsvTable {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') {
    throw new DataError(msg('the file is empty'), { source, hint: msg('expected a header row such as "x1,x2,label" followed by data rows') });
  }
  const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false, dynamicTyping: false });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError !== undefined) {
    throw new DataError(msg('unbalanced quotes ({0})', quoteError.message), {
      source, ...(quoteError.row !== undefined ? { row: quoteError.row + 1 } : {}), hint: msg('close the quoted value or remove the stray quote'),
    });
  }
  let header: string[] | null = null;
  let headerRow = 0;
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (const [r, record] of parsed.data.entries()) {
    const cells = record.map((c) => c.trim());
    if (cells.every((c) => c === '')) continue;
    if (header === null) {
      header = checkHeader(cells, r + 1, source);
      headerRow = r + 1;
      continue;
    }
    if (cells.length !== header.length) {
      throw new DataError(msg('{0} values, but the header (row {1}) has {2} columns', cells.length, headerRow, header.length), {
        source, row: r + 1, hint: msg('every row needs one value per column; check for a missing or extra separator'),
      });
    }
    rows.push(cells);
    rowNumbers.push(r + 1);
  }
  if (header === null) throw new DataError(msg('the file is empty'), { source });
  if (rows.length === 0) throw new DataError(msg('the file has a header row but no data rows'), { source, hint: msg('add data rows below the header') });
  return { header, rows, rowNumbers };
}

/** Up to 10 quoted names, then how many more: a header can have thousands of columns. */
function listNames(names: readonly string[]): MessageArg {
  const shown = names.slice(0, 10).map(quoteCell).join(', ');
  return names.length > 10 ? msg('{0} and {1} more', shown, names.length - 10) : shown;
}

function checkHeader(cells: readonly string[], row: number, source: string): string[] {
  const seen = new Map<string, number>();
  cells.forEach((name, i) => {
    if (name === '') throw new DataError(msg('column {0} has no name', describeColumn('', i)), { source, row, hint: msg('give every column a header name') });
    const first = seen.get(name);
    if (first !== undefined) {
      throw new DataError(msg('the column name "{0}" appears twice ({1} and {2})', echo(name), describeColumn(name, first), describeColumn(name, i)), {
        source, row, hint: msg('rename one of them'),
      });
    }
    seen.set(name, i);
  });
  return [...cells];
}

function validateSpec(spec: CsvSpec): { target: string; standardize: boolean; validationSplit: number; mode: TargetMode } {
  if (typeof spec !== 'object' || spec === null) throw new ConfigError('csv', spec, msg('an object such as { target: "label" }'));
  if (typeof spec.target !== 'string' || spec.target.trim() === '') {
    throw new ConfigError('target', spec.target, msg('the header name of the column to predict'));
  }
  const standardize = spec.standardize ?? false;
  if (typeof standardize !== 'boolean') throw new ConfigError('standardize', spec.standardize, msg('true or false'));
  const validationSplit = spec.validation_split ?? 0;
  if (typeof validationSplit !== 'number' || !(validationSplit >= 0 && validationSplit < 1)) {
    throw new ConfigError('validation_split', spec.validation_split, msg('a number from 0 (no validation) up to, not including, 1'));
  }
  const mode = spec.task ?? 'auto';
  if (!TARGET_MODES.includes(mode)) throw new ConfigError('task', spec.task, msg('one of {0}', TARGET_MODES.join(', ')));
  return { target: spec.target.trim(), standardize, validationSplit, mode };
}
