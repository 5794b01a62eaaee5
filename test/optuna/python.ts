/**
 * Finds and runs the Python that has Optuna for the `npm run test:optuna` tier: HYPERLAB_PYTHON, else
 * the first of /usr/bin/python3 and python3 that imports optuna (Debian's python3-optuna, which
 * .ci/run installs). Missing Optuna fails the tier with how to install it; it never skips.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';

let found: string | null = null;

export function pythonWithOptuna(): string {
  if (found) return found;
  const candidates = process.env.HYPERLAB_PYTHON ? [process.env.HYPERLAB_PYTHON] : ['/usr/bin/python3', 'python3'];
  for (const py of candidates) {
    try {
      execFileSync(py, ['-c', 'import optuna, sklearn'], { stdio: 'ignore' });
      found = py;
      return py;
    } catch {
      // try the next
    }
  }
  throw new Error(`no Python with Optuna and scikit-learn among ${candidates.join(', ')}: install Debian's python3-optuna and python3-sklearn (apt-get install python3-optuna python3-sklearn) or set HYPERLAB_PYTHON`);
}

/** Runs a script of test/optuna with arguments; resolves with its stdout (rejects with its stderr). */
export function runPython(script: string, args: readonly string[] = []): Promise<string> {
  return collect(spawnPython(script, args));
}

export function spawnPython(script: string, args: readonly string[] = []): ChildProcess {
  return spawn(pythonWithOptuna(), [`test/optuna/${script}`, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PYTHONWARNINGS: 'ignore' } });
}

export function collect(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '', err = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`python exited with ${code}: ${err.trim().split('\n').slice(-5).join('\n')}`))));
  });
}
