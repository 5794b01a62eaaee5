#!/usr/bin/env node
// Tests must never change the repository's files. `npm test` runs this twice:
//   node scripts/checkCleanTree.mjs --record   first: notes what `git status` shows before the run
//   node scripts/checkCleanTree.mjs            last: fails when a tracked file changed (or a new file
//                                              that .gitignore does not cover appeared) since the record
// Comparing with the record lets a developer run `npm test` with work in progress; on CI's clean clone
// the record is empty, so any change fails. Outside a git checkout (an unpacked source archive) the check
// is skipped with a message saying so.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RECORD = path.join(ROOT, 'out', 'tree-before-tests.json');

function git(...args) {
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function inGitCheckout() {
  try {
    return git('rev-parse', '--is-inside-work-tree').trim() === 'true';
  } catch {
    return false;
  }
}

/** Each changed or new path with a hash of its content, so a second change to an already modified file shows too. */
function treeState() {
  const state = {};
  const entries = git('status', '--porcelain=v1', '-z', '--untracked-files=all').split('\0').filter(Boolean);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const status = entry.slice(0, 2), file = entry.slice(3);
    if (status[0] === 'R' || status[0] === 'C') i++; // the next entry is the rename's source
    const full = path.join(ROOT, file);
    const content = fs.existsSync(full) && fs.statSync(full).isFile() ? fs.readFileSync(full) : Buffer.from('(not a file)');
    state[file] = `${status} ${createHash('sha1').update(content).digest('hex')}`;
  }
  return state;
}

if (!inGitCheckout()) {
  console.log('clean-tree check skipped: not a git checkout, so there is nothing to compare with');
  process.exit(0);
}

if (process.argv.includes('--record')) {
  fs.mkdirSync(path.dirname(RECORD), { recursive: true });
  fs.writeFileSync(RECORD, JSON.stringify(treeState()));
  process.exit(0);
}

const before = fs.existsSync(RECORD) ? JSON.parse(fs.readFileSync(RECORD, 'utf8')) : {};
const after = treeState();
const changed = Object.keys(after).filter((file) => before[file] !== after[file]);
const restored = Object.keys(before).filter((file) => !(file in after));
if (changed.length === 0 && restored.length === 0) {
  console.log(`clean-tree check: the tests changed no file of the repository${fs.existsSync(RECORD) ? '' : ' (no record: compared with the last commit)'}`);
  process.exit(0);
}
console.error('clean-tree check FAILED: the test run changed files of the repository (tests must work on temporary copies):');
for (const file of changed) console.error(`  ${after[file].slice(0, 2)} ${file}`);
for (const file of restored) console.error(`  (reverted) ${file}`);
console.error('See `git status` and `git diff`; restore them with `git checkout -- <file>`.');
process.exit(1);
