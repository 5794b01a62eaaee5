/**
 * The Python parse worker's entry (bundled as dist/pythonParseWorker.js; src/keras/python/parseHelper.ts
 * runs it): parses the segments it is sent with the same @lezer/python parser and fallbacks as the
 * analysis, and sends the trees back as flat data, then raises the shared DONE flag the waiting thread
 * sleeps on — always, even when something failed, so that thread never waits for nothing.
 */
import { type MessagePort, workerData } from 'node:worker_threads';
import { parser } from '@lezer/python';
import { DONE, type ParseJob, type ParseReply, READY } from '../keras/python/parseProtocol';
import { parseSegmentSafely } from '../keras/python/pySegments';
import { type PackedTree, packTree } from '../keras/python/treeTransfer';

const { flags, port } = workerData as { flags: Int32Array; port: MessagePort };

/**
 * Trees nested deeper than this are left to the waiting thread. Whether @lezer/lr overflows the stack on a
 * segment (and parseSegmentSafely falls back to pieces) depends on the thread's stack, and this worker's is
 * larger: the segments where that could differ are parsed where the one-thread analysis parses them.
 */
const MAX_DEPTH = 200;

function parseOne(segment: string): PackedTree | null {
  try {
    const packed = packTree(parseSegmentSafely(parser, segment));
    return packed.depth > MAX_DEPTH ? null : packed;
  } catch {
    return null; // the waiting thread parses it itself
  }
}

port.on('message', (job: ParseJob) => {
  try {
    port.postMessage({ job: job.job, trees: job.segments.map(parseOne) } satisfies ParseReply);
  } catch {
    port.postMessage({ job: job.job, trees: job.segments.map(() => null) } satisfies ParseReply);
  } finally {
    Atomics.store(flags, DONE, 1);
    Atomics.notify(flags, DONE);
  }
});

// Warm the parser up before saying it is ready, so the first real job runs at full speed.
for (let i = 0; i < 20; i++) parser.parse('import keras\nmodel = keras.Sequential([keras.layers.Dense(64, activation="relu")])\nx = (1 + 2) * [3][0]\n');
Atomics.store(flags, READY, 1);
