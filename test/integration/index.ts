/**
 * The integration suite's entry, in the @vscode/test-electron contract: the extension host loads this
 * module and awaits run(). It runs every bundled *.test.js beside it with mocha, inside the real VS Code
 * extension host (code-server here, Electron VS Code under `npm run test:electron`), and rejects on any
 * failure or when no test ran.
 */
import fs from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { SummaryReporter } from '../support/summaryReporter';

export async function run(): Promise<void> {
  console.log(`HyperLab integration suite in VS Code ${vscode.version} (${vscode.env.appName}, uiKind ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'}, remote ${vscode.env.remoteName ?? 'none'})`);
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: SummaryReporter });
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => {
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
