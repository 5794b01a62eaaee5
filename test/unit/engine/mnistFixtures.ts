/**
 * Hand-made MNIST files for the dataset tests: IDX files of unsigned bytes, .npy arrays, zip (.npz)
 * archives (optionally with ZIP64 extra fields as numpy writes them), and a tiny 2 + 1 image set in
 * both forms. Test fixtures only; the readers under test are src/engine/datasets/mnist*.ts.
 */
import { deflateRawSync } from 'node:zlib';
import { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC } from '../../../src/engine/datasets/mnist';
import { crc32 } from '../../../src/engine/datasets/zip';

/** An IDX file of unsigned bytes. */
export function idx(magic: number, dims: number[], values: number[]): Uint8Array {
  const out = Buffer.alloc(4 + 4 * dims.length + values.length);
  out.writeUInt32BE(magic, 0); // the low byte is the number of dimensions: 3 for 0x803, 1 for 0x801
  dims.forEach((d, i) => out.writeUInt32BE(d, 4 + 4 * i));
  out.set(values, 4 + 4 * dims.length);
  return new Uint8Array(out);
}

/** A .npy file: header dict padded with spaces and '\n' to a multiple of 64 bytes. */
export function npy(descr: string, shape: number[], payload: Uint8Array, { version = 1, fortran = false } = {}): Uint8Array {
  const shapeText = shape.length === 1 ? `${shape[0]},` : shape.join(', ');
  let dict = `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': (${shapeText}), }`;
  const prefix = version === 1 ? 10 : 12;
  dict += ' '.repeat(63 - ((prefix + dict.length) % 64)) + '\n';
  const head = Buffer.alloc(prefix);
  Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]).copy(head);
  if (version === 1) head.writeUInt16LE(dict.length, 8);
  else head.writeUInt32LE(dict.length, 8);
  return new Uint8Array(Buffer.concat([head, Buffer.from(dict, 'latin1'), payload]));
}

/** A zip archive of deflated members; zip64 puts the sizes and offset in ZIP64 extra fields as numpy does. */
export function zip(members: [string, Uint8Array][], zip64 = false): Uint8Array {
  const locals: Buffer[] = [], centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of members) {
    const packed = deflateRawSync(data), nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, packed);
    const extra = Buffer.alloc(zip64 ? 28 : 0);
    if (zip64) {
      extra.writeUInt16LE(1, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(data.length), 4);
      extra.writeBigUInt64LE(BigInt(packed.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(zip64 ? 0xffffffff : packed.length, 20);
    central.writeUInt32LE(zip64 ? 0xffffffff : data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
    centrals.push(central, nameBytes, extra);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(members.length, 8);
  eocd.writeUInt16LE(members.length, 10);
  eocd.writeUInt32LE(directory.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, eocd]));
}

/** Two 2x3 "images" with labels 3 and 7, as IDX files. */
export const TINY = {
  trainImages: idx(IDX_IMAGES_MAGIC, [2, 2, 3], [0, 51, 102, 153, 204, 255, 255, 0, 0, 0, 0, 255]),
  trainLabels: idx(IDX_LABELS_MAGIC, [2], [3, 7]),
  testImages: idx(IDX_IMAGES_MAGIC, [1, 2, 3], [1, 2, 3, 4, 5, 6]),
  testLabels: idx(IDX_LABELS_MAGIC, [1], [0]),
};

export function tinyNpz(zip64 = false): Uint8Array {
  const u1 = (values: number[]) => new Uint8Array(values);
  return zip([
    ['x_train.npy', npy('|u1', [2, 2, 3], u1([0, 51, 102, 153, 204, 255, 255, 0, 0, 0, 0, 255]))],
    ['y_train.npy', npy('|u1', [2], u1([3, 7]))],
    ['x_test.npy', npy('|u1', [1, 2, 3], u1([1, 2, 3, 4, 5, 6]))],
    ['y_test.npy', npy('|u1', [1], u1([0]))],
  ], zip64);
}
