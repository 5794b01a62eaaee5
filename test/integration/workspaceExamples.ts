/**
 * The files the integration suite opens: the workspace folder is a temporary copy of examples/ that the
 * runner (scripts/vscode-host/runIntegrationTests.mjs) opens, so a test that edits or saves a file never
 * touches the committed ones (it fails loudly when the host opened the repository's own examples/), and
 * a test's own snippet is a new file there with a name of its own (see scratchDocument).
 */
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';

export function exampleUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder, 'the integration host opened no folder: the runner opens a temporary copy of examples/');
  const extension = vscode.extensions.getExtension('hyperlab.hyperlab')!.extensionPath;
  assert.ok(!folder.fsPath.startsWith(extension + path.sep), `the host opened ${folder.fsPath}, inside the repository: tests must work on a copy of examples/`);
  return vscode.Uri.joinPath(folder, name);
}

/**
 * A document with `content` in a new file of the temporary workspace. Not an untitled document: VS Code
 * 1.100 may hand a new untitled document the name and the old text of one a previous test closed (an
 * untitled model outlives its editor), and the test then reads someone else's code.
 */
export async function scratchDocument(extension: string, content: string): Promise<vscode.TextDocument> {
  // Random: every test file is bundled with its own copy of this module, so a counter would repeat names.
  const uri = exampleUri(`scratch-${randomUUID().slice(0, 8)}.${extension}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return vscode.workspace.openTextDocument(uri);
}

/**
 * Reverts and closes every editor: an untitled document that is only closed stays alive, unsaved, and VS
 * Code 1.100 hands its name (untitled:Untitled-1) and its old text to the next openTextDocument({ content }).
 */
export async function discardAllEditors(): Promise<void> {
  for (const tab of vscode.window.tabGroups.all.flatMap((g) => g.tabs)) {
    if (!(tab.input instanceof vscode.TabInputText) || !tab.isDirty) continue;
    await vscode.window.showTextDocument(tab.input.uri, { preview: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
