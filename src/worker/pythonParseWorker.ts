/**
 * The Python parse worker's entry (bundled as dist/pythonParseWorker.js; src/keras/python/parseHelper.ts
 * runs it): parses the segments it is sent with the same @lezer/python parser and fallbacks as the
 * analysis, and sends the trees back as plain data, then raises the shared DONE flag the waiting thread
 * sleeps on.
 */
import { type MessagePort, workerData } from 'node:worker_threads';
import { parser } from '@lezer/python';
import { DONE, type ParseJob, type ParseReply, READY } from '../keras/python/parseProtocol';
import { parseSegmentSafely } from '../keras/python/pySegments';
import { type PackedTree, packTree } from '../keras/python/treeTransfer';

const { flags, port } = workerData as { flags: Int32Array; port: MessagePort };

function parseOne(segment: string): PackedTree | null {
  try {
    return packTree(parseSegmentSafely(parser, segment));
  } catch {
    return null; // the waiting thread parses it itself
  }
}

port.on('message', (job: ParseJob) => {
  const reply: ParseReply = { job: job.job, trees: job.segments.map(parseOne) };
  port.postMessage(reply);
  Atomics.store(flags, DONE, 1);
  Atomics.notify(flags, DONE);
});

// Warm the parser up before saying it is ready, so the first real job runs at full speed.
for (let i = 0; i < 20; i++) parser.parse('import keras\nmodel = keras.Sequential([keras.layers.Dense(64, activation="relu")])\nx = (1 + 2) * [3][0]\n');
Atomics.store(flags, READY, 1);
