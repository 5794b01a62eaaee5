/**
 * The VS Code side of SweepService: its ports built from the extension (trial workers and the run store
 * through startSweepRun, fANOVA in dist/importanceWorker.js, the workspace's state to remember a running
 * sweep, localized texts, timers). The service's logic is sweepService.ts, free of 'vscode'.
 */
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { hostTranslate } from '../displayLanguage';
import { ImportanceWorkerClient } from './importanceWorkerClient';
import type { SweepServicePorts } from './sweepService';
import { startSweepRun } from './sweepRun';

export interface SweepHostDeps {
  readonly extensionRoot: string;
  readonly log: vscode.LogOutputChannel;
  readonly workspaceState: vscode.Memento;
  readonly runsDir: () => string | null;
}

export function sweepPorts(deps: SweepHostDeps): SweepServicePorts {
  return {
    startRun: (options) => startSweepRun(options, { extensionRoot: deps.extensionRoot, runsDir: deps.runsDir() }),
    importance: ImportanceWorkerClient.forScript(path.join(deps.extensionRoot, 'dist', 'importanceWorker.js')),
    memento: deps.workspaceState,
    t: hostTranslate(),
    log: deps.log,
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    every: (ms, fn) => {
      const timer = setInterval(fn, ms);
      return { dispose: () => clearInterval(timer) };
    },
  };
}
