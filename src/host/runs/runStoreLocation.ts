/**
 * Where this window's run store lives: the `hyperlab.runs.folder` setting (default `.hyperlab/runs`),
 * relative to the first workspace folder; with no folder open, the extension's global storage. Read
 * anew on each use, so a change of the setting applies to the next run.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';

export const RUNS_FOLDER_SETTING = 'runs.folder';
export const DEFAULT_RUNS_FOLDER = path.join('.hyperlab', 'runs');

export function runStoreDir(globalStorage: vscode.Uri): string {
  const configured = vscode.workspace.getConfiguration('hyperlab').get<string>(RUNS_FOLDER_SETTING)?.trim() || DEFAULT_RUNS_FOLDER;
  const expanded = configured.startsWith('~') ? path.join(process.env.HOME ?? '', configured.slice(1)) : configured;
  if (path.isAbsolute(expanded)) return expanded;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder && folder.uri.scheme === 'file') return path.join(folder.uri.fsPath, expanded);
  return path.join(globalStorage.fsPath, 'runs');
}
