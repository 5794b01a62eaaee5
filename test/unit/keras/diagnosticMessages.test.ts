/**
 * The analysis' messages in both languages: every diagnostic carries its English text (the CLI contract)
 * and the same message as a template with arguments, which the editor renders with vscode.l10n.t, and so
 * does every reason a number is unknown, shown in hovers and lens tooltips. Here the Spanish bundle stands
 * in for vscode.l10n.t.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { analyzeDocument } from '../../../src/keras/analyzeDocument';
import type { Diagnostic } from '../../../src/keras/kerasModel';
import { kerasHover } from '../../../src/keras/hover/kerasHover';
import { fillPlaceholders, msg, renderMessage } from '../../../src/keras/message';
import { kerasFixture } from './analysisFixtures';

const spanish = JSON.parse(readFileSync('l10n/bundle.l10n.es.json', 'utf8')) as Record<string, string>;
/** What vscode.l10n.t does with the Spanish bundle loaded (an untranslated text falls back to English). */
const es = (english: string, ...args: (string | number)[]): string => fillPlaceholders(spanish[english] ?? english, args);

const diagnosticsOf = (text: string, language: 'python' | 'typescript' = 'python'): Diagnostic[] => {
  const a = analyzeDocument(text, language);
  return [...a.diagnostics, ...a.models.flatMap((m) => m.diagnostics)];
};

describe('keras diagnostic messages', () => {
  it('renders a template with its arguments, messages inside messages first', () => {
    const inner = msg('{0} trainable must be True or False', 'Dense');
    const outer = msg('Bidirectional\'s wrapped layer: {0}', inner);
    assert.equal(renderMessage(outer), 'Bidirectional\'s wrapped layer: Dense trainable must be True or False');
    assert.equal(renderMessage(outer, es), 'Capa envuelta por Bidirectional: trainable de Dense debe ser True o False');
  });

  it('keeps every fixture diagnostic\'s English message equal to its template rendered in English', () => {
    const files = readdirSync('test/fixtures/keras').filter((f) => /\.(py|js|ts)$/.test(f));
    let seen = 0;
    for (const file of files) {
      for (const d of diagnosticsOf(kerasFixture(file), file.endsWith('.py') ? 'python' : 'typescript')) {
        assert.equal(renderMessage(d.text), d.message, file);
        seen++;
      }
    }
    assert.ok(seen >= 10, `only ${seen} diagnostics in the fixtures`);
  });

  it('shows a Dropout rate written as a percentage in Spanish, with the fraction to write', () => {
    const [d] = diagnosticsOf('from keras import layers, Sequential\nm = Sequential([layers.Input((4,)), layers.Dropout(50)])\n');
    assert.equal(d?.code, 'dropout-rate');
    assert.equal(renderMessage(d.text, es), 'La tasa de Dropout debe estar entre 0 y 1 (la fracción de neuronas que se ponen a cero durante el entrenamiento), pero es 50; es una fracción, así que para un 50 % escribe Dropout(0.5)');
  });

  it('translates a syntax error, the loss pairing warning and a wrapped layer\'s problem', () => {
    const syntax = diagnosticsOf('import keras\nm = keras.Sequential([keras.layers.Dense(3,\n');
    assert.match(renderMessage(syntax[0]!.text, es), /^Error de sintaxis: /);
    const pairing = diagnosticsOf(kerasFixture('loss_pairing.py')).find((d) => d.code === 'loss-activation-mismatch')!;
    const spanishPairing = renderMessage(pairing.text, es);
    assert.match(spanishPairing, /Combinaciones: binaria → Dense\(1, activation="sigmoid"\)/);
    assert.doesNotMatch(spanishPairing, /Pairings/);
    const wrapped = diagnosticsOf('from keras import layers, Sequential\nm = Sequential([layers.Input((5, 3)), layers.Bidirectional(layers.LSTM(0))])\n');
    assert.match(renderMessage(wrapped[0]!.text, es), /^Capa envuelta por Bidirectional: units de LSTM debe ser un entero positivo, pero es 0$/);
  });

  it('explains an unknown number in a Spanish hover in Spanish, the code it quotes kept as code', () => {
    const source = 'import keras\ndef build(units):\n    return keras.Sequential([keras.Input((4,)), keras.layers.Dense(units)])\nmodel = build(n)\n';
    const at = source.indexOf('Dense(units)') + 1;
    const hover = kerasHover({ analysis: analyzeDocument(source, 'python'), text: source, language: 'python', offset: at }, es);
    assert.ok(hover, 'no hover on Dense');
    assert.match(hover.markdown, /\*\*Parámetros\*\*: \? — desconocido: units\\: no está definido en este archivo \\\(`n`\\\)/);
    assert.doesNotMatch(hover.markdown, /is not defined/);
  });
});
