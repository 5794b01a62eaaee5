/**
 * The messages between the analysis and its Python parse worker (parseHelper.ts ↔ src/worker/pythonParseWorker.ts),
 * and the slots of the shared flag buffer they synchronise on.
 */
import type { PackedTree } from './treeTransfer';

/** Main → worker: segments to parse, in order. */
export interface ParseJob {
  readonly job: number;
  readonly segments: readonly string[];
}

/** Worker → main: the trees of one job, in order; null for a segment the worker could not send. */
export interface ParseReply {
  readonly job: number;
  readonly trees: readonly (PackedTree | null)[];
}

/** Flag slot the worker sets to 1 once its parser is loaded and warm. */
export const READY = 0;
/** Flag slot the worker sets to 1 (and notifies) when a job's reply is posted. */
export const DONE = 1;
