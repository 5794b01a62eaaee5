#!/usr/bin/env node
// `npm run test:electron`: the same integration suite through @vscode/test-electron, on a machine that can
// download VS Code 1.100.3 (a developer laptop with internet). Here it fails fast: no download is possible.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { mnistTestEnv } from './vscode-host/mnistTestEnv.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mnist = await mnistTestEnv(ROOT);
// The suite opens a temporary copy of examples/: the committed files never change.
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-examples-'));
fs.cpSync(path.join(ROOT, 'examples'), path.join(workspace, 'examples'), { recursive: true });
try {
  await runTests({
    extensionTestsEnv: mnist.env,
    version: '1.100.3',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'out/test/integration/index.js'),
    launchArgs: [path.join(workspace, 'examples'), '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (e) {
  console.error(`test:electron failed: ${e instanceof Error ? e.message : e}`);
  console.error('It needs to download VS Code; without internet use `npm run test:integration` (code-server, same suite).');
  process.exitCode = 1;
} finally {
  mnist.cleanup();
  fs.rmSync(workspace, { recursive: true, force: true });
}
