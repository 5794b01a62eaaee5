/**
 * What a running sweep tells its host (the CLI's JSON lines, the extension's views): when it started
 * and from what, each trial's start, epochs and end, pause and resume, trials other processes added,
 * and the end with the best trial. Plain data, safe to post to a webview as is.
 */
import type { ParamValue } from './applyParameters';

export type SweepState = 'starting' | 'running' | 'paused' | 'stopping' | 'finished' | 'cancelled' | 'failed';

export interface BestTrial {
  readonly number: number;
  readonly value: number;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly runId: string | null;
}

export type SweepEvent =
  | {
    readonly type: 'started'; readonly study: string; readonly storage: string; readonly resumed: boolean;
    /** Trials already in the study (any writer), counted toward maxTrials; interrupted ones HyperLab failed on resume. */
    readonly existingTrials: number; readonly interrupted: number;
    readonly maxTrials: number; readonly workers: number; readonly seed: number;
  }
  | { readonly type: 'trialStarted'; readonly number: number; readonly params: Readonly<Record<string, ParamValue>>; readonly runId: string | null }
  /** One epoch of a trial: the sweep metric's value (null when missing or not finite), 1-based epoch. */
  | { readonly type: 'trialEpoch'; readonly number: number; readonly epoch: number; readonly value: number | null }
  | {
    readonly type: 'trialEnded'; readonly number: number; readonly state: 'complete' | 'pruned' | 'fail';
    readonly value: number | null; readonly epochs: number; readonly reason: string | null;
    readonly params: Readonly<Record<string, ParamValue>>; readonly runId: string | null;
  }
  | { readonly type: 'paused' }
  | { readonly type: 'resumed' }
  /** The study gained trials this sweep did not start (a Python worker on the same journal). */
  | { readonly type: 'studyChanged'; readonly trials: number }
  | {
    readonly type: 'ended'; readonly state: 'finished' | 'cancelled' | 'failed'; readonly best: BestTrial | null;
    readonly trials: number; readonly error: string | null;
  };

export type SweepListener = (event: SweepEvent) => void;
