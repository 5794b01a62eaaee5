import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HyperLabApi } from '../../src/host/hyperlabApi';

const EXTENSION_ID = 'hyperlab.hyperlab';

interface Manifest {
  contributes: { commands: { command: string }[]; views: Record<string, { id: string }[]>; viewsContainers: { activitybar: { id: string }[] } };
}

async function activated(): Promise<{ ext: vscode.Extension<HyperLabApi>; api: HyperLabApi }> {
  const ext = vscode.extensions.getExtension<HyperLabApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded in this host`);
  const api = await ext.activate();
  return { ext, api };
}

describe('HyperLab in a real VS Code extension host', () => {
  it('runs in VS Code 1.100 and activates', async () => {
    assert.match(vscode.version, /^1\.100\./);
    const { ext, api } = await activated();
    assert.ok(ext.isActive);
    assert.equal(typeof api.whenWebviewReady, 'function');
  });

  it('registers every command of package.json, and no hyperlab.* command that package.json lacks', async () => {
    const { ext } = await activated();
    const manifest = ext.packageJSON as Manifest;
    const contributed = manifest.contributes.commands.map((c) => c.command);
    const registered = (await vscode.commands.getCommands(true)).filter((c) => c.startsWith('hyperlab.'));
    for (const id of contributed) assert.ok(registered.includes(id), `${id} is contributed but not registered`);
    // VS Code itself registers <viewId>.focus/.resetViewLocation/... for each contributed view.
    const viewIds = Object.values(manifest.contributes.views).flat().map((v) => v.id);
    const generated = (id: string) => viewIds.some((v) => id.startsWith(`${v}.`));
    const stray = registered.filter((id) => !contributed.includes(id) && !generated(id));
    assert.deepEqual(stray, [], 'registered hyperlab.* commands missing from package.json');
  });

  it('opens the training panel, whose webview reaches ready', async () => {
    const { api } = await activated();
    await vscode.commands.executeCommand('hyperlab.openTrainingPanel');
    await api.whenWebviewReady('panel', 45_000);
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('hyperlab.trainingPanel'));
    assert.ok(tab, 'no training panel tab');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('reopens the panel after it was closed and it reaches ready again', async () => {
    const { api } = await activated();
    await vscode.commands.executeCommand('hyperlab.openTrainingPanel');
    await api.whenWebviewReady('panel', 45_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal(api.isWebviewReady('panel'), false, 'a closed panel still counts as ready');
    await vscode.commands.executeCommand('hyperlab.openTrainingPanel');
    await api.whenWebviewReady('panel', 45_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('resolves the sidebar view, whose webview reaches ready', async () => {
    const { api } = await activated();
    await vscode.commands.executeCommand('hyperlab.tuning.focus');
    await api.whenWebviewReady('sidebar', 45_000);
  });
});
