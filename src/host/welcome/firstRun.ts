/**
 * The first impression: on the first activation with no HyperLab state (firstRunPolicy.ts), HyperLab
 * shows its Hyperparameters view in the side bar (giving the keyboard back to the editor the user was
 * in) and says in a notification where things are, with a button that opens the lecture's exercises.
 * The flag is stored before anything is shown, so a closed view or a dismissed notification is the
 * user's choice and stays so.
 */
import * as vscode from 'vscode';
import { SETTINGS_KEY } from '../sidebar/sidebarController';
import { WELCOMED_KEY, firstRunChoice } from './firstRunPolicy';

export const WALKTHROUGH_ID = 'hyperlab.hyperlab#lecture';

export async function welcomeOnFirstRun(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<void> {
  context.globalState.setKeysForSync([WELCOMED_KEY]);
  const choice = firstRunChoice({
    welcomed: context.globalState.get(WELCOMED_KEY),
    workspaceUsed: context.workspaceState.get(SETTINGS_KEY) !== undefined,
    testHost: context.extensionMode === vscode.ExtensionMode.Test,
    override: process.env.HYPERLAB_FIRST_RUN,
  });
  if (choice === 'nothing') return;
  await context.globalState.update(WELCOMED_KEY, true);
  if (choice === 'mark-only') return;
  log.info('first run: showing the HyperLab view and the welcome message');
  const hadEditor = vscode.window.activeTextEditor !== undefined;
  await vscode.commands.executeCommand('workbench.view.extension.hyperlab');
  if (hadEditor) await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  const open = vscode.l10n.t('Open the Exercises');
  const choiceMade = await vscode.window.showInformationMessage(
    vscode.l10n.t('Welcome to HyperLab. Its Hyperparameters view (the HyperLab icon in the activity bar) trains a network as you change it; the lecture\'s exercises walk you through it; Keras code gets parameter counts above its layers.'),
    open,
  );
  if (choiceMade === open) await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false);
}
