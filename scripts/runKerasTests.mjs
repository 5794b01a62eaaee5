// `npm run test:keras`: the differential tier — HyperLab against the real Keras 3. Makes sure a Python virtual
// environment with Keras 3 (JAX backend) exists in .venv-keras/ (gitignored), creating it offline from the
// wheels folder (HYPERLAB_PYTHON_WHEELS, else ../shared/python-wheels next to the repository) when needed;
// bundles test/keras/*.test.ts with esbuild into out/test/keras/ and runs them with mocha, with the venv's
// Python in HYPERLAB_KERAS_PYTHON. Asked to run without a Keras to run against, it fails with the reason
// (it never skips). Extra arguments go to mocha (`npm run test:keras -- --grep engine`). `npm test` does not
// run this tier; .ci/run does when the wheels are there.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const venv = path.join(root, '.venv-keras');
const python = path.join(venv, 'bin', 'python');
const wheels = process.env.HYPERLAB_PYTHON_WHEELS ?? path.resolve(root, '..', 'shared', 'python-wheels');

function fail(message) {
  console.error(`test:keras: ${message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

function run(cmd, args, options = {}) {
  return spawnSync(cmd, args, { cwd: root, encoding: 'utf8', ...options });
}

function hasKeras() {
  if (!fs.existsSync(python)) return false;
  const r = run(python, ['-c', 'import os; os.environ["KERAS_BACKEND"] = "jax"; import keras, jax; print(keras.__version__)']);
  return r.status === 0 && /^3\./.test(r.stdout.trim());
}

if (!hasKeras()) {
  if (!fs.existsSync(wheels)) {
    fail(`no Keras 3 to test against: ${python} cannot import keras, and there is no wheels folder at ${wheels} to install it from (set HYPERLAB_PYTHON_WHEELS to one).`);
  }
  console.log(`test:keras: installing Keras 3 into .venv-keras/ from ${wheels} (offline, about 20 s)`);
  let r = run('python3', ['-m', 'venv', venv], { stdio: 'inherit' });
  if (r.status !== 0) fail('python3 -m venv failed (on Debian: apt-get install python3-venv)');
  r = run(python, ['-m', 'pip', 'install', '--quiet', '--no-index', '--find-links', wheels, 'keras', 'jax', 'jaxlib'], { stdio: 'inherit' });
  if (r.status !== 0 || !hasKeras()) fail(`could not install keras, jax and jaxlib from ${wheels}`);
}

const outdir = path.join(root, 'out', 'test', 'keras');
fs.rmSync(outdir, { recursive: true, force: true });
const entries = fs.readdirSync(path.join(root, 'test', 'keras')).filter((f) => f.endsWith('.test.ts')).map((f) => path.join(root, 'test', 'keras', f));
if (entries.length === 0) fail('no test found in test/keras');
try {
  await esbuild.build({
    entryPoints: entries, outdir, bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'inline',
    external: ['vscode', 'typescript', 'mocha'], logLevel: 'warning',
  });
  await esbuild.build({
    entryPoints: [path.join(root, 'test', 'support', 'summaryReporter.ts')], outdir: path.join(root, 'out', 'test', 'support'),
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['mocha'], logLevel: 'warning',
  });
} catch {
  process.exit(1); // esbuild has already printed the errors
}
const mocha = run(process.execPath, [
  path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--reporter', path.join(root, 'test', 'unit', 'reporter.cjs'),
  '--timeout', '600000', '--enable-source-maps', ...process.argv.slice(2), path.join(outdir, '*.test.js'),
], { stdio: 'inherit', env: { ...process.env, HYPERLAB_KERAS_PYTHON: python } });
process.exit(mocha.status ?? 1);
