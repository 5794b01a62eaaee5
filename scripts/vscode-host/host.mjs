// Starts a throwaway code-server (the real VS Code 1.100.3 server with its Node extension host) on
// 127.0.0.1 and a headless Debian Chromium (through playwright-core, which downloads no browser) that
// plays the workbench window. Shared by the integration runner, the UI tests and `npm start`.
import { spawn, execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
export const CODE_SERVER = process.env.CODE_SERVER_BIN || path.join(ROOT, '.vscode-test/code-server/node_modules/.bin/code-server');

function which(cmd) {
  try { return execSync(`command -v ${cmd}`, { shell: '/bin/sh', stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); } catch { return ''; }
}

/** Installs code-server when missing (npm registry only); throws with the reason when it cannot. */
export function ensureCodeServer() {
  if (fs.existsSync(CODE_SERVER)) return;
  console.log('code-server is not installed yet: installing it (about a minute, once)');
  execSync(`bash ${JSON.stringify(path.join(here, 'installCodeServer.sh'))}`, { stdio: 'inherit' });
  if (!fs.existsSync(CODE_SERVER)) throw new Error(`code-server install finished but ${CODE_SERVER} is missing`);
}

export function chromiumPath() {
  const found = process.env.CHROMIUM_BIN || which('chromium') || which('chromium-browser');
  if (!found) throw new Error('Chromium not found: install Debian\'s chromium (apt-get install -y chromium fonts-liberation) or set CHROMIUM_BIN');
  return found;
}

/**
 * A throwaway copy of examples/ for a test session to open: tests and test users type into and save the
 * files they open, and the committed examples must never change (npm test ends with a clean-tree check).
 * Lives in `dir` (a host's state folder, removed when the host stops).
 */
export function copyExamples(dir) {
  const copy = path.join(dir, 'examples');
  fs.cpSync(path.join(ROOT, 'examples'), copy, { recursive: true });
  return copy;
}

const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer();
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  s.on('error', reject);
});

/**
 * Copies an unpacked extension folder into a host's extensions folder, named as VS Code names installs.
 * A language pack is also registered in <user-data>/languagepacks.json, which VS Code's server reads at
 * start to pick the display language (it writes that file itself only when a pack is installed while it runs).
 */
