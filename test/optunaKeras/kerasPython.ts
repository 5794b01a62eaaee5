/**
 * The Python with real Keras 3 (JAX) and Optuna for the `npm run test:optuna-keras` tier:
 * HYPERLAB_KERAS_PYTHON, else out/venv-keras (made on first use from the offline wheels in
 * HYPERLAB_PYTHON_WHEELS, ../shared/python-wheels or ../../shared/python-wheels, as their README says).
 * Without them the tier fails with what to provide; it never skips.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const VENV = path.resolve('out', 'venv-keras');
const imports = (py: string): boolean => {
  try {
    execFileSync(py, ['-c', 'import keras, jax, optuna'], { stdio: 'ignore', env: { ...process.env, KERAS_BACKEND: 'jax' } });
    return true;
  } catch {
    return false;
  }
};

export function kerasPython(): string {
  const given = process.env.HYPERLAB_KERAS_PYTHON;
  if (given) {
    if (!imports(given)) throw new Error(`HYPERLAB_KERAS_PYTHON=${given} cannot import keras, jax and optuna`);
    return given;
  }
  const py = path.join(VENV, 'bin', 'python');
  if (fs.existsSync(py) && imports(py)) return py;
  const wheels = [process.env.HYPERLAB_PYTHON_WHEELS, '../shared/python-wheels', '../../shared/python-wheels'].filter((w): w is string => !!w).map((w) => path.resolve(w)).find((w) => fs.existsSync(w));
  if (!wheels) throw new Error('no Keras to test against: set HYPERLAB_KERAS_PYTHON, or HYPERLAB_PYTHON_WHEELS to the offline wheels (keras, jax, jaxlib, optuna)');
  execFileSync('python3', ['-m', 'venv', VENV], { stdio: 'inherit' });
  execFileSync(path.join(VENV, 'bin', 'pip'), ['install', '-q', '--no-index', '--find-links', wheels, 'keras', 'jax', 'jaxlib', 'optuna'], { stdio: 'inherit' });
  if (!imports(py)) throw new Error(`the venv at ${VENV} cannot import keras, jax and optuna`);
  return py;
}
