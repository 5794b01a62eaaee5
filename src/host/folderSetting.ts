/**
 * A folder a `hyperlab.*.folder` setting names: `~` is the home folder, a relative path is relative to the
 * first workspace folder, and with no folder open it is `globalSub` in the extension's global storage.
 * Read anew on each use, so a change of the setting applies to the next use.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';

export function folderFromSetting(setting: string, fallback: string, globalStorage: vscode.Uri, globalSub: string): string {
  const configured = vscode.workspace.getConfiguration('hyperlab').get<string>(setting)?.trim() || fallback;
  const expanded = configured.startsWith('~') ? path.join(process.env.HOME ?? '', configured.slice(1)) : configured;
  if (path.isAbsolute(expanded)) return expanded;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder && folder.uri.scheme === 'file') return path.join(folder.uri.fsPath, expanded);
  return path.join(globalStorage.fsPath, globalSub);
}
