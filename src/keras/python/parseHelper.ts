/**
 * A second thread for cold parses of long Python files. The file is already cut into segments that parse
 * alone (pySegments.ts), so the segments can be split between this thread and a worker_threads worker
 * (dist/pythonParseWorker.js): the worker parses its share while this thread parses the rest, then this
 * thread waits for it on a shared flag (Atomics.wait, a few milliseconds at most) and takes the trees
 * with receiveMessageOnPort, so the analysis stays synchronous. A keystroke reparses one segment and never
 * needs it. When the worker is missing, slow or broken, the segments are parsed here as before.
 */
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from 'node:worker_threads';
import type { NodeSet, Tree } from '@lezer/common';
import { DONE, type ParseJob, type ParseReply, READY } from './parseProtocol';
import { unpackTree } from './treeTransfer';

/** Longest wait for the worker's share; past it the worker is dropped and this thread parses its share. */
const WAIT_MS = 2000;

export interface PendingParse {
  /** The worker's trees (null where this thread must parse the segment itself), or null when the worker failed. */
  wait(): (Tree | null)[] | null;
}

export class ParseHelper {
  private readonly flags = new Int32Array(new SharedArrayBuffer(8));
  private readonly port: MessagePort;
  private readonly worker: Worker;
  private broken = false;
  /** Jobs handed to the worker so far. */
  jobs = 0;

  constructor(workerPath: string, private readonly nodeSet: NodeSet) {
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.worker = new Worker(workerPath, { workerData: { flags: this.flags, port: channel.port2 }, transferList: [channel.port2] });
    this.worker.unref();
    this.worker.on('error', () => { this.broken = true; });
    this.worker.on('exit', () => { this.broken = true; });
  }

  /** True once the worker has loaded its parser (until then every segment is parsed on this thread). */
  get ready(): boolean {
    return !this.broken && Atomics.load(this.flags, READY) === 1;
  }

  /** Hands `segments` to the worker; null when it cannot take them now. */
  begin(segments: readonly string[]): PendingParse | null {
    if (!this.ready) return null;
    const job = ++this.jobs;
    Atomics.store(this.flags, DONE, 0);
    this.port.postMessage({ job, segments } satisfies ParseJob);
    return { wait: () => this.finish(job, segments.length) };
  }

  private finish(job: number, count: number): (Tree | null)[] | null {
    if (Atomics.wait(this.flags, DONE, 0, WAIT_MS) === 'timed-out') {
      this.dispose();
      return null;
    }
    try {
      // The worker posts its reply before raising DONE, so it is normally there already; allow a few ms anyway.
      let received = receiveMessageOnPort(this.port);
      for (let i = 0; !received && i < 20; i++) {
        Atomics.wait(this.flags, DONE, 1, 1);
        received = receiveMessageOnPort(this.port);
      }
      const reply = received?.message as ParseReply | undefined;
      if (!reply || reply.job !== job || reply.trees.length !== count) throw new Error('no reply for this job');
      return reply.trees.map((packed) => (packed ? unpackTree(packed, this.nodeSet) : null));
    } catch {
      // Whatever went wrong (a reply that cannot be read or rebuilt), this thread parses the worker's share.
      this.dispose();
      return null;
    }
  }

  dispose(): void {
    this.broken = true;
    void this.worker.terminate();
    this.port.close();
  }
}
