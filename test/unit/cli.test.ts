import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const version = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string }).version;
const cli = (...args: string[]) => spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8' });

describe('hyperlab CLI (built bundle)', () => {
  it('prints its version', () => {
    const r = cli('--version');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), version);
  });

  it('prints usage with --help and with no arguments', () => {
    for (const r of [cli('--help'), cli()]) {
      assert.equal(r.status, 0);
      assert.match(r.stdout, /^Usage: hyperlab <command>/);
    }
  });

  it('refuses an unknown command with exit code 1 and a hint', () => {
    const r = cli('trian');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /unknown command 'trian'.*hyperlab --help/);
  });

  it('ends quietly when its reader closes the pipe early (hyperlab summary FILE | head -1)', () => {
    // Enough models that the output outgrows the pipe's buffer after head has gone.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-cli-'));
    const file = path.join(dir, 'many.py');
    const model = (i: number) => `m${i} = keras.Sequential([keras.Input((4,)), keras.layers.Dense(${i + 1})])\n`;
    fs.writeFileSync(file, 'import keras\n' + Array.from({ length: 400 }, (_, i) => model(i)).join(''));
    const r = spawnSync('bash', ['-c', `"${process.execPath}" dist/cli.js summary "${file}" | head -1`], { encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^Model: "m0"|^Model: "sequential/);
    assert.doesNotMatch(r.stderr, /EPIPE|Error/);
  });
});
