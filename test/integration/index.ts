/**
 * The integration suite's entry, in the @vscode/test-electron contract: the extension host loads this
 * module and awaits run(). It runs every bundled *.test.js beside it with mocha, inside the real VS Code
 * extension host (code-server here, Electron VS Code under `npm run test:electron`), and rejects on any
 * failure or when no test ran. HYPERLAB_TRUST_MODE=restricted (set by the runner for its Restricted Mode
 * pass) runs the *.restricted.test.js files instead of the others.
 */
import fs from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { SummaryReporter } from '../support/summaryReporter';

export async function run(): Promise<void> {
  console.log(`HyperLab integration suite in VS Code ${vscode.version} (${vscode.env.appName}, uiKind ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'}, remote ${vscode.env.remoteName ?? 'none'})`);
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: SummaryReporter });
  // The runner starts a second host with Workspace Trust on and the folder untrusted: there only the
  // *.restricted.test.js files run, and only there (they assert Restricted Mode).
  const restricted = process.env['HYPERLAB_TRUST_MODE'] === 'restricted';
  console.log(`workspace trusted: ${vscode.workspace.isTrusted} (${restricted ? 'Restricted Mode pass' : 'trusted pass'})`);
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js') && f.endsWith('.restricted.test.js') === restricted).sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => {
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
