#!/usr/bin/env node
// `npm start`: builds HyperLab and opens it in a real VS Code on examples/.
//  - with VS Code's `code` CLI on PATH: a new window with HyperLab loaded from this folder (development mode);
//  - otherwise: the bundled test host (code-server, the real VS Code 1.100.3 server) on 127.0.0.1, whose URL
//    is printed; open it in a browser. Ctrl+C stops it. HYPERLAB_PORT picks the port (default 8080).
import { execSync, spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT, startCodeServer } from './vscode-host/host.mjs';

execSync('node esbuild.mjs', { cwd: ROOT, stdio: 'inherit' });
const examples = path.join(ROOT, 'examples');
const hasCode = (() => { try { execSync('command -v code', { shell: '/bin/sh', stdio: 'ignore' }); return true; } catch { return false; } })();

if (hasCode && !process.env.HYPERLAB_USE_TEST_HOST) {
  spawn('code', [`--extensionDevelopmentPath=${ROOT}`, examples], { stdio: 'inherit', detached: true }).unref();
  console.log('HyperLab opened in a new VS Code window on examples/ (look for the HyperLab icon in the activity bar).');
} else {
  const port = Number(process.env.HYPERLAB_PORT || 8080);
  const host = await startCodeServer({ port });
  const url = host.url({ folder: examples, extensionDevelopmentPath: ROOT });
  console.log(`\nHyperLab is running in ${host.version()} (code-server) on 127.0.0.1.\nOpen this URL in a browser:\n\n  ${url}\n\nThen: the HyperLab icon in the activity bar, or F1 > "HyperLab: Open Training Panel". Ctrl+C stops the server.`);
  const stop = async () => { await host.stop(); process.exit(0); };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  if (process.env.HYPERLAB_START_CHECK) {
    // Used by the README check: prove the workbench answers, then stop.
    const res = await fetch(url);
    console.log(`workbench answered HTTP ${res.status}`);
    await host.stop();
    process.exit(res.ok ? 0 : 1);
  }
}
