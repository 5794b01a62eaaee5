#!/usr/bin/env node
// Runs the integration suite (out/test/integration/index.js, the @vscode/test-electron run() contract)
// inside a REAL VS Code extension host: code-server 4.100.3 (VS Code 1.100.3) driven by headless Chromium,
// with HyperLab loaded in development mode on a temporary copy of examples/. Two passes, each in a fresh
// host: a trusted workspace (Workspace Trust disabled) runs every *.test.js but *.restricted.test.js; then
// Workspace Trust is enabled and the copy opens untrusted, in Restricted Mode, and only *.restricted.test.js
// runs (HYPERLAB_TRUST_MODE=restricted tells index.ts which). Exit code = the worse pass. The mocha reporter
// inside the host prints each pass's `N passed, N failed`; the last line sums both. A host that cannot
// start fails the tier with its reason. HYPERLAB_TRUST_PASSES=trusted (or restricted) runs one pass only.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, copyExamples, launchBrowser, pipeExtensionHostConsole, startCodeServer } from './host.mjs';
import { mnistTestEnv } from './mnistTestEnv.mjs';

const tests = path.join(ROOT, 'out/test/integration/index.js');
const timeoutMs = Number(process.env.HYPERLAB_TEST_TIMEOUT_MS || 600_000);
const passes = (process.env.HYPERLAB_TRUST_PASSES || 'trusted,restricted').split(',');

/** One host, one browser, one run of the suite in `mode`; resolves to { code, passed, failed }. */
async function runPass(mode) {
  let code = 1, host, browser, mnist, passed = 0, failed = 1;
  try {
    if (!fs.existsSync(tests)) throw new Error(`${tests} is missing: run npm run build first`);
    mnist = await mnistTestEnv(ROOT);
    host = await startCodeServer({ workspaceTrust: mode === 'restricted' ? 'restricted' : 'disabled', env: { ...mnist.env, HYPERLAB_TRUST_MODE: mode } });
    console.log(`host (${mode} workspace): code-server ${host.version()}`);
    browser = await launchBrowser();
    let finish;
    const done = new Promise((r) => (finish = r));
    // The browser workbench calls these (IAutomatedWindow) when the extension tests end, as with @vscode/test-web.
    await browser.page.exposeFunction('codeAutomationLog', (_type, args) => console.log(...(Array.isArray(args) ? args : [args])));
    await browser.page.exposeFunction('codeAutomationExit', (c) => finish(c));
    browser.page.on('pageerror', (e) => console.error('[pageerror]', e.message));
    browser.page.on('console', (m) => {
      const summary = /(\d+) passed, (\d+) failed/.exec(m.text());
      if (summary) [passed, failed] = [Number(summary[1]), Number(summary[2])];
    });
    pipeExtensionHostConsole(browser.page);
    const timer = setTimeout(() => { console.error(`TIMEOUT: the ${mode} pass gave no result within ${timeoutMs} ms`); finish(124); }, timeoutMs);
    await browser.page.goto(host.url({ folder: copyExamples(host.state), extensionDevelopmentPath: ROOT, extensionTestsPath: tests }), { waitUntil: 'domcontentloaded' });
    code = await done;
    clearTimeout(timer);
  } catch (e) {
    console.error(`integration tests (${mode} workspace) could not run:`, e instanceof Error ? e.message : e);
    console.log('0 passed, 1 failed');
    code = 1;
  } finally {
    await browser?.close();
    if (code !== 0 && host) console.error(`code-server log: ${host.logFile} (kept)`);
    await host?.stop({ keepState: code !== 0 || !!process.env.KEEP_HOST_STATE });
    mnist?.cleanup();
  }
  if (code !== 0 && failed === 0) failed = 1;
  return { code: typeof code === 'number' ? code : 1, passed, failed };
}

const t0 = Date.now();
let code = 0, passed = 0, failed = 0;
for (const mode of passes) {
  const result = await runPass(mode);
  if (result.code !== 0) code = result.code;
  passed += result.passed;
  failed += result.failed;
}
console.log(`integration tier finished with exit code ${code} in ${((Date.now() - t0) / 1000).toFixed(1)} s (${passes.join(' and ')} workspace passes)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(code);
