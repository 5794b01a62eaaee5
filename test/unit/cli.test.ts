import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

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
});
