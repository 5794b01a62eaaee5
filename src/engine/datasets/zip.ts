/**
 * Just enough of the ZIP format (PKWARE APPNOTE.TXT) to read a NumPy .npz archive such as Keras'
 * cached mnist.npz: find the end-of-central-directory record, list the central directory (with ZIP64
 * extra fields, which numpy writes with force_zip64), and extract stored or deflated members with a
 * CRC-32 check. The raw-deflate decoder is passed in (node:zlib's inflateRawSync in mnistFiles.ts), so
 * this file stays pure. Not supported: encryption, multi-disk archives, archives over 4 GB.
 */
import { msg } from '../../shared/message';
import { DataError } from './dataset';

export interface ZipEntry {
  readonly name: string;
  /** 0 = stored, 8 = deflate. */
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_EXTRA_ID = 0x0001;
const MAX32 = 0xffffffff;

/** The members listed in the archive's central directory. */
export function listZipEntries(zip: Uint8Array, source = 'zip archive'): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new DataError(msg('not a zip archive (no end-of-central-directory record)'), { source, hint: msg('the download may be incomplete: delete the file and fetch it again') });
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (offset === MAX32 || count === 0xffff) throw new DataError(msg('ZIP64 archives with over 65535 members or 4 GB are not supported'), { source });
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (offset + 46 > zip.length || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) {
      throw new DataError(msg('corrupt central directory at byte {0}', offset), { source });
    }
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const name = new TextDecoder().decode(zip.subarray(offset + 46, offset + 46 + nameLength));
    const fields = {
      size: view.getUint32(offset + 24, true),
      compressedSize: view.getUint32(offset + 20, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
    };
    readZip64Extra(view, offset + 46 + nameLength, extraLength, fields);
    entries.push({ name, method: view.getUint16(offset + 10, true), crc32: view.getUint32(offset + 16, true), ...fields });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Replaces the 0xFFFFFFFF placeholders by the ZIP64 extra field's 64-bit values (in APPNOTE order). */
function readZip64Extra(view: DataView, start: number, length: number, fields: { size: number; compressedSize: number; localHeaderOffset: number }): void {
  for (let p = start; p + 4 <= start + length; ) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === ZIP64_EXTRA_ID) {
      let q = p + 4;
      const next = (): number => {
        const v = Number(view.getBigUint64(q, true));
        q += 8;
        return v;
      };
      if (fields.size === MAX32) fields.size = next();
      if (fields.compressedSize === MAX32) fields.compressedSize = next();
      if (fields.localHeaderOffset === MAX32) fields.localHeaderOffset = next();
    }
    p += 4 + size;
  }
}

/** The uncompressed bytes of `entry`, checked against its size and CRC-32. */
export function readZipEntry(zip: Uint8Array, entry: ZipEntry, inflateRaw: (data: Uint8Array) => Uint8Array, source = 'zip archive'): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const at = entry.localHeaderOffset;
  const where = { source: `${source}/${entry.name}` };
  if (at + 30 > zip.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) throw new DataError(msg('corrupt local header'), where);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const compressed = zip.subarray(start, start + entry.compressedSize);
  if (compressed.length !== entry.compressedSize) throw new DataError(msg('truncated member'), { ...where, hint: msg('the archive is incomplete: fetch it again') });
  let data: Uint8Array;
  if (entry.method === 0) data = compressed;
  else if (entry.method === 8) data = inflateOrExplain(compressed, inflateRaw, where.source);
  else throw new DataError(msg('unsupported compression method {0}', entry.method), { ...where, hint: msg('only stored and deflated members are read') });
  if (data.length !== entry.size || crc32(data) !== entry.crc32) {
    throw new DataError(msg('checksum mismatch (the archive is corrupt)'), { ...where, hint: msg('delete the file and fetch it again') });
  }
  return data;
}

function inflateOrExplain(compressed: Uint8Array, inflateRaw: (data: Uint8Array) => Uint8Array, source: string): Uint8Array {
  try {
    return inflateRaw(compressed);
  } catch (e) {
    throw new DataError(msg('corrupt deflate data ({0})', e instanceof Error ? e.message : String(e)), { source, hint: msg('delete the file and fetch it again') });
  }
}

let crcTable: Uint32Array | null = null;

/** CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as ZIP and gzip use it. */
export function crc32(bytes: Uint8Array): number {
  if (crcTable === null) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
