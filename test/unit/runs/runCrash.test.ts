import * as assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Rng } from '../../../src/engine/rng';
import { listRuns } from '../../../src/runs/runList';
import { readRun } from '../../../src/runs/runReader';
import { isRunId } from '../../../src/runs/runFiles';

// Kill -9 a real process while it writes the run store, at random moments, 60 times: half are the CLI
// (`hyperlab train --runs-dir`), half a process whose training worker thread appends the records, as in
// the extension host. After every kill every store must read back: no error, epochs 1..n in order, at
// most one torn line (the one being written), and the run shown as interrupted (its writer is gone).

const ROOT = process.cwd();
const KILLS = 60;
const PARALLEL = 4;

const experiment = {
  seed: 3,
  model: { input_shape: [2], layers: [{ class_name: 'Dense', units: 4, activation: 'tanh' }, { class_name: 'Dense', units: 1, activation: 'sigmoid' }] },
  compile: { optimizer: { class_name: 'SGD', learning_rate: 0.03 }, loss: 'binary_crossentropy', metrics: ['accuracy'] },
  fit: { epochs: 100_000, batch_size: 1, validation_split: 0.2 },
  data: { dataset: 'circle', samples: 100 },
};

/** A process that creates the header like the host and lets dist/worker.js append the rest. */
const WORKER_HARNESS = `
const { Worker } = require('node:worker_threads'); const fs = require('node:fs'); const path = require('node:path'); const os = require('node:os');
const [dir, root, expFile] = process.argv.slice(1);
const id = 'w' + process.pid + '-' + Date.now();
const experiment = JSON.parse(fs.readFileSync(expFile, 'utf8'));
const header = { type: 'run', schema: 1, id, name: 'crash', source: { kind: 'cli' }, experiment, base_dir: dir, hyperlab_version: 'test', started: new Date().toISOString(), pid: process.pid, hostname: os.hostname() };
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, id + '.jsonl'), JSON.stringify(header) + '\\n', { flag: 'wx' });
const w = new Worker(path.join(root, 'dist/worker.js'));
w.on('message', () => {});
w.postMessage({ type: 'startTraining', experiment, baseDir: dir, extensionRoot: root, kernels: 'auto', control: new SharedArrayBuffer(32), record: { dir, header } });
`;

/** Kills `child` `ms` after it created its run file in `store` (an event, not a guess at its start-up time). */
function killAfterItWrites(child: ChildProcess, store: string, ms: number): Promise<void> {
  const before = new Set(fs.readdirSync(store));
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const watcher = fs.watch(store, (_event, name) => {
      if (timer || !name || before.has(name) || !name.endsWith('.jsonl')) return;
      timer = setTimeout(() => child.kill('SIGKILL'), ms);
    });
    // A process that never writes is a failure the assertions below report; do not wait for ever.
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', () => {
      watcher.close();
      clearTimeout(timer);
      clearTimeout(guard);
      resolve();
    });
  });
}

function pidInUse(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('run store under kill -9', function () {
  this.timeout(180_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-crash-'));
    fs.writeFileSync(path.join(dir, 'exp.json'), JSON.stringify(experiment));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`reads every store back after ${KILLS} kills at random moments (CLI and worker writers)`, async () => {
    const rng = new Rng(20261207);
    let next = 0, grew = 0, lastCount = 0;
    const problems: string[] = [];
    // Each lane has its own store (several runs per store: earlier runs must survive later kills); a store
    // shared by two lanes would see the other lane's new run appear between its listing and its reads.
    const lane = async (laneIndex: number) => {
      while (next < KILLS) {
        const k = next++;
        const store = path.join(dir, `store-${laneIndex}`);
        fs.mkdirSync(store, { recursive: true });
        const child = k % 2 === 0
          ? spawn(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'train', path.join(dir, 'exp.json'), '--json', '--runs-dir', store], { stdio: 'ignore' })
          : spawn(process.execPath, ['-e', WORKER_HARNESS, store, ROOT, path.join(dir, 'exp.json')], { stdio: 'ignore' });
        await killAfterItWrites(child, store, 100 + Math.floor(rng.uniform() * 800));
        const runs = await listRuns(store);
        for (const id of fs.readdirSync(store).filter((f) => f.endsWith('.jsonl') && !f.endsWith('.meta.jsonl')).map((f) => f.slice(0, -6))) {
          assert.ok(isRunId(id));
          const run = await readRun(store, id);
          if (!run) continue; // killed before its header line was complete: nothing was recorded
          const epochs = run.epochs.map((e) => e.epoch);
          if (!epochs.every((e, i) => e === i + 1)) problems.push(`${id}: epochs out of order ${epochs.slice(0, 5).join(',')}...`);
          if (run.skipped > 1) problems.push(`${id}: ${run.skipped} unreadable lines`);
          // Interrupted: its writer is gone — unless the busy machine already gave its pid to a new process.
          if (run.status !== 'interrupted' && !(run.status === 'running' && pidInUse(run.header.pid))) problems.push(`${id}: status ${run.status}`);
          if (!runs.some((r) => r.id === id)) problems.push(`${id}: readable but not listed`);
        }
        if (runs.length > lastCount) grew++;
        lastCount = runs.length;
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, (_, i) => lane(i)));
    assert.deepEqual(problems, []);
    const all = (await Promise.all(Array.from({ length: PARALLEL }, (_, i) => listRuns(path.join(dir, `store-${i}`))))).flat();
    assert.equal(all.length, KILLS, 'every run started is listed');
    console.log(`      epochs recorded per killed run: ${all.map((r) => r.epochs).sort((a, b) => a - b).join(' ')}`);
    assert.ok(all.filter((r) => r.epochs > 0).length >= KILLS / 3, `most kills landed mid-training, after epochs were written: ${all.map((r) => r.epochs).join(' ')}`);
    assert.ok(grew > 0);
  });
});
