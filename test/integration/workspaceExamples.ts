/**
 * The examples the integration suite opens: the workspace folder, a temporary copy of examples/ that the
 * runner (scripts/vscode-host/runIntegrationTests.mjs) opens, so a test that edits or saves a file never
 * touches the committed ones. Fails loudly when the host opened the repository's own examples/.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

export function exampleUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder, 'the integration host opened no folder: the runner opens a temporary copy of examples/');
  const extension = vscode.extensions.getExtension('hyperlab.hyperlab')!.extensionPath;
  assert.ok(!folder.fsPath.startsWith(extension + path.sep), `the host opened ${folder.fsPath}, inside the repository: tests must work on a copy of examples/`);
  return vscode.Uri.joinPath(folder, name);
}
