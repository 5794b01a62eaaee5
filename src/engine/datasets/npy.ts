/**
 * A reader for NumPy's .npy format (numpy/lib/format.py, versions 1.0 to 3.0): the magic "\x93NUMPY",
 * a version, a little-endian header length, then a Python dict literal {'descr', 'fortran_order',
 * 'shape'} padded with spaces, then the raw array in C order. Plain numeric dtypes only (bool,
 * (u)int8..64, float32/64, either byte order); int64 values come back as float64. Pure: bytes in,
 * typed array out; the .npz zip around it is zip.ts' job.
 */
import { msg } from '../../shared/message';
import { DataError } from './dataset';

export type NpyData = Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float32Array | Float64Array;

export interface NpyArray {
  /** NumPy's dtype string, e.g. '|u1', '<f4'. */
  readonly descr: string;
  readonly shape: readonly number[];
  /** C-order (row-major) values. */
  readonly data: NpyData;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93 N U M P Y

interface DtypeReader {
  readonly size: number;
  readonly make: (n: number) => NpyData;
  readonly read: (view: DataView, offset: number, littleEndian: boolean) => number;
}

const DTYPES: ReadonlyMap<string, DtypeReader> = new Map<string, DtypeReader>([
  ['b1', { size: 1, make: (n) => new Uint8Array(n), read: (v, o) => v.getUint8(o) }],
  ['u1', { size: 1, make: (n) => new Uint8Array(n), read: (v, o) => v.getUint8(o) }],
  ['i1', { size: 1, make: (n) => new Int8Array(n), read: (v, o) => v.getInt8(o) }],
  ['u2', { size: 2, make: (n) => new Uint16Array(n), read: (v, o, le) => v.getUint16(o, le) }],
  ['i2', { size: 2, make: (n) => new Int16Array(n), read: (v, o, le) => v.getInt16(o, le) }],
  ['u4', { size: 4, make: (n) => new Uint32Array(n), read: (v, o, le) => v.getUint32(o, le) }],
  ['i4', { size: 4, make: (n) => new Int32Array(n), read: (v, o, le) => v.getInt32(o, le) }],
  ['u8', { size: 8, make: (n) => new Float64Array(n), read: (v, o, le) => Number(v.getBigUint64(o, le)) }],
  ['i8', { size: 8, make: (n) => new Float64Array(n), read: (v, o, le) => Number(v.getBigInt64(o, le)) }],
  ['f4', { size: 4, make: (n) => new Float32Array(n), read: (v, o, le) => v.getFloat32(o, le) }],
  ['f8', { size: 8, make: (n) => new Float64Array(n), read: (v, o, le) => v.getFloat64(o, le) }],
]);

/** Parses one .npy file; `source` names it in errors (e.g. "mnist.npz/x_train.npy"). */
export function parseNpy(bytes: Uint8Array, source = '.npy file'): NpyArray {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new DataError(msg('not a NumPy .npy file (missing the {0} magic)', '\\x93NUMPY'), { source });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6]!;
  if (major < 1 || major > 3) throw new DataError(msg('unsupported .npy format version {0}', `${major}.${bytes[7]}`), { source, hint: msg('save it with numpy.save') });
  const headerStart = major === 1 ? 10 : 12;
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const dataStart = headerStart + headerLength;
  if (bytes.length < dataStart) throw new DataError(msg('truncated .npy header'), { source });
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(headerStart, dataStart));
  const { descr, shape } = parseHeader(header, source);
  const order = descr[0]!;
  const reader = DTYPES.get(descr.slice(1));
  if (!'<>|='.includes(order) || reader === undefined) {
    throw new DataError(msg('unsupported dtype \'{0}\'', descr), { source, hint: msg('HyperLab reads bool, integer and float arrays') });
  }
  const count = shape.reduce((a, b) => a * b, 1);
  if (bytes.length < dataStart + count * reader.size) {
    throw new DataError(msg('truncated data: shape {0} needs {1} bytes, found {2}', `(${shape.join(', ')})`, count * reader.size, bytes.length - dataStart), { source });
  }
  if (reader.size === 1) {
    const raw = bytes.slice(dataStart, dataStart + count); // a copy, independent of the file buffer
    return { descr, shape, data: descr.endsWith('i1') ? new Int8Array(raw.buffer) : raw };
  }
  const data = reader.make(count);
  const littleEndian = order !== '>';
  for (let i = 0; i < count; i++) data[i] = reader.read(view, dataStart + i * reader.size, littleEndian);
  return { descr, shape, data };
}

/** Reads 'descr', 'fortran_order' and 'shape' from the header's Python dict literal. */
function parseHeader(header: string, source: string): { descr: string; shape: number[] } {
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    throw new DataError(msg('unreadable .npy header {0}', JSON.stringify(header.trim())), { source, hint: msg('structured dtypes are not supported') });
  }
  if (fortran === 'True') {
    throw new DataError(msg('Fortran-ordered arrays are not supported'), { source, hint: msg('save it with {0}', 'numpy.save(path, numpy.ascontiguousarray(a))') });
  }
  const shape = shapeText.split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number);
  if (shape.some((d) => !Number.isInteger(d) || d < 0)) throw new DataError(msg('bad shape ({0})', shapeText), { source });
  return { descr, shape };
}
