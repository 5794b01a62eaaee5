/**
 * Turning CSV cells into numbers: strict numeric parsing for feature columns and the encoding of the
 * target column (numbers -> regression; labels or, on request, integers -> class indices in sorted
 * order, 0/1 for two classes, one-hot for more so categorical_crossentropy applies). Every failure is
 * a DataError naming the spreadsheet row and the column. Not here: reading the CSV text (csv.ts).
 */
import { echo } from '../../shared/echo';
import { msg } from '../../shared/message';
import { DataError, type Task } from './dataset';

/** How the target column is read: by its content ('auto'), or forced. */
export type TargetMode = 'auto' | 'classification' | 'regression';

export interface EncodedTarget {
  /** (n, targetWidth) row-major. */
  readonly y: Float32Array;
  readonly targetWidth: number;
  readonly task: Task;
  readonly classNames?: readonly string[];
  /** A hint for the user about how the target was read, when it may surprise. */
  readonly note?: string;
}

/** Where the cells of one column come from. */
export interface ColumnCells {
  readonly source: string;
  /** How to name the column in messages, e.g. `"age" (C)`. */
  readonly column: string;
  readonly cells: readonly string[];
  /** 1-based spreadsheet row of each cell. */
  readonly rows: readonly number[];
}

/** Spreadsheet column letters: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let i = index + 1; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/** `"age" (C)`: the header name and the spreadsheet letter. */
export function describeColumn(name: string, index: number): string {
  return `${quoteCell(name)} (${columnLetter(index)})`;
}

/** Decimal numbers only: "1", "-2.5", ".5", "1e-3". Not "", "0x10", "Infinity" or "1,5". */
const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** What spreadsheets and pandas write for a missing value. */
const MISSING_TOKENS = new Set(['nan', 'na', 'n/a', '#n/a', 'null', 'none', '?']);

/** The number in `cell`, or null when it is not a plain decimal number. */
export function parseNumber(cell: string): number | null {
  return NUMBER_PATTERN.test(cell) ? Number(cell) : null;
}

/**
 * Throws a DataError when a parsed cell does not fit float32, where the engine computes: "1e400" is
 * Infinity already as a double, "1e39" becomes Infinity in a Float32Array, and either would only surface
 * later as a NaN loss blamed on the learning rate.
 */
function checkFloat32(col: ColumnCells, i: number, value: number): void {
  if (Number.isFinite(Math.fround(value))) return;
  throw new DataError(msg('"{0}" is too large for float32', echo(col.cells[i]!)), {
    source: col.source, row: col.rows[i]!, column: col.column,
    hint: msg('values must have a magnitude of at most 3.4028235e38 (the engine computes in float32); rescale the column'),
  });
}

/** A cell quoted for a message, capped (shared/echo.ts): a cell can be megabytes long. */
export function quoteCell(cell: string): string {
  return `"${echo(cell)}"`;
}

/** Throws a DataError if the cell at `i` is empty or a missing-value marker. */
function checkPresent(col: ColumnCells, i: number): void {
  const cell = col.cells[i]!;
  const where = { source: col.source, row: col.rows[i]!, column: col.column, hint: msg('fill it in or delete the row (missing values are not imputed)') };
  if (cell === '') throw new DataError(msg('empty cell'), where);
  if (MISSING_TOKENS.has(cell.toLowerCase())) throw new DataError(msg('missing value "{0}" (NaN)', echo(cell)), where);
}

/** Parses a numeric feature column into `out[offset + r * stride]`. */
export function parseFeatureColumn(col: ColumnCells, out: Float32Array, offset: number, stride: number): void {
  col.cells.forEach((cell, r) => {
    checkPresent(col, r);
    const value = parseNumber(cell);
    if (value === null) {
      const decimalComma = /^[+-]?\d+,\d+$/.test(cell);
      throw new DataError(msg('"{0}" is not a number', echo(cell)), {
        source: col.source, row: col.rows[r]!, column: col.column,
        hint: decimalComma
          ? msg('feature columns must be numeric (use a dot as the decimal separator): encode this column as numbers, or remove it')
          : msg('feature columns must be numeric: encode this column as numbers, or remove it'),
      });
    }
    checkFloat32(col, r, value);
    out[offset + r * stride] = value;
  });
}

/** Reads the target column as regression values or class indices (see the file comment). */
export function encodeTarget(col: ColumnCells, mode: TargetMode): EncodedTarget {
  col.cells.forEach((_c, i) => checkPresent(col, i));
  const numbers = col.cells.map(parseNumber);
  const firstLabel = numbers.findIndex((v) => v === null);
  if (mode === 'regression' || (mode === 'auto' && firstLabel < 0)) {
    if (firstLabel >= 0) {
      throw new DataError(msg('"{0}" is not a number', echo(col.cells[firstLabel]!)), {
        source: col.source, row: col.rows[firstLabel]!, column: col.column,
        hint: msg('a regression target must be numeric; set task: "classification" to read labels'),
      });
    }
    const values = numbers as number[];
    values.forEach((v, i) => checkFloat32(col, i, v));
    const note = mode === 'auto' ? integerTargetNote(col.column, values) : undefined;
    return { y: Float32Array.from(values), targetWidth: 1, task: 'regression', ...(note !== undefined ? { note } : {}) };
  }
  return encodeClasses(col, firstLabel < 0 ? (numbers as number[]) : null);
}

/** Class indices in sorted label order; integer targets (`numbers` given) sort numerically. */
function encodeClasses(col: ColumnCells, numbers: number[] | null): EncodedTarget {
  let keys: readonly string[];
  let classNames: string[];
  if (numbers !== null) {
    const bad = numbers.findIndex((v) => !Number.isInteger(v));
    if (bad >= 0) {
      throw new DataError(msg('"{0}" is not a class', echo(col.cells[bad]!)), {
        source: col.source, row: col.rows[bad]!, column: col.column,
        hint: msg('class targets are integers (0, 1, 2, ...) or labels (cat, dog); use task: "regression" for continuous values'),
      });
    }
    keys = numbers.map(String); // "1" and "1.0" are the same class
    classNames = [...new Set(numbers)].sort((a, b) => a - b).map(String);
  } else {
    keys = col.cells;
    classNames = [...new Set(keys)].sort(); // UTF-16 code-unit order: stable across machines and locales
  }
  if (classNames.length < 2) {
    throw new DataError(msg('only one class, "{0}", in all {1} rows', echo(classNames[0]!), keys.length), {
      source: col.source, column: col.column,
      hint: msg('a classifier needs at least two classes: check the target column or pick another one'),
    });
  }
  const index = new Map(classNames.map((name, i) => [name, i]));
  const k = classNames.length;
  const targetWidth = k === 2 ? 1 : k;
  const y = new Float32Array(keys.length * targetWidth);
  keys.forEach((key, r) => {
    const c = index.get(key)!;
    if (k === 2) y[r] = c;
    else y[r * k + c] = 1;
  });
  return { y, targetWidth, task: k === 2 ? 'binary' : 'multiclass', classNames };
}

/** A note when a numeric target looks like class labels (a few distinct integers). */
function integerTargetNote(column: string, values: readonly number[]): string | undefined {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  if (distinct.length > 10 || !distinct.every((v) => Number.isInteger(v))) return undefined;
  return `target ${column} holds only the integers ${distinct.join(', ')}: read as a regression target; set task: "classification" to treat them as classes`;
}
