/**
 * Where this window's sweeps live: the `hyperlab.sweeps.folder` setting (default `.hyperlab/sweeps`,
 * where `hyperlab sweep` run in the workspace folder keeps its journals too), relative to the first
 * workspace folder; with no folder open, the extension's global storage. It holds the journal of every
 * sweep file that names no `storage` and the sweep files made from the sidebar. Read anew on each use.
 */
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { folderFromSetting } from '../folderSetting';

export const SWEEPS_FOLDER_SETTING = 'sweeps.folder';
export const DEFAULT_SWEEPS_FOLDER = path.join('.hyperlab', 'sweeps');

export function sweepsDir(globalStorage: vscode.Uri): string {
  return folderFromSetting(SWEEPS_FOLDER_SETTING, DEFAULT_SWEEPS_FOLDER, globalStorage, 'sweeps');
}
