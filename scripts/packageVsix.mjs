#!/usr/bin/env node
// Packages HyperLab as a VSIX with @vscode/vsce (dependencies are bundled by esbuild, so none are shipped)
// and checks what it holds: only what runs (dist without source maps, media, l10n, manifest, docs), every
// file the extension needs at run time, and a size under 3 MB. Prints `N passed, N failed`.
//   node scripts/packageVsix.mjs           -> hyperlab-<version>.vsix in the project folder
//   node scripts/packageVsix.mjs --check   -> packages into a temporary folder (the `npm test` tier)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVSIX } from '@vscode/vsce';
import yauzl from 'yauzl';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MAX_BYTES = 3 * 1024 * 1024;
const check = process.argv.includes('--check');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const outDir = check ? fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-vsix-')) : ROOT;
const vsix = path.join(outDir, `hyperlab-${pkg.version}.vsix`);

/** The names of the entries in a zip file. */
function zipEntries(file) {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const names = [];
      zip.on('entry', (e) => { names.push(e.fileName); zip.readEntry(); });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const SHIPPED = [/^extension\/dist\/.+\.js$/, /^extension\/media\/.+$/, /^extension\/l10n\/bundle\.l10n\.[a-z-]+\.json$/,
  /^extension\/package(\.nls(\.[a-z-]+)?)?\.json$/, /^extension\/(readme|changelog)\.md$/, /^extension\/LICENSE(\.txt)?$/,
  /^\[Content_Types\]\.xml$/, /^extension\.vsixmanifest$/];
const REQUIRED = ['extension/dist/extension.js', 'extension/dist/cli.js', 'extension/dist/worker.js', 'extension/dist/trialWorker.js', 'extension/dist/importanceWorker.js', 'extension/dist/pythonParseWorker.js', 'extension/dist/typescript.js', 'extension/dist/webview/panel.js', 'extension/dist/webview/sidebar.js', 'extension/dist/webview/sweep.js',
  'extension/media/common.css', 'extension/media/panel.css', 'extension/media/sidebar.css', 'extension/media/sweep.css', 'extension/media/hyperlab.svg',
  'extension/l10n/bundle.l10n.es.json', 'extension/package.nls.json', 'extension/package.nls.es.json', 'extension/package.json'];

let passed = 0, failed = 0;
function expect(name, ok, detail = '') {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
}

try {
  if (!fs.existsSync(path.join(ROOT, 'dist/extension.js'))) throw new Error('dist/ is missing: build first (npm run build)');
  await createVSIX({ cwd: ROOT, packagePath: vsix, dependencies: false, rewriteRelativeLinks: false, allowMissingRepository: true });
  const entries = (await zipEntries(vsix)).filter((n) => !n.endsWith('/'));
  const size = fs.statSync(vsix).size;
  console.log(`${path.relative(process.cwd(), vsix) || vsix}: ${entries.length} files, ${(size / 1024).toFixed(1)} KB`);
  for (const n of entries) console.log(`  ${n}`);
  const stray = entries.filter((n) => !SHIPPED.some((re) => re.test(n)));
  expect('ships only dist, media, l10n, manifest and docs', stray.length === 0, stray.join(', '));
  const leaks = entries.filter((n) => /\.map$|^extension\/(src|test|webview|scripts|examples|out)\/|\/node_modules\//.test(n));
  expect('ships no sources, tests, source maps or node_modules', leaks.length === 0, leaks.join(', '));
  const missing = REQUIRED.filter((n) => !entries.some((e) => e.toLowerCase() === n.toLowerCase()));
  expect('ships every file the extension loads', missing.length === 0, missing.join(', '));
  expect(`is under ${MAX_BYTES / 1024 / 1024} MB`, size < MAX_BYTES, `${size} bytes`);
} catch (e) {
  expect('packages with vsce', false, e instanceof Error ? e.message : String(e));
} finally {
  if (check) fs.rmSync(outDir, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
