import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Rng } from '../../src/engine/rng';
import { killWhileWriting, sizeOfMatching } from './storage/killWhileWriting';

/**
 * `hyperlab train --weights` against kill -9 and failed runs: the weights file is always either the previous
 * valid file or the new one. The model has 2,006,001 parameters, so the weights are a ~40 MB JSON file
 * whose write takes long enough for kills to land inside it.
 */

const cliPath = path.resolve('dist/cli.js');
const bigModel = (seed: number) => ({
  seed,
  model: { input_shape: [1], layers: [{ class_name: 'Dense', units: 2000 }, { class_name: 'Dense', units: 1000 }, { class_name: 'Dense', units: 1 }] },
  compile: { optimizer: 'sgd', loss: 'mse' },
  fit: { epochs: 1, batch_size: 1 },
  data: { x: [[0.5]], y: [[0.1]] },
});

describe('hyperlab train --weights is crash-safe', function () {
  this.timeout(120_000);
  let dir: string;
  let oldText: string, newText: string, newSpec: string;
  const target = () => path.join(dir, 'w.json');

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-kill-'));
    const oldSpec = path.join(dir, 'old.json');
    newSpec = path.join(dir, 'new.json');
    fs.writeFileSync(oldSpec, JSON.stringify(bigModel(1)));
    fs.writeFileSync(newSpec, JSON.stringify(bigModel(2)));
    for (const [spec, out] of [[oldSpec, 'old-weights.json'], [newSpec, 'new-weights.json']] as const) {
      const r = spawnSync(process.execPath, [cliPath, 'train', spec, '--weights', path.join(dir, out)], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
    }
    oldText = fs.readFileSync(path.join(dir, 'old-weights.json'), 'utf8');
    newText = fs.readFileSync(path.join(dir, 'new-weights.json'), 'utf8');
    assert.notEqual(oldText, newText);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Puts the old weights in place, with an old mtime so a plain writer's first write is visible. */
  function resetTarget(): void {
    fs.writeFileSync(target(), oldText);
    fs.utimesSync(target(), new Date(2000, 0, 1), new Date(2000, 0, 1));
    for (const name of fs.readdirSync(dir)) if (name.endsWith('.tmp')) fs.rmSync(path.join(dir, name));
  }

  /** The target's size once something wrote to it since resetTarget(), else null. */
  function rewrittenTargetSize(): number | null {
    const st = fs.statSync(target(), { throwIfNoEntry: false });
    return st && st.mtimeMs > new Date(2001, 0, 1).getTime() ? st.size : null;
  }

  function targetIsOldOrNew(label: string): 'old' | 'new' {
    const text = fs.readFileSync(target(), 'utf8');
    if (text === oldText) return 'old';
    if (text === newText) return 'new';
    assert.fail(`${label}: w.json is neither the old nor the new weights (${text.length} characters, valid JSON: ${isJson(text)})`);
  }

  it('leaves the old or the new file, never a torn one, when killed at random moments of the run', async () => {
    // Seeded moments: at spawn (while training), when the temporary file appears, at random fractions of
    // its final size (inside the write), and at its full size (during fsync and rename).
    const rng = new Rng(14);
    const moments: ('spawn' | number)[] = ['spawn', 0, rng.uniform(), rng.uniform(), rng.uniform(), 1];
    // The temporary file, or the target itself once rewritten (which is how a non-atomic writer shows).
    const writing = () => sizeOfMatching(dir, (n) => n.startsWith('.w.json.') && n.endsWith('.tmp')) ?? rewrittenTargetSize();
    let insideWrite = 0;
    const seen: string[] = [];
    for (const at of moments) {
      // On a busy machine the watcher may miss the ~50 ms write; a fractional moment is tried again (up
      // to 6 times) until a kill lands inside it. Every attempt is checked, hit or miss.
      for (let attempt = 0; attempt < (typeof at === 'number' && at > 0 && at < 1 ? 6 : 1); attempt++) {
        resetTarget();
        const outcome = await killWhileWriting({
          command: process.execPath, args: [cliPath, 'train', newSpec, '--weights', target()], inProgressSize: writing, finalSize: newText.length, at,
        });
        const state = targetIsOldOrNew(`killed at ${String(at)}`);
        seen.push(`${String(at)}: ${outcome.killed ? `killed with ${outcome.sizeAtKill ?? 'no'} temporary bytes` : 'exited first'} -> ${state}`);
        if (outcome.killed && outcome.sizeAtKill !== null && outcome.sizeAtKill > 0 && outcome.sizeAtKill < newText.length) {
          insideWrite++;
          break;
        }
      }
    }
    // The test must actually hit the write window, or it proves nothing.
    assert.ok(insideWrite >= 3, `only ${insideWrite} kills landed inside the write:\n${seen.join('\n')}`);
    // And a run left alone replaces the old file, leaving no temporary file behind.
    resetTarget();
    const done = spawnSync(process.execPath, [cliPath, 'train', newSpec, '--weights', target()], { encoding: 'utf8' });
    assert.equal(done.status, 0, done.stderr);
    assert.equal(targetIsOldOrNew('uninterrupted'), 'new');
    assert.deepEqual(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp')), []);
  });

  it('catches a plain, non-atomic writer tearing the file (the harness can fail)', async () => {
    const writer = path.join(dir, 'plainWriter.js');
    fs.writeFileSync(writer, `require('fs').writeFileSync(${JSON.stringify(target())}, require('fs').readFileSync(${JSON.stringify(path.join(dir, 'new-weights.json'))}));`);
    let torn = 0;
    for (const at of [0.3, 0.6]) {
      resetTarget();
      await killWhileWriting({ command: process.execPath, args: [writer], inProgressSize: rewrittenTargetSize, finalSize: newText.length, at });
      const text = fs.readFileSync(target(), 'utf8');
      if (text !== oldText && text !== newText && !isJson(text)) torn++;
    }
    assert.ok(torn >= 1, 'a plain writeFileSync killed mid-write should leave invalid JSON');
  });

  it('does not overwrite good weights with the NaN weights of a failed run', () => {
    resetTarget();
    const nanSpec = path.join(dir, 'nan.json');
    fs.writeFileSync(nanSpec, JSON.stringify({
      model: { layers: [{ class_name: 'Dense', units: 1 }] }, compile: { optimizer: { class_name: 'SGD', learning_rate: 1e6 }, loss: 'mse' },
      fit: { epochs: 50, batch_size: 1 }, data: { x: [[100], [200]], y: [[1], [2]] },
    }));
    const r = spawnSync(process.execPath, [cliPath, 'train', nanSpec, '--weights', target()], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /loss became (NaN|Infinity).*The weights were not written; .*w\.json is unchanged\./);
    assert.equal(fs.readFileSync(target(), 'utf8'), oldText);
  });

  it('says it cannot write the weights, and why, when the target is a folder', () => {
    const small = path.join(dir, 'small.json');
    fs.writeFileSync(small, JSON.stringify({ model: { layers: [{ class_name: 'Dense', units: 1 }] }, compile: { loss: 'mse' }, data: { x: [[1], [2]], y: [[1], [2]] } }));
    const folder = path.join(dir, 'a-folder');
    fs.mkdirSync(folder);
    const r = spawnSync(process.execPath, [cliPath, 'train', small, '--weights', folder], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /hyperlab train: cannot write the weights to .*a-folder: it is a directory; the file is unchanged/);
    assert.deepEqual(fs.readdirSync(folder), []);
  });
});

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
