import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { schemaTexts } from '../../src/shared/hyperparamSettings';

/** Folders whose pure builders take the translation function as `t` (the host passes vscode.l10n.t). */
const PURE_BUILDERS = [path.join('keras', 'hover'), path.join('host', 'language'), path.join('host', 'training')];

/** Every string literal passed to vscode.l10n.t(...) in the host code, and to t(...) in the pure builders. */
function l10nLiterals(): string[] {
  const found: string[] = [];
  for (const file of fs.readdirSync('src', { recursive: true }).map(String)) {
    if (!file.endsWith('.ts')) continue;
    const text = fs.readFileSync(path.join('src', file), 'utf8');
    const call = PURE_BUILDERS.some((dir) => file.startsWith(dir + path.sep)) ? /\bt\(\s*'((?:[^'\\]|\\.)*)'/g : /l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g;
    for (const m of text.matchAll(call)) found.push((m[1] as string).replace(/\\'/g, "'"));
    for (const m of text.matchAll(MESSAGE)) found.push((m[1] as string).replace(/\\'/g, "'"));
  }
  return found;
}

/** Translatable messages: msg('English with {0} holes', ...) anywhere in src (the analysis, the engine's errors; src/shared/message.ts). */
const MESSAGE = /\bmsg\(\s*'((?:[^'\\]|\\.)*)'/g;

/** msg( calls in src whose text is not a single-quoted literal (the scan above could not check them). */
function nonLiteralMessages(): string[] {
  const found: string[] = [];
  for (const file of fs.readdirSync('src', { recursive: true }).map(String)) {
    if (!file.endsWith('.ts') || path.basename(file) === 'message.ts') continue;
    const text = fs.readFileSync(path.join('src', file), 'utf8');
    // msg(...) with dots is how comments name the call; a real first argument never starts with a dot.
    for (const m of text.matchAll(/\bmsg\(\s*([^'\s".])/g)) found.push(`${file}: msg(${m[1]}...`);
    for (const m of text.matchAll(/\bmsg\(\s*"/g)) found.push(`${file}: msg("...") at ${m.index}: use a single-quoted literal`);
  }
  return found;
}

describe('localization', () => {
  const bundle = JSON.parse(fs.readFileSync('l10n/bundle.l10n.es.json', 'utf8')) as Record<string, string>;
  const keys = [...new Set([...l10nLiterals(), ...schemaTexts()])];

  it('finds the host strings to check', () => {
    assert.ok(keys.length >= 15, `only ${keys.length} strings found`);
  });

  it('has a Spanish translation for every string the host shows', () => {
    const missing = keys.filter((k) => !bundle[k]);
    assert.deepEqual(missing, [], 'missing from l10n/bundle.l10n.es.json');
  });

  it('finds every message of the analysis (each msg(...) text is a literal)', () => {
    assert.deepEqual(nonLiteralMessages(), []);
    assert.ok(keys.some((k) => k.startsWith('Dropout rate must be between 0 and 1')));
  });

  it('keeps the placeholders of every English text in its Spanish translation', () => {
    const holes = (s: string): string => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort().join(' ');
    const wrong = Object.entries(bundle).filter(([english, spanish]) => holes(english) !== holes(spanish)).map(([english]) => english);
    assert.deepEqual(wrong, []);
  });

  it('keeps no stale translations', () => {
    const stale = Object.keys(bundle).filter((k) => !keys.includes(k));
    assert.deepEqual(stale, []);
  });
});