function installUnpacked(state, folder) {
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`;
  const dest = path.join(state, 'extensions', `${id}-${manifest.version}`);
  fs.cpSync(folder, dest, { recursive: true });
  const packs = {};
  for (const loc of manifest.contributes?.localizations ?? []) {
    packs[loc.languageId] = {
      hash: createHash('md5').update(id).update(manifest.version).digest('hex'),
      extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
      translations: Object.fromEntries(loc.translations.map((t) => [t.id, path.join(dest, t.path)])),
      label: loc.localizedLanguageName ?? loc.languageName,
    };
  }
  if (Object.keys(packs).length) fs.writeFileSync(path.join(state, 'user-data/languagepacks.json'), JSON.stringify(packs));
}

/**
 * `workspaceTrust`: 'disabled' (the default: every folder is trusted, no prompt) or 'restricted' (trust is
 * on, the startup prompt is off, so the folder, never trusted in this fresh profile, opens in Restricted Mode).
 */
export async function startCodeServer({ env = {}, port, extraArgs = [], extensions = [], workspaceTrust = 'disabled' } = {}) {
  const restricted = workspaceTrust === 'restricted';
  ensureCodeServer();
  const state = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-host-'));
  const authority = `127.0.0.1:${port ?? await freePort()}`;
  for (const d of ['user-data/User', 'user-data/Machine', 'extensions', 'config', 'workspace']) fs.mkdirSync(path.join(state, d), { recursive: true });
  const settings = JSON.stringify({
    'telemetry.telemetryLevel': 'off', 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': restricted,
    ...(restricted ? { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.emptyWindow': false } : {}),
    'extensions.autoUpdate': false, 'extensions.autoCheckUpdates': false, 'update.mode': 'none', 'workbench.enableExperiments': false,
    'workbench.tips.enabled': false, 'extensions.ignoreRecommendations': true, 'files.hotExit': 'off', 'window.restoreWindows': 'none',
    'git.openRepositoryInParentFolders': 'never', 'git.enabled': false,
    // HyperLab's run store goes to the host's own folder, never into the workspace under test.
    'hyperlab.runs.folder': path.join(state, 'runs'),
    // And its sweeps (journals, sweep files made from the sidebar).
    'hyperlab.sweeps.folder': path.join(state, 'sweeps'),
  }, null, 1);
  // The browser workbench keeps user settings in the browser; the remote server applies the Machine ones.
  for (const scope of ['User', 'Machine']) fs.writeFileSync(path.join(state, `user-data/${scope}/settings.json`), settings);
  const args = ['--bind-addr', authority, '--auth', 'none', '--disable-telemetry', '--disable-update-check', ...(restricted ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override', '--ignore-last-opened', '--user-data-dir', path.join(state, 'user-data'),
    '--extensions-dir', path.join(state, 'extensions'), '--config', path.join(state, 'config/config.yaml'), ...extraArgs];
  for (const folder of extensions) installUnpacked(state, folder);
  const logFile = path.join(state, 'code-server.log');
  const out = fs.openSync(logFile, 'w');
  const child = spawn(CODE_SERVER, args, {
    stdio: ['ignore', out, out], detached: true,
    // EXTENSIONS_GALLERY={}: no marketplace calls (there is no network). Variables for the extension under
    // test must be set here: code-server ignores the payload's extensionEnvironment.
    env: { EXTENSIONS_GALLERY: '{}', ...process.env, XDG_CONFIG_HOME: path.join(state, 'config'), XDG_DATA_HOME: path.join(state, 'data'), XDG_CACHE_HOME: path.join(state, 'cache'), ...env },
  });
  for (let i = 0; ; i++) {
    try { if ((await fetch(`http://${authority}/healthz`)).ok) break; } catch { /* not up yet */ }
    if (child.exitCode !== null || i > 240) throw new Error('code-server did not start:\n' + fs.readFileSync(logFile, 'utf8'));
    await new Promise((r) => setTimeout(r, 250));
  }
  const remote = (p) => `vscode-remote://${authority}${path.resolve(p)}`;
  return {
    authority, state, logFile, workspace: path.join(state, 'workspace'),
    /** Workbench URL. code-server has no --extensionDevelopmentPath: the URL's payload carries it. */
    url({ folder, extensionDevelopmentPath, extensionTestsPath } = {}) {
      const payload = [];
      if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
      if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
      let u = `http://${authority}/?folder=${encodeURIComponent(path.resolve(folder || path.join(state, 'workspace')))}`;
      if (payload.length) u += '&payload=' + encodeURIComponent(JSON.stringify(payload));
      return u;
    },
    version() {
      return execSync(`${JSON.stringify(CODE_SERVER)} --version`, { env: { ...process.env, XDG_CONFIG_HOME: path.join(state, 'config') }, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim().split('\n').pop();
    },
    async stop({ keepState = !!process.env.KEEP_HOST_STATE } = {}) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
      await new Promise((r) => setTimeout(r, 300));
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
      if (!keepState) fs.rmSync(state, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser({ viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = await import('playwright-core');
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-chromium-'));
  const ctx = await chromium.launchPersistentContext(udd, {
    executablePath: chromiumPath(), headless: true, viewport,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-default-apps', '--mute-audio'],
  });
  const page = ctx.pages()[0] || await ctx.newPage();
  return { ctx, page, async close() { await ctx.close().catch(() => {}); fs.rmSync(udd, { recursive: true, force: true }); } };
}

/** Forwards the extension host's console (console.log there, the mocha reporter) to this process's stdout. */
export function pipeExtensionHostConsole(page, { verbose = !!process.env.VERBOSE } = {}) {
  page.on('console', (m) => {
    const t = m.text();
    if (t.startsWith('%c[Extension Host]')) console.log(t.replace(/^%c\[Extension Host\] %c/, '').replace(/ color: blue color: ?/, ' '));
    else if (verbose) console.log(`[renderer ${m.type()}]`, t.slice(0, 500));
  });
}

/** F1, the command's title, Enter. Retries: right after load a dev extension's commands may not be registered yet. */
export async function runCommandFromPalette(page, title, { attempts = 6 } = {}) {
  for (let i = 1; ; i++) {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(title, { delay: 15 });
    try {
      await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${title}"]`, { timeout: 5000 });
      await page.keyboard.press('Enter');
      return;
    } catch {
      await page.keyboard.press('Escape');
      if (i >= attempts) throw new Error(`command "${title}" not found in the palette after ${attempts} tries`);
      await page.waitForTimeout(1000);
    }
  }
}

/** Locator root inside a webview (outer iframe.webview, inner iframe#active-frame). */
export const webviewFrame = (page, selector = 'iframe.webview.ready') => page.frameLocator(selector).frameLocator('iframe#active-frame');

/** The frame of the HyperLab webview whose <body data-view> is `view` ('panel' or 'sidebar'), once it exists. */
export async function findWebviewFrame(page, view, { timeout = 30000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      if (await frame.$(`body[data-view="${view}"]`).catch(() => null)) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no ${view} webview appeared within ${timeout} ms`);
    await page.waitForTimeout(250);
  }
}

export async function waitForWorkbench(page) {
  await page.waitForSelector('.monaco-workbench .statusbar', { timeout: 90000 });
  await page.waitForTimeout(2000); // let the remote extension host connect
}
