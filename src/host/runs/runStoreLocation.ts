/**
 * Where this window's run store lives: the `hyperlab.runs.folder` setting (default `.hyperlab/runs`),
 * relative to the first workspace folder; with no folder open, the extension's global storage. Read
 * anew on each use, so a change of the setting applies to the next run.
 */
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { folderFromSetting } from '../folderSetting';

export const RUNS_FOLDER_SETTING = 'runs.folder';
export const DEFAULT_RUNS_FOLDER = path.join('.hyperlab', 'runs');

export function runStoreDir(globalStorage: vscode.Uri): string {
  return folderFromSetting(RUNS_FOLDER_SETTING, DEFAULT_RUNS_FOLDER, globalStorage, 'runs');
}
