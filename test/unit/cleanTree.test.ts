/**
 * scripts/checkCleanTree.mjs, the last step of `npm test`: run in a throwaway git repository, it passes
 * on an untouched tree, fails naming a tracked file the "tests" changed (also one that was already
 * modified before the run), lets a developer's earlier edits pass, and skips outside a git checkout.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function run(cwd: string, ...args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [path.join(cwd, 'scripts', 'checkCleanTree.mjs'), ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

describe('the clean-tree check after npm test', () => {
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hyperlab-clean-tree-'));
    fs.mkdirSync(path.join(dir, 'scripts'));
    fs.copyFileSync('scripts/checkCleanTree.mjs', path.join(dir, 'scripts', 'checkCleanTree.mjs'));
    fs.writeFileSync(path.join(dir, '.gitignore'), 'out/\n');
    fs.writeFileSync(path.join(dir, 'example.py'), 'x = 1\n');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'draft\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('passes when the run changed nothing and fails naming a tracked file it changed', () => {
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'start');
    assert.equal(run(dir, '--record').status, 0);
    assert.equal(run(dir).status, 0);
    fs.appendFileSync(path.join(dir, 'example.py'), 'extra = 2\n');
    const failed = run(dir);
    assert.equal(failed.status, 1);
    assert.match(failed.out, /M example\.py/);
  });

  it('lets edits made before the run pass, but not a further change to the same file', () => {
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'start');
    fs.appendFileSync(path.join(dir, 'notes.txt'), 'work in progress\n');
    assert.equal(run(dir, '--record').status, 0);
    assert.equal(run(dir).status, 0);
    fs.appendFileSync(path.join(dir, 'notes.txt'), 'a test wrote this\n');
    assert.equal(run(dir).status, 1);
  });

  it('skips, saying so, outside a git checkout', () => {
    const r = run(dir);
    assert.equal(r.status, 0);
    assert.match(r.out, /skipped: not a git checkout/);
  });
});
