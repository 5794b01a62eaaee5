/**
 * A harness for kill -9 tests of file writers: it starts a real child process, watches the file the child
 * is writing, and SIGKILLs the child at a chosen moment — as soon as it starts, when the file in progress
 * first appears, or when it has reached a given fraction of its final size (so the kill lands inside the
 * write itself, not only around it). Watching is polling stat() in short synchronous bursts that yield to
 * the event loop, so the moment is an observed state of the file, not a guessed delay. Not a test itself:
 * the tests decide what the file must hold afterwards.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';

export interface KillPlan {
  readonly command: string;
  readonly args: readonly string[];
  /**
   * The size of the file the child is writing right now, or null while there is none (for an atomic
   * writer its temporary file; for a plain writer the target once its mtime changed).
   */
  readonly inProgressSize: () => number | null;
  /** The size the finished file will have. */
  readonly finalSize: number;
  /** 'spawn': kill at once; a number in [0, 1]: kill once the file in progress holds that fraction. */
  readonly at: 'spawn' | number;
  /** Give up watching (and kill anyway) after this long; a safety net for a child that never writes. */
  readonly deadlineMs?: number;
}

export interface KillOutcome {
  /** False when the child had exited on its own before the moment came. */
  readonly killed: boolean;
  /** The size of the file in progress seen at the kill, or null when there was none. */
  readonly sizeAtKill: number | null;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs `plan.command` and kills it with SIGKILL at the planned moment; resolves once it has exited. */
export async function killWhileWriting(plan: KillPlan): Promise<KillOutcome> {
  const child = spawn(plan.command, [...plan.args], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let running = true;
  void exited.then(() => (running = false));
  const kill = (sizeAtKill: number | null): KillOutcome => ({ killed: child.kill('SIGKILL'), sizeAtKill });
  let outcome: KillOutcome | null = plan.at === 'spawn' ? kill(null) : null;
  const threshold = plan.at === 'spawn' ? 0 : plan.at * plan.finalSize;
  const deadline = Date.now() + (plan.deadlineMs ?? 60_000);
  while (outcome === null && running) {
    for (let i = 0; i < 200 && outcome === null; i++) {
      const size = plan.inProgressSize();
      if (size !== null && size >= threshold) outcome = kill(size);
    }
    if (outcome === null && Date.now() > deadline) outcome = kill(plan.inProgressSize());
    await yieldToEventLoop();
  }
  await exited;
  return outcome ?? { killed: false, sizeAtKill: null };
}

/** The size of the first file in `dir` whose name passes `match`, or null. */
export function sizeOfMatching(dir: string, match: (name: string) => boolean): number | null {
  for (const name of fs.readdirSync(dir)) {
    if (!match(name)) continue;
    try {
      return fs.statSync(`${dir}/${name}`).size;
    } catch {
      return null; // renamed between readdir and stat
    }
  }
  return null;
}
