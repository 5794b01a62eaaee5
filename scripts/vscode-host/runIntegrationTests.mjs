#!/usr/bin/env node
// Runs the integration suite (out/test/integration/index.js, the @vscode/test-electron run() contract)
// inside a REAL VS Code extension host: code-server 4.100.3 (VS Code 1.100.3) driven by headless Chromium,
// with HyperLab loaded in development mode on a temporary copy of examples/. Exit code = result. The mocha reporter inside the
// host prints the closing `N passed, N failed` line; a host that cannot start fails the tier with its reason.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, copyExamples, launchBrowser, pipeExtensionHostConsole, startCodeServer } from './host.mjs';
import { mnistTestEnv } from './mnistTestEnv.mjs';

const tests = path.join(ROOT, 'out/test/integration/index.js');
const timeoutMs = Number(process.env.HYPERLAB_TEST_TIMEOUT_MS || 600_000);
const t0 = Date.now();
let code = 1, host, browser, mnist;

try {
  if (!fs.existsSync(tests)) throw new Error(`${tests} is missing: run npm run build first`);
  mnist = await mnistTestEnv(ROOT);
  host = await startCodeServer({ env: mnist.env });
  console.log(`host: code-server ${host.version()}`);
  browser = await launchBrowser();
  let finish;
  const done = new Promise((r) => (finish = r));
  // The browser workbench calls these (IAutomatedWindow) when the extension tests end, as with @vscode/test-web.
  await browser.page.exposeFunction('codeAutomationLog', (_type, args) => console.log(...(Array.isArray(args) ? args : [args])));
  await browser.page.exposeFunction('codeAutomationExit', (c) => finish(c));
  browser.page.on('pageerror', (e) => console.error('[pageerror]', e.message));
  pipeExtensionHostConsole(browser.page);
  const timer = setTimeout(() => { console.error(`TIMEOUT: the suite gave no result within ${timeoutMs} ms`); finish(124); }, timeoutMs);
  await browser.page.goto(host.url({ folder: copyExamples(host.state), extensionDevelopmentPath: ROOT, extensionTestsPath: tests }), { waitUntil: 'domcontentloaded' });
  code = await done;
  clearTimeout(timer);
} catch (e) {
  console.error('integration tests could not run:', e instanceof Error ? e.message : e);
  console.log('0 passed, 1 failed');
  code = 1;
} finally {
  await browser?.close();
  if (code !== 0 && host) console.error(`code-server log: ${host.logFile} (kept)`);
  await host?.stop({ keepState: code !== 0 || !!process.env.KEEP_HOST_STATE });
  mnist?.cleanup();
}
console.log(`integration tier finished with exit code ${code} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(typeof code === 'number' ? code : 1);
