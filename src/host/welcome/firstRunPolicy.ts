/**
 * Whether HyperLab greets the user on this activation: once, on the first activation with no HyperLab
 * state (no flag in the global state, no sidebar settings in this workspace), never again afterwards
 * whatever the user did with the greeting, and never in a test host unless the test asks for it
 * (HYPERLAB_FIRST_RUN=show; =skip turns it off anywhere, as the UI test runner does for its sessions).
 * Pure (no 'vscode'): firstRun.ts does the greeting.
 */

/** The globalState key that records that the greeting was given (synced, so another machine does not repeat it). */
export const WELCOMED_KEY = 'hyperlab.welcomed';

export interface FirstRunFacts {
  /** globalState.get(WELCOMED_KEY). */
  readonly welcomed: unknown;
  /** Whether this workspace already holds HyperLab state (the sidebar's settings). */
  readonly workspaceUsed: boolean;
  /** The extension runs under a test runner (ExtensionMode.Test). */
  readonly testHost: boolean;
  /** process.env.HYPERLAB_FIRST_RUN. */
  readonly override: string | undefined;
}

export type FirstRunChoice = 'welcome' | 'nothing' | 'mark-only';

export function firstRunChoice(f: FirstRunFacts): FirstRunChoice {
  if (f.override === 'skip') return 'nothing';
  if (f.testHost && f.override !== 'show') return 'nothing';
  if (f.welcomed === true) return 'nothing';
  // HyperLab was used here before the greeting existed: no greeting, but never ask again.
  if (f.workspaceUsed) return 'mark-only';
  return 'welcome';
}
