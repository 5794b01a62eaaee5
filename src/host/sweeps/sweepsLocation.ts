/**
 * Where this window's sweeps live: the `hyperlab.sweeps.folder` setting (default `.hyperlab/sweeps`,
 * where `hyperlab sweep` run in the workspace folder keeps its journals too), relative to the first
 * workspace folder; with no folder open, the extension's global storage. It holds the journal of every
 * sweep file that names no `storage` and the sweep files made from the sidebar. Read anew on each use.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';

export const SWEEPS_FOLDER_SETTING = 'sweeps.folder';
export const DEFAULT_SWEEPS_FOLDER = path.join('.hyperlab', 'sweeps');

export function sweepsDir(globalStorage: vscode.Uri): string {
  const configured = vscode.workspace.getConfiguration('hyperlab').get<string>(SWEEPS_FOLDER_SETTING)?.trim() || DEFAULT_SWEEPS_FOLDER;
  const expanded = configured.startsWith('~') ? path.join(process.env.HOME ?? '', configured.slice(1)) : configured;
  if (path.isAbsolute(expanded)) return expanded;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder && folder.uri.scheme === 'file') return path.join(folder.uri.fsPath, expanded);
  return path.join(globalStorage.fsPath, 'sweeps');
}
