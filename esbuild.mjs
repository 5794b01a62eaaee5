// Builds every bundle HyperLab ships or tests: the extension host, the training worker and the CLI (Node, CommonJS, `vscode`
// external), each webview (browser, IIFE, chart.js and vscode-elements inlined), and the test suites.
// usage: node esbuild.mjs [--watch] [--production]   (production: minified, no source maps, no tests)
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));

// 'typescript' (the parser of TF.js files) stays out of the bundles: src/keras/javascript/typescriptModule.ts
// loads it on first use from its own bundle, dist/typescript.js, built below.
const node = {
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode', 'typescript'],
  sourcemap: !production, minify: production, logLevel: 'warning',
  define: { __HYPERLAB_VERSION__: JSON.stringify(pkg.version) },
};
const browser = {
  bundle: true, platform: 'browser', format: 'iife', target: 'chrome120',
  sourcemap: !production, minify: production, logLevel: 'warning',
};

/** Every *.test.ts under a folder, recursively. */
function testFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.test.ts')).map((f) => path.join(dir, f));
}

const builds = [
  { ...node, entryPoints: { extension: 'src/extension.ts', cli: 'src/cli/main.ts', worker: 'src/worker/trainingWorker.ts', trialWorker: 'src/worker/trialWorker.ts', importanceWorker: 'src/worker/importanceWorker.ts', pythonParseWorker: 'src/worker/pythonParseWorker.ts' }, outdir: 'dist' },
  { ...browser, entryPoints: { panel: 'webview/panel/main.ts', sidebar: 'webview/sidebar/main.ts', sweep: 'webview/sweep/main.ts' }, outdir: 'dist/webview' },
  // The TypeScript compiler as one minified file (3.5 MB instead of 9 MB), required at run time by typescriptModule.ts.
  { ...node, external: [], entryPoints: { typescript: 'node_modules/typescript/lib/typescript.js' }, outdir: 'dist', minify: true, sourcemap: false },
];
if (!production) {
  // Tests are bundled too (one toolchain); mocha and vscode stay external, resolved at run time.
  const tests = { ...node, sourcemap: 'inline', external: ['vscode', 'typescript', 'mocha', 'eslint', 'typescript-eslint', '@vscode/vsce'] };
  builds.push(
    { ...tests, entryPoints: [...testFiles('test/unit'), ...testFiles('test/optuna'), ...testFiles('test/optunaKeras'), 'test/support/summaryReporter.ts'], outbase: 'test', outdir: 'out/test' },
    { ...tests, entryPoints: [...testFiles('test/integration'), 'test/integration/index.ts'], outbase: 'test', outdir: 'out/test' },
  );
}

fs.rmSync('dist', { recursive: true, force: true });
if (!production) fs.rmSync('out/test', { recursive: true, force: true });
if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching for changes (Ctrl+C to stop)');
} else {
  const t0 = Date.now();
  try {
    await Promise.all(builds.map((b) => esbuild.build(b)));
  } catch {
    process.exit(1); // esbuild has already printed the errors
  }
  console.log(`esbuild: built ${builds.length} bundle sets in ${Date.now() - t0} ms${production ? ' (production)' : ''}`);
}
