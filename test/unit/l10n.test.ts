import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { schemaTexts } from '../../src/shared/hyperparamSettings';

/** Folders whose pure builders take the translation function as `t` (the host passes vscode.l10n.t). */
const PURE_BUILDERS = [path.join('keras', 'hover'), path.join('host', 'language'), path.join('host', 'training'), path.join('host', 'sweeps'), path.join('host', 'sidebar')];

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

  describe('Spanish terminology (l10n/terminology.es.json)', () => {
    const terminology = JSON.parse(fs.readFileSync('l10n/terminology.es.json', 'utf8')) as {
      terms: { english: string; spanish: string; note: string }[];
      forbidden: { pattern: string; use: string; why: string }[];
    };
    const manifest = JSON.parse(fs.readFileSync('package.nls.json', 'utf8')) as Record<string, string>;
    const manifestEs = JSON.parse(fs.readFileSync('package.nls.es.json', 'utf8')) as Record<string, string>;
    /** Every Spanish text with its English original: the bundle, then the manifest's. */
    const pairs: [string, string][] = [...Object.entries(bundle), ...Object.keys(manifest).map((k): [string, string] => [manifest[k]!, manifestEs[k] ?? ''])];

    it('has the manifest translated key for key', () => {
      assert.deepEqual(Object.keys(manifestEs).sort(), Object.keys(manifest).sort());
    });

    for (const rule of terminology.forbidden) {
      it(`writes no ${JSON.stringify(rule.pattern)} in Spanish (use ${rule.use})`, () => {
        const re = new RegExp(rule.pattern, 'iu');
        const found = pairs.filter(([, spanish]) => re.test(spanish)).map(([, spanish]) => spanish);
        assert.deepEqual(found, [], `${rule.why} Use: ${rule.use}.`);
      });
    }

    for (const term of terminology.terms) {
      it(`says ${JSON.stringify(term.spanish)} wherever the English says ${JSON.stringify(term.english)}`, () => {
        const english = new RegExp(term.english, 'i'), spanish = new RegExp(term.spanish, 'iu');
        const found = pairs.filter(([en, es]) => english.test(en) && !spanish.test(es)).map(([en, es]) => `${en} → ${es}`);
        assert.deepEqual(found, [], term.note);
      });
    }

    it('catches the words it forbids (the rules are not vacuous)', () => {
      const samples = ['los ejercicios de la clase', 'induce sparsidad', 'lleva a overfitting', 'el momento de Nesterov', 'la cantidad que se vigila', 'usar rate 0.5', 'de 8 unidades', 'Agrega x1²', 'el conjunto circle', '60,000 muestras', 'el 50% de', 'el predeterminado', 'una ejecución', 'gradiente desvaneciente', 'mayor costo', '(pérdida, precisión, etc.)'];
      const caught = samples.filter((s) => terminology.forbidden.some((rule) => new RegExp(rule.pattern, 'iu').test(s)));
      assert.deepEqual(caught, samples);
      const allowed = ['la clase {0} en la fila {1}', 'es la clase `Dense`', 'sobreajuste (overfitting)', 'primer momento', 'los momentos corregidos', '1 / (1 − rate)', 'rate=0.5', 'programa de tasa de aprendizaje (learning-rate schedule)', 'el 50 % de', '60.000 muestras', '%5B%2201'];
      assert.deepEqual(allowed.filter((s) => terminology.forbidden.some((rule) => new RegExp(rule.pattern, 'iu').test(s))), []);
    });
  });

  it('keeps no stale translations', () => {
    const stale = Object.keys(bundle).filter((k) => !keys.includes(k));
    assert.deepEqual(stale, []);
  });
});
