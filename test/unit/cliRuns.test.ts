import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const cli = (...args: string[]) => spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8' });

const circle = (seed: number, units: number) => ({
  seed,
  model: { input_shape: [2], layers: [{ class_name: 'Dense', units, activation: 'tanh' }, { class_name: 'Dense', units: 1, activation: 'sigmoid' }] },
  compile: { optimizer: { class_name: 'SGD', learning_rate: 0.03 }, loss: 'binary_crossentropy', metrics: ['accuracy'] },
  fit: { epochs: 3, batch_size: 50 },
  data: { dataset: 'circle', samples: 200 },
});

describe('hyperlab train --runs-dir and hyperlab runs (built CLI)', function () {
  this.timeout(30_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-cli-runs-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('records each run and lists them with status, epochs and best metrics; the same seed reruns to the same numbers', () => {
    const store = path.join(dir, 'runs');
    for (const [i, units] of [[1, 2], [2, 3], [3, 2]] as const) {
      const spec = path.join(dir, `e${i}.json`);
      fs.writeFileSync(spec, JSON.stringify(circle(7, units)));
      const r = cli('train', spec, '--json', '--runs-dir', store);
      assert.equal(r.status, 0, r.stderr);
    }
    const listed = cli('runs', '--runs-dir', store, '--json');
    assert.equal(listed.status, 0, listed.stderr);
    const runs = listed.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; name: string; status: string; epochs: number; best: Record<string, number>; final: Record<string, number>; source: { kind: string } });
    assert.equal(runs.length, 3);
    assert.deepEqual(runs.map((r) => [r.status, r.epochs, r.source.kind]), [['finished', 3, 'cli'], ['finished', 3, 'cli'], ['finished', 3, 'cli']]);
    assert.deepEqual(new Set(runs.map((r) => r.name)), new Set(['circle · 2→[2 tanh]→1 · SGD 0.03', 'circle · 2→[3 tanh]→1 · SGD 0.03']));
    assert.ok(typeof runs[0]!.best.val_loss === 'number' && typeof runs[0]!.final.accuracy === 'number');
    const twoUnits = runs.filter((r) => r.name.includes('[2 tanh]'));
    assert.deepEqual(twoUnits[0]!.final, twoUnits[1]!.final, 'the same experiment and seed give the same numbers');
    const text = cli('runs', '--runs-dir', store);
    assert.match(text.stdout, /^id\s+status\s+epochs\s+best loss\s+best val_loss\s+best acc\s+name$/m);
    assert.equal(text.stdout.trim().split('\n').length, 4);
  });

  it('shows a run whose writer died as interrupted, with the epochs it recorded', () => {
    const store = path.join(dir, 'dead');
    const spec = path.join(dir, 'e.json');
    fs.writeFileSync(spec, JSON.stringify(circle(7, 2)));
    assert.equal(cli('train', spec, '--json', '--runs-dir', store).status, 0);
    const [file] = fs.readdirSync(store).filter((f) => f.endsWith('.jsonl'));
    const lines = fs.readFileSync(path.join(store, file!), 'utf8').trim().split('\n').filter((l) => !l.startsWith('{"type":"end"'));
    // As a kill -9 after the second epoch leaves it: no end record, a writer that is gone.
    const header = { ...(JSON.parse(lines[0]!) as Record<string, unknown>), pid: spawnSync(process.execPath, ['-e', '0']).pid };
    const kept = [JSON.stringify(header), ...lines.slice(1).filter((l) => !l.includes('"epoch":3,'))];
    fs.writeFileSync(path.join(store, file!), `${kept.join('\n')}\n{"type":"epo`);
    const [run] = cli('runs', '--runs-dir', store, '--json').stdout.trim().split('\n').map((l) => JSON.parse(l) as { status: string; epochs: number });
    assert.deepEqual(run, { ...run, status: 'interrupted', epochs: 2 });
  });

  it('lists an empty or missing store, and refuses unknown options', () => {
    assert.match(cli('runs', '--runs-dir', path.join(dir, 'none')).stdout, /no runs in/);
    const bad = cli('runs', '--bogus');
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /hyperlab runs: unknown option --bogus\. Usage: hyperlab runs/);
  });
});
